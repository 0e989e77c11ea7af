import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diffSpecs } from "../src/diff.ts";
import { loadSpecFile } from "../src/load.ts";
import { diffBrief, postThings, spec } from "./specs.ts";

const RESPONSE = (schema: string) => postThings("{ type: object }", schema);

describe("walking schemas", () => {
  it("follows oneOf/anyOf/allOf members", async () => {
    const before = RESPONSE("{ oneOf: [{ type: object, properties: { a: { type: string }, b: { type: string } } }] }");
    const after = RESPONSE("{ oneOf: [{ type: object, properties: { a: { type: string } } }] }");
    expect(await diffBrief(before, after)).toEqual([
      { level: "major", where: "POST /things response 200 <oneOf[0]>.b", message: "response field removed" },
    ]);
  });

  it("a oneOf alternative removed from a request is major", async () => {
    const before = postThings("{ oneOf: [{ type: string }, { type: integer }] }");
    const after = postThings("{ oneOf: [{ type: string }] }");
    expect(await diffBrief(before, after)).toEqual([
      { level: "major", where: "POST /things request body", message: "oneOf alternative removed" },
    ]);
  });

  it("follows additionalProperties", async () => {
    const before = RESPONSE(
      "{ type: object, additionalProperties: { type: object, properties: { n: { type: integer } } } }",
    );
    const after = RESPONSE(
      "{ type: object, additionalProperties: { type: object, properties: { n: { type: string } } } }",
    );
    expect(await diffBrief(before, after)).toEqual([
      { level: "major", where: "POST /things response 200 .*.n", message: "type changed from integer to string" },
    ]);
  });

  it("follows $refs into components, and stops on recursive schemas", async () => {
    const node = (extra: string) => `components:
  schemas:
    Node:
      type: object
      properties:
        children: { type: array, items: { $ref: "#/components/schemas/Node" } }
${extra}`;
    const response = RESPONSE('{ $ref: "#/components/schemas/Node" }');
    const before = response.replace("paths:", `${node("        label: { type: string }\n")}paths:`);
    const after = response.replace("paths:", `${node("")}paths:`);
    // Every use of Node is the component itself, so the walk ends when it meets the pair again: reported once.
    expect(await diffBrief(before, after)).toEqual([
      { level: "major", where: "POST /things response 200 .label", message: "response field removed" },
    ]);
  });

  it("a response field that may now be absent is major; a request field made optional is minor", async () => {
    const schema = (required: string) => `{ type: object, required: ${required}, properties: { a: { type: string } } }`;
    expect(await diffBrief(postThings(schema("[a]"), schema("[a]")), postThings(schema("[]"), schema("[]")))).toEqual([
      {
        level: "major",
        where: "POST /things response 200 .a",
        message: "response field no longer required (may be absent)",
      },
      { level: "minor", where: "POST /things request body .a", message: "required request field made optional" },
    ]);
  });

  it("path-level parameters count for every operation below them", async () => {
    const path = (parameters: string) =>
      spec(`  /things/{id}:
    parameters: ${parameters}
    get: { operationId: getThing, responses: { "200": { description: OK } } }
`);
    const before = path("[{ name: id, in: path, required: true, schema: { type: string } }]");
    const after = path("[{ name: id, in: path, required: true, schema: { type: integer } }]");
    expect(await diffBrief(before, after)).toEqual([
      { level: "major", where: "GET /things/{id} path parameter id", message: "type changed from string to integer" },
    ]);
  });
});

describe("loading split specs from files", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("bundles $refs across files before comparing", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "spec-diff-load-"));
    mkdirSync(path.join(dir, "before"));
    mkdirSync(path.join(dir, "after"));
    const main = spec(`  /things:
    get:
      operationId: listThings
      responses:
        "200":
          description: OK
          content: { application/json: { schema: { $ref: "./thing.yaml" } } }
`);
    for (const side of ["before", "after"]) writeFileSync(path.join(dir, side, "openapi.yaml"), main);
    writeFileSync(path.join(dir, "before", "thing.yaml"), "type: object\nproperties: { id: { type: string } }\n");
    writeFileSync(path.join(dir, "after", "thing.yaml"), "type: object\nproperties: {}\n");
    const before = await loadSpecFile(path.join(dir, "before", "openapi.yaml"));
    const after = await loadSpecFile(path.join(dir, "after", "openapi.yaml"));
    expect(diffSpecs(before, after)).toEqual([
      {
        level: "major",
        operationId: "listThings",
        where: "GET /things response 200 .id",
        message: "response field removed",
        method: "listThings",
        type: "ListThings",
        // The file thing.yaml is bundled as the component `thing`: the change is named after it.
        subject: "thing.id",
      },
    ]);
  });

  it("a broken $ref is an error naming the spec", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "spec-diff-load-"));
    const file = path.join(dir, "openapi.yaml");
    writeFileSync(file, postThings('{ $ref: "./missing.yaml" }'));
    await expect(loadSpecFile(file)).rejects.toThrow(file);
  });
});
