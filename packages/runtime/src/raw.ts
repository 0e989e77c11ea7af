import openapiFetch, { type Client } from "openapi-fetch";
import type { ApiClient } from "./client.ts";
import { AbortError, ApiError, ChatSdkError, ConnectionError, TimeoutError } from "./errors.ts";
import { describeOutcome, type LogEntry } from "./logger.ts";
import type { OperationDescriptor } from "./operation.ts";
import { isRetryable, retryDelay } from "./retry.ts";
import { surelyNotSent } from "./send-once.ts";
import { bounded, sleep } from "./wait.ts";

/** The path-level client (openapi-fetch), re-typed here so consumers never import openapi-fetch. */
export type RawClient<Paths extends {}> = Client<Paths>;

/** How `raw` names itself in errors and log entries: it has no operation id. */
const RAW = "raw";

/**
 * A path-level, non-throwing client on the same base URL, credentials, headers and middleware as `api`:
 * `raw.GET("/path", { params })` resolves to `{ data, error, response }`. It follows the client's rules too: the
 * timeout and the caller's signal (also while waiting for credentials), retries of idempotent requests (and of any
 * 429), one log entry per attempt, and the spec's JSON-encoded query parameters when `operations` are given.
 * Kept apart from `createApiClient` so that bundles of single operations do not carry openapi-fetch.
 */
export function createRawClient<Paths extends {}>(
  api: ApiClient<Paths>,
  operations: Iterable<OperationDescriptor> = [],
): RawClient<Paths> {
  const { baseUrl, headers, middleware } = api.http;
  // openapi-fetch's CommonJS build sets `exports.default` without an `__esModule` marker, so in our CJS build Node's
  // interop hands us the whole exports object as the default import: its `default` is then the function. (Resolved
  // here, not at module level, so that bundles which never create a raw client can drop openapi-fetch.)
  const createClient =
    typeof openapiFetch === "function"
      ? openapiFetch
      : (openapiFetch as unknown as { default: typeof openapiFetch }).default;
  const raw = createClient<Paths>({ baseUrl, headers, fetch: (request) => sendWithPolicy(api, request) });
  const jsonQuery = jsonQueryParameters(operations);
  raw.use({
    async onRequest({ request, schemaPath, params }) {
      const { timeoutMs } = api.policy;
      const credentials = await bounded(api.credentials(RAW), request.signal, timeoutMs, RAW);
      for (const [name, value] of Object.entries(credentials)) request.headers.set(name, value);
      const names = jsonQuery.get(`${request.method} ${schemaPath}`);
      return names ? withJsonQuery(request, names, params.query) : request;
    },
  });
  for (const hook of middleware) raw.use(hook);
  return raw;
}

/** `GET /path` -> wire names of its query parameters the spec sends as JSON (`content: application/json`). */
function jsonQueryParameters(operations: Iterable<OperationDescriptor>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const operation of operations) {
    const names = Object.entries(operation.params ?? {})
      .filter(([, param]) => param.in === "query" && param.json)
      .map(([key, param]) => param.name ?? key);
    if (names.length > 0) found.set(`${operation.method.toUpperCase()} ${operation.path}`, names);
  }
  return found;
}

/** openapi-fetch writes objects as `sort[_updatedAt]=-1`; a JSON parameter is `sort={"_updatedAt":-1}` instead. */
function withJsonQuery(request: Request, names: string[], query: Record<string, unknown> | undefined): Request {
  const url = new URL(request.url);
  for (const name of names) {
    const value = query?.[name];
    if (value === undefined) continue;
    for (const key of [...url.searchParams.keys()]) {
      if (key === name || key.startsWith(`${name}[`)) url.searchParams.delete(key);
    }
    url.searchParams.set(name, JSON.stringify(value));
  }
  return new Request(url, request);
}

/** The attempts of one raw request, as `call()` makes them: timeout per attempt, retry rule, a log line each. */
async function sendWithPolicy(api: Pick<ApiClient<object>, "http" | "policy">, request: Request): Promise<Response> {
  const { timeoutMs, retry, logger } = api.policy;
  const idempotent = !/^(POST|PATCH)$/.test(request.method);
  const url = request.url.split("?")[0] as string;
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    const log = (entry: Pick<LogEntry, "status" | "error" | "outcome">) =>
      logger?.({ operationId: RAW, method: request.method, url, attempt, durationMs: Date.now() - started, ...entry });
    let outcome: Response | unknown;
    try {
      // A retry needs the body again: each attempt sends a copy.
      outcome = await attemptOnce(api, attempt < retry.maxRetries + 1 ? request.clone() : request, timeoutMs);
    } catch (error) {
      outcome = error;
    }
    const failure =
      outcome instanceof Response
        ? outcome.ok
          ? undefined
          : new ApiError({ status: outcome.status, headers: outcome.headers, body: undefined, operationId: RAW })
        : outcome;
    const wait =
      failure !== undefined && attempt <= retry.maxRetries && isRetryable(failure, idempotent)
        ? retryDelay(attempt, failure, retry)
        : undefined;
    log({
      ...(failure === undefined ? { status: (outcome as Response).status } : describeOutcome(failure)),
      outcome: failure === undefined ? "success" : wait === undefined ? "error" : "retry",
    });
    // An HTTP error answer is raw's `{ error }` result, never thrown; only a request that got no answer throws.
    if (wait === undefined) {
      if (outcome instanceof Response) return outcome;
      throw outcome;
    }
    if (outcome instanceof Response) await outcome.body?.cancel();
    await sleep(wait, request.signal, RAW);
  }
}

async function attemptOnce(
  api: Pick<ApiClient<object>, "http">,
  request: Request,
  timeoutMs: number,
): Promise<Response> {
  const timeout = timeoutMs > 0 && Number.isFinite(timeoutMs) ? AbortSignal.timeout(timeoutMs) : undefined;
  const signal = timeout ? AbortSignal.any([request.signal, timeout]) : request.signal;
  try {
    if (request.signal.aborted) throw new AbortError(RAW, request.signal.reason);
    return await api.http.fetch(timeout ? new Request(request, { signal }) : request);
  } catch (error) {
    if (error instanceof ChatSdkError) throw error;
    if (timeout?.aborted) throw new TimeoutError(RAW, timeoutMs);
    if (request.signal.aborted) throw new AbortError(RAW, request.signal.reason);
    throw new ConnectionError(RAW, error, surelyNotSent(error));
  }
}
