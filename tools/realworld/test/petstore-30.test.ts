/** petstore-30: a path parameter, an optional integer query, a required JSON body answered by a bodiless 201. */
import { expect, it } from "vitest";
import { describeSpec, mediaType } from "./harness.ts";

describeSpec("petstore-30", {
  requests(ctx) {
    it("optional query: listPets({ limit: 5 }) -> GET /pets?limit=5, the JSON array", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: [{ id: 1, name: "rex" }] });
      await expect(api.listPets({ limit: 5 })).resolves.toEqual([{ id: 1, name: "rex" }]);
      expect(ctx.last().method).toBe("GET");
      expect(ctx.last().path).toBe("/pets");
      expect(ctx.last().search).toBe("limit=5");
    });

    it("no input: listPets() -> GET /pets without query", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: [] });
      await api.listPets();
      expect(ctx.last().search).toBe("");
    });

    it("required flattened JSON body, bodiless 201: createPets({ id, name, tag }) -> undefined", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 201, text: "" });
      await expect(api.createPets({ id: 1, name: "rex", tag: "dog" })).resolves.toBeUndefined();
      const request = ctx.last();
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/pets");
      expect(mediaType(request.headers["content-type"])).toBe("application/json");
      expect(JSON.parse(request.body)).toEqual({ id: 1, name: "rex", tag: "dog" });
    });

    it("path parameter: showPetById({ petId: 'a b' }) -> GET /pets/a%20b", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { id: 1, name: "rex" } });
      await expect(api.showPetById({ petId: "a b" })).resolves.toEqual({ id: 1, name: "rex" });
      expect(ctx.last().path).toBe("/pets/a%20b");
    });

    it("default error response: ApiError carrying the Error body", async () => {
      const mod = await ctx.module();
      const api = await ctx.client();
      ctx.server.reply({ status: 500, json: { code: 5, message: "boom" } });
      const error = await api.showPetById({ petId: "1" }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(mod.ApiError as new (...args: never[]) => unknown);
      expect(error).toMatchObject({ status: 500, body: { code: 5, message: "boom" }, operationId: "showPetById" });
    });
  },
});
