/**
 * testing.gen.ts at work: generated from the constructs fixture (which has no examples, so answers are sampled),
 * imported as is and run through MSW with the generated operation functions: default answers, body validation
 * against the converted schema, recorded inputs, typed overrides.
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { createWorkspace } from "./workspace.ts";

// biome-ignore lint/suspicious/noExplicitAny: the modules are generated at test time; their types are checked in hostile.test.ts
type Loose = Record<string, any>;
let op: Loose;
let mock: Loose;
let client: unknown;
const server = setupServer();

beforeAll(async () => {
  const ws = createWorkspace("constructs");
  await generateApi(ws.root, ws.api);
  op = await import(`${ws.generatedDir}/operations.gen.ts`);
  const testing = await import(`${ws.generatedDir}/testing.gen.ts`);
  mock = testing.createConstructsMock();
  server.use(...mock.handlers);
  server.listen({ onUnhandledFrame: "error" });
  const runtime = await import("@fixture/runtime");
  client = runtime.createApiClient({ baseUrl: testing.defaultMockBaseUrl, retry: { maxRetries: 0 } });
}, 60_000);
afterEach(() => mock.reset());
afterAll(() => server.close());

describe("testing.gen.ts", () => {
  it("answers with a sampled example when the spec has none, under the spec's server", async () => {
    // Square has no example: openapi-sampler's sample of its schema (the first enum value).
    const result = await op.putSquare(client, { row: 1, column: 2, "X-Request-Id": "r", mark: "O" });
    expect(result).toEqual({ mark: "X" });
    expect(mock.putSquare.calls[0].input).toEqual({ row: 1, column: 2, "X-Request-Id": "r", mark: "O" });
  });

  it("validates the body against the spec's schema and names the field", async () => {
    await expect(op.putSquare(client, { row: 1, column: 2, "X-Request-Id": "r", mark: 5 })).rejects.toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^putSquare: body\.mark: /) },
    });
  });

  it("rebuilds renamed keys (a clash with the path parameter) and reports a missing required header", async () => {
    await op.updateItem(client, { id: "p", queryId: "q", bodyId: "b", name: "n", tags: ["x", "y"], api_key: "k" });
    expect(mock.updateItem.calls[0].input).toEqual({
      id: "p",
      queryId: "q",
      bodyId: "b",
      name: "n",
      tags: ["x", "y"],
      api_key: "k",
    });
    await expect(op.updateItem(client, { id: "p", name: "n" })).rejects.toMatchObject({
      status: 400,
      body: { error: 'updateItem: header parameter "api_key" is required' },
    });
  });

  it("reads a `__proto__` query parameter back under its input key, the prototype untouched", async () => {
    await expect(op.submitForm(client, { queryProto: "p", To: "t", Tags: ["a", "b"], Count: 2 })).resolves.toEqual({
      sid: "string",
    });
    const input = mock.submitForm.calls[0].input;
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    // Form fields are strings on the wire; a repeated field is a list.
    expect(input).toEqual({ queryProto: "p", To: "t", Tags: ["a", "b"], Count: "2" });
  });

  it("answers an unknown path under the base URL with a 404 naming it", async () => {
    const runtime = await import("@fixture/runtime");
    const other = runtime.createApiClient({ baseUrl: "https://api.example.test/v1", retry: { maxRetries: 0 } });
    await expect(other.call({ id: "x", method: "get", path: "/nope" }, {})).rejects.toMatchObject({
      status: 404,
      body: { error: "no operation matches GET /v1/nope (base URL https://api.example.test/v1)" },
    });
  });
});
