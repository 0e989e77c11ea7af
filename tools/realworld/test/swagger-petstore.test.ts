/**
 * swagger-petstore (3.0.4): path, array query and header parameters, JSON / XML / form request media, an
 * application/octet-stream upload, XML-or-JSON string responses, bodiless 200s, a path/body name clash
 * (`username` in PUT /user/{username} and in User) and array bodies (`body` key).
 */
import { expect, it } from "vitest";
import { bodyBytes, describeSpec, formPairs, mediaType } from "./harness.ts";

describeSpec("swagger-petstore", {
  requests(ctx) {
    it("path parameter: getPetById({ petId: 7 }) -> GET /pet/7, JSON answer parsed", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { id: 7, name: "doggie", photoUrls: [] } });
      await expect(api.getPetById({ petId: 7 })).resolves.toEqual({ id: 7, name: "doggie", photoUrls: [] });
      const request = ctx.last();
      expect(request.method).toBe("GET");
      expect(request.path).toBe("/pet/7");
      expect(request.search).toBe("");
      expect(request.body).toBe("");
      // JSON or XML offered: the client asks for the one its types describe.
      expect(request.headers.accept).toContain("application/json");
    });

    it("path parameter values are percent-encoded: getUserByName({ username: 'a b/c' })", async () => {
      const api = await ctx.client();
      await api.getUserByName({ username: "a b/c" });
      expect(ctx.last().path).toBe("/user/a%20b%2Fc");
    });

    it("a missing path parameter rejects with InvalidInputError and sends nothing", async () => {
      const api = await ctx.client();
      const before = ctx.server.requests.length;
      await expect(api.getPetById({})).rejects.toMatchObject({ name: "InvalidInputError" });
      expect(ctx.server.requests.length).toBe(before);
    });

    it("array query, form explode: findPetsByTags({ tags: ['a', 'b'] }) -> ?tags=a&tags=b", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: [] });
      await expect(api.findPetsByTags({ tags: ["a", "b"] })).resolves.toEqual([]);
      expect(ctx.last().method).toBe("GET");
      expect(ctx.last().path).toBe("/pet/findByTags");
      expect(ctx.last().search).toBe("tags=a&tags=b");
    });

    it("optional query omitted: findPetsByTags() sends no query string", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: [] });
      await api.findPetsByTags();
      expect(ctx.last().search).toBe("");
    });

    it("enum query: findPetsByStatus({ status: 'sold' }) -> ?status=sold", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: [] });
      await api.findPetsByStatus({ status: "sold" });
      expect(ctx.last().search).toBe("status=sold");
    });

    it("header parameter: deletePet({ petId: 1, api_key: 'k' }) -> DELETE /pet/1 with api_key: k; empty 200 -> undefined", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 200, text: "" });
      await expect(api.deletePet({ petId: 1, api_key: "k" })).resolves.toBeUndefined();
      const request = ctx.last();
      expect(request.method).toBe("DELETE");
      expect(request.path).toBe("/pet/1");
      expect(request.headers.api_key).toBe("k");
    });

    it("optional header omitted: no api_key header", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 200, text: "" });
      await api.deletePet({ petId: 2 });
      expect(ctx.last().headers.api_key).toBeUndefined();
    });

    it("path + query without body: updatePetWithForm -> POST /pet/3?name=n&status=s, no body", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { id: 3, name: "n", photoUrls: [] } });
      await api.updatePetWithForm({ petId: 3, name: "n", status: "s" });
      const request = ctx.last();
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/pet/3");
      expect(request.search).toBe("name=n&status=s");
      expect(request.body).toBe("");
      expect(request.headers["content-type"]).toBeUndefined();
    });

    const pet = {
      id: 10,
      name: "doggie",
      category: { id: 1, name: "Dogs" },
      photoUrls: ["u1", "u2"],
      tags: [{ id: 1, name: "t" }],
      status: "available",
    };

    it("flattened JSON body: addPet({ ...Pet }) -> POST /pet with the fields as the JSON body", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: pet });
      await expect(api.addPet(pet)).resolves.toEqual(pet);
      const request = ctx.last();
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/pet");
      expect(mediaType(request.headers["content-type"])).toBe("application/json");
      expect(JSON.parse(request.body)).toEqual(pet);
    });

    it("form body chosen with options.contentType: addPet -> application/x-www-form-urlencoded, arrays repeat the key", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: pet });
      await api.addPet(
        { name: "doggie", photoUrls: ["u1", "u2"], status: "available" },
        { contentType: "application/x-www-form-urlencoded" },
      );
      const request = ctx.last();
      expect(mediaType(request.headers["content-type"])).toBe("application/x-www-form-urlencoded");
      expect(formPairs(request).sort()).toEqual(
        [
          ["name", "doggie"],
          ["photoUrls", "u1"],
          ["photoUrls", "u2"],
          ["status", "available"],
        ].sort(),
      );
    });

    it("path/body name clash: updateUser({ username, bodyUsername, email }) -> PUT /user/u1 with { username: bodyUsername }", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 200, text: "" });
      await expect(
        api.updateUser({ username: "u1", bodyUsername: "renamed", email: "e@example.com" }),
      ).resolves.toBeUndefined();
      const request = ctx.last();
      expect(request.method).toBe("PUT");
      expect(request.path).toBe("/user/u1");
      expect(mediaType(request.headers["content-type"])).toBe("application/json");
      expect(JSON.parse(request.body)).toEqual({ username: "renamed", email: "e@example.com" });
    });

    it("optional flattened body with no field given: placeOrder() sends no body", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { id: 1 } });
      await api.placeOrder();
      const request = ctx.last();
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/store/order");
      expect(request.body).toBe("");
    });

    it("optional flattened body with fields: placeOrder({ petId, quantity }) -> JSON body", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { id: 1, petId: 5, quantity: 2 } });
      await api.placeOrder({ petId: 5, quantity: 2 });
      expect(JSON.parse(ctx.last().body)).toEqual({ petId: 5, quantity: 2 });
    });

    it("array body under `body`: createUsersWithListInput({ body: [...] }) -> JSON array", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { username: "a" } });
      await api.createUsersWithListInput({ body: [{ username: "a" }, { username: "b" }] });
      const request = ctx.last();
      expect(request.path).toBe("/user/createWithList");
      expect(mediaType(request.headers["content-type"])).toBe("application/json");
      expect(JSON.parse(request.body)).toEqual([{ username: "a" }, { username: "b" }]);
    });

    const bytes = new Uint8Array([0, 1, 2, 127, 128, 200, 253, 254, 255]);

    it("binary upload from a Uint8Array: uploadFile -> application/octet-stream, the exact bytes", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { code: 200, type: "ok", message: "uploaded" } });
      await expect(api.uploadFile({ petId: 4, additionalMetadata: "m", body: bytes })).resolves.toEqual({
        code: 200,
        type: "ok",
        message: "uploaded",
      });
      const request = ctx.last();
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/pet/4/uploadImage");
      expect(request.search).toBe("additionalMetadata=m");
      expect(mediaType(request.headers["content-type"])).toBe("application/octet-stream");
      expect(bodyBytes(request)).toEqual([...bytes]);
    });

    it("binary upload from a Blob and from an ArrayBuffer: the exact bytes", async () => {
      const api = await ctx.client();
      await api.uploadFile({ petId: 4, body: new Blob([bytes]) });
      expect(bodyBytes(ctx.last())).toEqual([...bytes]);
      expect(mediaType(ctx.last().headers["content-type"])).toBe("application/octet-stream");
      await api.uploadFile({ petId: 4, body: bytes.slice().buffer });
      expect(bodyBytes(ctx.last())).toEqual([...bytes]);
    });

    it("binary upload of a plain object rejects with InvalidInputError and sends nothing", async () => {
      const api = await ctx.client();
      const before = ctx.server.requests.length;
      await expect(api.uploadFile({ petId: 4, body: { not: "bytes" } })).rejects.toMatchObject({
        name: "InvalidInputError",
      });
      expect(ctx.server.requests.length).toBe(before);
    });

    it("text response: loginUser answered text/plain -> the string", async () => {
      const api = await ctx.client();
      ctx.server.reply({ text: "logged in user session:123", headers: { "content-type": "text/plain" } });
      await expect(api.loginUser({ username: "u", password: "p w" })).resolves.toBe("logged in user session:123");
      expect(ctx.last().path).toBe("/user/login");
      expect(ctx.last().query).toEqual({ username: "u", password: "p w" });
    });

    it("XML response: loginUser answered application/xml -> the XML as a string", async () => {
      const api = await ctx.client();
      const xml = '<?xml version="1.0" encoding="UTF-8"?><token>abc</token>';
      ctx.server.reply({ text: xml, headers: { "content-type": "application/xml" } });
      await expect(api.loginUser({ username: "u", password: "p" })).resolves.toBe(xml);
    });

    it("JSON string response: loginUser answered application/json -> the parsed string", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: "token-1" });
      await expect(api.loginUser({ username: "u", password: "p" })).resolves.toBe("token-1");
    });

    it("XML answer to a JSON-or-XML operation: getPetById answered application/xml -> a string", async () => {
      const api = await ctx.client();
      ctx.server.reply({ text: "<pet><id>7</id></pet>", headers: { "content-type": "application/xml" } });
      await expect(api.getPetById({ petId: 7 })).resolves.toBe("<pet><id>7</id></pet>");
    });

    it("empty responses: logoutUser() answered 200 without body, then 204 -> undefined", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 200, text: "" });
      await expect(api.logoutUser()).resolves.toBeUndefined();
      expect(ctx.last().method).toBe("GET");
      expect(ctx.last().path).toBe("/user/logout");
      ctx.server.reply({ status: 204, text: "" });
      await expect(api.logoutUser()).resolves.toBeUndefined();
    });

    it("map response: getInventory() -> the object", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { available: 3, sold: 1 } });
      await expect(api.getInventory()).resolves.toEqual({ available: 3, sold: 1 });
      expect(ctx.last().path).toBe("/store/inventory");
    });

    it("error response: getPetById answered 404 -> ApiError with status, body and operation id", async () => {
      const mod = await ctx.module();
      const api = await ctx.client();
      ctx.server.reply({ status: 404, json: { message: "Pet not found" } });
      const error = await api.getPetById({ petId: 99 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(mod.ApiError as new (...args: never[]) => unknown);
      expect(error).toMatchObject({ status: 404, body: { message: "Pet not found" }, operationId: "getPetById" });
    });
  },
});
