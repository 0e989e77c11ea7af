/**
 * Media types, as the generator sorts them: what a request body is encoded as and what a response is read as.
 * The runtime makes the same distinctions at call time (packages/runtime), from the descriptor and `Content-Type`.
 */
import { deref, type OpenApiDocument, type RefObject, type SchemaObject } from "./openapi-types.ts";

export type MediaKind = "json" | "form" | "multipart" | "text" | "xml" | "binary";

export function mediaKind(media: string): MediaKind {
  const type = media.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json" || type.endsWith("+json") || type === "*/*" || type === "application/*")
    return "json";
  if (type === "application/x-www-form-urlencoded") return "form";
  if (type === "multipart/form-data" || type.startsWith("multipart/")) return "multipart";
  if (type.startsWith("text/")) return type.includes("xml") ? "xml" : "text";
  if (type.endsWith("/xml") || type.endsWith("+xml")) return "xml";
  return "binary";
}

/** Preference when an operation lists several request media types: the first kind here wins, then spec order. */
const REQUEST_ORDER: MediaKind[] = ["json", "form", "multipart", "text", "binary", "xml"];
/** Preference for responses: structured data first, then text, then bytes. */
const RESPONSE_ORDER: MediaKind[] = ["json", "text", "xml", "binary"];

function rank(media: string, order: MediaKind[]): number {
  const type = media.toLowerCase();
  // An exact `application/json` beats `application/vnd.x+json`, which beats a wildcard.
  const exact = type === "application/json" ? 0 : type.includes("*") ? 2 : 1;
  return order.indexOf(mediaKind(media)) * 3 + exact;
}

/** The media types in the order the generated code offers them: the default first. */
export function orderRequestMedia(media: string[]): string[] {
  return media
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m, REQUEST_ORDER) - rank(b.m, REQUEST_ORDER) || a.i - b.i)
    .map(({ m }) => m);
}

export function preferredResponseMedia(media: string[]): string | undefined {
  return [...media].sort((a, b) => rank(a, RESPONSE_ORDER) - rank(b, RESPONSE_ORDER))[0];
}

/** `type: string, format: binary` (3.0) or a string with a `contentMediaType` and no `contentEncoding` (3.1). */
export function isBinarySchema(schema: SchemaObject | undefined): boolean {
  if (!schema) return false;
  if (schema.format === "binary") return true;
  return (
    typeof schema.contentMediaType === "string" && schema.contentEncoding === undefined && schema.type !== "object"
  );
}

/** What a body or response of this media type and schema is in TypeScript, as the runtime hands it over. */
export type ValueKind = "schema" | "string" | "blob";

export function valueKind(
  doc: OpenApiDocument,
  media: string,
  schema: SchemaObject | RefObject | undefined,
): ValueKind {
  const kind = mediaKind(media);
  const resolved = schema ? deref<SchemaObject>(doc, schema) : undefined;
  if (isBinarySchema(resolved)) return "blob";
  if (kind === "json" || kind === "form" || kind === "multipart") return "schema";
  if (kind === "text" || kind === "xml") return "string";
  return "blob";
}

/**
 * A body whose fields join the method's flat input: a JSON, form or multipart object with declared properties
 * (directly or through allOf/oneOf/anyOf members that have them). Anything else travels under the `body` key.
 */
export function objectProperties(
  doc: OpenApiDocument,
  schema: SchemaObject | RefObject | undefined,
): string[] | undefined {
  const seen = new Set<unknown>();
  const collect = (value: SchemaObject | RefObject | undefined): string[] | undefined => {
    if (!value || seen.has(value)) return undefined;
    seen.add(value);
    const s = deref<SchemaObject>(doc, value);
    if (!s || typeof s !== "object") return undefined;
    if (s.type !== undefined && s.type !== "object" && !(Array.isArray(s.type) && s.type.includes("object")))
      return undefined;
    const own = s.properties ? Object.keys(s.properties) : [];
    const members = [...asList(s.allOf), ...asList(s.oneOf), ...asList(s.anyOf)];
    const nested = members.map(collect);
    if (members.length > 0 && nested.some((list) => list === undefined)) return undefined;
    // A member with no properties of its own (e.g. only `required`) adds none but keeps the body an object.
    return [...new Set([...own, ...nested.flatMap((list) => list ?? [])])];
  };
  const found = collect(schema);
  if (found && found.length > 0) return found;
  // A closed object without properties (an empty request, `additionalProperties: false`) has no fields to merge,
  // but is still an object: the caller passes nothing and `{}` is sent. An open map goes under `body`.
  const top = schema ? deref<SchemaObject>(doc, schema) : undefined;
  return found && top?.additionalProperties === false ? [] : undefined;
}

function asList(value: unknown): SchemaObject[] {
  return Array.isArray(value) ? (value as SchemaObject[]) : [];
}
