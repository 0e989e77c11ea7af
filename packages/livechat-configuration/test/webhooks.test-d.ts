/** The receiver's result narrows by `action`; an action LiveChat does not send does not compile. */
import { describe, expectTypeOf, it } from "vitest";
import type { IncomingChatWebhook, LiveChatConfigurationWebhookByAction } from "../src/index.ts";
import {
  type LiveChatWebhook,
  type LiveChatWebhookAction,
  type LiveChatWebhookOf,
  receiveWebhook,
  type WebhookErrorReason,
} from "../src/webhooks.ts";

declare const hook: LiveChatWebhook;

describe("webhook types", () => {
  it("narrow on action", () => {
    switch (hook.action) {
      case "incoming_chat":
        expectTypeOf(hook).toEqualTypeOf<IncomingChatWebhook>();
        expectTypeOf(hook.action).toEqualTypeOf<"incoming_chat">();
        break;
      case "tag_created":
        expectTypeOf(hook).toEqualTypeOf<LiveChatWebhookOf<"tag_created">>();
        break;
      // @ts-expect-error not an action LiveChat sends
      case "chat_created":
        break;
    }
    if (hook.action === "agent_deleted") expectTypeOf(hook).toEqualTypeOf<LiveChatWebhookOf<"agent_deleted">>();
  });

  it("type the envelope's fields, with the payload an open object", () => {
    expectTypeOf(hook.secret_key).toEqualTypeOf<string>();
    expectTypeOf(hook.payload).toEqualTypeOf<{ [key: string]: unknown }>();
    expectTypeOf(hook.additional_data?.chat_presence_user_ids).toEqualTypeOf<string[] | undefined>();
    expectTypeOf<LiveChatWebhookAction>().toEqualTypeOf<keyof LiveChatConfigurationWebhookByAction>();
  });

  it("reject a wrong action literal", () => {
    // @ts-expect-error not an action
    expectTypeOf<LiveChatWebhookOf<"chat_created">>().not.toBeNever();
    const tagDeleted = {} as LiveChatWebhookOf<"tag_deleted">;
    // @ts-expect-error a tag_deleted envelope is not a tag_created one
    const wrong: LiveChatWebhookOf<"tag_created"> = tagDeleted;
    void wrong;
  });

  it("resolve to the union and take only the documented inputs", () => {
    expectTypeOf(receiveWebhook("{}", { secret: "s" })).resolves.toEqualTypeOf<LiveChatWebhook>();
    // @ts-expect-error a parsed object is not a raw body: the secret must be checked on what was sent
    void receiveWebhook({ action: "incoming_chat" }, { secret: "s" });
    // @ts-expect-error the secret is required
    void receiveWebhook("{}", {});
    expectTypeOf<WebhookErrorReason>().toEqualTypeOf<
      "malformed-json" | "invalid-shape" | "missing-secret" | "wrong-secret" | "too-large"
    >();
  });
});
