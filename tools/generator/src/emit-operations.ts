import { generatedHeader } from "./header.ts";
import { operationJsdoc } from "./jsdoc.ts";
import type { OperationModel } from "./operations.ts";

/**
 * `operations.gen.ts`: one standalone, tree-shakeable function per operation, an interface of the same methods
 * (with the same JSDoc) and `bindOperations`, which turns a runtime client into that interface.
 */
export function emitOperations(ops: OperationModel[], api: string, clientName: string, runtimeName: string): string {
  const names = new Map(ops.map((op) => [op.operationId, op.name]));
  const out: string[] = [
    generatedHeader(api),
    `import type { ApiClient, CallOptions, OperationDescriptor } from "${runtimeName}";`,
    'import type { paths } from "./schema.gen.ts";',
    'import type * as T from "./types.gen.ts";',
    "",
    "/** The runtime client every operation runs on. */",
    "export type Client = ApiClient<paths>;",
    "",
  ];
  for (const op of ops) {
    out.push(`/** Method, path and encoding of \`${op.operationId}\`. */`);
    out.push(`export const ${op.name}Operation: OperationDescriptor = ${descriptor(op)};`);
    out.push("");
    out.push(operationJsdoc(op, "", names));
    out.push(`export function ${op.name}(client: Client${params(op, true)}): Promise<T.${op.typeName}Output> {`);
    out.push(`  return client.call(${op.name}Operation, ${callInput(op)}, options);`);
    out.push("}");
    out.push("");
  }
  out.push(`/** Every operation of the API as a method. */`);
  out.push(`export interface ${clientName}Operations {`);
  for (const op of ops) {
    out.push(operationJsdoc(op, "  ", names));
    out.push(`  ${op.name}(${params(op, false)}): Promise<T.${op.typeName}Output>;`);
  }
  out.push("}");
  out.push("");
  out.push("/** Every operation descriptor by method name, in spec order. */");
  out.push(`export const allOperations: Readonly<Record<keyof ${clientName}Operations, OperationDescriptor>> = {`);
  for (const op of ops) out.push(`  ${op.name}: ${op.name}Operation,`);
  out.push("};");
  out.push("");
  out.push(`/** Binds every operation to one runtime client. */`);
  out.push(`export function bindOperations(client: Client): ${clientName}Operations {`);
  out.push("  return {");
  for (const op of ops) {
    const args = op.input.kind === "none" ? "options" : "input, options";
    out.push(`    ${op.name}: (${args}) => ${op.name}(client, ${args}),`);
  }
  out.push("  };");
  out.push("}");
  return `${out.join("\n")}\n`;
}

function descriptor(op: OperationModel): string {
  const json = op.jsonQuery.length > 0 ? `, jsonQuery: ${JSON.stringify(op.jsonQuery)}` : "";
  return `{ id: ${JSON.stringify(op.operationId)}, method: "${op.method}", path: ${JSON.stringify(op.path)}${json} }`;
}

function params(op: OperationModel, leadingComma: boolean): string {
  const list: string[] = [];
  if (op.input.kind !== "none") list.push(`input${op.input.required ? "" : "?"}: T.${op.typeName}Input`);
  list.push("options?: CallOptions");
  const text = list.join(", ");
  return leadingComma ? `, ${text}` : text;
}

function callInput(op: OperationModel): string {
  switch (op.input.kind) {
    case "none":
      return "{}";
    case "query":
      return "{ query: input }";
    case "path":
      return "{ path: input }";
    case "body":
      // Optional bodies still go out as `{}`: every documented call sends a JSON object.
      return op.input.required ? "{ body: input }" : "{ body: input ?? {} }";
    case "combined":
      return "input";
  }
}
