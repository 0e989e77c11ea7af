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
    ops.some((op) => op.pagination)
      ? `import { type ApiClient, type CallOptions, type OperationDescriptor, paginateOffset } from "${runtimeName}";`
      : `import type { ApiClient, CallOptions, OperationDescriptor } from "${runtimeName}";`,
    'import type { paths } from "./schema.gen.ts";',
    'import type * as T from "./types.gen.ts";',
    "",
    "/** The runtime client every operation runs on. */",
    "export type Client = ApiClient<paths>;",
    "",
    "// What users of this package need from the runtime, re-exported so that they never import it themselves.",
    "export {",
    "  AbortError,",
    "  ApiError,",
    "  AuthError,",
    "  ChatSdkError,",
    "  ConnectionError,",
    "  ResponseParseError,",
    "  splitBatchResults,",
    "  TimeoutError,",
    `} from "${runtimeName}";`,
    `export type { CallOptions, LogEntry, Middleware, RetryOptions } from "${runtimeName}";`,
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
    if (op.pagination) out.push(...paginator(op));
  }
  out.push(`/** Every operation of the API as a method. */`);
  out.push(`export interface ${clientName}Operations {`);
  for (const op of ops) {
    out.push(operationJsdoc(op, "  ", names));
    out.push(`  ${op.name}(${params(op, false)}): Promise<T.${op.typeName}Output>;`);
  }
  const paginated = ops.filter((op) => op.pagination);
  if (paginated.length > 0) {
    out.push("  /** Async iterators over every item of the paginated operations, page after page until `total`. */");
    out.push("  readonly paginate: {");
    for (const op of paginated) out.push(`    ${op.name}(${params(op, false)}): AsyncGenerator<T.${op.typeName}Item>;`);
    out.push("  };");
  }
  out.push("}");
  out.push("");
  out.push("/** Every operation descriptor by method name, in spec order. */");
  out.push(
    `export const allOperations: Readonly<Record<Exclude<keyof ${clientName}Operations, "paginate">, OperationDescriptor>> = {`,
  );
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
  if (paginated.length > 0) {
    out.push("    paginate: {");
    for (const op of paginated)
      out.push(`      ${op.name}: (input, options) => ${paginatorName(op)}(client, input, options),`);
    out.push("    },");
  }
  out.push("  };");
  out.push("}");
  return `${out.join("\n")}\n`;
}

function descriptor(op: OperationModel): string {
  const json = op.jsonQuery.length > 0 ? `, jsonQuery: ${JSON.stringify(op.jsonQuery)}` : "";
  const id = JSON.stringify(op.operationId);
  return `{ id: ${id}, method: "${op.method}", path: ${JSON.stringify(op.path)}${json}, idempotent: ${op.idempotent} }`;
}

function paginatorName(op: OperationModel): string {
  return `paginate${op.typeName}`;
}

/** An async generator over every item of an offset/count/total operation, starting at `input.offset`. */
function paginator(op: OperationModel): string[] {
  const { items, total } = op.pagination as { items: string; total: string };
  return [
    `/** Every item of {@link ${op.name}}, fetching page after page (of \`count\` items) until \`${total}\`. */`,
    `export function ${paginatorName(op)}(client: Client${params(op, true)}): AsyncGenerator<T.${op.typeName}Item> {`,
    "  return paginateOffset(async (offset) => {",
    `    const page = await ${op.name}(client, { ...input, offset }, options);`,
    `    return { items: page[${JSON.stringify(items)}], total: page[${JSON.stringify(total)}] };`,
    "  }, input?.offset ?? 0);",
    "}",
    "",
  ];
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
