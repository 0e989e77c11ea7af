import { ApiError, ConnectionError, TimeoutError } from "./errors.ts";

/** When and how often a failed call is tried again. */
export interface RetryOptions {
  /** Retries after the first attempt; 0 disables retrying. Default 2. */
  maxRetries?: number;
  /** First backoff step; attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))]. Default 500. */
  baseDelayMs?: number;
  /** Cap of one backoff wait. Default 8000. */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured; a longer one is not waited for and the error is thrown. Default 60000. */
  maxRetryAfterMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

const RETRYABLE_STATUS = new Set([408, 409, 429]);

/**
 * The retry-safety rule. A failure is retried when it is transient (408, 409, 429, 5xx, a timeout, a connection
 * error, or what the API marks retryable) AND repeating the call cannot do something twice: the operation is
 * idempotent, or the server surely did not act on it (the connection was never made, or it answered 429).
 */
export function isRetryable(error: unknown, idempotent: boolean, classify?: ErrorClassifier): boolean {
  if (error instanceof ConnectionError) return idempotent || error.notSent;
  if (error instanceof TimeoutError) return idempotent;
  if (!(error instanceof ApiError)) return false;
  const kind = classify?.(error);
  if (error.status === 429 || kind === "rate-limited") return true;
  const transient = RETRYABLE_STATUS.has(error.status) || error.status >= 500 || kind === "transient";
  return transient && idempotent;
}

/**
 * What an API knows about its own error payloads: `rate-limited` (the server refused before acting, so even a
 * create may be repeated) or `transient` (worth repeating if the operation is idempotent).
 */
export type ErrorClassifier = (error: ApiError) => "rate-limited" | "transient" | undefined;

/** Milliseconds to wait before retry number `retry` (1-based); `undefined` when `Retry-After` exceeds the cap. */
export function retryDelay(retry: number, error: unknown, options: Required<RetryOptions>, now = Date.now()) {
  const retryAfter = error instanceof ApiError ? parseRetryAfter(error.headers.get("retry-after"), now) : undefined;
  if (retryAfter !== undefined) return retryAfter <= options.maxRetryAfterMs ? retryAfter : undefined;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.random() * ceiling; // "full jitter"
}

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
