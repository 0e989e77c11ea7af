/**
 * petstore-expanded-30: `allOf` schemas, an operationId with spaces ("find pet by id" -> findPetById), an array
 * query with explicit `style: form`, DELETE answered 204.
 */
import { expect, it } from "vitest";
import { describeSpec, mediaType } from "./harness.ts";

describeSpec("petstore-expanded-30", {
  requests(ctx) {
    it("array query with style form: findPets({ tags: ['a', 'b'], limit: 2 }) -> ?tags=a&tags=b&limit=2", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: [] });
      await api.findPets({ tags: ["a", "b"], limit: 2 });
      expect(ctx.last().path).toBe("/pets");
      expect(new URLSearchParams(ctx.last().search).getAll("tags")).toEqual(["a", "b"]);
      expect(new URLSearchParams(ctx.last().search).get("limit")).toBe("2");
      expect(ctx.last().search.split("&").sort()).toEqual(["limit=2", "tags=a", "tags=b"]);
    });

    it("allOf body: addPet({ name, tag }) -> POST /pets with the JSON body", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { id: 1, name: "x", tag: "y" } });
      await expect(api.addPet({ name: "x", tag: "y" })).resolves.toEqual({ id: 1, name: "x", tag: "y" });
      expect(ctx.last().method).toBe("POST");
      expect(mediaType(ctx.last().headers["content-type"])).toBe("application/json");
      expect(JSON.parse(ctx.last().body)).toEqual({ name: "x", tag: "y" });
    });

    it("operationId with spaces: findPetById({ id: 3 }) -> GET /pets/3", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { id: 3, name: "x" } });
      await api.findPetById({ id: 3 });
      expect(ctx.last().method).toBe("GET");
      expect(ctx.last().path).toBe("/pets/3");
      const all = (await ctx.module()).allOperations as Record<string, { id: string }>;
      expect(all.findPetById?.id).toBe("find pet by id");
    });

    it("DELETE answered 204: deletePet({ id: 3 }) -> undefined", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 204, text: "" });
      await expect(api.deletePet({ id: 3 })).resolves.toBeUndefined();
      expect(ctx.last().method).toBe("DELETE");
      expect(ctx.last().path).toBe("/pets/3");
    });
  },
});
