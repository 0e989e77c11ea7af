/**
 * `@chat-sdk/rocket-chat/testing`: MSW handlers for testing code that uses this client without a Rocket.Chat
 * server. Handwritten: the generated mock (src/generated/testing.gen.ts) plus the documented 401 and 403 answers.
 * Its own entry: the client's bundle never has it.
 *
 * Rocket.Chat's host is a server variable and the client has no default: create the mock with the same `baseUrl`
 * as the client (`createRocketChatMock({ baseUrl: "https://chat.example.com" })`); without one it answers under
 * the spec's default, `https://your-workspace.rocket.chat`.
 */

import type { ForbiddenError, UnauthorizedError } from "@chat-sdk/rocket-chat-types";
import type { MockOptions, OperationMock } from "@chat-sdk/runtime/testing";
import type { HttpHandler } from "msw";
import { createRocketChatMock as createGeneratedMock, type RocketChatMock } from "./generated/testing.gen.ts";

export type { MockOptions, OperationMock, RecordedCall, ReplyInit } from "@chat-sdk/runtime/testing";
export { defaultMockBaseUrl, type RocketChatMock } from "./generated/testing.gen.ts";

/**
 * The mock of every operation. Invalid requests (400) and unknown paths (404) are answered as Rocket.Chat answers
 * failures, `{ success: false, error }`, so the client's RocketChatError carries the problem as its `reason`.
 */
export function createRocketChatMock(options: MockOptions = {}): RocketChatMock {
  return createGeneratedMock({ errorBody: (_status, message) => ({ success: false, error: message }), ...options });
}

// biome-ignore lint/suspicious/noExplicitAny: any operation of the mock, whatever its input and output
type AnyOperationMock = OperationMock<any, any, any>;

/** Rocket.Chat's documented error answers, as MSW handlers for `server.use(...)`. */
export const rocketChatErrors = {
  /** HTTP 401 with the documented `{ status: "error", message }` (default: the spec's example message). */
  unauthorized(operation: AnyOperationMock, body?: Partial<UnauthorizedError>, init?: { once?: boolean }): HttpHandler {
    const payload: UnauthorizedError = { status: "error", message: "You must be logged in to do this.", ...body };
    return operation.replyError(401, payload, init);
  },

  /** HTTP 403 with the documented `{ success: false, error }` (default: the spec's first example). */
  forbidden(operation: AnyOperationMock, body?: Partial<ForbiddenError>, init?: { once?: boolean }): HttpHandler {
    const payload: ForbiddenError = {
      success: false,
      error: "User does not have the permissions required for this action [error-unauthorized]",
      ...body,
    };
    return operation.replyError(403, payload, init);
  },
};
