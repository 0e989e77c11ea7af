/**
 * Query-string serialisation that knows about JSON-encoded parameters.
 *
 * Some APIs (Rocket.Chat's `sort`, `fields`, `query`) take JSON objects as query values. The spec marks them with
 * `content: application/json`; the generator lists their names per operation and we JSON-encode exactly those.
 * Everything else follows OpenAPI's default `form` + `explode` style.
 */
export function serializeQuery(query: Record<string, unknown>, jsonParams: readonly string[] = []): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const key = encodeURIComponent(name);
    if (jsonParams.includes(name)) {
      parts.push(`${key}=${encodeURIComponent(JSON.stringify(value))}`);
    } else if (Array.isArray(value)) {
      for (const item of value) parts.push(`${key}=${encodeURIComponent(String(item))}`);
    } else if (typeof value === "object") {
      // An object parameter not declared as JSON: send it as JSON rather than the unreadable "[object Object]".
      parts.push(`${key}=${encodeURIComponent(JSON.stringify(value))}`);
    } else {
      parts.push(`${key}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.join("&");
}
