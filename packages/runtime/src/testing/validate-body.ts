import { type OutputUnit, Validator } from "@cfworker/json-schema";

/** Keywords that only report that a nested schema failed; the nested error says what is wrong. */
const WRAPPERS = new Set([
  "properties",
  "items",
  "prefixItems",
  "additionalProperties",
  "$ref",
  "allOf",
  "anyOf",
  "oneOf",
  "if",
  "then",
  "else",
  "contains",
  "dependentSchemas",
  "unevaluatedProperties",
  "unevaluatedItems",
]);

/** One validator per body schema, built once (no `eval`: safe under a strict CSP in browsers). */
export function bodyValidator(schema: object, $defs: Readonly<Record<string, unknown>> | undefined) {
  const validator = new Validator({ ...schema, ...($defs ? { $defs } : {}) } as never, "2020-12", false);
  /** The first problem, as `body.name is required` or `body.agents[0].id: Instance type "number" is invalid...`. */
  return (body: unknown): string | undefined => {
    const { valid, errors } = validator.validate(body);
    if (valid) return undefined;
    const error = errors.find((e) => !WRAPPERS.has(e.keyword)) ?? (errors[0] as OutputUnit);
    const where = pointerPath(error.instanceLocation);
    const missing = error.keyword === "required" ? /"([^"]*)"/.exec(error.error)?.[1] : undefined;
    if (missing !== undefined) return `${where}.${missing} is required`;
    return `${where}: ${error.error.replace(/^Instance /, "value ")}`;
  };
}

/** `#/agents/0/id` -> `body.agents[0].id`. */
function pointerPath(location: string): string {
  return location
    .replace(/^#/, "")
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), "body");
}
