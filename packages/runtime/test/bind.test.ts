import { useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import { bindDescriptors, createApiClient, InvalidInputError, type OperationDescriptor } from "../src/index.ts";

const server = useRecordingServer();

const create: OperationDescriptor = { id: "create", method: "post", path: "/things", body: {} };
const list: OperationDescriptor = { id: "list", method: "get", path: "/things", noInput: true };

interface Methods {
  create(input?: { name?: string }, options?: { headers?: Record<string, string> }): Promise<unknown>;
  list(options?: { headers?: Record<string, string> }): Promise<unknown>;
}

describe("bindDescriptors", () => {
  const methods = () => bindDescriptors<Methods>(createApiClient({ baseUrl: server.url }), { create, list });

  it("binds (input, options), and (options) for an operation without input", async () => {
    await methods().create({ name: "a" }, { headers: { "X-Call": "1" } });
    await methods().list({ headers: { "X-Call": "2" } });
    const [created, listed] = server.requests.slice(-2);
    expect(created?.method).toBe("POST");
    expect(JSON.parse(created?.body ?? "")).toEqual({ name: "a" });
    expect(created?.headers["x-call"]).toBe("1");
    expect(listed?.method).toBe("GET");
    expect(listed?.body).toBe("");
    expect(listed?.headers["x-call"]).toBe("2");
  });

  it("sends nothing for an optional body left out", async () => {
    await methods().create();
    expect(server.requests.at(-1)?.body).toBe("");
  });
});

describe("operations without an encoder", () => {
  const call = (operation: OperationDescriptor, input: object) =>
    createApiClient({ baseUrl: server.url }).call(operation, input);

  it("refuse parameters or a non-JSON body, sending nothing, rather than guess how to write them", async () => {
    const sent = server.requests.length;
    const withParams: OperationDescriptor = {
      id: "find",
      method: "get",
      path: "/find",
      params: { q: { in: "query" } },
    };
    const asForm: OperationDescriptor = {
      id: "form",
      method: "post",
      path: "/form",
      body: { media: ["application/x-www-form-urlencoded"] },
    };
    await expect(call(withParams, { q: "x" })).rejects.toThrow(InvalidInputError);
    await expect(call(asForm, { a: 1 })).rejects.toThrow(/no `encode`/);
    expect(server.requests.length).toBe(sent);
  });

  it("still refuse an unfilled path template", async () => {
    const get: OperationDescriptor = { id: "get", method: "get", path: "/pets/{petId}" };
    await expect(call(get, {})).rejects.toThrow('path parameter "petId" is missing');
  });
});
