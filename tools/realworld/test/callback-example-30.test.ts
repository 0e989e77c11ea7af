/**
 * callback-example-30: an operation without operationId (POST /streams -> postStreams, descriptor id
 * "POST /streams"), a required query parameter, and a callback that must not become a client method.
 */
import { expect, it } from "vitest";
import { describeSpec } from "./harness.ts";

describeSpec("callback-example-30", {
  requests(ctx) {
    it("no operationId: postStreams({ callbackUrl }) -> POST /streams?callbackUrl=<encoded>", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 201, json: { subscriptionId: "2531329f" } });
      await expect(api.postStreams({ callbackUrl: "https://example.com/cb?x=1" })).resolves.toEqual({
        subscriptionId: "2531329f",
      });
      const request = ctx.last();
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/streams");
      expect(request.query).toEqual({ callbackUrl: "https://example.com/cb?x=1" });
      expect(request.search).toMatch(/^callbackUrl=https%3A%2F%2Fexample\.com%2Fcb%3Fx%3D1$/);
      expect(request.body).toBe("");
    });

    it("the descriptor's id is 'POST /streams' and the callback is not an operation", async () => {
      const all = (await ctx.module()).allOperations as Record<string, { id: string }>;
      expect(Object.keys(all)).toEqual(["postStreams"]);
      expect(all.postStreams?.id).toBe("POST /streams");
    });

    it("errors name the operation by its descriptor id", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 400, json: { message: "bad" } });
      await expect(api.postStreams({ callbackUrl: "x" })).rejects.toMatchObject({
        status: 400,
        operationId: "POST /streams",
      });
    });
  },
});
