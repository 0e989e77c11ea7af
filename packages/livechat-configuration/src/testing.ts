/**
 * `@chat-sdk/livechat-configuration/testing`: MSW handlers for testing code that uses this client without the real
 * API. Handwritten: the generated mock (src/generated/testing.gen.ts) plus LiveChat's error scenarios, built from the
 * documented error payload `{ error: { type, message, data? } }`. Its own entry: the client's bundle never has it.
 */

import type { LiveChatErrorResponse, LiveChatErrorType } from "@chat-sdk/livechat-configuration-types";
import type { MockOptions, OperationMock } from "@chat-sdk/runtime/testing";
import type { HttpHandler } from "msw";
import {
  createLiveChatConfigurationMock as createGeneratedMock,
  type LiveChatConfigurationMock,
} from "./generated/testing.gen.ts";

export type { MockOptions, OperationMock, RecordedCall, ReplyInit } from "@chat-sdk/runtime/testing";
export type { LiveChatConfigurationMock } from "./generated/testing.gen.ts";
export { defaultMockBaseUrl } from "./generated/testing.gen.ts";

/**
 * The mock of every operation. Invalid requests get a 400 `validation` error and unknown paths a 404 `not_found`
 * error in LiveChat's payload, so the client rejects with a LiveChatError whose message names the problem.
 */
export function createLiveChatConfigurationMock(options: MockOptions = {}): LiveChatConfigurationMock {
  return createGeneratedMock({
    errorBody: (status, message) => errorPayload(status === 400 ? "validation" : "not_found", message),
    ...options,
  });
}

// biome-ignore lint/suspicious/noExplicitAny: any operation of the mock, whatever its input and output
type AnyOperationMock = OperationMock<any, any, any>;

const errorPayload = (type: LiveChatErrorType, message: string, data?: Record<string, unknown>) =>
  ({ error: { type, message, ...(data ? { data } : {}) } }) satisfies LiveChatErrorResponse;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

/** LiveChat's documented error scenarios, as MSW handlers for `server.use(...)`. */
export const liveChatErrors = {
  /**
   * `misdirected_request` naming `region` (HTTP 400, as LiveChat sends it) for every request without
   * `X-Region: <region>`; requests with it get the operation's default answer. The client follows the named region.
   */
  misdirectedRequest(operation: AnyOperationMock, { region, once }: { region: string; once?: boolean }): HttpHandler {
    return operation.respond(
      (request) =>
        request.headers.get("x-region") === region
          ? undefined
          : json(400, errorPayload("misdirected_request", `Wrong region: use ${region}`, { region })),
      { once },
    );
  },

  /** `too_many_requests` (HTTP 429 with `Retry-After`) for the first `times` requests (default: all), then the default answer. */
  rateLimited(operation: AnyOperationMock, { retryAfterSeconds = 1, times = Infinity } = {}): HttpHandler {
    let left = times;
    return operation.respond(() => {
      if (left <= 0) return undefined;
      left--;
      return json(429, errorPayload("too_many_requests", "Requests limit reached"), {
        "Retry-After": String(retryAfterSeconds),
      });
    });
  },

  /** Any documented error type with its message (and `data`), at `status` (default 400). */
  error(
    operation: AnyOperationMock,
    type: LiveChatErrorType,
    message: string,
    { status = 400, data, once }: { status?: number; data?: Record<string, unknown>; once?: boolean } = {},
  ): HttpHandler {
    return operation.replyError(status, errorPayload(type, message, data), { once });
  },
};
