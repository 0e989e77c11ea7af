import type { ParamSpec } from "./operation.ts";
import { serializeParam } from "./style.ts";

/**
 * A query string (without `?`) of `query`, each parameter in its OpenAPI style: `params` gives the specs by name
 * (default: form, exploded), or, as before, the list of names sent JSON-encoded (`content: application/json`, like
 * Rocket.Chat's `sort`). undefined and null values are skipped.
 */
export function serializeQuery(
  query: Readonly<Record<string, unknown>>,
  params?: readonly string[] | Readonly<Record<string, ParamSpec>>,
): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value == null) continue;
    const spec = Array.isArray(params)
      ? { json: params.includes(name) }
      : (params as Record<string, ParamSpec>)?.[name];
    const part = serializeParam(name, value, { ...spec, in: "query" });
    if (part) parts.push(part);
  }
  return parts.join("&");
}
