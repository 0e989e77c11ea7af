import ts from "typescript";
import { inlineWebhookOperations } from "./emit-webhooks.ts";
import { generatedHeader } from "./header.ts";
import { hoistDeepSchemaRefs } from "./hoist-refs.ts";
import { isBinarySchema } from "./media.ts";
import { HTTP_METHODS, isRef, type OpenApiDocument, type ParameterObject, type SchemaObject } from "./openapi-types.ts";
import { astToString, transformBundledSpec } from "./openapi-typescript-core.ts";
import type { OperationModel } from "./operations.ts";

/**
 * `schema.gen.ts`: `paths`, `components` and `operations` from openapi-typescript's transform (see
 * openapi-typescript-core.ts), with these changes:
 * - a parameter given as `content: <media>` (e.g. Rocket.Chat's JSON query objects) is typed by its content schema,
 *   because callers pass the object and the runtime encodes it (openapi-typescript would say `string`);
 * - binary strings (`format: binary`, or 3.1 `contentMediaType`) are `Blob`, which is what the runtime returns for a
 *   binary response and what a multipart file field takes (openapi-typescript would say `string`);
 * - an operation without a {@link OperationModel.schemaKey} loses its operationId, so that it is typed under `paths`;
 * - so does every webhook operation: it is typed under `webhooks` (see emit-webhooks.ts);
 * - a schema that a `$ref` reaches by a deep pointer (`#/components/schemas/A/definitions/b`) is named in
 *   `components.schemas` (see hoist-refs.ts): openapi-typescript would index along the pointer, into no type.
 */
export function emitSchema(doc: OpenApiDocument, api: string, ops: OperationModel[]): string {
  const ast = transformBundledSpec(schemaInput(doc, ops) as never, blobForBinary);
  return `${generatedHeader(api)}\n${astToString(ast)}`;
}

/** The copy of the bundled spec that openapi-typescript types, with the changes listed above. */
export function schemaInput(doc: OpenApiDocument, ops: OperationModel[]): OpenApiDocument {
  const copy = structuredClone(doc);
  hoistDeepSchemaRefs(copy);
  liftContentParameters(copy);
  for (const op of ops) if (op.schemaKey === undefined) delete copy.paths[op.path]?.[op.method]?.operationId;
  inlineWebhookOperations(copy);
  return copy;
}

const BLOB = ts.factory.createTypeReferenceNode("Blob");

/** openapi-typescript's `transform` option: binary strings are `Blob`. */
export const blobForBinary = (schema: unknown) => (isBinarySchema(schema as SchemaObject) ? BLOB : undefined);

function liftContentParameters(doc: OpenApiDocument): void {
  const lift = (parameter: unknown) => {
    if (isRef(parameter) || typeof parameter !== "object" || parameter === null) return;
    const p = parameter as ParameterObject;
    const schema = Object.values(p.content ?? {})[0]?.schema;
    if (!schema) return;
    p.schema = schema;
    delete p.content;
  };
  for (const parameter of Object.values((doc.components?.parameters ?? {}) as Record<string, unknown>)) lift(parameter);
  for (const item of Object.values(doc.paths)) {
    for (const parameter of item?.parameters ?? []) lift(parameter);
    for (const method of HTTP_METHODS) for (const parameter of item?.[method]?.parameters ?? []) lift(parameter);
  }
}
