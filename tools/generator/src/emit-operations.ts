import { propertyKey, stringLiteral } from "./escape.ts";
import { generatedHeader } from "./header.ts";
import { codeSpan, jsdocBlock, operationJsdoc } from "./jsdoc.ts";
import type { OperationModel, ParamModel } from "./operations.ts";

/** What operations.gen.ts re-exports from the runtime, for users of the package. */
const RUNTIME_VALUES = [
  "AbortError",
  "ApiError",
  "AuthError",
  "ChatSdkError",
  "ConnectionError",
  "InvalidInputError",
  "ResponseParseError",
  "ResponseTooLargeError",
  "splitBatchResults",
  "TimeoutError",
];
const RUNTIME_TYPES = ["BinaryBody", "CallOptions", "LogEntry", "Middleware", "RetryOptions"];

/**
 * Every name operations.gen.ts exports. The package's index re-exports it and types.gen.ts with `export *`, so a
 * schema type may not take one of them (the two exports would be ambiguous, and neither would be exported).
 */
export function operationsFileExports(ops: OperationModel[], clientName: string): string[] {
  const perOperation = ops.flatMap((op) => [
    op.name,
    op.descriptorName,
    ...(op.paginatorName ? [op.paginatorName] : []),
  ]);
  const own = ["Client", `${clientName}Operations`, "allOperations", "jsonQueryOperations", "bindOperations"];
  return [...RUNTIME_VALUES, ...RUNTIME_TYPES, ...own, ...perOperation];
}

/**
 * `operations.gen.ts`: one standalone, tree-shakeable function per operation, an interface of the same methods
 * (with the same JSDoc) and `bindOperations`, which turns a runtime client into that interface. Every name comes
 * from the operation model (unique, never reserved); every spec string goes through escape.ts.
 */
export function emitOperations(
  ops: OperationModel[],
  api: string,
  clientName: string,
  runtimeName: string,
  typesName: string,
): string {
  const names = new Map(ops.map((op) => [op.operationId, op.name]));
  const runtime = stringLiteral(runtimeName);
  const values = [
    "bindDescriptors",
    ...(ops.some(needsEncoder) ? ["encodeRequest"] : []),
    ...(ops.some((op) => op.pagination) ? ["paginateOffset"] : []),
  ];
  const out: string[] = [
    generatedHeader(api),
    `import { type ApiClient, type CallOptions, type OperationDescriptor, ${values.join(", ")} } from ${runtime};`,
    // The types live in the API's types package (one copy, shared with its users), never in this file's package.
    `import type { paths } from ${stringLiteral(typesName)};`,
    `import type * as T from ${stringLiteral(typesName)};`,
    "",
    "/** The runtime client every operation runs on. */",
    "export type Client = ApiClient<paths>;",
    "",
    "// What users of this package need from the runtime, re-exported so that they never import it themselves.",
    "export {",
    ...RUNTIME_VALUES.map((name) => `  ${name},`),
    `} from ${runtime};`,
    `export type { ${RUNTIME_TYPES.join(", ")} } from ${runtime};`,
    "",
  ];
  for (const op of ops) {
    out.push(jsdocBlock([`Method, path and encoding of ${codeSpan(op.operationId)}.`]));
    out.push(`export const ${op.descriptorName}: OperationDescriptor = ${descriptor(op)};`);
    out.push("");
    out.push(operationJsdoc(op, "", names));
    out.push(`export function ${op.name}(client: Client, ${params(op)}): Promise<T.${op.typeName}Output> {`);
    out.push(`  return client.call(${op.descriptorName}, ${callInput(op)}, options);`);
    out.push("}");
    out.push("");
    if (op.pagination) out.push(...paginator(op));
  }
  out.push(`/** Every operation of the API as a method. */`);
  out.push(`export interface ${clientName}Operations {`);
  for (const op of ops) {
    out.push(operationJsdoc(op, "  ", names));
    out.push(`  ${op.name}(${params(op)}): Promise<T.${op.typeName}Output>;`);
  }
  const paginated = ops.filter((op) => op.pagination);
  if (paginated.length > 0) {
    out.push("  /** Async iterators over every item of the paginated operations, page after page until `total`. */");
    out.push("  readonly paginate: {");
    for (const op of paginated) out.push(`    ${op.name}(${params(op)}): AsyncGenerator<T.${op.typeName}Item>;`);
    out.push("  };");
  }
  out.push("}");
  out.push("");
  out.push("/** Every operation descriptor by method name, in spec order. */");
  out.push(
    `export const allOperations: Readonly<Record<Exclude<keyof ${clientName}Operations, "paginate">, OperationDescriptor>> = {`,
  );
  for (const op of ops) out.push(`  ${op.name}: ${op.descriptorName},`);
  out.push("};");
  out.push("");
  // What the path-level raw client needs to send these parameters as the spec says: a short list, so that a bundle
  // with the raw client does not carry every descriptor.
  const jsonQuery = ops.filter((op) => op.params.some((p) => p.in === "query" && p.json));
  out.push(
    "/** The operations with JSON-encoded query parameters (`content: application/json`), for the raw client. */",
  );
  out.push(
    `export const jsonQueryOperations: readonly OperationDescriptor[] = [${jsonQuery.map((op) => op.descriptorName).join(", ")}];`,
  );
  out.push("");
  // Bound from the descriptors, not from the standalone functions: a bundle of the whole client carries each
  // operation once (its descriptor), and the functions only when they are imported.
  out.push(`/** Binds every operation to one runtime client. */`);
  out.push(`export function bindOperations(client: Client): ${clientName}Operations {`);
  if (paginated.length === 0) {
    out.push(`  return bindDescriptors<${clientName}Operations>(client, allOperations);`);
  } else {
    out.push("  return {");
    out.push(`    ...bindDescriptors<Omit<${clientName}Operations, "paginate">>(client, allOperations),`);
    out.push("    paginate: {");
    for (const op of paginated)
      out.push(`      ${op.name}: (input, options) => ${op.paginatorName}(client, input, options),`);
    out.push("    },");
    out.push("  };");
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}

/** The runtime's recipe for one call: where each input key goes, how the body is encoded, how to read the answer. */
function descriptor(op: OperationModel): string {
  const parts = [
    `id: ${stringLiteral(op.operationId)}`,
    `method: ${stringLiteral(op.method)}`,
    `path: ${stringLiteral(op.path)}`,
  ];
  if (op.params.length > 0) parts.push(`params: { ${op.params.map(paramSpec).join(", ")} }`);
  const body = op.body;
  if (body) {
    const spec: string[] = [];
    if (body.media.length !== 1 || body.media[0] !== "application/json") {
      spec.push(`media: [${body.media.map(stringLiteral).join(", ")}]`);
    }
    if (body.key) spec.push(`key: ${stringLiteral(body.key)}`);
    if (body.required) spec.push("required: true");
    const renamed = body.fields.filter((field) => field.key !== field.name);
    if (renamed.length > 0) {
      spec.push(`names: { ${renamed.map((f) => `${propertyKey(f.key)}: ${stringLiteral(f.name)}`).join(", ")} }`);
    }
    parts.push(`body: { ${spec.join(", ")} }`.replace("{  }", "{}"));
  }
  if (op.response.kind !== "json") parts.push(`response: "${op.response.kind}"`);
  if (op.response.accept) parts.push(`accept: ${stringLiteral(op.response.accept)}`);
  // Only when the spec says otherwise than the method does (RFC 9110: all but POST and PATCH), as the runtime assumes.
  if (op.idempotent !== !/^p(ost|atch)$/.test(op.method)) parts.push(`idempotent: ${op.idempotent}`);
  if (!hasInput(op)) parts.push("noInput: true");
  if (needsEncoder(op)) parts.push("encode: encodeRequest");
  return `{ ${parts.join(", ")} }`;
}

/** The runtime's own JSON test (`[/+]json`): what it sends without an encoder. */
const SENT_AS_JSON = /[/+]json\b/i;

/** Parameters or a body that may be sent as something else than JSON need the runtime's `encodeRequest`. */
function needsEncoder(op: OperationModel): boolean {
  return op.params.length > 0 || (op.body?.media.some((media) => !SENT_AS_JSON.test(media)) ?? false);
}

function paramSpec(p: ParamModel): string {
  const spec = [`in: "${p.in}"`];
  if (p.key !== p.name) spec.push(`name: ${stringLiteral(p.name)}`);
  if (p.style) spec.push(`style: ${stringLiteral(p.style)}`);
  if (p.explode !== undefined) spec.push(`explode: ${p.explode}`);
  if (p.json) spec.push("json: true");
  return `${propertyKey(p.key)}: { ${spec.join(", ")} }`;
}

/** An operation with a body takes an input even when the body has no fields (an empty object is still sent). */
function hasInput(op: OperationModel): boolean {
  return op.fields.length > 0 || op.body !== undefined;
}

/** `input: T.XInput, options?: CallOptions` (the caller may pick a request media type when there are several). */
function params(op: OperationModel): string {
  const list: string[] = [];
  if (hasInput(op)) list.push(`input${op.inputRequired ? "" : "?"}: T.${op.typeName}Input`);
  const media = op.body && op.body.media.length > 1 ? `<${op.body.media.map(stringLiteral).join(" | ")}>` : "";
  list.push(`options?: CallOptions${media}`);
  return list.join(", ");
}

function callInput(op: OperationModel): string {
  if (!hasInput(op)) return "{}";
  return op.inputRequired ? "input" : "input ?? {}";
}

/** An async generator over every item of an offset/count/total operation, starting at `input.offset`. */
function paginator(op: OperationModel): string[] {
  const { items, total } = op.pagination as { items: string; total: string };
  return [
    jsdocBlock([`Every item of {@link ${op.name}}, fetching page after page (of \`count\` items) until \`${total}\`.`]),
    `export function ${op.paginatorName}(client: Client, ${params(op)}): AsyncGenerator<T.${op.typeName}Item> {`,
    "  return paginateOffset(async (offset) => {",
    `    const page = await ${op.name}(client, { ...input, offset }, options);`,
    `    return { items: page[${stringLiteral(items)}], total: page[${stringLiteral(total)}] };`,
    "  }, input?.offset ?? 0);",
    "}",
    "",
  ];
}
