/**
 * What a consumer's code sees of each operation, as the generator derives it: the method name, its type names, the
 * keys of its one flat input, where the request body goes and what the method resolves to.
 *
 * The only module that knows the generator's model: spec-diff diffs this view, so a change of the generator's
 * shape changes this file and no other. `@chat-sdk/generator` is a workspace dependency (so Nx reruns spec-diff's
 * tests when the generator changes), imported by path because its entry point does not export `readOperations` and
 * loads openapi-typescript and TypeScript (about a second) that the changeset check does not need.
 */
import { type OperationModel, readOperations } from "@chat-sdk/generator/operations";
import { asObject, isObject, type Json } from "./compare.ts";
import type { SpecDocument } from "./load.ts";

export type FieldLocation = "path" | "query" | "header" | "cookie" | "body";

export interface ModelField {
  /** The key in the method's input. */
  key: string;
  in: FieldLocation;
  /** Wire name: the parameter's or the body field's name in the spec; "body" for a whole body. */
  name: string;
  /** The whole request body under one key (a non-object body): `in` is "body". */
  whole: boolean;
  /** A call that passes nothing for this key does not compile. */
  required: boolean;
  /**
   * Flattened body fields only: the body schema requires the field. A call that passes the (optional) body must
   * pass it, so adding such a field breaks callers even when `required` is false.
   */
  requiredInBody: boolean;
}

export interface ModelOperation {
  /** `POST /things`: how the raw diff names the operation. */
  key: string;
  /** The spec's operationId, or `<METHOD> <path>` without one: errors, logs and auth providers see it. */
  operationId: string;
  hasOperationId: boolean;
  /** Method name on the client. */
  name: string;
  /** Stem of the exported `<typeName>Input` and `<typeName>Output` types. */
  typeName: string;
  fields: ModelField[];
  body: { media: string[]; key: string | undefined; required: boolean } | undefined;
  response: { kind: "json" | "text" | "binary" | "none" };
}

export type Models = { ok: true; byKey: Map<string, ModelOperation> } | { ok: false; error: string };

/**
 * Every operation of a bundled, dereferenced document, by `<METHOD> <path>`; `ok: false` when the generator refuses
 * the document (the caller then classifies from the spec alone).
 *
 * The client name only reserves `<ClientName>Operations` as a method name; it is left empty here, a method of that
 * exact name being the one case where spec-diff and the generator could disagree.
 */
export function readModels(doc: SpecDocument): Models {
  let operations: OperationModel[];
  try {
    operations = readOperations(doc as unknown as Parameters<typeof readOperations>[0], "spec");
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const byKey = new Map<string, ModelOperation>();
  for (const op of operations) {
    const key = `${op.method.toUpperCase()} ${op.path}`;
    const requiredInSchema = bodySchemaRequired(doc, op);
    const body = op.body ? { media: [...op.body.media], key: op.body.key, required: op.body.required } : undefined;
    byKey.set(key, {
      key,
      operationId: op.operationId,
      hasOperationId: op.hasOperationId,
      name: op.name,
      typeName: op.typeName,
      fields: op.fields.map((field) => {
        const whole = field.in === "body" && body?.key !== undefined && field.key === body.key;
        const flattened = field.in === "body" && !whole;
        const requiredInBody = flattened && (field.required || requiredInSchema.has(field.name));
        return {
          key: field.key,
          in: field.in,
          name: field.name,
          whole,
          required: flattened ? requiredInBody && body?.required === true : field.required,
          requiredInBody,
        };
      }),
      body,
      response: { kind: resolvesTo(op) },
    });
  }
  return { ok: true, byKey };
}

/** Names the default media type's body schema requires, through allOf members (what the generated type requires). */
function bodySchemaRequired(doc: SpecDocument, op: OperationModel): Set<string> {
  const names = new Set<string>();
  const media = op.body?.media[0];
  if (media === undefined || op.body?.key !== undefined) return names;
  const operation = asObject(asObject(asObject(doc.paths)[op.path])[op.method]);
  const schema = asObject(asObject(asObject(operation.requestBody).content)[media]).schema;
  const seen = new Set<unknown>();
  const collect = (value: unknown) => {
    if (!isObject(value) || seen.has(value)) return;
    seen.add(value);
    for (const name of Array.isArray(value.required) ? value.required : []) names.add(String(name));
    for (const member of Array.isArray(value.allOf) ? value.allOf : []) collect(member as Json);
  };
  collect(schema);
  return names;
}

/** What the method resolves to, by the first success documented with content (the runtime's read mode aside). */
function resolvesTo(op: OperationModel): "json" | "text" | "binary" | "none" {
  const value = op.response.variants.find((variant) => variant.value !== undefined)?.value;
  return value === undefined ? "none" : value === "schema" ? "json" : value === "string" ? "text" : "binary";
}
