import { useRecordingServer } from "@chat-sdk/test-utils";
import { beforeEach, describe, expect, it } from "vitest";
import {
  createApiClient,
  createRawClient,
  encodeRequest,
  type Middleware,
  type OperationDescriptor,
} from "../src/index.ts";

const server = useRecordingServer();
beforeEach(() => {
  server.requests.length = 0;
  server.reply({ json: { ok: true } });
});

const op: OperationDescriptor = {
  encode: encodeRequest,
  id: "getThing",
  method: "get",
  path: "/things/{id}",
  idempotent: true,
  params: { id: { in: "path" } },
};
type Paths = {
  "/things/{id}": {
    get: {
      parameters: { path: { id: string } };
      responses: { 200: { content: { "application/json": { ok: boolean } } } };
    };
  };
};

describe("middleware", () => {
  it("runs onRequest in order and onResponse in reverse, on operation calls and raw alike", async () => {
    const seen: string[] = [];
    const tag = (name: string): Middleware => ({
      onRequest: ({ request, schemaPath }) => {
        seen.push(`req ${name} ${schemaPath}`);
        request.headers.set(`x-${name}`, "1");
        return request;
      },
      onResponse: ({ response }) => {
        seen.push(`res ${name} ${response.status}`);
      },
    });
    const api = createApiClient<Paths>({
      baseUrl: server.url,
      auth: { "X-Token": "t" },
      middleware: [tag("a"), tag("b")],
    });
    await api.call(op, { id: "a b" });
    expect(server.requests[0]?.path).toBe("/things/a%20b");
    expect(server.requests[0]?.headers).toMatchObject({ "x-a": "1", "x-b": "1", "x-token": "t" });
    expect(seen).toEqual(["req a /things/{id}", "req b /things/{id}", "res b 200", "res a 200"]);

    seen.length = 0;
    const raw = createRawClient(api);
    const { data } = await raw.GET("/things/{id}", { params: { path: { id: "x" } } });
    expect(data).toEqual({ ok: true });
    expect(server.requests[1]?.headers).toMatchObject({ "x-a": "1", "x-b": "1", "x-token": "t" });
    expect(seen).toEqual(["req a /things/{id}", "req b /things/{id}", "res b 200", "res a 200"]);
  });

  it("lets onRequest answer without a network call, and onError turn a failure into a response", async () => {
    const cached: Middleware = { onRequest: () => Response.json({ cached: true }) };
    const api = createApiClient<Paths>({ baseUrl: server.url, middleware: [cached] });
    await expect(api.call(op, { id: "1" })).resolves.toEqual({ cached: true });
    expect(server.requests).toHaveLength(0);

    const fallback: Middleware = { onError: () => Response.json({ fallback: true }) };
    const failing = () => Promise.reject(new TypeError("fetch failed"));
    const offline = createApiClient<Paths>({ baseUrl: server.url, fetch: failing, middleware: [fallback] });
    await expect(offline.call(op, { id: "1" })).resolves.toEqual({ fallback: true });
  });
});
