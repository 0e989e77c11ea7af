/**
 * rw-constructs (synthetic, tools/realworld/fixtures): the contract's constructs that no corpus spec has. Multipart
 * uploads, binary and image downloads, a text/plain body, cookies, deepObject / pipeDelimited queries, a header
 * array, `*+json` media, a reserved-word operationId (`delete` -> `delete_`).
 */
import { expect, it } from "vitest";
import { describeSpec, mediaType } from "./harness.ts";

describeSpec("rw-constructs", {
  requests(ctx) {
    it("multipart: uploadFiles -> multipart/form-data with file parts, repeated fields and a JSON part", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 201, json: { id: "r1" } });
      await expect(
        api.uploadFiles({
          file: new Blob(["file-bytes"], { type: "image/png" }),
          attachments: [new Blob(["one"]), new Blob(["two"])],
          description: "a description",
          tags: ["a", "b"],
          meta: { source: "test" },
        }),
      ).resolves.toEqual({ id: "r1" });
      const request = ctx.last();
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/files");
      const type = request.headers["content-type"] ?? "";
      expect(mediaType(type)).toBe("multipart/form-data");
      expect(type).toMatch(/boundary=/);
      const form = await new Response(new Uint8Array(request.bodyBytes), {
        headers: { "content-type": type },
      }).formData();
      const file = form.get("file");
      expect(file).toBeInstanceOf(Blob);
      expect(await (file as Blob).text()).toBe("file-bytes");
      const attachments = form.getAll("attachments") as Blob[];
      expect(await Promise.all(attachments.map((part) => part.text()))).toEqual(["one", "two"]);
      expect(form.get("description")).toBe("a description");
      expect(form.getAll("tags")).toEqual(["a", "b"]);
      const meta = form.get("meta");
      const metaText = typeof meta === "string" ? meta : await (meta as Blob).text();
      expect(JSON.parse(metaText)).toEqual({ source: "test" });
    });

    const bytes = new Uint8Array([0, 1, 2, 127, 128, 200, 254, 255]);

    it("binary download: downloadFile answered application/octet-stream -> a Blob with the exact bytes", async () => {
      const api = await ctx.client();
      ctx.server.reply({ bytes, headers: { "content-type": "application/octet-stream" } });
      const result = await api.downloadFile({ fileId: "f 1" });
      expect(ctx.last().path).toBe("/files/f%201");
      expect(result).toBeInstanceOf(Blob);
      expect([...new Uint8Array(await (result as Blob).arrayBuffer())]).toEqual([...bytes]);
    });

    it("image download: getImage answered image/png -> a Blob of type image/png", async () => {
      const api = await ctx.client();
      ctx.server.reply({ bytes, headers: { "content-type": "image/png" } });
      const result = await api.getImage({ imageId: 3 });
      expect(ctx.last().path).toBe("/images/3");
      expect(result).toBeInstanceOf(Blob);
      expect((result as Blob).type).toBe("image/png");
      expect([...new Uint8Array(await (result as Blob).arrayBuffer())]).toEqual([...bytes]);
    });

    it("text/plain request body under `body`: replaceFileText -> PUT with the text; 204 -> undefined", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 204, text: "" });
      await expect(api.replaceFileText({ fileId: "f1", body: "héllo\nworld" })).resolves.toBeUndefined();
      const request = ctx.last();
      expect(request.method).toBe("PUT");
      expect(request.path).toBe("/files/f1");
      expect(mediaType(request.headers["content-type"])).toBe("text/plain");
      expect(request.body).toBe("héllo\nworld");
    });

    it("cookie parameters: getSession -> one Cookie header; text/plain answer -> string", async () => {
      const api = await ctx.client();
      ctx.server.reply({ text: "user 1", headers: { "content-type": "text/plain; charset=utf-8" } });
      await expect(api.getSession({ session: "abc", theme: "dark" })).resolves.toBe("user 1");
      expect(ctx.last().headers.cookie).toBe("session=abc; theme=dark");
    });

    it("deepObject + pipeDelimited query, header array: search", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { data: [{ id: "r1" }] }, headers: { "content-type": "application/vnd.api+json" } });
      await expect(
        api.search({ filter: { status: "open", kind: "bug" }, ids: [1, 2, 3], "X-Trace": ["a", "b"] }),
      ).resolves.toEqual({ data: [{ id: "r1" }] });
      const query = new URLSearchParams(ctx.last().search);
      expect(query.get("filter[status]")).toBe("open");
      expect(query.get("filter[kind]")).toBe("bug");
      expect(query.get("ids")).toBe("1|2|3");
      expect([...query.keys()].sort()).toEqual(["filter[kind]", "filter[status]", "ids"]);
      expect(ctx.last().headers["x-trace"]).toBe("a,b");
    });

    it("*+json request body: patchItem -> application/merge-patch+json, JSON with null kept", async () => {
      const api = await ctx.client();
      ctx.server.reply({ json: { id: "i1", name: "n" } });
      await api.patchItem({ id: "i1", name: "n", note: null });
      const request = ctx.last();
      expect(request.method).toBe("PATCH");
      expect(request.path).toBe("/items/i1");
      expect(mediaType(request.headers["content-type"])).toBe("application/merge-patch+json");
      expect(JSON.parse(request.body)).toEqual({ name: "n", note: null });
    });

    it("reserved-word operationId: delete_({ id }) -> DELETE /items/i1", async () => {
      const api = await ctx.client();
      ctx.server.reply({ status: 204, text: "" });
      await expect(api.delete_({ id: "i1" })).resolves.toBeUndefined();
      expect(ctx.last().method).toBe("DELETE");
      expect(ctx.last().path).toBe("/items/i1");
    });
  },
});
