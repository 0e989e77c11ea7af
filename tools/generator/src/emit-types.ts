import { generatedHeader } from "./header.ts";
import { jsdocText, pascalCase } from "./naming.ts";
import type { OpenApiDocument, SchemaObject } from "./openapi-types.ts";
import type { OperationModel } from "./operations.ts";

const RESERVED = new Set(["paths", "components", "operations", "webhooks", "$defs"]);

/**
 * `types.gen.ts`: a named export for every component schema (`Agent`, `CreateAgentRequest`, ...) and, per operation,
 * `<Operation>Input` (what the method takes) and `<Operation>Output` (what it resolves to).
 */
export function emitTypes(doc: OpenApiDocument, ops: OperationModel[], api: string): string {
  const out: string[] = [generatedHeader(api), 'import type { components, operations } from "./schema.gen.ts";', ""];
  const taken = new Set(ops.flatMap((op) => [`${op.typeName}Input`, `${op.typeName}Output`, `${op.typeName}Item`]));
  for (const [key, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const name = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : pascalCase(key);
    if (RESERVED.has(name) || taken.has(name)) continue;
    taken.add(name);
    const description = (schema as SchemaObject).description;
    if (typeof description === "string") out.push(`/** ${jsdocText(description).replace(/\n+/g, " ")} */`);
    out.push(`export type ${name} = components["schemas"][${JSON.stringify(key)}];`);
  }
  out.push("");
  for (const op of ops) {
    const ref = `operations[${JSON.stringify(op.operationId)}]`;
    out.push(`/** What {@link ${op.name}} takes. */`);
    out.push(`export type ${op.typeName}Input = ${inputType(op, ref)};`);
    out.push(`/** What {@link ${op.name}} resolves to. */`);
    out.push(`export type ${op.typeName}Output = ${outputType(op, ref)};`);
    if (op.pagination) {
      out.push(`/** One item of {@link ${op.name}}'s pages. */`);
      out.push(
        `export type ${op.typeName}Item = ${op.typeName}Output[${JSON.stringify(op.pagination.items)}][number];`,
      );
    }
  }
  return `${out.join("\n")}\n`;
}

function inputType(op: OperationModel, ref: string): string {
  const query = `NonNullable<${ref}["parameters"]["query"]>`;
  const path = `NonNullable<${ref}["parameters"]["path"]>`;
  const body = `NonNullable<${ref}["requestBody"]>["content"]["application/json"]`;
  switch (op.input.kind) {
    case "none":
      return "Record<string, never>";
    case "query":
      return query;
    case "path":
      return path;
    case "body":
      return body;
    case "combined":
      return `{ query?: ${query}; path?: ${path}; body?: ${body} }`;
  }
}

function outputType(op: OperationModel, ref: string): string {
  if (!op.successStatus) return "void";
  return `${ref}["responses"][${op.successStatus}]["content"]["application/json"]`;
}
