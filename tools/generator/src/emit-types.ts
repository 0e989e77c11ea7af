import { operationsFileExports } from "./emit-operations.ts";
import { emitWebhookTypes } from "./emit-webhooks.ts";
import { commentText, propertyKey, stringLiteral } from "./escape.ts";
import { generatedHeader } from "./header.ts";
import type { InputField } from "./input-model.ts";
import { isReservedWord, NameRegistry, pascalCase } from "./naming.ts";
import type { OpenApiDocument, SchemaObject } from "./openapi-types.ts";
import type { OperationModel } from "./operations.ts";

/** Names types.gen.ts imports or uses from the language; a schema type may not shadow them (see also emitTypes). */
const TYPES_FILE_NAMES = [
  "components",
  "operations",
  "paths",
  "webhooks",
  "$defs",
  "BinaryBody",
  "Record",
  "NonNullable",
  "Omit",
  "Blob",
  "Array",
  "Promise",
  "Object",
  "String",
  "Number",
  "Boolean",
  "Date",
];

const BINARY_BODY = [
  "/** What a binary request body may be (the same union as the runtime's `BinaryBody`). */",
  "type BinaryBody = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string;",
].join("\n");

/**
 * `types.gen.ts` (in the types package): a named export for every component schema (`Agent`, `CreateAgentRequest`, ...) and, per operation,
 * `<Operation>Input` (what the method takes) and `<Operation>Output` (what it resolves to).
 */
export function emitTypes(doc: OpenApiDocument, ops: OperationModel[], api: string, clientName: string): string {
  const usesBinary = ops.some((op) => op.body?.key && op.body.value === "blob");
  const out: string[] = [generatedHeader(api)];
  const schemaNames = ops.some((op) => op.schemaKey === undefined)
    ? "components, operations, paths"
    : "components, operations";
  const importLine = out.push(`import type { ${schemaNames} } from "./schema.gen.ts";`, "") - 2;
  // The types package has no runtime dependency: this is the runtime's `BinaryBody`, structurally (not exported, so
  // the client package's re-exports keep the runtime's own).
  if (usesBinary) out.push(BINARY_BODY, "");
  const names = new NameRegistry([...TYPES_FILE_NAMES, ...operationsFileExports(ops, clientName)]);
  for (const op of ops) for (const suffix of ["Input", "Output", "Item"]) names.reserve(`${op.typeName}${suffix}`);
  for (const [key, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const wanted = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : pascalCase(key) || "Schema";
    // Taken (by a name the files use, or a method of the same name): `<name>Schema`, not a number.
    const name = names.has(isReservedWord(wanted) ? `${wanted}_` : wanted)
      ? names.claim(`${wanted}Schema`)
      : names.claim(wanted);
    const description = (schema as SchemaObject | undefined)?.description;
    if (typeof description === "string") out.push(`/** ${commentText(description).replace(/\n+/g, " ").trim()} */`);
    out.push(`export type ${name} = components["schemas"][${stringLiteral(key)}];`);
  }
  out.push("");
  // Method names are code spans, not links: the methods live in the client package, which this package does not see.
  for (const op of ops) {
    const ref = operationRef(op);
    out.push(`/** What \`${op.name}\` takes. */`);
    out.push(`export type ${op.typeName}Input = ${inputType(op, ref)};`);
    out.push(`/** What \`${op.name}\` resolves to. */`);
    out.push(`export type ${op.typeName}Output = ${outputType(op, ref)};`);
    if (op.pagination) {
      out.push(`/** One item of \`${op.name}\`'s pages. */`);
      out.push(`export type ${op.typeName}Item = ${op.typeName}Output[${stringLiteral(op.pagination.items)}][number];`);
    }
  }
  // Last, so that webhook types never take a name an existing type had before the spec gained webhooks.
  const webhookLines = emitWebhookTypes(doc, names, clientName);
  if (webhookLines.length > 0) {
    out[importLine] = `import type { ${schemaNames}, webhooks } from "./schema.gen.ts";`;
    out.push(...webhookLines);
  }
  return `${out.join("\n")}\n`;
}

/** openapi-typescript files operations with an id under `operations` (see `schemaKey`), the others only under `paths`. */
function operationRef(op: OperationModel): string {
  return op.schemaKey !== undefined
    ? `operations[${stringLiteral(op.schemaKey)}]`
    : `paths[${stringLiteral(op.path)}][${stringLiteral(op.method)}]`;
}

/** The flat input: each location's parameter object, then the body's fields or `{ body }`, intersected. */
function inputType(op: OperationModel, ref: string): string {
  const parts: string[] = [];
  for (const location of ["path", "query", "header", "cookie"] as const) {
    const fields = op.params.filter((p) => p.in === location);
    if (fields.length > 0)
      parts.push(...withKeys(`NonNullable<${ref}["parameters"][${stringLiteral(location)}]>`, fields));
  }
  const body = op.body;
  if (body) {
    const media = `NonNullable<${ref}["requestBody"]>["content"][${stringLiteral(body.media[0] ?? "")}]`;
    if (body.key) {
      const value = body.value === "blob" ? "BinaryBody" : body.value === "string" ? "string" : media;
      parts.push(`{ ${propertyKey(body.key)}${body.required ? "" : "?"}: ${value} }`);
    } else {
      const fields = withKeys(media, body.fields).join(" & ");
      // An optional body is all of it or none of it: no half-filled body with its required fields missing.
      const whole = body.required || !body.schemaRequiresFields;
      parts.push(whole ? fields : `(${fields} | { [K in keyof ${media}]?: never })`);
    }
  }
  return parts.length > 0 ? parts.join(" & ") : "Record<string, never>";
}

/** `source` as is, or with the fields that were renamed after a name clash moved to their input keys. */
function withKeys(source: string, fields: InputField[]): string[] {
  const renamed = fields.filter((field) => field.key !== field.name);
  if (renamed.length === 0) return [source];
  const omitted = renamed.map((field) => stringLiteral(field.name)).join(" | ");
  const moved = renamed.map(
    (f) => `${propertyKey(f.key)}${f.required ? "" : "?"}: ${source}[${stringLiteral(f.name)}]`,
  );
  return [`Omit<${source}, ${omitted}>`, `{ ${moved.join("; ")} }`];
}

function outputType(op: OperationModel, ref: string): string {
  const types = new Set<string>();
  let empty = false;
  for (const variant of op.response.variants) {
    if (!variant.media || !variant.value) {
      empty = true;
      continue;
    }
    const status = /^\d+$/.test(variant.status) ? variant.status : stringLiteral(variant.status);
    if (variant.value === "schema")
      types.add(`${ref}["responses"][${status}]["content"][${stringLiteral(variant.media)}]`);
    else types.add(variant.value === "string" ? "string" : "Blob");
  }
  if (types.size === 0) return "void";
  return [...types, ...(empty ? ["undefined"] : [])].join(" | ");
}
