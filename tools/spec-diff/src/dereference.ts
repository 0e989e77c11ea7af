/**
 * Replaces every local `$ref` of a bundled document by its target, in place, so that each use of a component is the
 * component object itself. That identity is what lets a change found deep inside an operation be named after the
 * schema it belongs to (`Agent.nickname`), and reported once for all the operations that share it.
 */
import { isObject, type Json } from "./compare.ts";

const names = new WeakMap<object, string>();

/** The `components.schemas` name of a schema object of a dereferenced document, if it is one. */
export function schemaName(schema: unknown): string | undefined {
  return isObject(schema) ? names.get(schema) : undefined;
}

export function dereference(doc: Json): Json {
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  for (const [name, schema] of Object.entries(schemas)) if (isObject(schema)) names.set(schema, name);

  const done = new WeakSet<object>();
  const target = (ref: string, chain: Set<string>): unknown => {
    if (!ref.startsWith("#/") || chain.has(ref)) return undefined;
    let value: unknown = doc;
    for (const raw of ref.slice(2).split("/")) {
      const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
      value = isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
    }
    // A reference to a reference: follow it to the end.
    return isObject(value) && typeof value.$ref === "string" ? resolve(value, new Set([...chain, ref])) : value;
  };
  // `{ $ref }` becomes its target; a `$ref` with siblings (OpenAPI 3.1) a copy of the target with them on top.
  const resolve = (value: Json, chain = new Set<string>()): unknown => {
    const found = target(value.$ref as string, chain);
    if (found === undefined) return value;
    const { $ref: _, ...siblings } = value;
    if (Object.keys(siblings).length === 0 || !isObject(found)) return found;
    const merged = { ...found, ...siblings };
    const name = names.get(found);
    if (name) names.set(merged, name);
    return merged;
  };
  const walk = (node: unknown) => {
    if ((!isObject(node) && !Array.isArray(node)) || done.has(node)) return;
    done.add(node);
    const entries = node as Record<string, unknown>;
    for (const key of Object.keys(entries)) {
      const child = entries[key];
      if (isObject(child) && typeof child.$ref === "string") entries[key] = resolve(child);
      walk(entries[key]);
    }
  };
  walk(doc);
  return doc;
}
