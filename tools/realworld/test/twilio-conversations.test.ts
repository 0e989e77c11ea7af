/**
 * twilio-conversations (103 operations, 668 KB): application/x-www-form-urlencoded bodies with dotted field names
 * and array fields, the X-Twilio-Webhook-Enabled header parameter, capitalised path and query parameters, optional
 * request bodies with required fields ("all the body or none of it"), 204 deletes.
 */
import { expect, it } from "vitest";
import { describeSpec, formPairs, mediaType } from "./harness.ts";

const credentials = { username: "AC0123", password: "secret" };

describeSpec("twilio-conversations", {
  // The spec's only security scheme is HTTP basic: the scaffolded client requires credentials.
  clientOptions: { auth: credentials },
  requests(ctx) {
    it("HTTP basic auth from the security scheme: Authorization: Basic base64(user:password)", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { sid: "CH1" } });
      await api.fetchConversation({ Sid: "CH1" });
      expect(ctx.last().headers.authorization).toBe(`Basic ${Buffer.from("AC0123:secret").toString("base64")}`);
    });

    it("form body + header: createConversation -> urlencoded fields, X-Twilio-Webhook-Enabled header", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 201, json: { sid: "CH1" } });
      await expect(
        api.createConversation({
          FriendlyName: "Support & sales",
          "Timers.Inactive": "PT1M",
          Attributes: '{ "topic": "feedback" }',
          "X-Twilio-Webhook-Enabled": "true",
        }),
      ).resolves.toEqual({ sid: "CH1" });
      const request = ctx.last();
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/v1/Conversations");
      expect(request.search).toBe("");
      expect(request.headers["x-twilio-webhook-enabled"]).toBe("true");
      expect(mediaType(request.headers["content-type"])).toBe("application/x-www-form-urlencoded");
      expect(formPairs(request).sort()).toEqual(
        [
          ["Attributes", '{ "topic": "feedback" }'],
          ["FriendlyName", "Support & sales"],
          ["Timers.Inactive", "PT1M"],
        ].sort(),
      );
      // The header parameter is not a body field.
      expect(request.body).not.toContain("Twilio");
    });

    it("form body with array fields + path parameter: createConversationScopedWebhook", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 201, json: { sid: "WH1" } });
      await api.createConversationScopedWebhook({
        ConversationSid: "CH123",
        Target: "webhook",
        "Configuration.Url": "https://example.com/hook",
        "Configuration.Method": "post",
        "Configuration.Filters": ["onMessageAdded", "onConversationUpdated"],
        "Configuration.ReplayAfter": 7,
      });
      const request = ctx.last();
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/v1/Conversations/CH123/Webhooks");
      expect(mediaType(request.headers["content-type"])).toBe("application/x-www-form-urlencoded");
      const pairs = formPairs(request);
      expect(pairs.filter(([key]) => key === "Configuration.Filters").map(([, value]) => value)).toEqual([
        "onMessageAdded",
        "onConversationUpdated",
      ]);
      expect(pairs.sort()).toEqual(
        [
          ["Configuration.Filters", "onConversationUpdated"],
          ["Configuration.Filters", "onMessageAdded"],
          ["Configuration.Method", "post"],
          ["Configuration.ReplayAfter", "7"],
          ["Configuration.Url", "https://example.com/hook"],
          ["Target", "webhook"],
        ].sort(),
      );
      // Repeated keys on the wire, not `Configuration.Filters=a,b` nor `[]` suffixes.
      expect(request.body).toContain(
        "Configuration.Filters=onMessageAdded&Configuration.Filters=onConversationUpdated",
      );
    });

    it("required array field: createRole({ Permission: [a, b] }) repeats the key", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 201, json: { sid: "RL1" } });
      await api.createRole({
        FriendlyName: "r",
        Type: "conversation",
        Permission: ["sendMessage", "leaveConversation"],
      });
      expect(ctx.last().path).toBe("/v1/Roles");
      expect(ctx.last().body).toBe(
        "FriendlyName=r&Type=conversation&Permission=sendMessage&Permission=leaveConversation",
      );
    });

    it("optional form body left out: createConversation() sends no body", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 201, json: { sid: "CH2" } });
      await api.createConversation();
      expect(ctx.last().method).toBe("POST");
      expect(ctx.last().body).toBe("");
    });

    it("query parameters: listConversation({ PageSize: 20, State: 'active' })", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { conversations: [], meta: {} } });
      await api.listConversation({ PageSize: 20, State: "active" });
      expect(ctx.last().method).toBe("GET");
      expect(ctx.last().path).toBe("/v1/Conversations");
      expect(ctx.last().search.split("&").sort()).toEqual(["PageSize=20", "State=active"]);
    });

    it("204 delete with a header: deleteConversation({ Sid, X-Twilio-Webhook-Enabled }) -> undefined", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 204, text: "" });
      await expect(
        api.deleteConversation({ Sid: "CH1", "X-Twilio-Webhook-Enabled": "false" }),
      ).resolves.toBeUndefined();
      expect(ctx.last().method).toBe("DELETE");
      expect(ctx.last().path).toBe("/v1/Conversations/CH1");
      expect(ctx.last().headers["x-twilio-webhook-enabled"]).toBe("false");
    });

    it("two path parameters: fetchConversationMessage({ ConversationSid, Sid })", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { sid: "IM1" } });
      await api.fetchConversationMessage({ ConversationSid: "CH1", Sid: "IM1" });
      expect(ctx.last().path).toBe("/v1/Conversations/CH1/Messages/IM1");
    });
  },
});
