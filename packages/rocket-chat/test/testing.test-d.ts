/** The testing kit's types: overrides and error bodies are checked against the spec; recorded inputs are typed. */
import { describe, expectTypeOf, it } from "vitest";
import type { ForbiddenError, GetLivechatQueueInput, UnauthorizedError } from "../src/index.ts";
import { createRocketChatMock, rocketChatErrors } from "../src/testing.ts";

const mock = createRocketChatMock({ baseUrl: "https://chat.example.test" });

describe("testing kit types", () => {
  it("reply takes the operation's output type", () => {
    mock.getLivechatQueue.reply({ queue: [], count: 0, offset: 0, total: 0, success: true });
    // @ts-expect-error `queue` must be a list
    mock.getLivechatQueue.reply({ queue: "none", count: 0, offset: 0, total: 0, success: true });
  });

  it("replyError takes the documented 401 or 403 body", () => {
    expectTypeOf(mock.getLivechatQueue.replyError).parameter(1).toEqualTypeOf<UnauthorizedError | ForbiddenError>();
    mock.getLivechatQueue.replyError(403, { success: false, error: "no" });
    // @ts-expect-error not a documented error body
    mock.getLivechatQueue.replyError(500, { oops: true });
    rocketChatErrors.forbidden(mock.getLivechatQueue, { error: "unauthorized" });
    // @ts-expect-error `success` of a 403 is always false
    rocketChatErrors.forbidden(mock.getLivechatQueue, { success: true });
  });

  it("calls[n].input is the operation's input type", () => {
    expectTypeOf(mock.getLivechatQueue.calls[0]?.input).toEqualTypeOf<GetLivechatQueueInput | undefined>();
  });
});
