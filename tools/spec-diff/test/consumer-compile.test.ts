/**
 * The levels spec-diff gives, proved by the consumer's compiler: both versions of each spec are generated, and a
 * call written against the OLD client (its input and output types, its method names) is type-checked against the NEW
 * one. A change is major exactly when that call stops compiling.
 *
 * Two majors compile and are left out on purpose (see model-diff.test.ts): an operationId change that keeps the
 * method name (errors, logs and auth providers see the id), and an optional key that passes to another parameter or
 * field after a clash rename (same key, same type, different place on the wire).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateApi } from "@chat-sdk/generator";
import { typeErrors as checkTypes } from "@chat-sdk/test-utils/typecheck";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { highest, type LevelOrNone } from "../src/change.ts";
import { diffSpecs } from "../src/diff.ts";
import { loadSpecText } from "../src/load.ts";
import { readModels } from "../src/model.ts";
import { api, type Op } from "./specs.ts";

const RUNTIME_SOURCE = fileURLToPath(new URL("../../../packages/runtime/src/index.ts", import.meta.url));
const SCOPE = "@consumer";

const THING = "{ type: object, required: [name], properties: { name: { type: string }, size: { type: integer } } }";
const WITH_ID = "{ type: object, required: [id], properties: { id: { type: string }, name: { type: string } } }";
const ID_PATH = "[{ name: id, in: path, required: true, schema: { type: string } }]";
const QUERY = (name: string) => `{ name: ${name}, in: query, schema: { type: string } }`;

interface Pair {
  name: string;
  before: Op[];
  after: Op[];
  level: LevelOrNone;
}

const PAIRS: Pair[] = [
  {
    name: "optional query parameter added to a body-only operation",
    before: [{ body: THING }],
    after: [{ body: THING, parameters: `[${QUERY("dryRun")}]` }],
    level: "minor",
  },
  {
    name: "required header parameter added",
    before: [{ body: THING }],
    after: [{ body: THING, parameters: "[{ name: X-Tenant, in: header, required: true, schema: { type: string } }]" }],
    level: "major",
  },
  {
    name: "path parameter added that takes a body field's key",
    before: [{ body: WITH_ID }],
    after: [{ path: "/things/{id}", parameters: ID_PATH, body: WITH_ID }],
    level: "major",
  },
  {
    name: "object body become an array",
    before: [{ body: WITH_ID }],
    after: [{ body: "{ type: array, items: { type: string } }" }],
    level: "major",
  },
  {
    name: "JSON object body become octet-stream",
    before: [{ body: WITH_ID }],
    after: [{ body: "{ type: string, format: binary }", media: ["application/octet-stream"] }],
    level: "major",
  },
  {
    name: "optional body field added",
    before: [{ body: THING }],
    after: [{ body: THING.replace("size:", "color: { type: string }, size:") }],
    level: "minor",
  },
  {
    name: "operation without operationId whose path changes",
    before: [{ method: "get", path: "/things/{id}", operationId: null, parameters: ID_PATH }],
    after: [{ method: "get", path: "/items/{id}", operationId: null, parameters: ID_PATH }],
    level: "major",
  },
  {
    name: "output JSON become text",
    before: [{ body: THING }],
    after: [{ body: THING, response: "{ text/plain: { schema: { type: string } } }" }],
    level: "major",
  },
  {
    name: "request media type added",
    before: [{ body: THING }],
    after: [{ body: THING, media: ["application/json", "application/x-www-form-urlencoded"] }],
    level: "minor",
  },
  {
    name: "query parameter sent as a header under the same key",
    before: [{ method: "get", parameters: `[${QUERY("trace")}]` }],
    after: [{ method: "get", parameters: "[{ name: trace, in: header, schema: { type: string } }]" }],
    level: "minor",
  },
  {
    name: "operation moved, operationId kept",
    before: [{ body: THING }],
    after: [{ path: "/v2/things", body: THING }],
    level: "minor",
  },
];

let root = "";
const results = new Map<string, { level: LevelOrNone; errors: string[] }>();

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "spec-diff-compile-"));
  const checks: string[] = [];
  const levels = new Map<string, LevelOrNone>();
  for (const [index, pair] of PAIRS.entries()) {
    const name = `pair${index + 1}`;
    const texts = { before: api(...pair.before), after: api(...pair.after) };
    for (const side of ["before", "after"] as const) {
      const workspace = path.join(root, side);
      mkdirSync(path.join(workspace, "specs", name), { recursive: true });
      writeFileSync(path.join(workspace, "package.json"), JSON.stringify({ chatSdk: { scope: SCOPE } }));
      writeFileSync(path.join(workspace, "specs", name, "openapi.yaml"), texts[side]);
      await generateApi(workspace, name);
    }
    const before = await loadSpecText(texts.before);
    const after = await loadSpecText(texts.after);
    levels.set(name, highest(diffSpecs(before, after).map((change) => change.level)));
    const check = path.join(root, `${name}.check.ts`);
    writeFileSync(check, checkSource(name, before));
    checks.push(check);
  }
  const errors = typeErrors(checks);
  for (const [name, level] of levels) {
    results.set(name, { level, errors: errors.filter((error) => error.startsWith(`${name}.check.ts:`)) });
  }
  // The runtime's own errors are its typecheck's business (it may be mid-change); the generated code must be clean.
  const generated = errors.filter((error) => !/^pair\d+\.check\.ts:/.test(error) && !error.startsWith(".."));
  expect(generated, "the generated code itself must compile").toEqual([]);
}, 120_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The consumer's code, written against the old version: old input in, old output out, through the NEW client. */
function checkSource(name: string, before: Awaited<ReturnType<typeof loadSpecText>>): string {
  const generated = (side: string, file: string) => `./${side}/packages/${name}/src/generated/${file}`;
  // schema.gen.ts and types.gen.ts live in the API's types package.
  const types = (side: string) => `./${side}/packages/${name}-types/src/generated/types.gen.ts`;
  const operations = readFileSync(path.join(root, "after", "packages", name, "src", "generated", "operations.gen.ts"));
  const client = /export interface (\w+Operations) /.exec(operations.toString())?.[1];
  const lines = [
    `import type * as Old from "${types("before")}";`,
    `import type * as New from "${types("after")}";`,
    `import type { ${client} as Client } from "${generated("after", "operations.gen.ts")}";`,
    "declare const client: Client;",
  ];
  const models = readModels(before);
  if (!models.ok) throw new Error(models.error);
  for (const op of models.byKey.values()) {
    const input = `Old.${op.typeName}Input`;
    lines.push(`export async function ${op.name}Call(${op.fields.length > 0 ? `input: ${input}` : ""}) {`);
    if (op.fields.length > 0) {
      // Assignability ignores keys the new type lacks: a key the caller passes and that is gone must fail too.
      const gone = `Exclude<keyof ${input}, keyof New.${op.typeName}Input>`;
      lines.push(`  const removedKeys: [${gone}] extends [never] ? "none" : ${gone} = "none";`);
      lines.push("  void removedKeys;");
    }
    const call = `await client.${op.name}(${op.fields.length > 0 ? "input" : ""})`;
    // Nobody reads a void result: from void to a value is not a break.
    if (op.response.kind === "none") lines.push(`  ${call};`);
    else lines.push(`  const result: Old.${op.typeName}Output = ${call};`, "  return result;");
    lines.push("}");
  }
  return `${lines.join("\n")}\n`;
}

/**
 * One program for every check: the repo's strict settings, the runtime resolved to its source and the new client's
 * types package (`@fixture/<pair>-types`) to the "after" workspace's.
 */
function typeErrors(files: string[]): string[] {
  const typesPackages = path.join(root, "after", "packages", "*-types", "src", "index.ts");
  return checkTypes(files, {
    paths: { [`${SCOPE}/runtime`]: [RUNTIME_SOURCE], [`${SCOPE}/*-types`]: [typesPackages] },
    relativeTo: root,
  });
}

describe("a call written against the old client compiles against the new one exactly when the change is not major", () => {
  for (const [index, pair] of PAIRS.entries()) {
    it(`${pair.name}: ${pair.level}`, () => {
      const result = results.get(`pair${index + 1}`);
      expect(result?.level).toBe(pair.level);
      if (pair.level === "major") expect(result?.errors, "the old call must not compile").not.toEqual([]);
      else expect(result?.errors, "the old call must compile").toEqual([]);
    });
  }
});
