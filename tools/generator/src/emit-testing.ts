import { commentText, propertyKey, stringLiteral } from "./escape.ts";
import { generatedHeader } from "./header.ts";
import type { OpenApiDocument } from "./openapi-types.ts";
import type { OperationModel } from "./operations.ts";
import { defaultServer } from "./scaffold/default-server.ts";
import { testData } from "./test-data.ts";

/** Keys of the mock object itself; an operation of that name is keyed `<name>_`. */
const MOCK_OWN_KEYS = new Set(["handlers", "reset"]);

/** The key of each operation in the mock object: its method name, unless the mock itself uses that name. */
export function mockKeys(ops: OperationModel[]): Map<OperationModel, string> {
  return new Map(
    ops.map((op) => [op.name, op] as const).map(([name, op]) => [op, MOCK_OWN_KEYS.has(name) ? `${name}_` : name]),
  );
}

/**
 * `testing.gen.ts`: `create<Client>Mock(options?)`, the MSW mock of every operation, typed per operation
 * (`reply(body: <Op>Output)`, `replyError(status, <documented error bodies>)`, `calls[n].input: <Op>Input`), and its
 * data (examples, request body schemas, parameters) as one JSON string: spec text stays data, whatever it holds.
 */
export function emitTesting(
  doc: OpenApiDocument,
  ops: OperationModel[],
  api: string,
  clientName: string,
  runtimeName: string,
  typesName: string,
): string {
  const keys = mockKeys(ops);
  const server = defaultServer(doc);
  const baseUrl = server.url ?? server.example;
  const data = testData(doc, ops, keys);
  // One JSON.parse per operation keeps the file readable and reviewable in diffs.
  const dataEntries = ops.map((op) => {
    const key = keys.get(op) as string;
    return `    ${propertyKey(key)}: JSON.parse(${stringLiteral(JSON.stringify(data.operations[key]))}),`;
  });
  const mockType = `${clientName}Mock`;
  const schemaImports = ops.some((op) => op.schemaKey === undefined) ? "operations, paths" : "operations";
  const members = ops.map((op) => {
    const ref =
      op.schemaKey !== undefined
        ? `operations[${stringLiteral(op.schemaKey)}]`
        : `paths[${stringLiteral(op.path)}][${stringLiteral(op.method)}]`;
    const summary = typeof op.docs.summary === "string" ? commentText(op.docs.summary).split("\n")[0] : "";
    return [
      `  /** \`${op.method.toUpperCase()} ${commentText(op.path).replace(/\n/g, " ")}\`${summary ? `: ${summary}` : ""} */`,
      `  readonly ${propertyKey(keys.get(op) as string)}: OperationMock<T.${op.typeName}Input, T.${op.typeName}Output, ErrorBodyOf<${ref}>>;`,
    ].join("\n");
  });
  const entries = ops.map((op) => `    ${propertyKey(keys.get(op) as string)}: O.${op.descriptorName},`);
  return `${generatedHeader(api)}
import { createMock, type ErrorBodyOf, type MockBase, type MockOptions, type OperationMock } from "${runtimeName}/testing";
import * as O from "./operations.gen.ts";
import type { ${schemaImports} } from ${stringLiteral(typesName)};
import type * as T from ${stringLiteral(typesName)};

/** The client's default base URL (the spec's first server, its variables at their defaults). */
export const defaultMockBaseUrl = ${stringLiteral(baseUrl)};

/** Per operation: the answer (documented example, else sampled), the request body's JSON Schema, the parameters. */
const data = {
  operations: {
${dataEntries.join("\n")}
  },
  $defs: JSON.parse(${stringLiteral(JSON.stringify(data.$defs))}),
};

/** The MSW mock of every ${commentText(clientName)} operation: \`handlers\` for \`setupServer\`/\`setupWorker\`, per-operation overrides and recorded calls. */
export interface ${mockType} extends MockBase {
${members.join("\n")}
}

/**
 * MSW handlers answering every operation with its documented example, checking each request against the spec
 * (method, path, required parameters, body schema: 400 naming the problem) and recording it.
 */
export function create${mockType}(options?: MockOptions): ${mockType} {
  const descriptors = {
${entries.join("\n")}
  };
  return createMock({ baseUrl: defaultMockBaseUrl, operations: descriptors, data }, options) as unknown as ${mockType};
}
`;
}
