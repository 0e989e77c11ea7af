/**
 * Failed calls reject with ApiError carrying the documented error payload, and never leak the credentials.
 */
import { inspect } from "node:util";
import { loadBundledSpec, useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import {
  ApiError,
  createLiveChatConfigurationClient,
  LiveChatError,
  type LiveChatErrorResponse,
  type LiveChatErrorType,
} from "../src/index.ts";

const spec = await loadBundledSpec("livechat-configuration");
const createAgentResponses = spec.paths["/action/create_agent"]?.post.responses;
const clientErrorExample: LiveChatErrorResponse =
  createAgentResponses["4XX"].content["application/json"].examples.misdirectedRequest.value;
const serverErrorExample: LiveChatErrorResponse =
  createAgentResponses["5XX"].content["application/json"].examples.internal.value;
const documentedTypes: LiveChatErrorType[] = spec.components.schemas.LiveChatErrorType.enum;

const accessToken = "fra:super-secret-access-token-4f9a";
const pat = { accountId: "d24fa41e-bc16-41b8-a15b-9ca45ff7e0cf", token: "fra:super-secret-pat-77c1" };
const newAgent = { id: "smith@example.com", name: "Agent Smith" };

const server = useRecordingServer();

function client(
  options: { region?: string; auth?: Parameters<typeof createLiveChatConfigurationClient>[0]["auth"] } = {},
) {
  // No retries here: these tests are about the shape of one failure (retries are in retries.test.ts).
  return createLiveChatConfigurationClient({
    baseUrl: server.url,
    auth: { accessToken },
    retry: { maxRetries: 0 },
    ...options,
  });
}

async function rejection(promise: Promise<unknown>): Promise<ApiError<LiveChatErrorResponse>> {
  const error = await promise.then(
    () => expect.unreachable("the call should have failed"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError<LiveChatErrorResponse>;
}

function expectNoSecrets(error: ApiError, secrets: string[]) {
  for (const text of [
    String(error),
    error.message,
    JSON.stringify(error),
    error.stack ?? "",
    inspect(error, { depth: 8 }),
  ]) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

describe("ApiError", () => {
  it("rejects a 4XX with the documented error payload as a LiveChatError", async () => {
    const payload = { error: { type: "validation", message: "`id` is required" } } as const;
    server.reply({ status: 400, json: payload, headers: { "x-request-id": "req-400" } });
    const error = await rejection(client().createAgent(newAgent));
    expect(error).toBeInstanceOf(LiveChatError);
    expect(error.status).toBe(400);
    expect(error.operationId).toBe("create_agent");
    expect(error.requestId).toBe("req-400");
    expect((error as LiveChatError).type).toBe("validation");
    expect(error.body).toStrictEqual(payload);
    expect(error.message).toBe("create_agent failed with HTTP 400: validation: `id` is required");
    expectNoSecrets(error, [accessToken, "super-secret"]);
  });

  // 400 rather than 421: Node's fetch silently repeats a 421 once on a new connection, which would blur the counts.
  it("follows misdirected_request to data.region once, and remembers the region for later calls", async () => {
    expect(clientErrorExample.error).toMatchObject({ type: "misdirected_request", data: { region: "dal" } });
    server.reply((request) =>
      request.headers["x-region"] === "dal" ? { json: { id: newAgent.id } } : { status: 400, json: clientErrorExample },
    );
    const api = client(); // a fra: token, so the first request says X-Region: fra
    await expect(api.createAgent(newAgent)).resolves.toEqual({ id: newAgent.id });
    await api.createAgent(newAgent);
    expect(server.requests.map((r) => r.headers["x-region"])).toEqual(["fra", "dal", "dal"]);
  });

  it("gives up when the named region misdirects again", async () => {
    server.reply({ status: 400, json: clientErrorExample });
    const error = await rejection(client().createAgent(newAgent));
    expect((error as LiveChatError).type).toBe("misdirected_request");
    expect((error as LiveChatError).data).toEqual({ region: "dal" });
    expect(server.requests).toHaveLength(2);
  });

  it("rejects a 5XX with the documented internal error", async () => {
    server.reply({ status: 500, json: serverErrorExample });
    const error = await rejection(client().createAgent(newAgent));
    expect(error.status).toBe(500);
    expect(error.operationId).toBe("create_agent");
    expect(error.body.error).toEqual({ type: "internal", message: "Internal server error" });
    expect((error as LiveChatError).type).toBe("internal");
    expectNoSecrets(error, [accessToken]);
  });

  it.each([
    { status: 400, type: "validation" },
    { status: 401, type: "authentication" },
    { status: 403, type: "authorization" },
    { status: 404, type: "not_found" },
    { status: 409, type: "already_exists" },
    { status: 429, type: "too_many_requests" },
  ] as const)("carries error.type $type of an HTTP $status", async ({ status, type }) => {
    server.reply({ status, json: { error: { type, message: `${type} happened` } } });
    const error = await rejection(client().createAgent(newAgent));
    expect(error).toMatchObject({ status, operationId: "create_agent", body: { error: { type } } });
    expectNoSecrets(error, [accessToken]);
  });

  it("passes every one of the 13 documented error types through unchanged", async () => {
    expect(documentedTypes).toHaveLength(13);
    server.reply((request) => ({ status: 400, json: { error: { type: JSON.parse(request.body).id, message: "x" } } }));
    for (const type of documentedTypes) {
      const error = await rejection(client().getAgent({ id: type }));
      expect(error.body.error.type).toBe(type);
      expect(error.operationId).toBe("get_agent");
    }
  });

  it("never leaks a personal access token or its Basic header value", async () => {
    server.reply({ status: 401, json: { error: { type: "authentication", message: "Invalid access token" } } });
    const error = await rejection(
      client({ auth: { personalAccessToken: pat } }).registerWebhook({
        action: "chat_deactivated",
        secret_key: "laudla991lamda0pnoaa0",
        url: "http://myservice.com/webhooks",
        owner_client_id: "asXdesldiAJSq9padj",
        type: "license",
      }),
    );
    expect(error.operationId).toBe("register_webhook");
    const basic = Buffer.from(`${pat.accountId}:${pat.token}`).toString("base64");
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${basic}`);
    expectNoSecrets(error, [pat.token, basic, "super-secret"]);
  });

  it("keeps the raw body when the server does not answer with JSON", async () => {
    server.reply({ status: 502, text: "Bad Gateway", headers: { "content-type": "text/plain" } });
    const error = await rejection(client().listAgents());
    expect(error.status).toBe(502);
    expect(error.operationId).toBe("list_agents");
    expect(error.body).toBe("Bad Gateway");
  });
});
