/**
 * Every documented example of the spec goes through the typed client: request examples must reach the wire exactly
 * as documented (method, path, headers, body), success examples must come back unchanged.
 */
import {
  type DocumentedExample,
  loadBundledSpec,
  requestExamples,
  successExamples,
  useRecordingServer,
} from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import { allOperations } from "../src/generated/operations.gen.ts";
import { createLiveChatConfigurationClient, type LiveChatConfigurationClientOptions } from "../src/index.ts";

const OPERATION_COUNT = 63;
const spec = await loadBundledSpec("livechat-configuration");
const requests = requestExamples(spec);
const successes = successExamples(spec);

/** The generator's method name: `create_agent` -> `createAgent`. */
const methodName = (operationId: string) => operationId.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const accessToken = "dal:test-access-token-Zm9vYmFy";
const pat = { accountId: "d24fa41e-bc16-41b8-a15b-9ca45ff7e0cf", token: "dal:test-personal-token" };
const basic = `Basic ${Buffer.from(`${pat.accountId}:${pat.token}`, "utf8").toString("base64")}`;

const server = useRecordingServer();

type Method = (input?: unknown) => Promise<unknown>;
function method(auth: LiveChatConfigurationClientOptions["auth"], operationId: string): Method {
  const client = createLiveChatConfigurationClient({ baseUrl: `${server.url}/v3.5/configuration`, auth });
  const found = (client as unknown as Record<string, Method | undefined>)[methodName(operationId)];
  if (!found) throw new Error(`no client method for ${operationId}`);
  return found;
}

const requestExampleOf = (operationId: string): DocumentedExample => {
  const example = requests.find((e) => e.operationId === operationId);
  if (!example) throw new Error(`no request example for ${operationId}`);
  return example;
};

describe("documented examples cover the whole API", () => {
  it(`has ${OPERATION_COUNT} operations, all POST /action/<operationId>`, () => {
    const ops = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([verb, op]) => ({ path, verb, id: op.operationId as string })),
    );
    expect(ops).toHaveLength(OPERATION_COUNT);
    for (const op of ops) expect(op).toEqual({ path: `/action/${op.id}`, verb: "post", id: op.id });
    expect(Object.keys(allOperations).sort()).toEqual(ops.map((op) => methodName(op.id)).sort());
  });

  it("documents at least one request and one success example for every client method", () => {
    expect(requests).toHaveLength(OPERATION_COUNT);
    expect(successes).toHaveLength(OPERATION_COUNT);
    for (const [name, operation] of Object.entries(allOperations)) {
      expect(methodName(operation.id), operation.id).toBe(name);
      expect(requests.filter((e) => e.operationId === operation.id).length, operation.id).toBeGreaterThanOrEqual(1);
      expect(successes.filter((e) => e.operationId === operation.id).length, operation.id).toBeGreaterThanOrEqual(1);
    }
  });
});

const credentials = [
  { kind: "access token", auth: { accessToken }, authorization: `Bearer ${accessToken}` },
  { kind: "personal access token", auth: { personalAccessToken: pat }, authorization: basic },
] as const;

describe.each(credentials)("request examples, authorized with a $kind", ({ auth, authorization }) => {
  it.each(requests)("$operationId ($name) is sent as documented", async ({ operationId, value }) => {
    await method(auth, operationId)(value);

    expect(server.requests).toHaveLength(1);
    const request = server.requests[0];
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`/v3.5/configuration/action/${operationId}`);
    expect(request?.search).toBe("");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers.authorization).toBe(authorization);
    // Both tokens are `dal:` tokens: the default data center needs no X-Region.
    expect(request?.headers["x-region"]).toBeUndefined();
    expect(JSON.parse(request?.body ?? "")).toStrictEqual(value);
  });
});

describe("success examples", () => {
  it.each(successes)(
    "$operationId ($name) resolves to the documented body, unchanged",
    async ({ operationId, value }) => {
      server.reply({ status: 200, json: value });
      const result = await method({ accessToken }, operationId)(requestExampleOf(operationId).value);
      expect(result).toStrictEqual(value);
      expect(server.requests.at(-1)?.path).toBe(`/v3.5/configuration/action/${operationId}`);
    },
  );
});
