/**
 * OpenAPI 3.1 `webhooks` in types.gen.ts (emit-webhooks.ts), for any spec: a type per webhook body, their union and,
 * when every body fixes one property to a distinct value, a map by that value; `switch` on it narrows. Webhook keys,
 * summaries and discriminator values are hostile in the fixture (fixtures/webhooks/): the compiler must find exactly
 * the names we expect. A spec without webhook bodies gets byte-identical output.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { consumerProgram, diagnostics, typeErrors } from "./compile.ts";
import { createWorkspace, type Workspace } from "./workspace.ts";

/** Generates the workspace's package and returns the path of types.gen.ts, wherever the layout puts it. */
async function generateTypes(ws: Workspace): Promise<string> {
  const { generated } = await generateApi(ws.root, ws.api);
  const file = generated.find((name) => name.endsWith("types.gen.ts"));
  if (!file) throw new Error(`no types.gen.ts among ${generated.join(", ")}`);
  return path.join(ws.root, file);
}

function exportedTypeNames(program: ts.Program, file: string): string[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  return module ? checker.getExportsOfModule(module).map((symbol) => symbol.name) : [];
}

const WEBHOOK_NAMES = [
  "PetCreatedWebhook",
  "HooksWebhook2",
  "ExportConstPWNED33XWebhook",
  "HooksWebhook",
  "HooksWebhookByEvent",
];

const USAGE = `
import type * as T from "./types.gen.ts";

export function handle(hook: T.HooksWebhook): string {
  switch (hook.event) {
    case "pet.created":
      return hook.pet ?? hook.id;
    case "deleted":
      return hook.id;
    // @ts-expect-error not an event of any webhook
    case "pet.removed":
      return "";
    default:
      return String(hook.count);
  }
}
export const byEvent: T.HooksWebhookByEvent["deleted"]["event"] = "deleted";
// @ts-expect-error the map has no such event
export type Missing = T.HooksWebhookByEvent["pet.removed"];
// @ts-expect-error a created-pet webhook is not a deleted one
export const wrong: T.HooksWebhookByEvent["deleted"] = { id: "1", event: "pet.created" };
`;

describe("webhooks in types.gen.ts", () => {
  it("declare a type per body, the union and the map by discriminator, and nothing from hostile text", async () => {
    const ws = createWorkspace("webhooks");
    const types = await generateTypes(ws);
    const program = consumerProgram([types]);
    expect(diagnostics(program)).toEqual([]);
    const names = exportedTypeNames(program, types);
    expect(names.filter((name) => /Webhook|PWNED/.test(name)).sort()).toEqual([...WEBHOOK_NAMES].sort());
    // Hostile text stays in comments and string literals: no statement other than imports and type declarations.
    const statements = program.getSourceFile(types)?.statements ?? [];
    const unexpected = statements.filter(
      (s) => !ts.isImportDeclaration(s) && !ts.isTypeAliasDeclaration(s) && !ts.isInterfaceDeclaration(s),
    );
    expect(unexpected.map((s) => s.getText())).toEqual([]);
  }, 60_000);

  it("narrow on the discriminating property, and reject values no webhook has", async () => {
    const ws = createWorkspace("webhooks");
    const types = await generateTypes(ws);
    const usage = path.join(path.dirname(types), "usage.ts");
    writeFileSync(usage, USAGE);
    expect(typeErrors([usage])).toEqual([]);
    // The same code with the narrowing removed does not compile: the test above can fail.
    writeFileSync(
      usage,
      USAGE.replace('case "deleted":\n      return hook.id;', 'case "deleted":\n      return hook.pet;'),
    );
    expect(typeErrors([usage]).join("\n")).toMatch(/Property 'pet' does not exist/);
  }, 60_000);

  it("follow an OpenAPI discriminator like openapi-typescript: the mapping key, else the schema name", async () => {
    const ws = createWorkspace("webhooks");
    ws.writeSpec(DISCRIMINATOR_SPEC);
    const typesFile = await generateTypes(ws);
    const types = readFileSync(typesFile, "utf8");
    expect(types).toContain('export interface HooksWebhookByKind {\n  "cat-x": CatWebhook;\n  Dog: DogWebhook;\n}');
    const usage = path.join(path.dirname(typesFile), "usage.ts");
    writeFileSync(
      usage,
      'import type * as T from "./types.gen.ts";\nexport const sound = (h: T.HooksWebhook) => (h.kind === "cat-x" ? h.meow : h.bark);\n',
    );
    expect(typeErrors([usage])).toEqual([]);
  }, 60_000);

  it("emit no union map when the discriminating values are not distinct", async () => {
    const ws = createWorkspace("webhooks");
    ws.writeSpec(DISCRIMINATOR_SPEC.replace('"cat-x": "#/components/schemas/Cat"', 'Dog: "#/components/schemas/Cat"'));
    const types = readFileSync(await generateTypes(ws), "utf8");
    expect(types).toContain("export type HooksWebhook = CatWebhook | DogWebhook;");
    expect(types).not.toContain("HooksWebhookBy");
  }, 60_000);

  it("leave the output of a spec without webhook bodies unchanged", async () => {
    const ws = createWorkspace("petstore-mini");
    const before = readFileSync(await generateTypes(ws), "utf8");
    ws.editSpec((spec) =>
      spec.replace(
        /\npaths:\n/,
        "\nwebhooks:\n  ping:\n    get:\n      responses:\n        '200': { description: ok }\npaths:\n",
      ),
    );
    const after = readFileSync(await generateTypes(ws), "utf8");
    expect(after).toBe(before);
    expect(after).not.toMatch(/Webhook|webhooks/);
  }, 60_000);
});

const DISCRIMINATOR_SPEC = `openapi: 3.1.0
info: { title: Hooks API, version: "1.0" }
paths:
  /pets:
    get:
      responses:
        "200": { description: ok }
webhooks:
  cat:
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Cat" }
      responses:
        "200": { description: ok }
  dog:
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Dog" }
      responses:
        "200": { description: ok }
components:
  schemas:
    Pet:
      type: object
      required: [kind]
      properties:
        kind: { type: string }
      discriminator:
        propertyName: kind
        mapping:
          "cat-x": "#/components/schemas/Cat"
    Cat:
      allOf:
        - $ref: "#/components/schemas/Pet"
        - type: object
          properties:
            meow: { type: boolean }
    Dog:
      allOf:
        - $ref: "#/components/schemas/Pet"
        - type: object
          properties:
            bark: { type: boolean }
`;
