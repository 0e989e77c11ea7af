/**
 * The testing kit as a consumer uses it: MSW's setupServer, the real client, the generated mock and LiveChat's
 * error helpers (misdirected region recovery, rate limit with Retry-After, typed error bodies).
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createLiveChatConfigurationClient, LiveChatError } from "../src/index.ts";
import { createLiveChatConfigurationMock, liveChatErrors } from "../src/testing.ts";

const mock = createLiveChatConfigurationMock();
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());

const client = () => createLiveChatConfigurationClient({ auth: { accessToken: "fra:token" } });
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error("resolved")),
    (error) => error as LiveChatError,
  );
const agent: Agent = { id: "a@b.co", account_id: "acc-1", name: "A", role: "normal", login_status: "accepting chats" };

describe("default answers: the documented examples", () => {
  it("answers several operations with the spec's examples", async () => {
    const api = client();
    await expect(api.createAgent({ id: "smith@example.com", name: "Smith" })).resolves.toEqual({
      id: "smith@example.com",
    });
    const agents = await api.listAgents();
    expect(agents.map((a) => a.id)).toEqual(["smith@example.com", "jones@example.com"]);
    await expect(api.getGroup({ id: 19 })).resolves.toMatchObject({ id: 19, name: "Sports shoes" });
    await expect(api.deleteTag({ name: "spam" })).resolves.toEqual({});
  });
});

describe("overrides", () => {
  it("reply: a typed body replaces the example", async () => {
    server.use(mock.listAgents.reply([agent]));
    await expect(client().listAgents()).resolves.toEqual([agent]);
  });

  it("replyError: a typed error body becomes the client's LiveChatError", async () => {
    server.use(mock.getAgent.replyError(404, { error: { type: "not_found", message: "No such agent" } }));
    const error = await rejection(client().getAgent({ id: "x@y.z" }));
    expect(error).toBeInstanceOf(LiveChatError);
    expect([error.status, error.type, error.message]).toEqual([
      404,
      "not_found",
      "get_agent failed with HTTP 404: not_found: No such agent",
    ]);
  });
});

describe("LiveChat error scenarios", () => {
  it("misdirectedRequest: the client follows data.region with X-Region and succeeds", async () => {
    server.use(liveChatErrors.misdirectedRequest(mock.listAgents, { region: "dal" }));
    await expect(client().listAgents()).resolves.toHaveLength(2);
    expect(mock.listAgents.calls.map((call) => call.request.headers["x-region"])).toEqual(["fra", "dal"]);
  });

  it("rateLimited: 429 with Retry-After, then the default answer (the client retries, even a create)", async () => {
    server.use(liveChatErrors.rateLimited(mock.createAgent, { retryAfterSeconds: 0, times: 1 }));
    await expect(client().createAgent({ id: "smith@example.com", name: "Smith" })).resolves.toEqual({
      id: "smith@example.com",
    });
    expect(mock.createAgent.calls).toHaveLength(2);
  });

  it("rateLimited without a limit: the client gives up with too_many_requests", async () => {
    server.use(liveChatErrors.rateLimited(mock.listAgents, { retryAfterSeconds: 0 }));
    const error = await rejection(client().listAgents(undefined, { retry: { maxRetries: 1 } }));
    expect([error.status, error.type, error.headers.get("retry-after")]).toEqual([429, "too_many_requests", "0"]);
  });

  it("error: any documented type", async () => {
    server.use(liveChatErrors.error(mock.getGroup, "authorization", "Scope missing", { status: 403 }));
    const error = await rejection(client().getGroup({ id: 1 }));
    expect([error.status, error.type]).toEqual([403, "authorization"]);
  });
});

describe("request validation", () => {
  it("a call through `any` missing a required field gets a 400 validation error naming it", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the point is a call the types would have refused
    const error = await rejection(client().createAgent({ name: "No id" } as any));
    expect([error.status, error.type]).toEqual([400, "validation"]);
    expect(error.message).toBe("create_agent failed with HTTP 400: validation: createAgent: body.id is required");
  });

  it("a wrong field type is named with its path", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the point is a call the types would have refused
    const error = await rejection(client().getGroup({ id: "19" } as any));
    expect(error.message).toMatch(/getGroup: body\.id: .*integer/);
  });
});

describe("recorded calls", () => {
  it("hold the typed input the app sent", async () => {
    await client().listAgents({ filters: { group_ids: [1, 2] }, fields: ["max_chats_count"] });
    expect(mock.listAgents.calls).toHaveLength(1);
    expect(mock.listAgents.calls[0]?.input).toEqual({ filters: { group_ids: [1, 2] }, fields: ["max_chats_count"] });
    expect(mock.listAgents.calls[0]?.request.headers.authorization).toBe("Bearer fra:token");
  });
});
