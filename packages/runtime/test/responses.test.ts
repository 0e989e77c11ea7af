import { useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import { createApiClient, type OperationDescriptor, ResponseParseError } from "../src/index.ts";

const server = useRecordingServer();

const op = (response?: OperationDescriptor["response"], accept?: string): OperationDescriptor => ({
  id: "read",
  method: "get",
  path: "/r",
  response,
  accept,
});

function call(operation: OperationDescriptor, headers?: Record<string, string>) {
  return createApiClient({ baseUrl: server.url }).call(operation, {}, { headers });
}

describe("success responses", () => {
  it("parses JSON and +json", async () => {
    server.reply({ json: { a: [1] } });
    await expect(call(op())).resolves.toEqual({ a: [1] });
    server.reply({ text: '{"b":2}', headers: { "content-type": "application/problem+json; charset=utf-8" } });
    await expect(call(op("text"))).resolves.toEqual({ b: 2 });
  });

  it("reads text/plain and XML as a string", async () => {
    server.reply({ text: "plain ✓", headers: { "content-type": "text/plain; charset=utf-8" } });
    await expect(call(op())).resolves.toBe("plain ✓");
    server.reply({ text: "<a>1</a>", headers: { "content-type": "application/xml" } });
    await expect(call(op())).resolves.toBe("<a>1</a>");
    server.reply({ text: "<a>1</a>", headers: { "content-type": "application/atom+xml" } });
    await expect(call(op())).resolves.toBe("<a>1</a>");
  });

  it("reads text when the descriptor says so and the Content-Type does not tell", async () => {
    server.reply({ text: "{not json" });
    await expect(call(op("text"))).resolves.toBe("{not json");
    server.reply({ text: "<p>page</p>", headers: { "content-type": "text/html" } });
    await expect(call(op("text"))).resolves.toBe("<p>page</p>");
  });

  it("reads a binary response as a Blob with the exact bytes", async () => {
    const bytes = new Uint8Array([0, 1, 2, 127, 128, 254, 255]);
    server.reply({ bytes, headers: { "content-type": "application/octet-stream" } });
    const blob = (await call(op("binary"))) as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe("application/octet-stream");
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    server.reply({ bytes: new Uint8Array([137, 80, 78, 71]), headers: { "content-type": "image/png" } });
    expect((await call(op("binary"))) as Blob).toHaveProperty("size", 4);
    // A binary operation takes even a text or XML answer as bytes; only JSON is parsed (an error-like payload).
    server.reply({ text: "<a>1</a>", headers: { "content-type": "application/xml" } });
    expect(await ((await call(op("binary"))) as Blob).text()).toBe("<a>1</a>");
    server.reply({ json: { ok: true } });
    await expect(call(op("binary"))).resolves.toEqual({ ok: true });
  });

  it("resolves to undefined for 204, 205 and an empty body of an operation documented without content", async () => {
    for (const status of [204, 205]) {
      server.reply({ status });
      await expect(call(op())).resolves.toBeUndefined();
    }
    server.reply({ text: "", headers: { "content-type": "application/json" } });
    await expect(call(op("none"))).resolves.toBeUndefined();
    server.reply({ status: 204 });
    await expect(call(op("binary"))).resolves.toBeUndefined();
  });

  it("rejects an empty 200 where the spec documents a JSON body, and keeps empty text and files", async () => {
    server.reply({ text: "", headers: { "content-type": "application/json" } });
    const error = (await call(op()).catch((e: unknown) => e)) as ResponseParseError;
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toBe("read: expected a body, got an empty 200 response");
    server.reply({ text: "" });
    await expect(call(op("text"))).resolves.toBe("");
    server.reply({ text: "" });
    const blob = (await call(op("binary"))) as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.size).toBe(0);
  });

  it("rejects a broken body under a JSON Content-Type with ResponseParseError", async () => {
    server.reply({ text: '{"a":', headers: { "content-type": "application/json" } });
    const error = (await call(op("text")).catch((e: unknown) => e)) as ResponseParseError;
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({ status: 200, contentType: "application/json", excerpt: '{"a":' });
  });

  it("takes an HTML page for a JSON operation as a ResponseParseError, not as the promised body", async () => {
    server.reply({ text: "<html>login</html>", headers: { "content-type": "text/html" } });
    await expect(call(op())).rejects.toBeInstanceOf(ResponseParseError);
  });
});

describe("Accept", () => {
  it("sends the descriptor's Accept unless the caller sets one", async () => {
    await call(op("json", "application/json, application/xml"));
    expect(server.requests.at(-1)?.headers.accept).toBe("application/json, application/xml");
    await call(op("json", "application/json, application/xml"), { accept: "application/xml" });
    expect(server.requests.at(-1)?.headers.accept).toBe("application/xml");
  });
});
