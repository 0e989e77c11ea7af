import { useRecordingServer } from "@chat-sdk/test-utils";
import { beforeEach, describe, expect, it } from "vitest";
import { ApiError, createApiClient, encodeRequest, type OperationDescriptor } from "../src/index.ts";

const server = useRecordingServer();
beforeEach(() => {
  server.requests.length = 0;
  server.reply({ json: { ok: true } });
});

const getThing: OperationDescriptor = {
  encode: encodeRequest,
  id: "getThing",
  method: "get",
  path: "/things",
  params: { sort: { in: "query", json: true }, n: { in: "query" } },
};
const createThing: OperationDescriptor = {
  id: "create_thing",
  method: "post",
  path: "/action/create_thing",
  body: { required: true },
};

describe("createApiClient().call", () => {
  it("sends the query with JSON parameters encoded, auth and extra headers, and resolves to the body", async () => {
    const api = createApiClient({
      baseUrl: `${server.url}//`,
      auth: { "X-Token": "s3cret" },
      headers: { "X-App": "t" },
    });
    const result = await api.call(getThing, { sort: { a: -1 }, n: 2 }, { headers: { "X-Call": "1" } });
    const request = server.requests.at(-1);
    expect(result).toEqual({ ok: true });
    expect(request?.path).toBe("/things");
    expect(request?.query).toEqual({ sort: '{"a":-1}', n: "2" });
    expect(request?.headers).toMatchObject({ "x-token": "s3cret", "x-app": "t", "x-call": "1" });
  });

  it("posts JSON bodies", async () => {
    const api = createApiClient({ baseUrl: server.url });
    await api.call(createThing, { id: "a", list: [1] });
    const request = server.requests.at(-1);
    expect(request?.method).toBe("POST");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.body ?? "")).toEqual({ id: "a", list: [1] });
  });

  it("rejects non-2xx answers with an ApiError carrying status, body, operation and request id", async () => {
    server.reply({ status: 422, json: { error: { type: "validation" } }, headers: { "x-request-id": "req-9" } });
    const api = createApiClient({ baseUrl: server.url, auth: async () => ({ Authorization: "Bearer tok-123" }) });
    const error = (await api.call(createThing, {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, operationId: "create_thing", requestId: "req-9" });
    expect(error.body).toEqual({ error: { type: "validation" } });
    expect(error.message).toBe("create_thing failed with HTTP 422");
    expect(JSON.stringify(error)).not.toContain("tok-123");
    expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer tok-123");
  });

  it("honours an abort signal", async () => {
    const api = createApiClient({ baseUrl: server.url });
    const controller = new AbortController();
    controller.abort();
    await expect(api.call(getThing, {}, { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});
