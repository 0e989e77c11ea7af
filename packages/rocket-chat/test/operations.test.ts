import { inspect } from "node:util";
import { loadBundledSpec, type RecordingServer, startRecordingServer, successExamples } from "@chat-sdk/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError, createRocketChatClient, createRocketChatRawClient, RocketChatError } from "../src/index.ts";

const auth = { userId: "rbAXPnMktTFbNpwtJ", authToken: "RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f" };
let server: RecordingServer;
const spec = await loadBundledSpec("rocket-chat");
const example = (operationId: string) => successExamples(spec).find((e) => e.operationId === operationId)?.value;

beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.reply({ json: {} });
});

function client() {
  return createRocketChatClient({ baseUrl: server.url, auth });
}

function raw() {
  return createRocketChatRawClient({ baseUrl: server.url, auth });
}

function expectAuthenticatedGet(path: string) {
  const request = server.requests.at(-1);
  expect(server.requests).toHaveLength(1);
  expect(request?.method).toBe("GET");
  expect(request?.path).toBe(path);
  expect(request?.headers["x-auth-token"]).toBe(auth.authToken);
  expect(request?.headers["x-user-id"]).toBe(auth.userId);
  expect(request?.body).toBe("");
  return request;
}

describe("getLivechatIntegrationSettings", () => {
  it("sends GET /api/v1/livechat/integrations.settings and returns the documented example", async () => {
    server.reply({ json: example("getLivechatIntegrationSettings") });
    const result = await client().getLivechatIntegrationSettings();
    const request = expectAuthenticatedGet("/api/v1/livechat/integrations.settings");
    expect(request?.search).toBe("");
    expect(result).toEqual(example("getLivechatIntegrationSettings"));
    expect(result.settings[0]?._id).toBe("Livechat_secret_token");
  });
});

describe("getChannelIntegrations", () => {
  it("encodes sort, fields and query as JSON strings and keeps plain params plain", async () => {
    server.reply({ json: example("getChannelIntegrations") });
    const result = await client().getChannelIntegrations({
      roomId: "jdiue8TGkodp",
      offset: 50,
      count: 50,
      sort: { _updatedAt: -1, name: 1 },
      fields: { username: 1 },
      query: { name: { $regex: "g" } },
    });
    const request = expectAuthenticatedGet("/api/v1/channels.getIntegrations");
    expect(request?.search).toBe(
      "roomId=jdiue8TGkodp&offset=50&count=50" +
        `&sort=${encodeURIComponent('{"_updatedAt":-1,"name":1}')}` +
        `&fields=${encodeURIComponent('{"username":1}')}` +
        `&query=${encodeURIComponent('{"name":{"$regex":"g"}}')}`,
    );
    expect(JSON.parse(request?.query.sort ?? "")).toEqual({ _updatedAt: -1, name: 1 });
    expect(result).toEqual(example("getChannelIntegrations"));
    expect(result.integrations[0]?._createdBy?.username).toBe("graywolf336");
  });

  it("omits parameters that are not given", async () => {
    server.reply({ json: example("getChannelIntegrations") });
    await client().getChannelIntegrations({ roomId: "GENERAL" });
    expect(expectAuthenticatedGet("/api/v1/channels.getIntegrations")?.search).toBe("roomId=GENERAL");
  });
});

describe("getLivechatQueue", () => {
  it("sends the documented filters and pagination and returns the documented example", async () => {
    server.reply({ json: example("getLivechatQueue") });
    const result = await client().getLivechatQueue({
      departmentId: "457diLwcQMmdpaTjo",
      agentId: "CaevAPDbXN252kyXa",
      includeOfflineAgents: "true",
      offset: 0,
      count: 25,
      sort: { chats: -1 },
    });
    const request = expectAuthenticatedGet("/api/v1/livechat/queue");
    expect(request?.query).toEqual({
      departmentId: "457diLwcQMmdpaTjo",
      agentId: "CaevAPDbXN252kyXa",
      includeOfflineAgents: "true",
      offset: "0",
      count: "25",
      sort: '{"chats":-1}',
    });
    expect(result).toEqual(example("getLivechatQueue"));
    expect(result.total).toBe(2);
  });

  it("works without any parameter", async () => {
    server.reply({ json: example("getLivechatQueue") });
    await client().getLivechatQueue();
    expect(expectAuthenticatedGet("/api/v1/livechat/queue")?.search).toBe("");
  });
});

describe("errors and auth", () => {
  it("rejects a 401 with a typed ApiError that does not contain the token", async () => {
    server.reply({ status: 401, json: { status: "error", message: "You must be logged in to do this." } });
    const error = await client()
      .getLivechatQueue()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError<{ status: string; message: string }>;
    expect(apiError.status).toBe(401);
    expect(apiError.operationId).toBe("getLivechatQueue");
    expect(apiError.body.message).toBe("You must be logged in to do this.");
    expect(apiError).toBeInstanceOf(RocketChatError);
    const rcError = apiError as unknown as RocketChatError;
    expect(rcError.isUnauthorized()).toBe(true);
    expect(rcError.isForbidden()).toBe(false);
    expect(rcError.reason).toBe("You must be logged in to do this.");
    expect(rcError.message).toBe("getLivechatQueue failed with HTTP 401: You must be logged in to do this.");
    for (const text of [
      String(apiError),
      apiError.message,
      JSON.stringify(apiError),
      inspect(apiError, { depth: 8 }),
    ]) {
      expect(text).not.toContain(auth.authToken);
    }
  });

  it("rejects a 403 with the documented body", async () => {
    server.reply({ status: 403, json: { success: false, error: "unauthorized" } });
    const error = (await client()
      .getLivechatIntegrationSettings()
      .catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(403);
    expect(error.body).toEqual({ success: false, error: "unauthorized" });
  });

  it("calls an async credentials provider before every request", async () => {
    let calls = 0;
    const rotating = createRocketChatClient({
      baseUrl: `${server.url}/`,
      auth: async () => ({ userId: "u1", authToken: `token-${++calls}` }),
    });
    await rotating.getLivechatQueue();
    await rotating.getLivechatQueue();
    expect(server.requests.map((r) => r.headers["x-auth-token"])).toEqual(["token-1", "token-2"]);
    expect(server.requests.map((r) => r.path)).toEqual(["/api/v1/livechat/queue", "/api/v1/livechat/queue"]);
  });

  it("createRocketChatRawClient gives the path-level client, which returns results instead of throwing", async () => {
    server.reply({ status: 401, json: { status: "error", message: "You must be logged in to do this." } });
    const { data, error, response } = await raw().GET("/api/v1/livechat/queue");
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    expect(error).toEqual({ status: "error", message: "You must be logged in to do this." });
    expect(server.requests.at(-1)?.headers["x-user-id"]).toBe(auth.userId);
  });

  it("raw sends sort, fields and query JSON-encoded, as Rocket.Chat expects and the methods do", async () => {
    const input = { roomId: "GENERAL", sort: { _updatedAt: -1 as const }, fields: { name: 1 as const } };
    await client().getChannelIntegrations(input);
    await raw().GET("/api/v1/channels.getIntegrations", { params: { query: input } });
    const [method, viaRaw] = server.requests.slice(-2);
    expect(viaRaw?.query).toEqual(method?.query);
    expect(viaRaw?.query.sort).toBe('{"_updatedAt":-1}');
  });
});
