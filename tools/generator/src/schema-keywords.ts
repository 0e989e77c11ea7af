/**
 * Keywords a schema does not define. In OpenAPI 3.0 the Schema Object is closed: an unknown keyword is a structural
 * error (Redocly's `struct`). In 3.1 it is a JSON Schema 2020-12 schema, where unknown keywords are allowed and
 * ignored (annotations), so a 3.1 spec that has some (`nullable`, a property written without `properties`) is valid:
 * they are warnings at their line, and generation goes on without them.
 */

/** Redocly node types, as far as they are read here. */
interface NodeTypes {
  Schema?: { properties: Record<string, unknown>; additionalProperties?: unknown };
  [name: string]: unknown;
}

/** For 3.1 only: unknown keys of a Schema are not checked by `struct` (the rule below reports them instead). */
export function openSchemaKeywords(types: NodeTypes, version: string): NodeTypes {
  if (version !== "oas3_1" || !types.Schema) return types;
  return { ...types, Schema: { ...types.Schema, additionalProperties: null } };
}

interface SchemaContext {
  type: { properties: Record<string, unknown> };
  report(problem: { message: string; location: unknown }): void;
  location: { child(path: string[]): { key(): unknown } };
}

/** Warns once per unknown keyword of a schema; `x-` extensions are fine. Turned on for 3.1 only (validate.ts). */
export function unknownSchemaKeywords() {
  return {
    Schema(schema: unknown, ctx: SchemaContext) {
      if (typeof schema !== "object" || schema === null) return;
      for (const key of Object.keys(schema)) {
        if (key.startsWith("x-") || Object.hasOwn(ctx.type.properties, key)) continue;
        ctx.report({
          message: `\`${key}\` is not a JSON Schema keyword of OpenAPI 3.1: it is ignored`,
          location: ctx.location.child([key]).key(),
        });
      }
    },
  };
}
