/**
 * The data of testing.gen.ts, per operation: the answer of the mock (the spec's example, else a sampled one), the
 * request body's JSON Schema and the parameters' requiredness and types. Plain JSON, emitted through JSON.parse.
 */
import { sample } from "openapi-sampler";
import { operationParameters } from "./input-model.ts";
import { deref, type OpenApiDocument, type ResponseObject, type SchemaObject } from "./openapi-types.ts";
import type { OperationModel } from "./operations.ts";
import { setOwn, toJsonSchema } from "./test-schema.ts";

export interface TestData {
  operations: Record<string, OperationData>;
  $defs: Record<string, unknown>;
}

interface OperationData {
  status: number;
  example?: unknown;
  contentType?: string;
  /** Documented error answers by status key ("401", "4XX", "default"): the example (or a sampled one). */
  errors?: Record<string, unknown>;
  body?: unknown;
  params?: Record<string, { required?: boolean; type?: string }>;
}

type MediaObject = { schema?: SchemaObject; example?: unknown; examples?: Record<string, unknown> };

export function testData(doc: OpenApiDocument, ops: OperationModel[], keys: Map<OperationModel, string>): TestData {
  const defs = new Map<string, unknown>();
  const operations: Record<string, OperationData> = {};
  for (const op of ops) {
    const data: OperationData = { ...successAnswer(doc, op) };
    const errors = errorExamples(doc, op);
    if (Object.keys(errors).length > 0) data.errors = errors;
    const body = requestBodySchema(doc, op);
    if (body) data.body = toJsonSchema(doc, body, defs);
    const params = paramData(doc, op);
    if (Object.keys(params).length > 0) data.params = params;
    operations[keys.get(op) as string] = data;
  }
  const $defs = Object.fromEntries([...defs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { operations, $defs };
}

/** The first documented 2xx: its status, media type and example (media example(s), schema example, sampled). */
function successAnswer(doc: OpenApiDocument, op: OperationModel): Omit<OperationData, "body" | "params" | "errors"> {
  const variant = op.response.variants[0];
  const status = variant && /^\d+$/.test(variant.status) ? Number(variant.status) : 200;
  if (!variant?.media) return { status };
  const response = deref<ResponseObject | undefined>(doc, op.docs.responses?.[variant.status]);
  const media = (response?.content?.[variant.media] ?? {}) as MediaObject;
  return { status, contentType: variant.media, example: exampleOf(doc, media) };
}

function errorExamples(doc: OpenApiDocument, op: OperationModel): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (const [status, value] of Object.entries(op.docs.responses ?? {})) {
    if (/^[23]/.test(status)) continue;
    const content = deref<ResponseObject>(doc, value)?.content ?? {};
    const media = Object.keys(content).find((type) => /[/+]json$/i.test(type.split(";")[0] as string));
    if (media) setOwn(errors, status, exampleOf(doc, content[media] as MediaObject));
  }
  return errors;
}

function exampleOf(doc: OpenApiDocument, media: MediaObject): unknown {
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  const named = first === undefined ? undefined : deref<{ value?: unknown }>(doc, first as { value?: unknown });
  if (named?.value !== undefined) return named.value;
  const schema = deref<SchemaObject>(doc, media.schema as SchemaObject);
  if (schema?.example !== undefined) return schema.example;
  if (!schema) return undefined;
  try {
    return sample(schema as never, { skipReadOnly: false, quiet: true }, doc);
  } catch {
    // A schema the sampler cannot follow still gets an answer the test can replace with `reply`.
    return {};
  }
}

/** The JSON body's schema (only JSON bodies are validated by the mock). */
function requestBodySchema(doc: OpenApiDocument, op: OperationModel): SchemaObject | undefined {
  const media = op.body?.media[0];
  if (!media || !/[/+]json$/i.test(media.split(";")[0] as string)) return undefined;
  const body = deref<{ content?: Record<string, MediaObject> }>(doc, op.docs.requestBody as never);
  return body?.content?.[media]?.schema;
}

function paramData(doc: OpenApiDocument, op: OperationModel): NonNullable<OperationData["params"]> {
  const declared = operationParameters(doc, doc.paths[op.path] ?? {}, op.docs);
  const params: NonNullable<OperationData["params"]> = {};
  for (const param of op.params) {
    const spec = declared.find((p) => p.in === param.in && p.name === param.name);
    const type = jsonType(deref<SchemaObject>(doc, spec?.schema as SchemaObject));
    const entry: { required?: boolean; type?: string } = {};
    if (param.required) entry.required = true;
    if (type && type !== "string") entry.type = type;
    setOwn(params, param.key, entry);
  }
  return params;
}

function jsonType(schema: SchemaObject | undefined): string | undefined {
  const type = Array.isArray(schema?.type) ? schema.type.find((t: unknown) => t !== "null") : schema?.type;
  return typeof type === "string" ? type : undefined;
}
