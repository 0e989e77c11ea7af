/**
 * `raw` follows the client's rules: timeout and abort (also while waiting for credentials), the retry rule, one log
 * entry per attempt, and the spec's JSON query parameters. HTTP errors stay `{ error }` results.
 */
import { useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  ConnectionError,
  createApiClient,
  createRawClient,
  encodeRequest,
  type LogEntry,
  type OperationDescriptor,
  TimeoutError,
} from "../src/index.ts";

interface Paths {
  "/things": {
    get: {
      parameters: { query?: { sort?: Record<string, 1 | -1>; count?: number } };
      responses: { 200: { content: { "application/json": { ok: boolean } } } };
    };
    post: {
      requestBody: { content: { "application/json": { name: string } } };
      responses: { 200: { content: { "application/json": { ok: boolean } } } };
    };
  };
}
const listThings: OperationDescriptor = {
  encode: encodeRequest,
  id: "listThings",
  method: "get",
  path: "/things",
  params: { sort: { in: "query", json: true }, count: { in: "query" } },
};
const fast = { baseDelayMs: 1, maxDelayMs: 2 };
const server = useRecordingServer();

function raw(options: Partial<Parameters<typeof createApiClient>[0]> = {}) {
  const api = createApiClient<Paths>({
    baseUrl: server.url,
    auth: { Authorization: "Bearer t" },
    retry: fast,
    ...options,
  });
  return createRawClient(api, [listThings]);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("raw", () => {
  it("sends the spec's JSON query parameters JSON-encoded, the others as usual", async () => {
    await raw().GET("/things", { params: { query: { sort: { _updatedAt: -1 }, count: 5 } } });
    expect(server.requests[0]?.query).toEqual({ sort: '{"_updatedAt":-1}', count: "5" });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer t");
  });

  it("times out like a method, with TimeoutError", async () => {
    server.reply({ delayMs: 5_000 });
    const started = Date.now();
    const error = await rejection(raw({ timeoutMs: 200, retry: { maxRetries: 0 } }).GET("/things"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("stops when the caller aborts, also while waiting for a provider that never answers", async () => {
    const hung = raw({ auth: () => new Promise<never>(() => {}), timeoutMs: 0 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await rejection(hung.GET("/things", { signal: controller.signal }))).toBeInstanceOf(AbortError);
    const timed = raw({ auth: () => new Promise<never>(() => {}), timeoutMs: 100 });
    expect(await rejection(timed.GET("/things"))).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(0);
  });

  it("retries an idempotent request on 503, logging each attempt, and returns the last answer", async () => {
    let n = 0;
    server.reply(() => (n++ === 0 ? { status: 503, json: { error: "busy" } } : { json: { ok: true } }));
    const entries: LogEntry[] = [];
    const { data } = await raw({ logger: (entry) => entries.push(entry) }).GET("/things");
    expect(data).toEqual({ ok: true });
    expect(entries.map((entry) => [entry.operationId, entry.method, entry.status, entry.outcome])).toEqual([
      ["raw", "GET", 503, "retry"],
      ["raw", "GET", 200, "success"],
    ]);
    expect(entries[0]?.url).toBe(`${server.url}/things`);
  });

  it("does not repeat a POST on 503 (its error is the result), but does on 429, body and all", async () => {
    server.reply({ status: 503, json: { error: "busy" } });
    const { error, response } = await raw().POST("/things", { body: { name: "a" } });
    expect([response.status, error]).toEqual([503, { error: "busy" }]);
    expect(server.requests).toHaveLength(1);
    let n = 0;
    server.reply(() => (n++ === 0 ? { status: 429, json: {} } : { json: { ok: true } }));
    const retried = await raw().POST("/things", { body: { name: "b" } });
    expect(retried.data).toEqual({ ok: true });
    expect(server.requests.slice(1).map((request) => request.body)).toEqual(['{"name":"b"}', '{"name":"b"}']);
  });

  it("a reset connection is a ConnectionError after the retries of an idempotent request", async () => {
    server.reply({ reset: true });
    expect(await rejection(raw().GET("/things"))).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(3);
  });
});
