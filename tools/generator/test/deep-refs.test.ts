/**
 * Refs that point inside a schema (`#/components/schemas/AccountBalance/definitions/accountBalanceAmounts`, as in
 * Codat's specs, or `.../properties/x/items`, `.../allOf/0`, `#/paths/...`): openapi-typescript types them by
 * indexing along the pointer, into types that do not exist (TS2339). The generator names their schemas instead.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { hoistDeepSchemaRefs } from "../src/hoist-refs.ts";
import type { OpenApiDocument } from "../src/openapi-types.ts";
import { typeErrors } from "./compile.ts";
import { createWorkspace } from "./workspace.ts";

const CALLS = `
import * as op from "./generated/operations.gen.ts";
import type * as T from "@fixture/deep-refs-types";
declare const client: op.Client;

export const calls = async () => {
  const balances = await op.listBalances(client);
  const current: number = balances[0]!.current;
  const previous: number | undefined = balances[0]!.previous?.previous?.current;
  const balance: T.AccountBalance = { accountId: "a", balance: { current: 1, previous: { current: 0 } } };
  // @ts-expect-error the hoisted schema keeps its required fields
  const noCurrent: T.AccountBalance = { accountId: "a", balance: {} };
  const account = await op.getAccount(client);
  const type: "iban" | "sortCode" = account.identifiers[0]!.type;
  const tags: string[] | undefined = account.tags;
  const kind: "personal" | "business" | undefined = account.kind;
  const other: T.Account_identifiers = "kept";
  await op.createAccount(client, { body: ["a"] });
  // @ts-expect-error the body is the labels' item type
  await op.createAccount(client, { body: [1] });
  return [current, previous, balance, noCurrent, type, tags, kind, other];
};
`;

describe("refs into a schema", () => {
  it("generate a package that type-checks", async () => {
    const ws = createWorkspace("deep-refs");
    await generateApi(ws.root, ws.api);
    const usage = path.join(ws.packageDir, "src", "usage.ts");
    writeFileSync(usage, CALLS);
    expect(typeErrors([usage, path.join(ws.packageDir, "src", "index.ts")])).toEqual([]);
  }, 60_000);

  it("name each target once, readably, without taking an existing name", async () => {
    const ws = createWorkspace("deep-refs");
    await generateApi(ws.root, ws.api);
    const schema = ws.readGenerated()["schema.gen.ts"] ?? "";
    expect(schema).not.toMatch(/\["(definitions|\$defs|properties|items|allOf|schema)"\]/);
    expect(schema).toContain('previous?: components["schemas"]["AccountBalance_accountBalanceAmounts"];');
    expect(schema).toContain('identifiers: components["schemas"]["Account_identifiers_2"][];');
    expect(schema).toContain("Account_labels_items: string[];");
    expect(schema).toContain('kind?: components["schemas"]["Kinds_allOf_0"];');
    expect(schema).toContain('"application/json": components["schemas"]["accounts_get_200_application_json_tags"];');
    expect(schema.match(/^ {8}AccountBalance_accountBalanceAmounts: \{/gm)).toHaveLength(1);
  }, 60_000);

  it("leave a spec without them, and refs to what is not a schema, as they were", () => {
    const doc = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: { "/a": { get: { responses: { "200": { $ref: "#/components/responses/Ok" } } } } },
      components: {
        schemas: {
          A: { type: "object", properties: { b: { $ref: "#/components/schemas/B" } }, example: { b: 1 } },
          B: { type: "integer", examples: [{ $ref: "#/components/schemas/A/example" }] },
          C: { $ref: "#/components/schemas/A/properties" },
        },
        responses: { Ok: { description: "ok" } },
      },
    } as unknown as OpenApiDocument;
    const before = structuredClone(doc);
    hoistDeepSchemaRefs(doc);
    expect(doc).toEqual(before);
  });
});
