/**
 * The method inputs and outputs the generator emits, checked by the TypeScript compiler: right calls compile,
 * wrong calls do not (`@ts-expect-error` fails when its line compiles), and a call written against one version
 * of a spec still compiles after the spec gains optional parameters or body fields anywhere.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { typeErrors } from "./compile.ts";
import { createWorkspace } from "./workspace.ts";

const CALLS = `
import * as op from "./generated/operations.gen.ts";
import type * as T from "@fixture/constructs-types";
declare const client: op.Client;
declare const bytes: Uint8Array;

// Path + query + header + cookie + body fields in one flat object.
op.putSquare(client, { row: 1, column: 2, mark: "X", dryRun: true, "X-Request-Id": "r", session: "s" });
// @ts-expect-error path parameters are required
op.putSquare(client, { mark: "X" });
// @ts-expect-error the body's required field is required
op.putSquare(client, { row: 1, column: 2 });
// @ts-expect-error an unknown key is rejected
op.putSquare(client, { row: 1, column: 2, mark: "X", colour: "red" });

// Name clashes: the path parameter keeps "id"; the query parameter and the body field are renamed.
op.updateItem(client, { id: "p", queryId: "q", bodyId: "b", name: "n", api_key: "k", tags: ["a", "b"] });
// @ts-expect-error a required header parameter is required
op.updateItem(client, { id: "p", name: "n" });

op.submitForm(client, { To: "+1", Tags: ["a"], Count: 2, queryProto: "p" });
op.uploadFiles(client, { file: new Blob(["x"]), extra: [new Blob(["y"])], note: "n" });
// @ts-expect-error a file field takes a Blob, not a string
op.uploadFiles(client, { file: "not a file" });
op.putBlob(client, { name: "a.bin", body: bytes });
op.putBlob(client, { name: "a.bin", body: new Blob(["x"]) });
// @ts-expect-error a binary body is not a number
op.putBlob(client, { name: "a.bin", body: 1 });
op.replaceNotes(client, { body: [{ text: "a" }] });

// An optional body: all of it or nothing; the caller may pick a media type the spec lists.
op.addNote(client);
op.addNote(client, { text: "t" }, { contentType: "application/x-www-form-urlencoded" });
// @ts-expect-error half a body (its required field missing) is rejected
op.addNote(client, { colour: "red" });
// @ts-expect-error a media type the operation does not accept
op.addNote(client, { text: "t" }, { contentType: "application/xml" });
// @ts-expect-error only operations with several media types take a contentType
op.submitForm(client, { To: "+1" }, { contentType: "application/json" });

// Outputs follow the response media type.
export const outputs = async () => {
  const blob: Blob = await op.getBlob(client, { name: "a" });
  const text: string = await op.uploadFiles(client, { file: blob });
  const xml: string = await op.replaceNotes(client, { body: [] });
  const note: T.Note = await op.addNote(client, { text: "t" });
  const none: void = await op.deleteHealthByCheck(client, { check: "db" });
  const health: string = await op.getHealth(client);
  // @ts-expect-error a text response is not an object
  const wrong: { text: string } = await op.getHealth(client);
  return [blob, text, xml, note, none, health, wrong];
};

// Names: reserved words and helper names get a deterministic, valid name; schemas too.
op.delete_(client);
op.class_(client, { value: "v" });
op.bindOperations2(client);
op.putReserved(client);
op.getThing(client);
op.getThing2(client);
// The schema "class" would be class_, which the method class_ exports: it is classSchema.
export type Schemas = [T.RecordSchema, T.package_, T.import_, T.classSchema, T.Square];
const bound: op.ConstructsOperations = op.bindOperations(client);
bound.putSquare({ row: 1, column: 2, mark: "O" });
`;

async function generated(edit?: (spec: string) => string) {
  const ws = createWorkspace("constructs");
  if (edit) ws.editSpec(edit);
  await generateApi(ws.root, ws.api);
  const usage = path.join(ws.packageDir, "src", "usage.ts");
  writeFileSync(usage, CALLS);
  return typeErrors([usage]);
}

/** New optional inputs in every location, and a new optional body field. */
function addOptionalInputs(spec: string): string {
  return spec
    .replace(
      "        - { name: session, in: cookie, schema: { type: string } }",
      [
        "        - { name: session, in: cookie, schema: { type: string } }",
        "        - { name: verbose, in: query, schema: { type: boolean } }",
        "        - { name: X-Trace, in: header, schema: { type: string } }",
        "        - { name: mark, in: query, schema: { type: string } }",
      ].join("\n"),
    )
    .replace(
      "        - { name: __proto__, in: query, schema: { type: string } }",
      "        - { name: __proto__, in: query, schema: { type: string } }\n        - { name: page, in: query, schema: { type: integer } }",
    )
    .replace(
      "                text: { type: string }",
      "                text: { type: string }\n                colourful: { type: boolean }",
    );
}

describe("generated inputs and outputs", () => {
  it("accept the right calls and reject the wrong ones", async () => {
    expect(await generated()).toEqual([]);
  }, 60_000);

  it("still accept every call after optional parameters and body fields are added anywhere", async () => {
    expect(await generated(addOptionalInputs)).toEqual([]);
  }, 60_000);

  it("reject the old calls after a required parameter is added", async () => {
    const errors = await generated((spec) =>
      spec.replace(
        "        - { name: session, in: cookie, schema: { type: string } }",
        "        - { name: session, in: cookie, schema: { type: string } }\n        - { name: tenant, in: header, required: true, schema: { type: string } }",
      ),
    );
    expect(errors.some((error) => error.includes("tenant"))).toBe(true);
  }, 60_000);
});
