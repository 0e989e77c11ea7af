/**
 * Compile-time contract of the client: what must not compile (@ts-expect-error) and what each method resolves to.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  type BatchCreateAgentsOutput,
  type CreateAgentResponse,
  createLiveChatConfigurationClient,
  createLiveChatConfigurationRawClient,
  type EmptyResponse,
  type GetAgentResponse,
  type LiveChatConfigurationClient,
  LiveChatError,
  type LiveChatErrorResponse,
  type LiveChatErrorType,
  type RegisterWebhookRequest,
  splitBatchResults,
  type WebhookAction,
} from "../src/index.ts";

const client = createLiveChatConfigurationClient({ auth: { accessToken: "fra:t" } });

describe("request types", () => {
  it("requires id and name for createAgent and checks group priorities", () => {
    // @ts-expect-error id and name are required
    client.createAgent({});
    // @ts-expect-error name is required
    client.createAgent({ id: "a" });
    // @ts-expect-error "high" is not a RoutingPriority
    client.createAgent({ id: "a", name: "b", groups: [{ id: 1, priority: "high" }] });
    // @ts-expect-error a group needs its priority
    client.createAgent({ id: "a", name: "b", groups: [{ id: 1 }] });
    // @ts-expect-error owner is not assignable through the API
    client.createAgent({ id: "a", name: "b", role: "owner" });
    client.createAgent({ id: "a", name: "b", role: "viceowner", groups: [{ id: 1, priority: "first" }] });
  });

  it("only accepts the documented webhook actions", () => {
    const webhook: RegisterWebhookRequest = {
      action: "chat_deactivated",
      secret_key: "s",
      url: "https://example.com/hook",
      owner_client_id: "c",
      type: "license",
    };
    client.registerWebhook(webhook);
    // @ts-expect-error not a WebhookAction
    client.registerWebhook({ ...webhook, action: "chat_exploded" });
    // @ts-expect-error agent_status_changed is mentioned by the docs but is not a triggering action
    client.registerWebhook({ ...webhook, action: "agent_status_changed" });
    // @ts-expect-error type is bot or license
    client.registerWebhook({ ...webhook, type: "global" });
    expectTypeOf<"incoming_chat">().toExtend<WebhookAction>();
  });

  it("lets actions whose fields are all optional be called without input, and no others", () => {
    client.listAgents();
    client.listAgents({ fields: ["max_chats_count"], filters: { group_ids: [0, 1], suspended: false } });
    client.listGroups();
    client.listWebhookNames();
    // @ts-expect-error "avatar" is not an AgentField
    client.listAgents({ fields: ["avatar"] });
    // @ts-expect-error getAgent needs an id
    client.getAgent();
    // @ts-expect-error an empty request takes no properties
    client.listChannels({ page: 1 });
  });
});

describe("documented rules the types enforce", () => {
  const access = { groups: [1] };
  const match = [{ value: "livechat.com" }];

  it("needs at least one of url, domain and geolocation in auto access conditions", () => {
    // @ts-expect-error conditions needs url, domain or geolocation
    client.addAutoAccess({ access, conditions: {} });
    // @ts-expect-error when sent in an update, conditions still needs one of them
    client.updateAutoAccess({ id: "a", conditions: {} });
    client.addAutoAccess({ access, conditions: { url: { values: match } } });
    client.addAutoAccess({ access, conditions: { domain: { exclude_values: match } } });
    client.addAutoAccess({ access, conditions: { geolocation: { values: [{ country_code: "US" }] } } });
    client.updateAutoAccess({ id: "a", description: "no conditions sent" });
  });

  it("does not take values together with exclude_values", () => {
    // @ts-expect-error values may not be used together with exclude_values
    client.addAutoAccess({ access, conditions: { url: { values: match, exclude_values: match } } });
    // @ts-expect-error the same for domain
    client.addAutoAccess({ access, conditions: { domain: { values: match, exclude_values: match } } });
    const hook: RegisterWebhookRequest = {
      action: "incoming_chat",
      secret_key: "s",
      url: "https://example.com/hook",
      owner_client_id: "c",
      type: "license",
      filters: { chat_presence: { user_ids: { values: ["a"] } } },
    };
    client.registerWebhook(hook);
    client.registerWebhook({ ...hook, filters: { chat_presence: { user_ids: { exclude_values: ["a"] } } } });
    const both = { values: ["a"], exclude_values: ["b"] };
    // @ts-expect-error only one filter: values or exclude_values
    client.registerWebhook({ ...hook, filters: { chat_presence: { user_ids: both } } });
    // @ts-expect-error the same for agent_ids
    client.registerWebhook({ ...hook, filters: { agent_ids: { values: ["a"], exclude_values: ["b"] } } });
  });

  it("needs at least one location in a property's access", () => {
    const property = { name: "p", owner_client_id: "c", type: "string" } as const;
    // @ts-expect-error access needs at least one location
    client.registerProperty({ ...property, access: {} });
    client.registerProperty({ ...property, access: { chat: { agent: ["read"] } } });
    client.registerProperty({
      ...property,
      access: { license: { agent: ["read", "write"] }, group: { customer: [] } },
    });
  });

  it("requires owner_client_id for every bot template action", () => {
    const owner_client_id = "c";
    // @ts-expect-error owner_client_id is required
    client.listBotTemplates();
    // @ts-expect-error owner_client_id is required
    client.listBotTemplates({});
    // @ts-expect-error owner_client_id is required
    client.createBotTemplate({ name: "Bot" });
    // @ts-expect-error owner_client_id is required
    client.updateBotTemplate({ id: "b", name: "Bot" });
    // @ts-expect-error owner_client_id is required
    client.deleteBotTemplate({ id: "b" });
    // @ts-expect-error owner_client_id is required
    client.resetBotTemplateSecret({ id: "b" });
    client.listBotTemplates({ owner_client_id });
    client.createBotTemplate({ name: "Bot", owner_client_id });
    client.updateBotTemplate({ id: "b", name: "Bot", owner_client_id });
    client.deleteBotTemplate({ id: "b", owner_client_id });
    client.resetBotTemplateSecret({ id: "b", owner_client_id });
    // bots (not templates) keep it optional: required only when authorizing via PATs
    client.createBot({ name: "Bot" });
  });
});

describe("client options", () => {
  it("takes exactly one kind of credentials", () => {
    createLiveChatConfigurationClient({ auth: { personalAccessToken: { accountId: "a", token: "t" } }, region: "fra" });
    createLiveChatConfigurationClient({ auth: async () => ({ accessToken: "dal:t" }), baseUrl: "https://x.test" });
    // @ts-expect-error auth is required
    createLiveChatConfigurationClient({});
    // @ts-expect-error a PAT needs its account ID
    createLiveChatConfigurationClient({ auth: { personalAccessToken: { token: "t" } } });
    const both = { accessToken: "t", personalAccessToken: { accountId: "a", token: "t" } };
    // @ts-expect-error not both at once
    createLiveChatConfigurationClient({ auth: both });
  });
});

describe("result types", () => {
  it("resolves createAgent to CreateAgentResponse ({ id: string })", () => {
    expectTypeOf(client.createAgent({ id: "a", name: "b" })).resolves.toEqualTypeOf<CreateAgentResponse>();
    expectTypeOf<CreateAgentResponse>().toEqualTypeOf<{ id: string }>();
  });

  it("resolves no-payload actions to EmptyResponse, not unknown or any", () => {
    const updated = client.updateAgent({ id: "a" });
    expectTypeOf(updated).resolves.toEqualTypeOf<EmptyResponse>();
    expectTypeOf(updated).resolves.not.toBeAny();
    expectTypeOf(updated).resolves.not.toBeUnknown();
    expectTypeOf(client.deleteTag({ name: "spam" })).resolves.toEqualTypeOf<EmptyResponse>();
  });

  it("resolves get/list actions to their entities", () => {
    expectTypeOf(client.getAgent({ id: "a" })).resolves.toEqualTypeOf<GetAgentResponse>();
    expectTypeOf(client.listAgents()).resolves.items.toHaveProperty("login_status");
    expectTypeOf(client.createGroup({ name: "g", agent_priorities: { a: "normal" } })).resolves.toEqualTypeOf<{
      id: number;
    }>();
  });

  it("types batch results as one response or error per request, narrowed by 'error' in item", () => {
    const batch = client.batchCreateAgents({ requests: [{ id: "a", name: "b" }] });
    expectTypeOf(batch).resolves.toEqualTypeOf<BatchCreateAgentsOutput>();
    expectTypeOf(batch).resolves.toEqualTypeOf<{ responses: Array<CreateAgentResponse | LiveChatErrorResponse> }>();

    const narrow = (item: BatchCreateAgentsOutput["responses"][number]) => {
      if ("error" in item) {
        expectTypeOf(item).toEqualTypeOf<LiveChatErrorResponse>();
        expectTypeOf(item.error.type).toEqualTypeOf<LiveChatErrorType>();
      } else {
        expectTypeOf(item).toEqualTypeOf<CreateAgentResponse>();
        expectTypeOf(item.id).toBeString();
      }
    };
    expectTypeOf(narrow).toBeFunction();
  });

  it("exports LiveChatErrorType as exactly the 13 documented error types", () => {
    expectTypeOf<LiveChatErrorType>().toEqualTypeOf<
      | "authentication"
      | "authorization"
      | "already_exists"
      | "group_not_found"
      | "internal"
      | "license_expired"
      | "limit_reached"
      | "misdirected_request"
      | "not_found"
      | "too_many_requests"
      | "ownership_transfer"
      | "unsupported_version"
      | "validation"
    >();
    expectTypeOf<LiveChatErrorResponse["error"]["type"]>().toEqualTypeOf<LiveChatErrorType>();
  });

  it("exposes a method for every operation; the typed raw client has its own factory", () => {
    expectTypeOf<LiveChatConfigurationClient>().toHaveProperty("getProductSource");
    expectTypeOf<LiveChatConfigurationClient>().toHaveProperty("batchDeleteBots");
    expectTypeOf<LiveChatConfigurationClient>().not.toHaveProperty("raw");
    const raw = createLiveChatConfigurationRawClient({ auth: { accessToken: "fra:t" } });
    expectTypeOf(raw.POST).toBeFunction();
    void raw.POST("/action/get_agent", { body: { id: "a@example.com" } });
    // @ts-expect-error get_agent is a POST action
    void raw.GET("/action/get_agent");
  });
});

describe("errors and batch helpers", () => {
  it("narrows LiveChatError.type to the documented error types", () => {
    const error = new LiveChatError({
      status: 400,
      headers: new Headers(),
      body: { error: { type: "validation", message: "m" } },
      operationId: "create_agent",
    });
    expectTypeOf(error.type).toEqualTypeOf<LiveChatErrorType>();
    if (error.type === "misdirected_request") expectTypeOf(error.data?.region).toEqualTypeOf<string | undefined>();
    // @ts-expect-error not a documented error type
    if (error.type === "rate_limited") throw error;
  });

  it("types split batch items as the action's response or the error details", () => {
    const split = splitBatchResults({} as BatchCreateAgentsOutput["responses"]);
    expectTypeOf(split.succeeded[0]?.value).toEqualTypeOf<CreateAgentResponse | undefined>();
    expectTypeOf(split.failed[0]?.error.type).toEqualTypeOf<LiveChatErrorType | undefined>();
  });
});
