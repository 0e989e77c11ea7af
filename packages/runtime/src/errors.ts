/**
 * Everything a generated method rejects with. Errors carry what helps to act (status, parsed body, operation id,
 * request id) and never the request's headers, so credentials cannot leak through `message`, `toString()`,
 * `util.inspect` or `JSON.stringify`.
 */

/**
 * Base of every error the SDK throws: `instanceof ChatSdkError` catches them all. Fields set in a constructor are
 * `declare`d: the constructor assigns them, and the build need not repeat each as a class field definition.
 */
export class ChatSdkError extends Error {
  override readonly name: string = "ChatSdkError";
  /** The spec's operationId of the failed call. */
  declare readonly operationId: string;

  constructor(operationId: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.operationId = operationId;
  }

  /** An allow-list, not the object's fields: a new field never reaches logs or JSON without a decision. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, operationId: this.operationId };
  }
}

export interface ApiErrorInit<Body> {
  status: number;
  headers: Headers;
  body: Body;
  operationId: string;
  message?: string;
}

/** The server answered with a non-2xx status. `body` is the parsed error payload (JSON, or the text). */
export class ApiError<Body = unknown> extends ChatSdkError {
  override readonly name: string = "ApiError";
  declare readonly status: number;
  declare readonly headers: Headers;
  declare readonly body: Body;
  /** The server's request id (`x-request-id`), when present. */
  declare readonly requestId: string | undefined;

  constructor(init: ApiErrorInit<Body>) {
    super(init.operationId, init.message ?? `${init.operationId} failed with HTTP ${init.status}`);
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.requestId = init.headers.get("x-request-id") ?? undefined;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, requestId: this.requestId, body: this.body };
  }
}

/** The request could not be completed: DNS, refused or reset connection. */
export class ConnectionError extends ChatSdkError {
  override readonly name: string = "ConnectionError";
  /** True when the request surely never reached the server (e.g. connection refused), so any call may be retried. */
  declare readonly notSent: boolean;

  constructor(operationId: string, cause: unknown, notSent: boolean) {
    super(operationId, `${operationId}: connection failed (${describeCause(cause)})`, { cause });
    this.notSent = notSent;
  }
}

/** The credentials provider failed (threw or returned nothing usable); nothing was sent. */
export class AuthError extends ChatSdkError {
  override readonly name: string = "AuthError";
  /** What the provider threw. Not enumerable and not `cause`, so neither `util.inspect` nor JSON shows it: a provider
   * may well have put a credential in its message. */
  declare readonly providerError: unknown;

  constructor(operationId: string, providerError: unknown) {
    super(operationId, `${operationId}: the auth provider failed; nothing was sent`);
    Object.defineProperty(this, "providerError", { value: providerError, enumerable: false });
  }
}

/** One attempt took longer than the timeout. */
export class TimeoutError extends ChatSdkError {
  override readonly name: string = "TimeoutError";
  declare readonly timeoutMs: number;

  constructor(operationId: string, timeoutMs: number) {
    super(operationId, `${operationId}: no complete response within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** The response body was larger than `maxResponseBytes`: its read was stopped there (never retried). */
export class ResponseTooLargeError extends ChatSdkError {
  override readonly name: string = "ResponseTooLargeError";
  declare readonly status: number;
  declare readonly maxResponseBytes: number;

  constructor(operationId: string, status: number, maxResponseBytes: number) {
    super(operationId, `${operationId}: the ${status} response is larger than maxResponseBytes (${maxResponseBytes})`);
    this.status = status;
    this.maxResponseBytes = maxResponseBytes;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, maxResponseBytes: this.maxResponseBytes };
  }
}

/** The caller aborted the call through its `signal`. */
export class AbortError extends ChatSdkError {
  override readonly name: string = "AbortError";

  constructor(operationId: string, reason: unknown) {
    super(operationId, `${operationId}: aborted by the caller`, { cause: reason });
  }
}

/**
 * The input cannot be sent as the operation says (a missing path parameter, a body of the wrong kind for its media
 * type): nothing was sent, and it is never retried. The message names the operation and the parameter, never a value.
 */
export class InvalidInputError extends ChatSdkError {
  override readonly name: string = "InvalidInputError";

  constructor(operationId: string, problem: string) {
    super(operationId, `${operationId}: ${problem}; nothing was sent`);
  }
}

/** A 2xx response whose body is not the JSON the spec promises (an HTML page, truncated JSON, ...). */
export class ResponseParseError extends ChatSdkError {
  override readonly name: string = "ResponseParseError";
  declare readonly status: number;
  declare readonly contentType: string | null;
  /** The first characters of the body, control characters removed. */
  declare readonly excerpt: string;

  constructor(operationId: string, response: Response, text: string) {
    const excerpt = safeExcerpt(text);
    const type = response.headers.get("content-type");
    super(
      operationId,
      text === ""
        ? `${operationId}: expected a body, got an empty ${response.status} response`
        : `${operationId}: expected a JSON body, got ${type ?? "no content type"}: "${excerpt}"`,
    );
    this.status = response.status;
    this.contentType = type;
    this.excerpt = excerpt;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, contentType: this.contentType, excerpt: this.excerpt };
  }
}

const EXCERPT_LENGTH = 80;

/** A short, printable excerpt: enough to recognise an HTML error page, too short to dump a whole payload. */
export function safeExcerpt(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const printable = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return printable.length > EXCERPT_LENGTH ? `${printable.slice(0, EXCERPT_LENGTH)}…` : printable;
}

function describeCause(cause: unknown): string {
  const code = (cause as { cause?: { code?: unknown } })?.cause?.code ?? (cause as { code?: unknown })?.code;
  if (typeof code === "string") return code;
  return cause instanceof Error ? cause.message : "network error";
}
