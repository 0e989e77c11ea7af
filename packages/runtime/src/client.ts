import type { Middleware } from "openapi-fetch";
import type { AuthProvider, HeaderValues } from "./auth.ts";
import { ApiError, type ApiErrorInit, AuthError, ChatSdkError } from "./errors.ts";
import type { HttpContext } from "./http.ts";
import { describeOutcome, type LogEntry, type Logger } from "./logger.ts";
import type { CallOptions, OperationDescriptor, OperationInput } from "./operation.ts";
import { prepareRequest } from "./request.ts";
import { DEFAULT_RETRY, type ErrorClassifier, isRetryable, type RetryOptions, retryDelay } from "./retry.ts";
import { sendOnce } from "./send-once.ts";
import { bounded, sleep } from "./wait.ts";

export interface ApiClientOptions {
  /** Root URL, e.g. `https://chat.example.com`. */
  baseUrl: string;
  /** Credentials as headers: a fixed set or a provider called before each request (token refresh). */
  auth?: HeaderValues | AuthProvider;
  /** Headers sent with every request. */
  headers?: HeaderValues;
  /** A `fetch` implementation; defaults to the global one. */
  fetch?: (input: Request) => Promise<Response>;
  /** Request/response hooks with openapi-fetch's middleware contract, for operation calls and `raw` alike. */
  middleware?: Middleware[];
  /**
   * Timeout of each attempt in ms, from when that attempt starts. Default 60000; 0 disables it. Attempts starting close
   * together share one timer (see deadline.ts): each gets at least this long, at most 2% (up to 1 s) longer.
   */
  timeoutMs?: number;
  /** Largest response body read, in bytes; a larger one rejects with ResponseTooLargeError. Default: no limit. */
  maxResponseBytes?: number;
  /** Retry settings. Default: 2 retries, exponential backoff with full jitter. */
  retry?: RetryOptions;
  /** Called once per attempt with method, URL, status, duration and attempt number; never with credentials. */
  logger?: Logger;
  /** API-specific: the error to throw for a non-2xx response (e.g. a subclass typed by the API's error payload). */
  createError?: (init: ApiErrorInit<unknown>) => ApiError;
  /** API-specific: which error payloads are rate limits or transient. */
  classifyError?: ErrorClassifier;
  /**
   * API-specific: headers that fix an error by sending the same call again (e.g. a region header for a request sent
   * to the wrong data center). Applied once per call and remembered for later calls of this client.
   */
  recover?: (error: ApiError) => HeaderValues | undefined;
}

export type { Middleware };

/** `Paths` (the spec's `paths` type) ties a client to its API, so it serves only that API's generated operations. */
// biome-ignore lint/correctness/noUnusedVariables: the type parameter is the point (see above).
export interface ApiClient<Paths extends {}> {
  /**
   * Runs one operation with its flat input (parameters and body fields side by side, split by the descriptor):
   * resolves to the parsed success body, rejects with a {@link ChatSdkError}. `input` is any object so that
   * generated input interfaces fit too.
   */
  call<Result>(operation: OperationDescriptor, input: object, options?: CallOptions<string>): Promise<Result>;
  /** Base URL, fetch, headers and middleware, shared with the `raw` client. */
  readonly http: HttpContext;
  /** The auth headers (and any learnt by `recover`) for the next request; rejects with AuthError. */
  credentials(operationId: string): Promise<HeaderValues>;
  /** Timeout, retries and logger of this client, which the `raw` client follows too. */
  readonly policy: CallPolicy;
}

export interface CallPolicy {
  timeoutMs: number;
  retry: Required<RetryOptions>;
  logger: Logger | undefined;
}

export function createApiClient<Paths extends {}>(options: ApiClientOptions): ApiClient<Paths> {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const clientRetry = { ...DEFAULT_RETRY, ...options.retry };
  // Headers learnt through `recover` (e.g. the right region); sent after auth so they win.
  const remembered: HeaderValues = {};
  // Auth + remembered headers, merged once per distinct provider result (fixed credentials: once per client).
  let lastProvided: HeaderValues | undefined;
  let lastMerged: HeaderValues = {};
  const merge = (provided: HeaderValues | undefined) => {
    if (provided !== lastProvided || provided === undefined) {
      lastProvided = provided;
      lastMerged = { ...provided, ...remembered };
    }
    return lastMerged;
  };
  const authHeaders = (operationId: string): HeaderValues | Promise<HeaderValues> => {
    const fail = (error: unknown) => {
      throw new AuthError(operationId, error);
    };
    try {
      const provided = typeof options.auth === "function" ? options.auth() : options.auth;
      return provided instanceof Promise ? provided.then(merge, fail) : merge(provided);
    } catch (error) {
      return fail(error);
    }
  };
  const http: HttpContext = {
    baseUrl,
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    headers: options.headers,
    middleware: options.middleware ?? [],
  };

  return {
    http,
    credentials: async (operationId) => authHeaders(operationId),
    policy: { timeoutMs: options.timeoutMs ?? 60_000, retry: clientRetry, logger: options.logger },
    async call<Result>(operation: OperationDescriptor, input: object, call: CallOptions<string> = {}) {
      // Once per call, not per attempt: a bad input fails before anything is sent, and retries reuse the body.
      const prepared = prepareRequest(baseUrl, operation, input as OperationInput, call.contentType);
      const retry = call.retry ? { ...clientRetry, ...call.retry } : clientRetry;
      const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? 60_000;
      // Repeating any method but POST and PATCH leaves the server as one call would (RFC 9110).
      const idempotent = operation.idempotent ?? !/^p(ost|atch)$/.test(operation.method);
      let recovered = false;
      const { logger } = options;
      let started = 0;
      for (let attemptNo = 1; ; attemptNo++) {
        // One entry per attempt; nothing is allocated for it without a logger.
        if (logger) started = Date.now();
        try {
          const pending = authHeaders(operation.id);
          const headers =
            pending instanceof Promise ? await bounded(pending, call.signal, timeoutMs, operation.id) : pending;
          const sent = call.headers ? { ...headers, ...call.headers } : headers;
          const { status, body } = await sendOnce(
            http,
            operation,
            prepared,
            sent,
            call.signal,
            timeoutMs,
            options.createError,
            call.maxResponseBytes ?? options.maxResponseBytes,
          );
          if (logger) logAttempt(logger, operation, baseUrl, attemptNo, started, { status, outcome: "success" });
          return body as Result;
        } catch (error) {
          const fix = !recovered && error instanceof ApiError ? options.recover?.(error) : undefined;
          if (fix) {
            recovered = true;
            Object.assign(remembered, fix);
            lastProvided = undefined; // merge again with what was learnt
            if (logger)
              logAttempt(logger, operation, baseUrl, attemptNo, started, {
                ...describeOutcome(error),
                outcome: "recover",
              });
            attemptNo--; // a redirect to the right place is not a retry
            continue;
          }
          const wait =
            attemptNo <= retry.maxRetries && isRetryable(error, idempotent, options.classifyError)
              ? retryDelay(attemptNo, error, retry)
              : undefined;
          if (logger) {
            const outcome = wait === undefined ? "error" : "retry";
            logAttempt(logger, operation, baseUrl, attemptNo, started, { ...describeOutcome(error), outcome });
          }
          if (wait === undefined) throw error;
          await sleep(wait, call.signal, operation.id);
        }
      }
    },
  };
}

function logAttempt(
  logger: Logger,
  operation: OperationDescriptor,
  baseUrl: string,
  attempt: number,
  started: number,
  entry: Pick<LogEntry, "status" | "error" | "outcome">,
): void {
  logger({
    operationId: operation.id,
    method: operation.method.toUpperCase(),
    url: `${baseUrl}${operation.path}`,
    attempt,
    durationMs: Date.now() - started,
    ...entry,
  });
}
