import type { OpenApiDocument, SchemaObject } from "./openapi-types.ts";

/**
 * Gives every schema that a `$ref` points at by a deep pointer (`#/components/schemas/AccountBalance/definitions/
 * amounts`, `#/components/schemas/A/properties/b/items`, `#/paths/~1a/get/responses/200/content/application~1json/
 * schema`) a name of its own in `components.schemas` (`AccountBalance_amounts`), and points those refs at it.
 * openapi-typescript types a ref by indexing along its pointer (`components["schemas"]["AccountBalance"]
 * ["definitions"]["amounts"]`), which names no type that exists (TS2339) and can be circular (TS2502).
 *
 * Works in place on the working copy given to openapi-typescript. The schema stays where it is as well (its
 * description and the type around it are unchanged); refs inside either copy are rewritten too, so a recursive one
 * names itself. A spec without deep schema refs is left exactly as it was. Names are deterministic: the pointers are
 * taken in sorted order, and a name already used gets `_2`, `_3`, ...
 */
export function hoistDeepSchemaRefs(doc: OpenApiDocument): void {
  const pointers = new Set<string>();
  visitRefs(doc, (ref) => {
    const segments = pointerSegments(ref.$ref);
    if (segments && !isComponentRef(segments) && schemaPath(segments)) pointers.add(ref.$ref);
  });
  if (pointers.size === 0) return;

  doc.components ??= {};
  doc.components.schemas ??= {};
  const schemas = doc.components.schemas;
  const names = new Map<string, string>();
  const hoisted = new Map<string, SchemaObject>();
  for (const pointer of [...pointers].sort()) {
    const segments = pointerSegments(pointer) ?? [];
    const target = resolve(doc, segments);
    if (typeof target !== "object" || target === null) continue;
    const name = uniqueName(schemaPath(segments)?.join("_") || "Schema", (n) => n in schemas || hoisted.has(n));
    names.set(pointer, name);
    hoisted.set(name, structuredClone(target) as SchemaObject);
  }
  for (const [name, schema] of hoisted) schemas[name] = schema;
  visitRefs(doc, (ref) => {
    const name = names.get(ref.$ref);
    if (name !== undefined) ref.$ref = `#/components/schemas/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  });
}

function visitRefs(node: unknown, visit: (ref: { $ref: string }) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitRefs(item, visit);
  } else if (typeof node === "object" && node !== null) {
    if (typeof (node as { $ref?: unknown }).$ref === "string") visit(node as { $ref: string });
    for (const value of Object.values(node)) visitRefs(value, visit);
  }
}

/** The decoded segments of an internal ref (`#/a/b~1c` -> `["a", "b/c"]`); undefined for any other ref. */
function pointerSegments(ref: string): string[] | undefined {
  if (!ref.startsWith("#/")) return undefined;
  try {
    return ref
      .slice(2)
      .split("/")
      .map((s) => decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~"));
  } catch {
    return undefined;
  }
}

function isComponentRef(segments: string[]): boolean {
  return segments.length === 3 && segments[0] === "components";
}

/** Follows the pointer; a `$ref` met on the way is followed first, as bundlers do. */
function resolve(doc: unknown, segments: string[], depth = 0): unknown {
  let node = doc;
  for (const segment of segments) {
    const ref = (node as { $ref?: unknown } | null)?.$ref;
    if (typeof ref === "string" && depth < 20 && !Object.hasOwn(node as object, segment)) {
      const inner = pointerSegments(ref);
      node = inner ? resolve(doc, inner, depth + 1) : undefined;
    }
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

type Kind =
  | "root"
  | "components"
  | "paths"
  | "pathItem"
  | "operation"
  | "parameters"
  | "parameter"
  | "requestBody"
  | "responses"
  | "response"
  | "headers"
  | "content"
  | "mediaType"
  | "callbacks"
  | "callback"
  | "schema"
  | "schemaMap"
  | "schemaList";

/** What each key leads to; `*` is any key. An entry `[kind, true]` keeps the key in the hoisted schema's name. */
const GRAMMAR: Partial<Record<Kind, Record<string, [Kind, boolean?]>>> = {
  root: { paths: ["paths"], webhooks: ["paths"], components: ["components"] },
  components: {
    schemas: ["schemaMap"],
    parameters: ["parameters"],
    headers: ["headers"],
    responses: ["responses"],
    requestBodies: ["responses"],
    pathItems: ["paths"],
    callbacks: ["callbacks"],
  },
  paths: { "*": ["pathItem", true] },
  pathItem: { parameters: ["parameters"], "*": ["operation", true] },
  operation: {
    parameters: ["parameters"],
    requestBody: ["requestBody", true],
    responses: ["responses"],
    callbacks: ["callbacks"],
  },
  parameters: { "*": ["parameter", true] },
  parameter: { schema: ["schema"], content: ["content"] },
  requestBody: { content: ["content"] },
  responses: { "*": ["response", true] },
  response: { content: ["content"], headers: ["headers"] },
  headers: { "*": ["parameter", true] },
  content: { "*": ["mediaType", true] },
  mediaType: { schema: ["schema"] },
  callbacks: { "*": ["callback", true] },
  callback: { "*": ["pathItem", true] },
  schemaMap: { "*": ["schema", true] },
  schemaList: { "*": ["schema", true] },
};

const SCHEMA_KEYWORDS: Record<string, Kind> = {
  properties: "schemaMap",
  patternProperties: "schemaMap",
  definitions: "schemaMap",
  $defs: "schemaMap",
  dependentSchemas: "schemaMap",
  allOf: "schemaList",
  anyOf: "schemaList",
  oneOf: "schemaList",
  prefixItems: "schemaList",
};
const SCHEMA_VALUED = new Set(
  "items additionalItems additionalProperties not if then else contains propertyNames unevaluatedItems unevaluatedProperties contentSchema".split(
    " ",
  ),
);

/**
 * The words of a name for the schema at `segments` (`["AccountBalance", "amounts"]`), or undefined when the pointer
 * does not end at a schema (an example, a `properties` map, a response, ...).
 */
function schemaPath(segments: string[]): string[] | undefined {
  let kind: Kind = "root";
  const words: string[] = [];
  for (const [index, segment] of segments.entries()) {
    let next: [Kind, boolean?] | undefined;
    if (kind === "schema") {
      const keyword = SCHEMA_KEYWORDS[segment];
      const items = segment === "items" && /^\d+$/.test(segments[index + 1] ?? "");
      if (keyword) next = [keyword, keyword === "schemaList"];
      else if (SCHEMA_VALUED.has(segment)) next = [items ? "schemaList" : "schema", true];
    } else {
      const rules = GRAMMAR[kind];
      next = rules?.[segment] ?? rules?.["*"];
    }
    if (!next) return undefined;
    kind = next[0];
    if (next[1]) words.push(segment.replace(/[^A-Za-z0-9.\-_]+/g, "_").replace(/^_+|_+$/g, "") || "_");
  }
  return kind === "schema" ? words : undefined;
}

function uniqueName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}_${n}`)) return `${base}_${n}`;
}
