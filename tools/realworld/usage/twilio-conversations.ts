// Typed calls of the twilio-conversations client, type-checked with the generated package (copied to its test/usage.ts).
// `// @ts-expect-error` lines are calls that must not compile.
import { createTwilioConversationsClient } from "../src/index.ts";

/** Exact type equality (no `any` slips through). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const client = createTwilioConversationsClient({
  baseUrl: "http://127.0.0.1:1",
  auth: { username: "AC0123", password: "secret" },
});

export async function usage(): Promise<void> {
  const conversation = await client.createConversation({
    FriendlyName: "f",
    "Timers.Inactive": "PT1M",
    "X-Twilio-Webhook-Enabled": "true",
  });
  conversation.sid satisfies string | null | undefined;
  await client.createConversation();
  // @ts-expect-error the header is an enum of "true" | "false"
  await client.createConversation({ "X-Twilio-Webhook-Enabled": "yes" });

  await client.createConversationScopedWebhook({
    ConversationSid: "CH1",
    Target: "webhook",
    "Configuration.Filters": ["onMessageAdded"],
  });
  // The request body is optional: all of it (with its required Target) or none of it.
  await client.createConversationScopedWebhook({ ConversationSid: "CH1" });
  // @ts-expect-error a body without its required Target
  await client.createConversationScopedWebhook({ ConversationSid: "CH1", "Configuration.Url": "https://x" });

  await client.createRole({ FriendlyName: "r", Type: "conversation", Permission: ["sendMessage"] });
  await client.listConversation({ PageSize: 20, State: "active" });
  await client.deleteConversation({ Sid: "CH1", "X-Twilio-Webhook-Enabled": "false" });
  const deleted: Equal<Awaited<ReturnType<typeof client.deleteConversation>>, void> = true;
  void deleted;
}
