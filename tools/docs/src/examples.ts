/**
 * The values of a sample call, from the spec: the request body's example (media type `example`, else the first of
 * `examples`, else the schema's `example`), each parameter's `example` / `examples` / schema example, and for what
 * has none, a value derived from the schema by openapi-sampler (required fields only, so it stays short).
 */
import {
  deref,
  type OpenApiDocument,
  type OperationModel,
  operationParameters,
  type ParameterObject,
  type RequestBodyObject,
  type SchemaObject,
} from "@chat-sdk/generator/docs";
import { sample } from "openapi-sampler";
import { Code } from "./literal.ts";

/** Input key -> value of a sample call; empty when the operation takes no input. */
export function sampleInput(doc: OpenApiDocument, op: OperationModel): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const body = op.body;
  const media = body
    ? deref<RequestBodyObject>(doc, op.docs.requestBody ?? {}).content?.[body.media[0] ?? ""]
    : undefined;
  const bodySchema = media?.schema ? deref<SchemaObject>(doc, media.schema) : undefined;
  const bodyExample = firstExample(doc, media as Record<string, unknown> | undefined) ?? bodySchema?.example;

  if (body?.key) {
    if (body.value === "blob") {
      input[body.key] = BLOB; // binary data has no literal: an empty Blob shows the call's shape
      return withParams(doc, op, input);
    }
    const value = bodyExample ?? (body.required ? sampleOf(doc, bodySchema) : undefined);
    if (value !== undefined) input[body.key] = body.value === "string" ? String(value) : value;
  } else if (body) {
    const example = isRecord(bodyExample) ? bodyExample : undefined;
    const properties = (bodySchema?.properties ?? {}) as Record<string, unknown>;
    for (const field of body.fields) {
      if (example && Object.hasOwn(example, field.name)) input[field.key] = example[field.name];
      else if (field.required) input[field.key] = sampleOf(doc, properties[field.name] as SchemaObject | undefined);
    }
  }

  return withParams(doc, op, input);
}

function withParams(doc: OpenApiDocument, op: OperationModel, input: Record<string, unknown>): Record<string, unknown> {
  const item = (doc.paths[op.path] ?? {}) as Parameters<typeof operationParameters>[1];
  const parameters = operationParameters(doc, item, op.docs);
  for (const param of op.params) {
    const spec = parameters.find((p) => p.name === param.name && p.in === param.in);
    const value = spec ? parameterExample(doc, spec) : undefined;
    if (value !== undefined) input[param.key] = value;
    else if (param.required)
      input[param.key] = sampleOf(doc, spec?.schema ?? spec?.content?.[Object.keys(spec.content)[0] ?? ""]?.schema);
  }
  return input;
}

function parameterExample(doc: OpenApiDocument, param: ParameterObject): unknown {
  const own = firstExample(doc, param as unknown as Record<string, unknown>);
  if (own !== undefined) return own;
  const schema = param.schema ? deref<SchemaObject>(doc, param.schema) : undefined;
  if (schema?.example !== undefined) return schema.example;
  return Array.isArray(schema?.examples) ? schema.examples[0] : undefined;
}

/** `example`, else the value of the first entry of `examples` (Example Objects may be refs). */
function firstExample(doc: OpenApiDocument, holder: Record<string, unknown> | undefined): unknown {
  if (!holder) return undefined;
  if (holder.example !== undefined) return holder.example;
  const examples = holder.examples;
  if (!isRecord(examples)) return undefined;
  const first = Object.values(examples)[0];
  return first === undefined ? undefined : deref<{ value?: unknown }>(doc, first as { value?: unknown })?.value;
}

const BLOB = new Code("new Blob([])");

/** A value derived from the schema; binary strings (files) become an empty Blob, which the input types expect. */
function sampleOf(doc: OpenApiDocument, schemaOrRef: SchemaObject | undefined): unknown {
  if (!schemaOrRef) return undefined;
  const schema = deref<SchemaObject>(doc, schemaOrRef);
  if (schema.format === "binary") return BLOB;
  const items = schema.items ? deref<SchemaObject>(doc, schema.items as SchemaObject) : undefined;
  if (schema.type === "array" && items?.format === "binary") return [BLOB];
  return sample(schema as never, { skipReadOnly: true, skipNonRequired: true, quiet: true }, doc);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
