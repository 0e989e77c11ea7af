import { inspect } from "node:util";
import { type RecordingServer, startRecordingServer, useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  ApiError,
  AuthError,
  ConnectionError,
  createApiClient,
  type LogEntry,
  type OperationDescriptor,
  ResponseParseError,
  TimeoutError,
} from "../src/index.ts";

const TOKEN = "tok-very-secret-123";
const read: OperationDescriptor = {
  id: "list_things",
  method: "post",
  path: "/action/list_things",
  idempotent: true,
  body: { required: true },
};
const create: OperationDescriptor = {
  id: "create_thing",
  method: "post",
  path: "/action/create_thing",
  idempotent: false,
  body: { required: true },
};
const fast = { baseDelayMs: 1, maxDelayMs: 2 };

const server = useRecordingServer();

function client(extra: Partial<Parameters<typeof createApiClient>[0]> = {}) {
  return createApiClient({ baseUrl: server.url, auth: { Authorization: `Bearer ${TOKEN}` }, retry: fast, ...extra });
}

/** Replies with each canned response in turn, then repeats the last one. */
function sequence(...responses: Parameters<RecordingServer["reply"]>[0][]) {
  let i = 0;
  server.reply((request) => {
    const next = responses[Math.min(i++, responses.length - 1)];
    return typeof next === "function" ? next(request) : (next ?? {});
  });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  for (const text of [String(error), (error as Error).message, JSON.stringify(error), inspect(error, { depth: 8 })]) {
    expect(text).not.toContain(TOKEN);
  }
  return error as Error;
}

describe.each([500, 502, 503, 408, 409])("HTTP %i", (status) => {
  it("is retried twice for an idempotent call, then rejects with ApiError", async () => {
    sequence({ status, json: { error: "x" } });
    const error = await failure(client().call(read, {}));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(status);
    expect(server.requests).toHaveLength(3);
  });

  it("is not retried for a create", async () => {
    sequence({ status, json: {} });
    await failure(client().call(create, {}));
    expect(server.requests).toHaveLength(1);
  });
});

describe("429", () => {
  it("is retried even for a create, and succeeds", async () => {
    sequence({ status: 429, json: {} }, { json: { id: "1" } });
    await expect(client().call(create, {})).resolves.toEqual({ id: "1" });
    expect(server.requests).toHaveLength(2);
  });

  it("honours Retry-After in seconds", async () => {
    sequence({ status: 429, headers: { "retry-after": "1" }, json: {} }, { json: { ok: 1 } });
    const started = Date.now();
    await client().call(read, {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("does not wait for a Retry-After longer than the cap", async () => {
    sequence({ status: 429, headers: { "retry-after": "3600" }, json: {} });
    const error = await failure(client({ retry: { ...fast, maxRetryAfterMs: 1000 } }).call(read, {}));
    expect((error as ApiError).status).toBe(429);
    expect(server.requests).toHaveLength(1);
  });

  it("stops after maxRetries: 0", async () => {
    sequence({ status: 429, json: {} });
    await failure(client().call(read, {}, { retry: { maxRetries: 0 } }));
    expect(server.requests).toHaveLength(1);
  });
});

describe("transport failures", () => {
  it("turns a connection reset into ConnectionError, retried only when idempotent", async () => {
    sequence({ reset: true });
    expect(await failure(client().call(create, {}))).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    sequence({ reset: true }, { json: { ok: true } });
    await expect(client().call(read, {})).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it("retries even a create when the connection was refused (the server never saw it)", async () => {
    const closed = await startRecordingServer();
    await closed.close(); // its port is now free: connecting is refused
    const dead = createApiClient({ baseUrl: closed.url, retry: fast });
    const error = (await failure(dead.call(create, {}))) as ConnectionError;
    expect(error.notSent).toBe(true);
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  // Attempts are counted by the logger, not by the server: an attempt timed out (or aborted) before its request
  // fully arrived is still an attempt, and a loaded machine makes that likely.
  it("times out a slow response per attempt with TimeoutError", async () => {
    sequence({ delayMs: 300, json: {} });
    const entries: LogEntry[] = [];
    const error = await failure(
      client({ logger: (entry) => entries.push(entry) }).call(read, {}, { timeoutMs: 50, retry: { maxRetries: 1 } }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(entries.map(({ attempt, outcome, error }) => [attempt, outcome, error])).toEqual([
      [1, "retry", "TimeoutError"],
      [2, "error", "TimeoutError"],
    ]);
  });

  it("stops at once, without retrying, when the caller aborts", async () => {
    sequence({ delayMs: 300, json: {} });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const entries: LogEntry[] = [];
    const call = client({ logger: (entry) => entries.push(entry) }).call(read, {}, { signal: controller.signal });
    expect(await failure(call)).toBeInstanceOf(AbortError);
    expect(entries.map(({ attempt, outcome, error }) => [attempt, outcome, error])).toEqual([
      [1, "error", "AbortError"],
    ]);
  });
});

describe("bodies that are not the promised JSON", () => {
  it.each([
    ["truncated JSON", '{"id": "abc", "na'],
    ["an HTML error page", "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>"],
  ])("rejects %s with ResponseParseError quoting a short excerpt", async (_, text) => {
    sequence({ status: 200, text, headers: { "content-type": "text/html" } });
    const error = (await failure(client().call(read, {}))) as ResponseParseError;
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.excerpt).toBe(text.slice(0, 80));
    expect(error.message).toContain(text.slice(0, 20));
  });

  it("keeps the text body of an HTML error page on ApiError", async () => {
    sequence({ status: 401, text: "<html>401</html>" });
    const error = (await failure(client().call(create, {}))) as ApiError;
    expect(error.status).toBe(401);
    expect(error.body).toBe("<html>401</html>");
  });
});

describe("API hooks", () => {
  // 400, not 421: Node's fetch silently repeats a 421 on a new connection, which would hide what we test.
  it("recovers once with new headers, remembers them, and does not count it as a retry", async () => {
    sequence((r) =>
      r.headers["x-region"] === "fra" ? { json: { ok: true } } : { status: 400, json: { region: "fra" } },
    );
    const api = client({
      retry: { maxRetries: 0 },
      recover: (e: ApiError) => ((e.body as { region?: string }).region ? { "X-Region": "fra" } : undefined),
    });
    await expect(api.call(create, {})).resolves.toEqual({ ok: true });
    await api.call(create, {});
    expect(server.requests.map((r) => r.headers["x-region"])).toEqual([undefined, "fra", "fra"]);
  });

  it("retries API-classified rate limits for creates and transient errors only for idempotent calls", async () => {
    const classifyError = (e: ApiError) =>
      (e.body as { type: string }).type === "limited" ? "rate-limited" : "transient";
    sequence({ status: 400, json: { type: "limited" } }, { json: { ok: 1 } });
    await expect(client({ classifyError }).call(create, {})).resolves.toEqual({ ok: 1 });
    server.requests.length = 0;
    sequence({ status: 400, json: { type: "flaky" } });
    await failure(client({ classifyError }).call(create, {}));
    expect(server.requests).toHaveLength(1);
  });

  it("logs every attempt without credentials", async () => {
    const entries: LogEntry[] = [];
    sequence({ status: 503, json: {} }, { json: {} });
    await client({ logger: (entry: LogEntry) => entries.push(entry) }).call(read, {});
    expect(entries.map((e) => [e.attempt, e.status, e.outcome])).toEqual([
      [1, 503, "retry"],
      [2, 200, "success"],
    ]);
    expect(entries[0]?.url).toBe(`${server.url}/action/list_things`);
    expect(JSON.stringify(entries)).not.toContain(TOKEN);
  });
});

describe("credentials provider", () => {
  it("turns a failing provider into AuthError, sends nothing and does not retry", async () => {
    let calls = 0;
    const api = createApiClient({
      baseUrl: server.url,
      auth: () => {
        calls++;
        throw new Error(`cannot refresh ${TOKEN}`);
      },
    });
    const error = await failure(api.call(read, {}));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe("list_things: the auth provider failed; nothing was sent");
    expect(calls).toBe(1);
    expect(String((error as AuthError).providerError)).toContain("cannot refresh");
    expect(server.requests).toHaveLength(0);
  });
});

describe("timeoutMs: 0", () => {
  it("disables the timeout and still honours the caller's signal", async () => {
    sequence({ delayMs: 80, json: { late: true } });
    await expect(client().call(read, {}, { timeoutMs: 0 })).resolves.toEqual({ late: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await failure(client().call(read, {}, { timeoutMs: 0, signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
  });
});
