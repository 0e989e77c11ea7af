/**
 * Names and keywords found in other teams' specs (tools/realworld): operationIds that openapi-typescript cannot key
 * as they are (`#`, `%`, a duplicate), schemas named like what operations.gen.ts exports (`Client`, `ApiError`, a
 * method name), and OpenAPI 3.1 schemas with keywords JSON Schema does not define. The package must generate and
 * type-check, the package index included (it re-exports operations.gen.ts and types.gen.ts with `export *`).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { typeErrors } from "./compile.ts";
import { createWorkspace } from "./workspace.ts";

const CALLS = `
import * as op from "./generated/operations.gen.ts";
import type * as T from "@fixture/foreign-names-types";
import * as pkg from "./index.ts";
declare const client: op.Client;

export const calls = async () => {
  const list: T.ClientSchema[] = await op.apiV1ThingsIndex(client);
  const made: T.ClientSchema = await op.create100Thing(client, { code: 1 });
  // @ts-expect-error the body's required field is required
  await op.create100Thing(client, {});
  const one: T.getThingSchema = await op.getThing(client, { id: "a" });
  const none: void = await op.getThing2(client, { id: "a" });
  const error: pkg.ApiErrorSchema = { code: 1 };
  const client2: pkg.ClientSchema = { name: "n", nickname: "k" };
  return [list, made, one, none, error, client2, pkg.ApiError, pkg.getThing];
};
`;

describe("names and keywords from foreign specs", () => {
  it("generate a package that type-checks", async () => {
    const ws = createWorkspace("foreign-names");
    await generateApi(ws.root, ws.api);
    const usage = path.join(ws.packageDir, "src", "usage.ts");
    writeFileSync(usage, CALLS);
    expect(typeErrors([usage])).toEqual([]);
  }, 60_000);

  it("keep the schema types clear of the operations file's exports", async () => {
    const ws = createWorkspace("foreign-names");
    await generateApi(ws.root, ws.api);
    const types = ws.readGenerated()["types.gen.ts"] ?? "";
    expect(types).toContain('export type ClientSchema = components["schemas"]["Client"];');
    expect(types).toContain('export type ApiErrorSchema = components["schemas"]["ApiError"];');
    expect(types).toContain('export type getThingSchema = components["schemas"]["getThing"];');
    // Keyed by operationId only where openapi-typescript keys it the same; typed under `paths` otherwise.
    expect(types).toContain('paths["/things"]["get"]');
    expect(types).toContain('paths["/things"]["post"]');
    expect(types).toContain('operations["getThing"]');
    expect(types).toContain('paths["/things/{id}"]["delete"]');
  }, 60_000);

  it("warn about, and ignore, unknown keywords of 3.1 schemas", async () => {
    const ws = createWorkspace("foreign-names");
    const { warnings } = await generateApi(ws.root, ws.api);
    expect(warnings).toEqual([
      `${ws.specShown}:55:11 (#/components/schemas/Client/properties/nickname/nullable): \`nullable\` is not a JSON Schema keyword of OpenAPI 3.1: it is ignored`,
      `${ws.specShown}:66:11 (#/components/schemas/getThing/properties/setting/cooldown_days): \`cooldown_days\` is not a JSON Schema keyword of OpenAPI 3.1: it is ignored`,
    ]);
  }, 60_000);

  it("still reject unknown schema keywords in OpenAPI 3.0", async () => {
    const ws = createWorkspace("foreign-names");
    ws.editSpec((spec) => spec.replace("openapi: 3.1.0", "openapi: 3.0.3"));
    await expect(generateApi(ws.root, ws.api)).rejects.toThrow(
      /:66:11 \(#\/components\/schemas\/getThing\/properties\/setting\/cooldown_days\): Property `cooldown_days` is not expected here/,
    );
  }, 60_000);
});
