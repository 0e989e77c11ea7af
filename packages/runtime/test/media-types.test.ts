import { useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import { createApiClient, encodeRequest, InvalidInputError, type OperationDescriptor } from "../src/index.ts";

const server = useRecordingServer();
const last = () => server.requests.at(-1);

/** An upload-style operation: a path parameter, a body accepting `media` (the first is the default). */
function upload(media: string[], key?: string): OperationDescriptor {
  return {
    encode: encodeRequest,
    id: "upload",
    method: "post",
    path: "/files/{id}",
    params: { id: { in: "path" } },
    body: { media, key, required: true },
  };
}

function call(operation: OperationDescriptor, input: Record<string, unknown>, contentType?: string) {
  return createApiClient({ baseUrl: server.url }).call(operation, input, { contentType });
}

/** The multipart body the server received, parsed back. */
async function receivedForm(): Promise<FormData> {
  const request = last();
  const type = request?.headers["content-type"] ?? "";
  return new Response(new Uint8Array(request?.bodyBytes ?? []), { headers: { "content-type": type } }).formData();
}

describe("JSON media types", () => {
  it("sends application/json and +json bodies as JSON with that Content-Type", async () => {
    await call(upload(["application/vnd.api+json"]), { id: 1, data: { type: "x" } });
    expect(last()?.headers["content-type"]).toBe("application/vnd.api+json");
    expect(JSON.parse(last()?.body ?? "")).toEqual({ data: { type: "x" } });
  });
});

describe("application/x-www-form-urlencoded", () => {
  it("repeats arrays, nests objects as key[prop], sends dates as ISO 8601 and booleans as text", async () => {
    await call(upload(["application/x-www-form-urlencoded"]), {
      id: 1,
      name: "a b&c",
      tags: ["x", "y"],
      address: { city: "Zürich", zip: 8000 },
      at: new Date(Date.UTC(2024, 0, 2)),
      active: false,
      skipped: undefined,
    });
    expect(last()?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(last()?.body);
    expect([...form]).toEqual([
      ["name", "a b&c"],
      ["tags", "x"],
      ["tags", "y"],
      ["address[city]", "Zürich"],
      ["address[zip]", "8000"],
      ["at", "2024-01-02T00:00:00.000Z"],
      ["active", "false"],
    ]);
  });
});

describe("multipart/form-data", () => {
  it("sends string fields, Blobs and Files as file parts, each array item as a part, objects as JSON", async () => {
    const photo = new File([new Uint8Array([0, 1, 2, 255])], "cat.png", { type: "image/png" });
    const notes = new Blob(["hello"], { type: "text/plain" });
    await call(upload(["multipart/form-data"]), {
      id: 1,
      title: "Cat",
      count: 2,
      photo,
      attachments: [notes, new File(["b"], "b.txt")],
      meta: { a: 1 },
    });
    expect(last()?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await receivedForm();
    expect(form.get("title")).toBe("Cat");
    expect(form.get("count")).toBe("2");
    const received = form.get("photo") as File;
    expect(received.name).toBe("cat.png");
    expect(received.type).toBe("image/png");
    expect([...new Uint8Array(await received.arrayBuffer())]).toEqual([0, 1, 2, 255]);
    const attachments = form.getAll("attachments") as File[];
    expect(attachments.map((file) => file.name)).toEqual(["blob", "b.txt"]);
    expect(await attachments[0]?.text()).toBe("hello");
    const meta = form.get("meta") as File;
    expect(meta.type).toBe("application/json");
    expect(JSON.parse(await meta.text())).toEqual({ a: 1 });
  });
});

describe("binary bodies", () => {
  const bytes = [0, 1, 127, 128, 255];
  it.each([
    ["Blob", () => new Blob([new Uint8Array(bytes)])],
    ["ArrayBuffer", () => new Uint8Array(bytes).buffer],
    ["Uint8Array", () => new Uint8Array(bytes)],
    ["DataView", () => new DataView(new Uint8Array(bytes).buffer)],
    [
      "ReadableStream",
      () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new Uint8Array(bytes.slice(0, 2)));
            controller.enqueue(new Uint8Array(bytes.slice(2)));
            controller.close();
          },
        }),
    ],
  ])("sends a %s byte for byte with the operation's media type", async (_, body) => {
    await call(upload(["application/octet-stream"], "body"), { id: 1, body: body() });
    expect(last()?.headers["content-type"]).toBe("application/octet-stream");
    expect([...(last()?.bodyBytes ?? [])]).toEqual(bytes);
  });

  it("sends a string as is, for any media type", async () => {
    await call(upload(["application/xml"], "body"), { id: 1, body: "<a>1</a>" });
    expect(last()).toMatchObject({ body: "<a>1</a>", headers: { "content-type": "application/xml" } });
  });

  it("rejects a value that is not bytes or text with InvalidInputError, sending nothing", async () => {
    const error = (await call(upload(["image/png"], "body"), { id: 1, body: { not: "bytes" } }).catch(
      (e: unknown) => e,
    )) as InvalidInputError;
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toBe('upload: "body" cannot be sent as image/png: give bytes or text; nothing was sent');
    expect(server.requests).toHaveLength(0);
  });
});

describe("text/plain", () => {
  it("sends the text, and numbers as text", async () => {
    await call(upload(["text/plain"], "body"), { id: 1, body: "héllo" });
    expect(last()).toMatchObject({ body: "héllo", headers: { "content-type": "text/plain" } });
    await call(upload(["text/plain"], "body"), { id: 1, body: 42 });
    expect(last()?.body).toBe("42");
  });
});

describe("contentType option", () => {
  it("picks one of the operation's media types instead of the first", async () => {
    const op = upload(["application/json", "application/x-www-form-urlencoded", "multipart/form-data"]);
    await call(op, { id: 1, name: "n" });
    expect(last()?.headers["content-type"]).toBe("application/json");
    await call(op, { id: 1, name: "n" }, "application/x-www-form-urlencoded");
    expect(last()).toMatchObject({ body: "name=n", headers: { "content-type": "application/x-www-form-urlencoded" } });
    await call(op, { id: 1, name: "n" }, "multipart/form-data");
    expect((await receivedForm()).get("name")).toBe("n");
  });
});
