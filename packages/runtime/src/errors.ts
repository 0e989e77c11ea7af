/**
 * Errors thrown by generated operation methods. Every error names the operation it came from and never carries
 * request headers, so credentials cannot leak through `message`, `toString()` or `JSON.stringify`.
 */

/** The server answered with a non-2xx status. `body` is the parsed error payload the spec documents. */
export class ApiError<Body = unknown> extends Error {
  override readonly name: string = "ApiError";
  /** HTTP status code. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** Parsed response body (JSON when the server sent JSON, otherwise the text). */
  readonly body: Body;
  /** The spec's operationId of the failed call. */
  readonly operationId: string;
  /** The server's request id header (`x-request-id`), when present. */
  readonly requestId: string | undefined;

  constructor(init: { status: number; headers: Headers; body: Body; operationId: string; message?: string }) {
    super(init.message ?? `${init.operationId} failed with HTTP ${init.status}`);
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.operationId = init.operationId;
    this.requestId = init.headers.get("x-request-id") ?? undefined;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      operationId: this.operationId,
      requestId: this.requestId,
      body: this.body,
    };
  }
}
