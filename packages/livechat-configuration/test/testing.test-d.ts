/** The testing kit's types: overrides and error bodies are checked against the spec; recorded inputs are typed. */
import { describe, expectTypeOf, it } from "vitest";
import type { ListAgentsInput, LiveChatErrorResponse } from "../src/index.ts";
import { createLiveChatConfigurationMock, liveChatErrors } from "../src/testing.ts";

const mock = createLiveChatConfigurationMock({ baseUrl: "https://example.test" });
const agent = { id: "a", account_id: "b", name: "A", role: "normal", login_status: "accepting chats" } as const;

describe("testing kit types", () => {
  it("reply takes the operation's output type", () => {
    mock.listAgents.reply([agent]);
    // @ts-expect-error a misspelt field is not an Agent
    mock.listAgents.reply([{ ...agent, nmae: "A" }]);
    // @ts-expect-error get_agent answers one agent, not a list
    mock.getAgent.reply([agent]);
    // @ts-expect-error role must be a documented role
    mock.getAgent.reply({ ...agent, role: "boss" });
  });

  it("replyError takes the documented error payload", () => {
    mock.getAgent.replyError(404, { error: { type: "not_found", message: "No such agent" } });
    // @ts-expect-error not a documented error type
    mock.getAgent.replyError(404, { error: { type: "gone", message: "x" } });
    // @ts-expect-error the payload is `{ error: { type, message } }`
    mock.getAgent.replyError(404, { message: "x" });
    expectTypeOf(mock.getAgent.replyError).parameter(1).toEqualTypeOf<LiveChatErrorResponse>();
  });

  it("calls[n].input is the operation's input type", () => {
    expectTypeOf(mock.listAgents.calls[0]?.input).toEqualTypeOf<ListAgentsInput | undefined>();
    liveChatErrors.misdirectedRequest(mock.listAgents, { region: "fra" });
    // @ts-expect-error the region is required
    liveChatErrors.misdirectedRequest(mock.listAgents, {});
    // @ts-expect-error not a documented error type
    liveChatErrors.error(mock.listAgents, "nope", "x");
  });
});
