/**
 * The testing kit as a consumer uses it: MSW's setupServer, the real client under the workspace URL the app uses,
 * the generated mock and the documented 401/403 answers.
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRocketChatClient, RocketChatError } from "../src/index.ts";
import { createRocketChatMock, rocketChatErrors } from "../src/testing.ts";

// Rocket.Chat's host is the app's own workspace: mock and client get the same baseUrl.
const baseUrl = "https://chat.example.test";
const mock = createRocketChatMock({ baseUrl });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());

const auth = { userId: "user-1", authToken: "token-1" };
const client = () => createRocketChatClient({ baseUrl, auth, retry: { maxRetries: 0 } });
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error("resolved")),
    (error) => error as RocketChatError,
  );

describe("default answers", () => {
  it("answers every operation with the spec's example", async () => {
    const api = client();
    const settings = await api.getLivechatIntegrationSettings();
    expect(settings.success).toBe(true);
    const integrations = await api.getChannelIntegrations({ roomId: "GENERAL" });
    expect(integrations.integrations[0]?._id).toBe("WMQDChpnYTRmFre9h");
    const queue = await api.getLivechatQueue({ count: 10 });
    expect(queue.queue[0]?.user?.username).toBe("marcos.defendi");
  });

  it("answers only under the mock's baseUrl: elsewhere MSW reports the unhandled request", async () => {
    const other = createRocketChatClient({ baseUrl: "https://other.example.test", auth, retry: { maxRetries: 0 } });
    await expect(other.getLivechatIntegrationSettings()).rejects.toThrow();
    expect(mock.getLivechatIntegrationSettings.calls).toHaveLength(0);
  });
});

describe("documented errors", () => {
  it("unauthorized: 401 with the documented payload, the client's typed error", async () => {
    server.use(rocketChatErrors.unauthorized(mock.getLivechatQueue));
    const error = await rejection(client().getLivechatQueue());
    expect(error).toBeInstanceOf(RocketChatError);
    expect(error.isUnauthorized()).toBe(true);
    expect(error.reason).toBe("You must be logged in to do this.");
  });

  it("forbidden: 403 with the documented payload (and a custom reason)", async () => {
    server.use(rocketChatErrors.forbidden(mock.getChannelIntegrations, { error: "unauthorized" }));
    const error = await rejection(client().getChannelIntegrations({ roomId: "GENERAL" }));
    expect(error.isForbidden()).toBe(true);
    expect(error.body).toEqual({ success: false, error: "unauthorized" });
  });

  it("replyExample: the spec's own example for a documented status", async () => {
    server.use(mock.getLivechatQueue.replyExample(401));
    const error = await rejection(client().getLivechatQueue());
    expect(error.body).toEqual({ status: "error", message: "You must be logged in to do this." });
  });
});

describe("request validation and recording", () => {
  it("a call through `any` without the required roomId is a 400 naming it", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the point is a call the types would have refused
    const error = await rejection(client().getChannelIntegrations({} as any));
    expect(error.status).toBe(400);
    expect(error.reason).toBe('getChannelIntegrations: query parameter "roomId" is required');
  });

  it("records the typed input: query values converted back, JSON parameters parsed", async () => {
    await client().getLivechatQueue({ departmentId: "d1", includeOfflineAgents: "true", count: 5, sort: { ts: -1 } });
    expect(mock.getLivechatQueue.calls[0]?.input).toEqual({
      departmentId: "d1",
      includeOfflineAgents: "true",
      count: 5,
      sort: { ts: -1 },
    });
    expect(mock.getLivechatQueue.calls[0]?.request.headers["x-auth-token"]).toBe("token-1");
  });
});
