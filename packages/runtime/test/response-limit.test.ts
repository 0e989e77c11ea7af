/**
 * `maxResponseBytes` (per client and per call): a body over the limit rejects with ResponseTooLargeError, whether
 * its Content-Length says so up front or it streams past the limit, and the read stops there.
 */
import { useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import { createApiClient, type OperationDescriptor, ResponseTooLargeError } from "../src/index.ts";

const server = useRecordingServer();
const read: OperationDescriptor = { id: "read_thing", method: "get", path: "/things", idempotent: true };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error("expected the call to fail"),
    (error: unknown) => error,
  );
}

/** A fetch whose 200 body streams 1 KiB chunks for ever (a 50 MB answer, or worse), counting what was pulled. */
function endlessFetch() {
  const state = { pulled: 0 };
  const fetch = async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          state.pulled++;
          controller.enqueue(new Uint8Array(1024).fill(0x20));
        },
      }),
      { status: 200, headers: { "content-type": "application/json" } },
    );
  return { fetch, state };
}

describe("maxResponseBytes", () => {
  it("refuses a body whose Content-Length is over the limit", async () => {
    server.reply({ json: { items: "x".repeat(5000) } });
    const client = createApiClient({ baseUrl: server.url, maxResponseBytes: 1000 });
    const error = await rejection(client.call(read, {}));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, maxResponseBytes: 1000, operationId: "read_thing" });
  });

  it("stops reading a streamed body at the first chunk past the limit", async () => {
    const { fetch, state } = endlessFetch();
    const client = createApiClient({ baseUrl: "http://127.0.0.1:9", fetch, maxResponseBytes: 10 * 1024 });
    expect(await rejection(client.call(read, {}))).toBeInstanceOf(ResponseTooLargeError);
    expect(state.pulled).toBeLessThan(20);
  });

  it("applies to error bodies too, and a call can set its own limit", async () => {
    server.reply({ status: 500, text: "e".repeat(4000) });
    const client = createApiClient({ baseUrl: server.url, retry: { maxRetries: 0 } });
    expect(await rejection(client.call(read, {}, { maxResponseBytes: 100 }))).toBeInstanceOf(ResponseTooLargeError);
    server.reply({ json: { ok: true } });
    await expect(client.call(read, {}, { maxResponseBytes: 100 })).resolves.toEqual({ ok: true });
  });

  it("is never retried, even for an idempotent call", async () => {
    server.reply({ json: { big: "y".repeat(300) } });
    const client = createApiClient({ baseUrl: server.url, maxResponseBytes: 100, retry: { maxRetries: 2 } });
    expect(await rejection(client.call(read, {}))).toBeInstanceOf(ResponseTooLargeError);
    expect(server.requests).toHaveLength(1);
  });
});
