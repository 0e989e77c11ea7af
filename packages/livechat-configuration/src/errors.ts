import type {
  LiveChatErrorDetails,
  LiveChatErrorResponse,
  LiveChatErrorType,
} from "@chat-sdk/livechat-configuration-types";
import { ApiError, type ApiErrorInit, type ErrorClassifier, type HeaderValues } from "@chat-sdk/runtime";

/**
 * A LiveChat error answer: the documented payload `{ error: { type, message, data? } }`. `type` is one of the 13
 * documented error types, so a `switch (error.type)` is checked by the compiler.
 */
export class LiveChatError extends ApiError<LiveChatErrorResponse> {
  override readonly name: string = "LiveChatError";
  readonly type: LiveChatErrorType;
  readonly data: LiveChatErrorDetails["data"];

  constructor(init: ApiErrorInit<LiveChatErrorResponse>) {
    const { type, message } = init.body.error;
    super({ ...init, message: `${init.operationId} failed with HTTP ${init.status}: ${type}: ${message}` });
    this.type = type;
    this.data = init.body.error.data;
  }
}

/** LiveChatError for the documented payload; a plain ApiError for anything else (a proxy's HTML page, ...). */
export function createLiveChatError(init: ApiErrorInit<unknown>): ApiError {
  return isErrorPayload(init.body) ? new LiveChatError({ ...init, body: init.body }) : new ApiError(init);
}

/** `too_many_requests` means the server refused before acting (safe to repeat even a create); `internal` may pass. */
export const classifyLiveChatError: ErrorClassifier = (error) => {
  if (!(error instanceof LiveChatError)) return undefined;
  if (error.type === "too_many_requests") return "rate-limited";
  return error.type === "internal" ? "transient" : undefined;
};

/**
 * `misdirected_request` names the data center the license lives in (`data.region`): send the same call there with
 * `X-Region`, and keep sending it for this client.
 */
export function recoverMisdirected(error: ApiError): HeaderValues | undefined {
  if (!(error instanceof LiveChatError) || error.type !== "misdirected_request") return undefined;
  const region = error.data?.region;
  return typeof region === "string" && /^[a-z]+$/.test(region) ? { "X-Region": region } : undefined;
}

function isErrorPayload(body: unknown): body is LiveChatErrorResponse {
  const error = (body as { error?: { type?: unknown; message?: unknown } } | undefined)?.error;
  return typeof error?.type === "string" && typeof error.message === "string";
}
