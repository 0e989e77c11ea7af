// Typed calls of the api-with-examples-30 client, type-checked with the generated package (copied to its test/usage.ts).
// `// @ts-expect-error` lines are calls that must not compile.
import { createApiWithExamples30Client } from "../src/index.ts";

const client = createApiWithExamples30Client({ baseUrl: "http://127.0.0.1:1" });

export async function usage(): Promise<void> {
  const versions = await client.listVersionsv2();
  const details = await client.getVersionDetailsv2();
  // @ts-expect-error no schema: the result is unknown, not any
  versions.versions;
  void details;
}
