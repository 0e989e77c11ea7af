/**
 * The one flat input of a generated method: every parameter (path, query, header, cookie) and every field of an
 * object body is a key of the same object; any other body travels under the fixed key `body`.
 *
 * Stability is the point: adding an optional parameter or body field anywhere adds a key and changes no other.
 * When two locations use the same name, the first of path > body > query > header > cookie keeps it and the others
 * are renamed `<location><Name>` (`queryId`, `headerXRequestId`), numbered if that is taken too.
 */

import { mediaKind, objectProperties, orderRequestMedia, valueKind } from "./media.ts";
import { capitalize, pascalCase } from "./naming.ts";
import {
  deref,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type PathItem,
  type RequestBodyObject,
  type SchemaObject,
} from "./openapi-types.ts";

export type Location = "path" | "query" | "header" | "cookie";

export interface InputField {
  /** The key in the method's input. */
  key: string;
  in: Location | "body";
  /** Wire name: the parameter's or body field's name in the spec ("body" for a whole body). */
  name: string;
  required: boolean;
}

export interface ParamModel extends InputField {
  in: Location;
  /** Only when not the location's default (path/header: simple, query/cookie: form). */
  style?: string;
  /** Only when not the style's default (form: true, others: false). */
  explode?: boolean;
  /** `content: application/json` (or another JSON media type): sent JSON-encoded. */
  json: boolean;
}

export interface BodyModel {
  /** Media types the operation accepts, the default first. */
  media: string[];
  /** `body` when the whole body is one input key; undefined when its fields are flattened into the input. */
  key: string | undefined;
  required: boolean;
  /** How the input type is written: the schema's type, a string or binary data. */
  value: "schema" | "string" | "blob";
  /** Fields of a flattened body with their input keys (renamed only when a path parameter has the same name). */
  fields: InputField[];
  /** Whether the body's schema requires fields (the caller must then pass them whenever it sends the body). */
  schemaRequiresFields: boolean;
  /** Whether a caller must pass at least one key for the body (required body with required fields). */
  hasRequiredFields: boolean;
}

const ORDER: Location[] = ["path", "query", "header", "cookie"];
const DEFAULT_STYLE: Record<Location, string> = { path: "simple", query: "form", header: "simple", cookie: "form" };

/** Path-item parameters apply unless the operation redefines the same name and location. */
export function operationParameters(
  doc: OpenApiDocument,
  item: PathItem,
  operation: OperationObject,
): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  for (const p of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = deref<ParameterObject>(doc, p);
    if (parameter && typeof parameter.name === "string") byKey.set(`${parameter.in} ${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

export function readInput(doc: OpenApiDocument, parameters: ParameterObject[], operation: OperationObject) {
  const body = readBody(doc, operation);
  // `__proto__` as a key of an object literal would set its prototype, not a property: never hand it out.
  const taken = new Set<string>(["__proto__"]);
  const claim = (name: string, location: string) => {
    let key = taken.has(name) ? `${location}${capitalize(pascalCase(name) || "Param")}` : name;
    for (let n = 2; taken.has(key); n++) key = `${location}${capitalize(pascalCase(name) || "Param")}${n}`;
    taken.add(key);
    return key;
  };
  const params: ParamModel[] = [];
  const inLocation = (location: Location) => parameters.filter((p) => p.in === location);
  for (const p of inLocation("path")) params.push(paramModel(p, claim(p.name, "path")));
  if (body) {
    if (body.key) body.key = claim("body", "body");
    else for (const field of body.fields) field.key = claim(field.name, "body");
  }
  for (const location of ORDER.slice(1)) {
    for (const p of inLocation(location)) params.push(paramModel(p, claim(p.name, location)));
  }
  return { params, body };
}

function paramModel(p: ParameterObject, key: string): ParamModel {
  const location = p.in as Location;
  const model: ParamModel = {
    key,
    in: location,
    name: p.name,
    required: location === "path" || p.required === true,
    json: Object.keys(p.content ?? {}).some((media) => mediaKind(media) === "json"),
  };
  const style = typeof p.style === "string" ? p.style : DEFAULT_STYLE[location];
  if (style !== DEFAULT_STYLE[location]) model.style = style;
  if (typeof p.explode === "boolean" && p.explode !== (style === "form")) model.explode = p.explode;
  return model;
}

function readBody(doc: OpenApiDocument, operation: OperationObject): BodyModel | undefined {
  if (!operation.requestBody) return undefined;
  const body = deref<RequestBodyObject>(doc, operation.requestBody);
  const content = body?.content ?? {};
  const media = orderRequestMedia(Object.keys(content));
  const first = media[0];
  if (first === undefined) return undefined;
  const schema = content[first]?.schema;
  const required = body.required === true;
  const value = valueKind(doc, first, schema);
  const kind = mediaKind(first);
  const properties = value === "schema" && kind !== "xml" ? objectProperties(doc, schema) : undefined;
  if (!properties) {
    return {
      media,
      key: "body",
      required,
      value,
      fields: [],
      schemaRequiresFields: false,
      hasRequiredFields: required,
    };
  }
  const resolved = schema ? deref<SchemaObject>(doc, schema) : undefined;
  const requiredNames = new Set(Array.isArray(resolved?.required) ? resolved.required : []);
  return {
    media,
    key: undefined,
    required,
    value,
    fields: properties.map((name) => ({ key: name, in: "body", name, required: required && requiredNames.has(name) })),
    schemaRequiresFields: bodyHasRequiredFields(resolved),
    hasRequiredFields: required && bodyHasRequiredFields(resolved),
  };
}

/** A flattened body is optional for the caller when its schema requires no property (we then send `{}`). */
function bodyHasRequiredFields(schema: SchemaObject | undefined): boolean {
  if (!schema) return false;
  // Composed bodies: we cannot tell cheaply, so the caller must pass one.
  if (schema.allOf || schema.oneOf || schema.anyOf) return true;
  return (schema.required?.length ?? 0) > 0;
}
