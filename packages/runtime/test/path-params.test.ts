import { useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import {
  createApiClient,
  encodeRequest,
  InvalidInputError,
  type OperationDescriptor,
  type ParamSpec,
} from "../src/index.ts";

const server = useRecordingServer();

function getPet(spec: Omit<ParamSpec, "in"> = {}): OperationDescriptor {
  return {
    encode: encodeRequest,
    id: "getPet",
    method: "get",
    path: "/pets/{petId}/x",
    params: { petId: { in: "path", ...spec } },
  };
}

async function sentPath(operation: OperationDescriptor, input: Record<string, unknown>): Promise<string | undefined> {
  await createApiClient({ baseUrl: server.url }).call(operation, input);
  return server.requests.at(-1)?.path;
}

describe("path parameters", () => {
  it("percent-encodes values (simple style)", async () => {
    expect(await sentPath(getPet(), { petId: "a b/c?d#é" })).toBe("/pets/a%20b%2Fc%3Fd%23%C3%A9/x");
    expect(await sentPath(getPet(), { petId: 42 })).toBe("/pets/42/x");
  });

  it.each([
    ["simple", false, [3, 4], { R: 1, G: 2 }, "3,4", "R,1,G,2"],
    ["simple", true, [3, 4], { R: 1, G: 2 }, "3,4", "R=1,G=2"],
    ["label", false, [3, 4], { R: 1, G: 2 }, ".3,4", ".R,1,G,2"],
    ["label", true, [3, 4], { R: 1, G: 2 }, ".3.4", ".R=1.G=2"],
    ["matrix", false, [3, 4], { R: 1, G: 2 }, ";petId=3,4", ";petId=R,1,G,2"],
    ["matrix", true, [3, 4], { R: 1, G: 2 }, ";petId=3;petId=4", ";R=1;G=2"],
  ] as const)(
    "style %s, explode %s: arrays and objects",
    async (style, explode, list, object, listPath, objectPath) => {
      expect(await sentPath(getPet({ style, explode }), { petId: list })).toBe(`/pets/${listPath}/x`);
      expect(await sentPath(getPet({ style, explode }), { petId: object })).toBe(`/pets/${objectPath}/x`);
    },
  );

  it("label and matrix primitives", async () => {
    expect(await sentPath(getPet({ style: "label" }), { petId: 5 })).toBe("/pets/.5/x");
    expect(await sentPath(getPet({ style: "matrix" }), { petId: 5 })).toBe("/pets/;petId=5/x");
  });

  it("uses the wire name of a renamed key", async () => {
    const op: OperationDescriptor = {
      encode: encodeRequest,
      id: "getPet",
      method: "get",
      path: "/pets/{id}",
      params: { id: { in: "path" }, queryId: { in: "query", name: "id" } },
    };
    await createApiClient({ baseUrl: server.url }).call(op, { id: "p1", queryId: "q1" });
    expect(server.requests.at(-1)).toMatchObject({ path: "/pets/p1", search: "id=q1" });
  });

  it.each([
    ["missing", {}],
    ["undefined", { petId: undefined }],
    ["null", { petId: null }],
    ["empty", { petId: "" }],
  ])("rejects a %s path parameter with InvalidInputError and sends nothing", async (_, input) => {
    const api = createApiClient({ baseUrl: server.url, auth: { Authorization: "Bearer s3cret" } });
    const error = await api.call(getPet(), { ...input, other: "v4lue" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).operationId).toBe("getPet");
    expect((error as Error).message).toBe('getPet: path parameter "petId" is missing; nothing was sent');
    expect(JSON.stringify(error)).not.toMatch(/s3cret|v4lue/);
    expect(server.requests).toHaveLength(0);
  });

  it("is never retried", async () => {
    let attempts = 0;
    const api = createApiClient({ baseUrl: server.url, logger: () => attempts++, retry: { baseDelayMs: 1 } });
    await expect(api.call(getPet(), {})).rejects.toBeInstanceOf(InvalidInputError);
    expect(attempts).toBe(0);
    expect(server.requests).toHaveLength(0);
  });
});
