import { useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import { createApiClient, encodeRequest, type OperationDescriptor } from "../src/index.ts";

const server = useRecordingServer();

function call(operation: OperationDescriptor, input: Record<string, unknown>) {
  return createApiClient({ baseUrl: server.url }).call(operation, input);
}

const last = () => server.requests.at(-1);

describe("request body", () => {
  it("without params, the input itself is the JSON body", async () => {
    const op: OperationDescriptor = { id: "create", method: "post", path: "/c", body: { required: true } };
    const input = { name: "n", tags: ["a"], nested: { x: null } };
    await call(op, input);
    expect(last()?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(last()?.body ?? "")).toEqual(input);
  });

  it("splits body fields from path, query and header parameters", async () => {
    const op: OperationDescriptor = {
      encode: encodeRequest,
      id: "updatePet",
      method: "put",
      path: "/pets/{petId}",
      params: { petId: { in: "path" }, dryRun: { in: "query" }, "X-Trace": { in: "header" } },
      body: { required: true },
    };
    await call(op, { petId: 7, dryRun: true, "X-Trace": "t", name: "Rex", age: 3 });
    expect(last()).toMatchObject({ method: "PUT", path: "/pets/7", search: "dryRun=true" });
    expect(last()?.headers["x-trace"]).toBe("t");
    expect(JSON.parse(last()?.body ?? "")).toEqual({ name: "Rex", age: 3 });
  });

  it("sends the value under body.key as the whole body, ignoring other keys", async () => {
    const op: OperationDescriptor = {
      encode: encodeRequest,
      id: "setTags",
      method: "post",
      path: "/pets/{petId}/tags",
      params: { petId: { in: "path" } },
      body: { key: "body", required: true },
    };
    await call(op, { petId: 1, body: ["a", "b"], stray: 1 });
    expect(JSON.parse(last()?.body ?? "")).toEqual(["a", "b"]);
    const noParams: OperationDescriptor = { id: "echo", method: "post", path: "/echo", body: { key: "body" } };
    await call(noParams, { body: "just a string" });
    expect(last()?.body).toBe('"just a string"');
  });

  it("sends an optional flattened body only when a field is given", async () => {
    const op: OperationDescriptor = {
      encode: encodeRequest,
      id: "patch",
      method: "patch",
      path: "/items/{id}",
      params: { id: { in: "path" } },
      body: {},
    };
    await call(op, { id: 1 });
    expect(last()?.body).toBe("");
    expect(last()?.headers["content-type"]).toBeUndefined();
    await call(op, { id: 1, note: undefined });
    expect(last()?.body).toBe("");
    await call(op, { id: 1, note: "x" });
    expect(JSON.parse(last()?.body ?? "")).toEqual({ note: "x" });
    const bare: OperationDescriptor = { id: "ping", method: "post", path: "/ping", body: {} };
    await call(bare, {});
    expect(last()?.body).toBe("");
  });

  it("always sends a required flattened body, `{}` when no field is given", async () => {
    const op: OperationDescriptor = {
      encode: encodeRequest,
      id: "list",
      method: "post",
      path: "/items/{id}",
      params: { id: { in: "path" } },
      body: { required: true },
    };
    await call(op, { id: 1 });
    expect(last()?.body).toBe("{}");
    await call({ id: "list", method: "post", path: "/list", body: { required: true } }, {});
    expect(last()?.body).toBe("{}");
  });

  it("sends no body for an operation without one, whatever other keys the input has", async () => {
    const op: OperationDescriptor = {
      encode: encodeRequest,
      id: "get",
      method: "get",
      path: "/g",
      params: { q: { in: "query" } },
    };
    await call(op, { q: 1, extra: "ignored" });
    expect(last()).toMatchObject({ search: "q=1", body: "" });
  });
});
