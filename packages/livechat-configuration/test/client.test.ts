import { inspect } from "node:util";
/**
 * createLiveChatConfigurationClient: default URL, credentials -> Authorization, token prefix -> X-Region, options.
 */
import { loadBundledSpec, successExamples, useRecordingServer } from "@chat-sdk/test-utils";
import { beforeEach, describe, expect, it } from "vitest";
import {
  AuthError,
  createLiveChatConfigurationClient,
  createLiveChatConfigurationRawClient,
  type LiveChatConfigurationClientOptions,
  type LiveChatCredentials,
} from "../src/index.ts";

const spec = await loadBundledSpec("livechat-configuration");
const webhookNames = successExamples(spec).find((e) => e.operationId === "list_webhook_names")?.value;
const pat = { accountId: "d24fa41e-bc16-41b8-a15b-9ca45ff7e0cf", token: "fra:pat-secret-ŁÓdź" };

const server = useRecordingServer();
beforeEach(() => {
  server.requests.length = 0;
  server.reply({ json: [] });
});

function client(options: Omit<LiveChatConfigurationClientOptions, "baseUrl">) {
  return createLiveChatConfigurationClient({ baseUrl: `${server.url}/v3.5/configuration`, ...options });
}

function raw(options: Omit<LiveChatConfigurationClientOptions, "baseUrl">) {
  return createLiveChatConfigurationRawClient({ baseUrl: `${server.url}/v3.5/configuration`, ...options });
}
const sent = () =>
  server.requests.map((r) => ({ authorization: r.headers.authorization, region: r.headers["x-region"] }));

describe("base URL", () => {
  it("defaults to https://api.livechatinc.com/v3.5/configuration", async () => {
    const urls: string[] = [];
    const api = createLiveChatConfigurationClient({
      auth: { accessToken: "dal:t" },
      fetch: async (request) => {
        urls.push(request.url);
        return Response.json([]);
      },
    });
    await api.listAgents();
    expect(urls).toEqual(["https://api.livechatinc.com/v3.5/configuration/action/list_agents"]);
  });
});

describe("access tokens and X-Region", () => {
  it.each([
    { token: "fra:abc123", region: "fra" },
    { token: "dal:abc123", region: undefined },
    { token: "abc123", region: undefined },
  ])("$token sends Bearer and X-Region $region", async ({ token, region }) => {
    await client({ auth: { accessToken: token } }).listAgents();
    expect(sent()).toEqual([{ authorization: `Bearer ${token}`, region }]);
  });

  it("lets the region option override the token's prefix, in both directions", async () => {
    await client({ auth: { accessToken: "fra:abc123" }, region: "dal" }).listAgents();
    await client({ auth: { accessToken: "dal:abc123" }, region: "fra" }).listAgents();
    await client({ auth: { accessToken: "abc123" }, region: "fra" }).listAgents();
    expect(sent().map((s) => s.region)).toEqual(["dal", "fra", "fra"]);
  });
});

describe("personal access tokens", () => {
  it("sends exactly Basic base64(accountId:token), UTF-8 encoded, and no X-Region unless asked", async () => {
    await client({ auth: { personalAccessToken: pat } }).listAgents();
    await client({ auth: { personalAccessToken: pat }, region: "fra" }).listAgents();
    const expected = `Basic ${Buffer.from(`${pat.accountId}:${pat.token}`, "utf8").toString("base64")}`;
    expect(sent()).toEqual([
      { authorization: expected, region: undefined },
      { authorization: expected, region: "fra" },
    ]);
    expect(Buffer.from(expected.slice("Basic ".length), "base64").toString("utf8")).toBe(
      `${pat.accountId}:${pat.token}`,
    );
  });
});

describe("auth providers", () => {
  it("calls an async provider before every request and follows the region of each token", async () => {
    const queue: LiveChatCredentials[] = [
      { accessToken: "fra:first" },
      { accessToken: "dal:second" },
      { personalAccessToken: pat },
    ];
    let calls = 0;
    const api = client({
      auth: async () => {
        calls++;
        return queue.shift() ?? { accessToken: "unused" };
      },
    });
    await api.listAgents();
    await api.listGroups();
    await api.listTags();
    expect(calls).toBe(3);
    expect(sent()).toEqual([
      { authorization: "Bearer fra:first", region: "fra" },
      { authorization: "Bearer dal:second", region: undefined },
      { authorization: `Basic ${Buffer.from(`${pat.accountId}:${pat.token}`).toString("base64")}`, region: undefined },
    ]);
  });

  it("rejects unusable credentials without echoing them", async () => {
    const api = client({ auth: { acessToken: "fra:misspelt-secret" } as never });
    const error = await api.listAgents().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).providerError).toBeInstanceOf(TypeError);
    for (const text of [
      String(error),
      JSON.stringify(error),
      inspect(error),
      String((error as AuthError).providerError),
    ]) {
      expect(text).not.toContain("misspelt-secret");
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe("list_webhook_names (security: [])", () => {
  it("works and returns the documented list", async () => {
    server.reply({ json: webhookNames });
    const names = await client({ auth: { accessToken: "fra:abc123" } }).listWebhookNames({ version: "3.5" });
    expect(names).toStrictEqual(webhookNames);
    expect(names.map((n) => n.action)).toEqual(["agent_deleted", "chat_access_updated", "incoming_customer"]);
    expect(server.requests[0]?.path).toBe("/v3.5/configuration/action/list_webhook_names");
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({ version: "3.5" });
  });

  it("sends {} when called without input (every field is optional)", async () => {
    await client({ auth: { accessToken: "dal:t" } }).listWebhookNames();
    expect(server.requests[0]?.body).toBe("{}");
  });
});

describe("other options", () => {
  it("passes headers, per-call headers and middleware through, and keeps the credentials last", async () => {
    const seen: string[] = [];
    const api = client({
      auth: { accessToken: "dal:t" },
      headers: { "X-App": "docs-test", Authorization: "Bearer overridden" },
      middleware: [{ onRequest: ({ request }) => void seen.push(new URL(request.url).pathname) }],
    });
    await api.getAgent({ id: "smith@example.com" }, { headers: { "X-Call": "1" } });
    expect(server.requests[0]?.headers).toMatchObject({
      "x-app": "docs-test",
      "x-call": "1",
      authorization: "Bearer dal:t",
    });
    expect(seen).toEqual(["/v3.5/configuration/action/get_agent"]);
  });

  it("createLiveChatConfigurationRawClient gives the path-level client, authorized the same way", async () => {
    server.reply({ status: 404, json: { error: { type: "not_found", message: "Agent not found" } } });
    const { data, error, response } = await raw({ auth: { accessToken: "fra:raw" } }).POST("/action/get_agent", {
      body: { id: "nobody@example.com" },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error?.error.type).toBe("not_found");
    expect(sent()).toEqual([{ authorization: "Bearer fra:raw", region: "fra" }]);
  });
});
