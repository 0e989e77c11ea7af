// Typed calls of the rw-constructs fixture client, type-checked with the generated package (copied to its
// test/usage.ts). `// @ts-expect-error` lines are calls that must not compile.
import { createRwConstructsClient, type RecordSchema } from "../src/index.ts";

/** Exact type equality (no `any` slips through). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const client = createRwConstructsClient({ baseUrl: "http://127.0.0.1:1" });

export async function usage(): Promise<void> {
  // Multipart: binary fields are Blobs.
  const stored = await client.uploadFiles({
    file: new Blob(["x"]),
    attachments: [new Blob(["a"])],
    description: "d",
    tags: ["a"],
    meta: { source: "s" },
  });
  const storedExact: Equal<typeof stored, RecordSchema> = true;
  // @ts-expect-error file is required
  await client.uploadFiles({ description: "d" });

  const file = await client.downloadFile({ fileId: "f" });
  const fileExact: Equal<typeof file, Blob> = true;
  const image = await client.getImage({ imageId: 1 });
  const imageExact: Equal<typeof image, Blob> = true;
  await client.replaceFileText({ fileId: "f", body: "text" });
  // @ts-expect-error the text/plain body is required
  await client.replaceFileText({ fileId: "f" });

  const who = await client.getSession({ session: "abc", theme: "dark" });
  const whoExact: Equal<typeof who, string> = true;
  const found = await client.search({ filter: { status: "open" }, ids: [1, 2], "X-Trace": ["a", "b"] });
  found.data?.[0]?.id satisfies string | undefined;

  await client.patchItem({ id: "i1", name: "n", note: null });
  await client.delete_({ id: "i1" });
  const deleted: Equal<Awaited<ReturnType<typeof client.delete_>>, void> = true;
  void [stored, file, image, who, deleted, storedExact, fileExact, imageExact, whoExact];
}
