/**
 * A request body schema as JSON Schema 2020-12 for the mock's validator: `#/components/schemas/X` refs become
 * `#/$defs/X` (collected into `defs`, only what is reachable), other refs are inlined, and OpenAPI 3.0 forms are
 * converted (`nullable: true` -> a `"null"` type, boolean `exclusiveMinimum`/`exclusiveMaximum` -> numbers).
 * Annotations the validator does not need (`description`, `example`, `discriminator`, `xml`, `x-*`) are dropped.
 */
import type { OpenApiDocument } from "./openapi-types.ts";

const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)(.*)$/;
const DROPPED = new Set([
  "example",
  "examples",
  "discriminator",
  "xml",
  "externalDocs",
  "nullable",
  "description",
  "title",
]);
/** Keywords whose value is a map of names to schemas (a property named `type` is not the `type` keyword). */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);

export function toJsonSchema(doc: OpenApiDocument, schema: unknown, defs: Map<string, unknown>): unknown {
  return convert(doc, schema, defs, 0);
}

function convert(doc: OpenApiDocument, node: unknown, defs: Map<string, unknown>, depth: number): unknown {
  if (depth > 64 || typeof node !== "object" || node === null) return node;
  if (Array.isArray(node)) return node.map((item) => convert(doc, item, defs, depth + 1));
  const source = node as Record<string, unknown>;
  if (typeof source.$ref === "string") return convertRef(doc, source.$ref, defs, depth);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (DROPPED.has(key) || key.startsWith("x-")) continue;
    if (SCHEMA_MAPS.has(key) && value && typeof value === "object") {
      const map: Record<string, unknown> = {};
      for (const [name, sub] of Object.entries(value)) {
        setOwn(map, name, convert(doc, sub, defs, depth + 1));
      }
      setOwn(out, key, map);
    } else if ((key === "exclusiveMinimum" || key === "exclusiveMaximum") && typeof value === "boolean") {
      const bound = key === "exclusiveMinimum" ? "minimum" : "maximum";
      if (value && typeof source[bound] === "number") out[key] = source[bound];
    } else setOwn(out, key, convert(doc, value, defs, depth + 1));
  }
  if (source.exclusiveMinimum === true && typeof source.minimum === "number") delete out.minimum;
  if (source.exclusiveMaximum === true && typeof source.maximum === "number") delete out.maximum;
  if (source.nullable === true) return nullable(out);
  return out;
}

function convertRef(doc: OpenApiDocument, ref: string, defs: Map<string, unknown>, depth: number): unknown {
  const component = COMPONENT_REF.exec(ref);
  if (component) {
    const name = decodePointer(component[1] as string);
    if (!defs.has(name)) {
      defs.set(name, {}); // claimed first: a recursive schema refers to itself
      defs.set(name, convert(doc, doc.components?.schemas?.[name], defs, depth + 1));
    }
    return { $ref: `#/$defs/${encodePointer(name)}${component[2]}` };
  }
  const target = ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[decodePointer(key)], doc);
  return convert(doc, target, defs, depth + 1);
}

/** 3.0 `nullable`: null is allowed too (a `type` gains "null"; an enum gains null; anything else: anyOf). */
function nullable(schema: Record<string, unknown>): unknown {
  if (typeof schema.type === "string") schema.type = [schema.type, "null"];
  else if (Array.isArray(schema.type)) schema.type = [...schema.type, "null"];
  else return { anyOf: [schema, { type: "null" }] };
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  return schema;
}

const decodePointer = (part: string) => part.replace(/~1/g, "/").replace(/~0/g, "~");
const encodePointer = (part: string) => part.replace(/~/g, "~0").replace(/\//g, "~1");

/** An own property even for a `__proto__` key (plain assignment would replace the prototype instead). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
