/**
 * What generated methods put on the wire and hand back, one construct at a time: the constructs fixture is
 * generated into a temporary workspace, its operations.gen.ts imported as is (the runtime resolved to its source,
 * see vitest.config.ts) and called against a recording HTTP server on 127.0.0.1.
 */
import { type RecordingServer, startRecordingServer } from "@chat-sdk/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { createWorkspace } from "./workspace.ts";

// biome-ignore lint/suspicious/noExplicitAny: the module is generated at test time; its types are checked in constructs-types.test.ts
type Ops = Record<string, any>;
let server: RecordingServer;
let op: Ops;
let client: unknown;

beforeAll(async () => {
  server = await startRecordingServer();
  const ws = createWorkspace("constructs");
  await generateApi(ws.root, ws.api);
  op = await import(`${ws.generatedDir}/operations.gen.ts`);
  const runtime = await import("@fixture/runtime");
  client = runtime.createApiClient({ baseUrl: `${server.url}/v1`, retry: { maxRetries: 0 } });
}, 60_000);
afterAll(() => server.close());

const last = () => server.requests.at(-1);

describe("requests", () => {
  it("puts path, query, header and cookie parameters where they belong and the rest in the body", async () => {
    server.reply({ json: { mark: "X" } });
    const result = await op.putSquare(client, {
      row: 1,
      column: 2,
      dryRun: true,
      "X-Request-Id": "r-1",
      session: "s 1",
      mark: "X",
    });
    expect(result).toEqual({ mark: "X" });
    expect(last()).toMatchObject({ method: "PUT", path: "/v1/board/1/2", search: "dryRun=true", body: '{"mark":"X"}' });
    expect(last()?.headers["x-request-id"]).toBe("r-1");
    expect(last()?.headers.cookie).toBe("session=s%201");
    expect(last()?.headers["content-type"]).toBe("application/json");
  });

  it("sends renamed keys under their wire names", async () => {
    server.reply({ status: 204 });
    const result = await op.updateItem(client, {
      id: "p/1",
      queryId: "q",
      bodyId: "b",
      name: "n",
      api_key: "k",
      tags: ["a", "b"],
    });
    expect(result).toBeUndefined();
    expect(last()).toMatchObject({ path: "/v1/items/p%2F1", search: "id=q&tags=a&tags=b" });
    expect(JSON.parse(last()?.body ?? "")).toEqual({ id: "b", name: "n" });
    expect(last()?.headers.api_key).toBe("k");
  });

  it("never sends a missing path parameter as `undefined`", async () => {
    const before = server.requests.length;
    await expect(op.putSquare(client, { mark: "X" })).rejects.toMatchObject({ name: "InvalidInputError" });
    expect(server.requests.length).toBe(before);
  });

  it("encodes a form body", async () => {
    server.reply({ status: 201, json: { sid: "S1" } });
    expect(await op.submitForm(client, { To: "+1 555", Tags: ["a", "b"], Count: 2, queryProto: "p" })).toEqual({
      sid: "S1",
    });
    // A parameter named `__proto__` gets another key (an object literal cannot hold it) and keeps its wire name.
    expect(last()?.search).toBe("__proto__=p");
    expect(last()?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(last()?.body).toBe("To=%2B1%20555&Tags=a&Tags=b&Count=2");
  });

  it("encodes a multipart body with files and reads a text answer", async () => {
    server.reply({ text: "stored", headers: { "content-type": "text/plain" } });
    const file = new File(["hello"], "a.txt", { type: "text/plain" });
    const result = await op.uploadFiles(client, { file, extra: [new Blob(["x"]), new Blob(["y"])], note: "n" });
    expect(result).toBe("stored");
    const request = last();
    const form = await new Response(new Uint8Array(request?.bodyBytes ?? []), {
      headers: { "content-type": String(request?.headers["content-type"]) },
    }).formData();
    expect((form.get("file") as File).name).toBe("a.txt");
    expect(await (form.get("file") as File).text()).toBe("hello");
    expect(form.getAll("extra")).toHaveLength(2);
    expect(form.get("note")).toBe("n");
  });

  it("uploads bytes as they are and downloads them as a Blob", async () => {
    server.reply({ status: 204 });
    await op.putBlob(client, { name: "a.bin", body: new Uint8Array([0, 1, 2, 255]) });
    expect(last()?.headers["content-type"]).toBe("application/octet-stream");
    expect([...(last()?.bodyBytes ?? [])]).toEqual([0, 1, 2, 255]);

    server.reply({ bytes: Buffer.from([9, 8, 7]), headers: { "content-type": "application/octet-stream" } });
    const blob = await op.getBlob(client, { name: "a.bin" });
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([9, 8, 7]);
  });

  it("sends the media type the caller picks, and asks for the one the types describe", async () => {
    server.reply({ json: { text: "t" } });
    await op.addNote(client, { text: "t" }, { contentType: "application/x-www-form-urlencoded" });
    expect(last()?.body).toBe("text=t");
    expect(last()?.headers.accept).toBe("application/json");
    await op.addNote(client);
    expect(last()?.body).toBe("");
  });

  it("reads XML and text answers as strings, and operations without operationId work", async () => {
    server.reply({ text: "<notes/>", headers: { "content-type": "application/xml" } });
    expect(await op.replaceNotes(client, { body: [{ text: "a" }] })).toBe("<notes/>");
    expect(last()?.body).toBe('[{"text":"a"}]');
    server.reply({ text: "ok", headers: { "content-type": "text/plain" } });
    expect(await op.getHealth(client)).toBe("ok");
    server.reply({ status: 204 });
    expect(await op.deleteHealthByCheck(client, { check: "db" })).toBeUndefined();
    expect(last()).toMatchObject({ method: "DELETE", path: "/v1/health/db" });
  });
});
