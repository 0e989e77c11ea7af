/**
 * Loads the generated operations.gen.ts and calls it with a recording client: what each method sends is the contract
 * with the runtime. Its only value imports are the runtime's re-exports, served here by a stand-in package.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { createWorkspace } from "./workspace.ts";

interface Descriptor {
  id: string;
  method: string;
  path: string;
  params?: Record<string, { in: string; json?: boolean }>;
  body?: { required?: boolean };
}
type Call = [Descriptor, unknown, unknown];
interface GeneratedModule {
  allOperations: Record<string, Descriptor>;
  bindOperations(client: unknown): Record<string, (input?: unknown, options?: unknown) => Promise<unknown>>;
}

async function loadGenerated(): Promise<{ module: GeneratedModule; calls: Call[]; client: unknown }> {
  const ws = createWorkspace();
  await generateApi(ws.root, ws.api);
  const runtime = path.join(ws.root, "node_modules", "@fixture", "runtime");
  mkdirSync(runtime, { recursive: true });
  writeFileSync(
    path.join(runtime, "package.json"),
    '{ "name": "@fixture/runtime", "type": "module", "main": "index.js" }',
  );
  const names = ["AbortError", "ApiError", "AuthError", "ChatSdkError", "ConnectionError", "InvalidInputError"];
  const standIn = [...names, "ResponseParseError", "ResponseTooLargeError", "TimeoutError"].map(
    (name) => `export class ${name} extends Error {}`,
  );
  writeFileSync(path.join(runtime, "index.js"), [...standIn, "export const splitBatchResults = () => {};"].join("\n"));
  const url = pathToFileURL(path.join(ws.generatedDir, "operations.gen.ts")).href;
  const module = (await import(/* @vite-ignore */ url)) as GeneratedModule;
  const calls: Call[] = [];
  const client = { call: async (...args: Call) => void calls.push(args) };
  return { module, calls, client };
}

describe("generated operations at run time", () => {
  it("allOperations holds one descriptor per operation, in spec order", async () => {
    const { module } = await loadGenerated();
    expect(Object.keys(module.allOperations)).toEqual(["listPets", "createPet", "searchPets", "deletePet"]);
    expect(module.allOperations).toMatchObject({
      listPets: { id: "list_pets", method: "get", path: "/pets", params: { filter: { in: "query", json: true } } },
      createPet: { id: "createPet", method: "post", path: "/pets", body: {} },
      searchPets: { id: "search-pets", method: "post", path: "/pets/search", body: {} },
      deletePet: { id: "DeletePet", method: "delete", path: "/pets/{petId}", params: { petId: { in: "path" } } },
    });
    expect(module.allOperations.listPets?.params?.limit).toEqual({ in: "query" });
    for (const name of ["createPet", "searchPets"])
      expect(module.allOperations[name], name).not.toHaveProperty("params");
  });

  it("bound methods pass the one flat input and the options through to client.call", async () => {
    const { module, calls, client } = await loadGenerated();
    const api = module.bindOperations(client);
    const options = { signal: undefined };
    await api.listPets?.({ limit: 10, filter: { tag: "cat" } }, options);
    await api.createPet?.({ name: "Rex" });
    await api.searchPets?.();
    await api.searchPets?.({ tag: "dog" });
    await api.deletePet?.({ petId: "p1" });
    expect(calls.map(([op, input, opts]) => [op.id, input, opts])).toEqual([
      ["list_pets", { limit: 10, filter: { tag: "cat" } }, options],
      ["createPet", { name: "Rex" }, undefined],
      ["search-pets", {}, undefined],
      ["search-pets", { tag: "dog" }, undefined],
      ["DeletePet", { petId: "p1" }, undefined],
    ]);
    expect(calls[0]?.[0]).toBe(module.allOperations.listPets);
  });
});
