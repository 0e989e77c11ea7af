/**
 * The runtime's MSW mock against the runtime's own client: matching under the default and a custom base URL,
 * validation (400 naming the problem), the catch-all 404, recorded inputs, reply/replyError/replyExample/once, reset.
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ApiError, createApiClient } from "../../src/index.ts";
import { createPetMock, descriptors } from "./fixture.ts";

const mock = createPetMock();
const custom = createPetMock({ baseUrl: "http://127.0.0.1:8080/other/" });
const server = setupServer(...mock.handlers, ...custom.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
  custom.reset();
});
afterAll(() => server.close());

const api = createApiClient({ baseUrl: "https://api.pets.test/v1", retry: { maxRetries: 0 } });
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => Promise.reject(new Error("resolved")),
    (e) => e as ApiError,
  );

describe("matching", () => {
  it("answers the documented example under the default base URL", async () => {
    await expect(api.call(descriptors.getPet, { petId: 1, "X-Trace": "t" })).resolves.toEqual({ id: 1, name: "Rex" });
    await expect(api.call(descriptors.deletePet, { petId: 1 })).resolves.toBeUndefined();
    expect(mock.getPet.calls).toHaveLength(1);
  });

  it("answers under any base URL the test passes, another origin included (trailing slash ignored)", async () => {
    const other = createApiClient({ baseUrl: "http://127.0.0.1:8080/other", retry: { maxRetries: 0 } });
    await expect(other.call(descriptors.createPet, { ownerId: "o", name: "Tom" })).resolves.toEqual({
      id: 2,
      name: "Tom",
    });
    expect(custom.createPet.calls).toHaveLength(1);
    expect(mock.createPet.calls).toHaveLength(0);
  });

  it("answers 404 naming METHOD and path for an unknown operation under the base URL", async () => {
    const error = await rejection(api.call({ id: "nope", method: "get", path: "/nope" }, {}));
    expect(error.status).toBe(404);
    expect(error.body).toEqual({ error: "no operation matches GET /v1/nope (base URL https://api.pets.test/v1)" });
    const wrongMethod = await rejection(api.call({ ...descriptors.getPet, method: "put" }, { petId: 1 }));
    expect((wrongMethod.body as { error: string }).error).toContain("PUT /v1/pets/1");
  });
});

describe("validation", () => {
  it("rejects a missing required header or query parameter with a 400 naming it", async () => {
    const error = await rejection(api.call(descriptors.getPet, { petId: 1 }));
    expect(error.status).toBe(400);
    expect(error.body).toEqual({ error: 'getPet: header parameter "X-Trace" is required' });
  });

  it("rejects a body that breaks its schema: a missing field, a wrong type", async () => {
    const missing = await rejection(api.call(descriptors.createPet, { ownerId: "o" }));
    expect(missing.body).toEqual({ error: "createPet: body.name is required" });
    const wrongType = await rejection(api.call(descriptors.createPet, { ownerId: "o", name: "Tom", tags: [1] }));
    expect((wrongType.body as { error: string }).error).toMatch(/^createPet: body\.tags\[0\]: .*string/);
  });

  it("shapes the 400 and 404 bodies with errorBody", async () => {
    const shaped = createPetMock({
      baseUrl: "https://shaped.test",
      errorBody: (status, message) => ({ code: status, message }),
    });
    server.use(...shaped.handlers);
    const client = createApiClient({ baseUrl: "https://shaped.test", retry: { maxRetries: 0 } });
    expect((await rejection(client.call(descriptors.createPet, { ownerId: "o" }))).body).toEqual({
      code: 400,
      message: "createPet: body.name is required",
    });
  });
});

describe("recorded calls", () => {
  it("rebuild the flat input: path, query (renamed, converted), header and body (renamed field)", async () => {
    await api.call(descriptors.getPet, { petId: 7, verbose: true, queryName: "x y", "X-Trace": "abc" });
    await api.call(descriptors.createPet, { ownerId: "o1", name: "Tom", bodyOwnerId: "o2", tags: ["a"] });
    expect(mock.getPet.calls[0]?.input).toEqual({ petId: 7, verbose: true, queryName: "x y", "X-Trace": "abc" });
    expect(mock.createPet.calls[0]?.input).toEqual({ ownerId: "o1", name: "Tom", bodyOwnerId: "o2", tags: ["a"] });
    expect(mock.createPet.calls[0]?.request).toMatchObject({
      method: "POST",
      url: "https://api.pets.test/v1/owners/o1/pets",
      body: { name: "Tom", ownerId: "o2", tags: ["a"] },
    });
  });

  it("are cleared by reset()", async () => {
    await api.call(descriptors.deletePet, { petId: 1 });
    mock.reset();
    expect(mock.deletePet.calls).toEqual([]);
  });
});

describe("overrides", () => {
  it("reply: a typed body, status and headers; once: then the example again", async () => {
    server.use(mock.getPet.reply({ id: 9, name: "Once" }, { once: true, headers: { "X-Request-Id": "r1" } }));
    await expect(api.call(descriptors.getPet, { petId: 1, "X-Trace": "t" })).resolves.toEqual({ id: 9, name: "Once" });
    await expect(api.call(descriptors.getPet, { petId: 1, "X-Trace": "t" })).resolves.toEqual({ id: 1, name: "Rex" });
    expect(mock.getPet.calls).toHaveLength(2);
  });

  it("replyError and replyExample: an error status with a body; validation still comes first", async () => {
    server.use(mock.getPet.replyError(404, { error: "No such pet" }));
    const error = await rejection(api.call(descriptors.getPet, { petId: 1, "X-Trace": "t" }));
    expect([error.status, error.body]).toEqual([404, { error: "No such pet" }]);
    expect((await rejection(api.call(descriptors.getPet, { petId: 1 }))).status).toBe(400);
    server.use(mock.createPet.replyExample(409));
    const conflict = await rejection(api.call(descriptors.createPet, { ownerId: "o", name: "Tom" }));
    expect([conflict.status, conflict.body]).toEqual([409, { error: "bad" }]);
    expect(() => mock.getPet.replyExample(500)).toThrow("getPet: the spec documents no example for HTTP 500");
  });
});
