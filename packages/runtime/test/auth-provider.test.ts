/**
 * An async credentials provider is awaited inside the attempt: the caller's signal and the attempt's timeout end
 * the wait, so a provider that never settles cannot keep a call pending, and nothing is sent meanwhile.
 */
import { useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import { AbortError, createApiClient, type OperationDescriptor, TimeoutError } from "../src/index.ts";

const server = useRecordingServer();
const read: OperationDescriptor = { id: "read_thing", method: "get", path: "/things", idempotent: true };
const hung = () => new Promise<Record<string, string>>(() => {});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error("expected the call to fail"),
    (error: unknown) => error,
  );
}

describe("a provider that never settles", () => {
  it("is ended by the caller's abort", async () => {
    const client = createApiClient({ baseUrl: server.url, auth: hung, retry: { maxRetries: 0 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(client.call(read, {}, { signal: controller.signal, timeoutMs: 0 }));
    expect(error).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(0);
  });

  it("is ended by the attempt's timeout, and each retry asks the provider again", async () => {
    let asked = 0;
    const auth = () => {
      asked++;
      return hung();
    };
    const client = createApiClient({ baseUrl: server.url, auth, retry: { maxRetries: 1, baseDelayMs: 1 } });
    const error = await rejection(client.call(read, {}, { timeoutMs: 30 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(asked).toBe(2);
    expect(server.requests).toHaveLength(0);
  });

  it("an already aborted signal fails at once", async () => {
    const client = createApiClient({ baseUrl: server.url, auth: hung });
    const error = await rejection(client.call(read, {}, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
  });
});
