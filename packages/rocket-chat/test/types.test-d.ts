import { describe, expectTypeOf, it } from "vitest";
import {
  type ChannelIntegration,
  createRocketChatClient,
  createRocketChatRawClient,
  type ForbiddenError,
  type GetLivechatQueueResponse,
  type LivechatIntegrationSetting,
  type LivechatQueueEntry,
  RocketChatError,
  type UnauthorizedError,
} from "../src/index.ts";

const client = createRocketChatClient({ baseUrl: "https://chat.example.test", auth: { userId: "u", authToken: "t" } });

describe("operation signatures", () => {
  it("requires roomId for getChannelIntegrations", () => {
    // @ts-expect-error roomId is required
    client.getChannelIntegrations({ count: 10 });
    // @ts-expect-error the query argument is required
    client.getChannelIntegrations();
    client.getChannelIntegrations({ roomId: "r" });
  });

  it("takes sort as an object of 1 | -1 and rejects other values", () => {
    client.getChannelIntegrations({ roomId: "r", sort: { _updatedAt: -1, name: 1 } });
    // @ts-expect-error 2 is not a sort direction
    client.getChannelIntegrations({ roomId: "r", sort: { _updatedAt: 2 } });
    // @ts-expect-error sort is an object, not a pre-encoded string
    client.getChannelIntegrations({ roomId: "r", sort: '{"_updatedAt":-1}' });
    // @ts-expect-error fields takes 0 | 1
    client.getLivechatQueue({ sort: { chats: -1 }, fields: { username: 1 } });
  });

  it("rejects unknown parameters and wrong types", () => {
    // @ts-expect-error count is a number
    client.getLivechatQueue({ count: "25" });
    // @ts-expect-error no such parameter
    client.getLivechatQueue({ roomId: "r" });
  });

  it("requires both credentials", () => {
    // @ts-expect-error authToken is missing
    createRocketChatClient({ baseUrl: "https://x.test", auth: { userId: "u" } });
  });
});

describe("results", () => {
  it("resolves to the documented response types", () => {
    expectTypeOf(client.getLivechatQueue()).resolves.toEqualTypeOf<GetLivechatQueueResponse>();
    expectTypeOf(client.getChannelIntegrations({ roomId: "r" })).resolves.toHaveProperty("integrations");
    expectTypeOf<
      Awaited<ReturnType<typeof client.getChannelIntegrations>>["integrations"][number]
    >().toEqualTypeOf<ChannelIntegration>();
    expectTypeOf<
      Awaited<ReturnType<typeof client.getLivechatIntegrationSettings>>["settings"][number]
    >().toEqualTypeOf<LivechatIntegrationSetting>();
    expectTypeOf<GetLivechatQueueResponse["total"]>().toEqualTypeOf<number>();
  });
});

describe("errors", () => {
  it("narrow to the documented 401 and 403 bodies", () => {
    const error = new RocketChatError({ status: 401, headers: new Headers(), body: {}, operationId: "x" });
    if (error.isUnauthorized()) {
      expectTypeOf(error.body).toExtend<UnauthorizedError>();
      expectTypeOf(error.body.message).toEqualTypeOf<string>();
    }
    if (error.isForbidden()) {
      expectTypeOf(error.body).toExtend<ForbiddenError>();
      expectTypeOf(error.body.success).toEqualTypeOf<false>();
    }
    // @ts-expect-error without narrowing the body may be a string or undefined
    error.body.message;
  });
});

describe("pagination", () => {
  it("yields the queue's item type", () => {
    expectTypeOf(client.paginate.getLivechatQueue({ count: 10 })).toEqualTypeOf<AsyncGenerator<LivechatQueueEntry>>();
    // @ts-expect-error only paginated operations have an iterator
    client.paginate.getChannelIntegrations;
  });
});

describe("raw", () => {
  const raw = createRocketChatRawClient({
    baseUrl: "https://chat.example.test",
    auth: { userId: "u", authToken: "t" },
  });

  it("is not a property of the client: only code that creates it carries it", () => {
    // @ts-expect-error the raw client has its own factory
    void client.raw;
  });

  it("types a JSON query parameter as its schema, not as a string", () => {
    void raw.GET("/api/v1/channels.getIntegrations", {
      params: { query: { roomId: "GENERAL", sort: { _updatedAt: -1 } } },
    });
    void raw.GET("/api/v1/channels.getIntegrations", {
      // @ts-expect-error sort is a SortSpec object (sent JSON-encoded), not a string
      params: { query: { roomId: "GENERAL", sort: '{"_updatedAt":-1}' } },
    });
  });
});
