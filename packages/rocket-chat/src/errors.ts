import type { ForbiddenError, UnauthorizedError } from "@chat-sdk/rocket-chat-types";
import { ApiError, type ApiErrorInit } from "@chat-sdk/runtime";

/** Error bodies Rocket.Chat documents: 401 `{ status, message }`, 403 `{ success: false, error }`. */
export type RocketChatErrorBody = UnauthorizedError | ForbiddenError;

/**
 * A non-2xx answer from Rocket.Chat. `body` is the parsed payload (or the text of a non-JSON page);
 * `isUnauthorized()` / `isForbidden()` narrow it to the documented shapes.
 */
export class RocketChatError extends ApiError<RocketChatErrorBody | string | undefined> {
  override readonly name: string = "RocketChatError";
  /** The server's reason: `message` of a 401, `error` of a 403. */
  readonly reason: string | undefined;

  constructor(init: ApiErrorInit<unknown>) {
    const body = init.body as RocketChatErrorBody | string | undefined;
    const reason = typeof body === "object" && body ? ("message" in body ? body.message : body.error) : undefined;
    super({
      ...init,
      body,
      message: `${init.operationId} failed with HTTP ${init.status}${reason ? `: ${reason}` : ""}`,
    });
    this.reason = reason;
  }

  /** 401: missing or wrong `X-Auth-Token` / `X-User-Id`. */
  isUnauthorized(): this is RocketChatError & { status: 401; body: UnauthorizedError } {
    return this.status === 401 && typeof this.body === "object" && this.body !== null && "message" in this.body;
  }

  /** 403: the user lacks the permission the operation documents. */
  isForbidden(): this is RocketChatError & { status: 403; body: ForbiddenError } {
    return this.status === 403 && typeof this.body === "object" && this.body !== null && "error" in this.body;
  }
}
