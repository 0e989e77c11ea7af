/** api-with-examples-30: responses with examples and no schema at all, a 300 and a 203 among the responses. */
import { expect, it } from "vitest";
import { describeSpec } from "./harness.ts";

describeSpec("api-with-examples-30", {
  requests(ctx) {
    it("no input, schemaless JSON: listVersionsv2() -> GET /, the parsed body", async () => {
      const api = await ctx.client();
      const answer = { versions: [{ id: "v2.0", status: "CURRENT" }] };
      ctx.server.reply({ json: answer });
      await expect(api.listVersionsv2()).resolves.toEqual(answer);
      expect(ctx.last().method).toBe("GET");
      expect(ctx.last().path).toBe("/");
      expect(ctx.last().body).toBe("");
    });

    it("203 is a success: getVersionDetailsv2() -> GET /v2, the parsed body", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 203, json: { version: { id: "v2.0" } } });
      await expect(api.getVersionDetailsv2()).resolves.toEqual({ version: { id: "v2.0" } });
      expect(ctx.last().path).toBe("/v2");
    });
  },
});
