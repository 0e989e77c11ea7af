/** Request body schemas as the mock's JSON Schema 2020-12: refs into one `$defs` of what is reachable, 3.0 forms converted. */
import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../src/openapi-types.ts";
import { toJsonSchema } from "../src/test-schema.ts";

const doc = {
  openapi: "3.0.3",
  paths: {},
  components: {
    schemas: {
      Pet: {
        type: "object",
        description: "dropped",
        example: { name: "x" },
        required: ["name"],
        properties: { name: { type: "string", nullable: true }, owner: { $ref: "#/components/schemas/Owner" } },
      },
      Owner: { type: "object", properties: { pets: { type: "array", items: { $ref: "#/components/schemas/Pet" } } } },
      Unused: { type: "string" },
      Age: { type: "integer", minimum: 0, exclusiveMinimum: true, maximum: 30, exclusiveMaximum: false },
      Kind: { type: "string", enum: ["a", "b"], nullable: true },
      Either: { oneOf: [{ type: "string" }, { type: "integer" }], nullable: true },
    },
    requestBodies: { Inline: { content: { "application/json": { schema: { type: "boolean" } } } } },
  },
} as unknown as OpenApiDocument;

const convert = (schema: unknown) => {
  const defs = new Map<string, unknown>();
  return { schema: toJsonSchema(doc, schema, defs), defs: Object.fromEntries(defs) };
};

describe("toJsonSchema", () => {
  it("points component refs into $defs, with only what is reachable (cycles included)", () => {
    const { schema, defs } = convert({ $ref: "#/components/schemas/Pet" });
    expect(schema).toEqual({ $ref: "#/$defs/Pet" });
    expect(Object.keys(defs).sort()).toEqual(["Owner", "Pet"]);
    expect(defs.Owner).toEqual({
      type: "object",
      properties: { pets: { type: "array", items: { $ref: "#/$defs/Pet" } } },
    });
  });

  it("converts nullable (type, enum, anything else) and drops annotations", () => {
    expect(convert({ $ref: "#/components/schemas/Pet" }).defs.Pet).toEqual({
      type: "object",
      required: ["name"],
      properties: { name: { type: ["string", "null"] }, owner: { $ref: "#/$defs/Owner" } },
    });
    expect(convert({ $ref: "#/components/schemas/Kind" }).defs.Kind).toEqual({
      type: ["string", "null"],
      enum: ["a", "b", null],
    });
    expect(convert({ $ref: "#/components/schemas/Either" }).defs.Either).toEqual({
      anyOf: [{ oneOf: [{ type: "string" }, { type: "integer" }] }, { type: "null" }],
    });
  });

  it("turns 3.0 boolean exclusiveMinimum/Maximum into 2020-12 numbers", () => {
    expect(convert({ $ref: "#/components/schemas/Age" }).defs.Age).toEqual({
      type: "integer",
      exclusiveMinimum: 0,
      maximum: 30,
    });
  });

  it("inlines other refs and keeps a `__proto__` property name as a plain key", () => {
    expect(convert({ $ref: "#/components/requestBodies/Inline/content/application~1json/schema" }).schema).toEqual({
      type: "boolean",
    });
    const properties = JSON.parse('{"__proto__":{"type":"string"}}');
    const { schema } = convert({ type: "object", properties });
    const converted = (schema as { properties: object }).properties;
    expect(Object.getPrototypeOf(converted)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(converted, "__proto__")?.value).toEqual({ type: "string" });
  });
});
