import type { ParamSpec } from "./operation.ts";

/**
 * A value as text: a Date as ISO 8601 (String() would give a locale format no server parses), a nested object as
 * JSON (rather than "[object Object]"), anything else as String().
 */
export const text = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);

/** An object whose properties are sent one by one: not null, an array or a Date. */
export const isRecord = (value: unknown): value is object =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * One parameter serialised as OpenAPI's `style`/`explode` say; for `color` = [a, b]: form `color=a&color=b`
 * (exploded) or `color=a,b`, simple `a,b`, label `.a.b`, matrix `;color=a;color=b`, pipeDelimited `color=a|b`;
 * for an object: `R=1&G=2` (form exploded), `R,1,G,2` (simple), `color[R]=1&color[G]=2` (deepObject). Names and
 * values are percent-encoded, except in headers. "" when there is nothing to send.
 */
export function serializeParam(
  name: string,
  value: unknown,
  {
    in: where,
    style = where === "path" || where === "header" ? "simple" : "form",
    explode = style === "form" || style === "deepObject",
    json,
  }: ParamSpec,
): string {
  const encode = where === "header" ? String : encodeURIComponent;
  const record = !json && isRecord(value);
  // [key, value] pairs: an object's properties (deepObject: `name[key]`), else the name with each value.
  const pairs = record
    ? Object.entries(value).map(([key, item]) => [style === "deepObject" ? `${name}[${key}]` : key, item])
    : [json ? JSON.stringify(value) : value].flat().map((item) => [name, item]);
  // Values carry their name (`name=`) in all styles but simple and label, which (like matrix) have a prefix.
  const named = style !== "simple" && style !== "label";
  const prefix = style === "label" ? "." : style === "matrix" ? ";" : "";
  // Exploded: `key=value` items (simple and label arrays: bare values) joined by the style's separator; else one
  // `name=` and the items (an object's keys and values alike) joined by the style's delimiter.
  const delimiter = explode
    ? prefix || (named ? "&" : ",")
    : style === "spaceDelimited"
      ? "%20"
      : style === "pipeDelimited"
        ? "|"
        : ",";
  return (
    prefix +
    (named && !explode ? `${encode(name)}=` : "") +
    pairs
      .filter((pair) => pair[1] != null)
      .map(
        ([key, item]) =>
          (record || (explode && named) ? encode(key) + (explode ? "=" : delimiter) : "") + encode(text(item)),
      )
      .join(delimiter)
  );
}
