import type { HeaderValues } from "./auth.ts";
import type { RetryOptions } from "./retry.ts";

/** The HTTP methods an OpenAPI path item can hold. */
export type HttpMethod = "get" | "put" | "post" | "delete" | "patch" | "head" | "options" | "trace";

/** What the generator knows about one operation; passed by every generated method. */
export interface OperationDescriptor {
  /** operationId, or "<METHOD> <path>" when the spec has none. */
  readonly id: string;
  readonly method: HttpMethod;
  /** The spec's path key, e.g. "/pets/{petId}". */
  readonly path: string;
  /** False when repeating the call could act twice (creates); such calls are retried only when surely not acted on. */
  readonly idempotent?: boolean;
  /** Input keys that are parameters. Every other key of the input is a field of the (flattened) body. */
  readonly params?: Readonly<Record<string, ParamSpec>>;
  /** Absent: the operation has no request body (other input keys are ignored). */
  readonly body?: BodySpec;
  /** The operation takes no input: its method's first argument is the call options. */
  readonly noInput?: boolean;
  /**
   * Success response: how to read it when the Content-Type does not tell. Default "json". "none": the spec documents
   * a success without content, so an empty body is expected; otherwise an empty 2xx other than 204/205 is an error.
   */
  readonly response?: "json" | "text" | "binary" | "none";
  /** Sent as `Accept` (unless the caller sets one): only emitted when a success response has several media types. */
  readonly accept?: string;
  /**
   * How the input becomes the request when the operation has `params` or a non-JSON body: the runtime's
   * `encodeRequest`. A reference rather than built in, so that a bundle of operations without parameters and with JSON
   * bodies (or none) does not carry parameter styles and form, multipart or binary encoding.
   */
  readonly encode?: RequestEncoder;
}

/** Turns one call's flat input into what is sent (see `encodeRequest`). */
export type RequestEncoder = (
  baseUrl: string,
  operation: OperationDescriptor,
  input: OperationInput,
  contentType: string | undefined,
) => PreparedRequest;

/** What one call sends, worked out once from its flat input and reused by every attempt. */
export interface PreparedRequest {
  url: string;
  body?: BodyInit;
  /** Content-Type of `body` (none for FormData: fetch adds it with the boundary). */
  type?: string;
  /** Header and cookie parameters and `Accept`: sent unless the client's or the call's headers (or auth) have them. */
  headers: HeaderValues;
  /** The parameters by location and wire name, for middleware (openapi-fetch's `params`). */
  params?: Record<string, Record<string, unknown>>;
}

/** Where and how one input key is sent as a parameter. */
export interface ParamSpec {
  readonly in: "path" | "query" | "header" | "cookie";
  /** Wire name, only when it differs from the input key (after a clash rename). */
  readonly name?: string;
  /** OpenAPI style, only when not the default for its location (path/header: simple, query/cookie: form). */
  readonly style?: "form" | "simple" | "label" | "matrix" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  /** Only when not the default for its style (form: true, others: false). */
  readonly explode?: boolean;
  /** `content: application/json` parameter: the value is sent JSON-encoded. */
  readonly json?: boolean;
}

/** The request body of an operation. */
export interface BodySpec {
  /** Media types the operation accepts, the default first. Absent = ["application/json"]. */
  readonly media?: readonly string[];
  /** The input key holding the whole body (non-object bodies: always "body"). Absent = flattened fields. */
  readonly key?: string;
  /** requestBody.required. A required flattened body is always sent (`{}` when no field is given). */
  readonly required?: boolean;
  /** Body fields whose input key differs from their name (renamed after a clash with a path parameter): key -> name. */
  readonly names?: Readonly<Record<string, string>>;
}

/**
 * The one flat input of an operation: a key per parameter and per body field (or the `body` key); the descriptor
 * says which is which.
 */
export type OperationInput = Readonly<Record<string, unknown>>;

/** What a binary request body (`body` key of an octet-stream, image, ... operation) may be. */
export type BinaryBody = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string;

/** Per-call options of every generated method; `M` is the union of the operation's request media types. */
export interface CallOptions<M extends string = never> {
  /** Abort the call (all attempts). */
  signal?: AbortSignal;
  /** Extra headers for this call only. */
  headers?: HeaderValues;
  /** Timeout of each attempt in ms (default: the client's, 60000); 0 disables it. */
  timeoutMs?: number;
  /** Largest response body read, in bytes (default: the client's, none); larger rejects with ResponseTooLargeError. */
  maxResponseBytes?: number;
  /** Retry settings for this call (default: the client's). */
  retry?: RetryOptions;
  /** The request body's media type, one of the operation's (default: the first the spec lists). */
  contentType?: M;
}
