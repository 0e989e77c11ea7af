/**
 * Who may call an operation, as Markdown: Rocket.Chat's `x-permissions` (+ `x-permissions-mode`) and the OAuth scopes
 * of `x-required-scopes` (a list, or the structured form documented in jsdoc.ts). One renderer for the README
 * operations table (lines joined with `<br>`) and the API reference (a bullet list in each operation's description),
 * so both state scopes the way the documentation does: alternatives as "one of", conditional extras with their
 * condition. Every spec string goes through markdownText / markdownCode.
 */
import { markdownCode, markdownText } from "./escape.ts";
import type { OperationObject } from "./openapi-types.ts";

/** One line of inline Markdown per fact; empty when the operation documents neither permissions nor scopes. */
export function accessLines(docs: OperationObject): string[] {
  const lines: string[] = [];
  const permissions = stringList(docs["x-permissions"]);
  if (permissions.length > 0) {
    const anyOf = docs["x-permissions-mode"] === "any" && permissions.length > 1;
    lines.push(`Permissions${anyOf ? ", one of" : ""}: ${permissions.map(markdownCode).join(", ")}`);
  }
  lines.push(...scopeLines(docs["x-required-scopes"]));
  return lines;
}

function scopeLines(value: unknown): string[] {
  if (Array.isArray(value)) {
    const scopes = stringList(value);
    return [`Scopes: ${scopes.length > 0 ? scopes.map(markdownCode).join(", ") : "none"}`];
  }
  if (typeof value !== "object" || value === null) return [];
  const spec = value as Record<string, unknown>;
  const lines: string[] = [];
  const always = stringList(spec.always);
  if (always.length > 0) lines.push(`Scopes: ${always.map(markdownCode).join(", ")}`);
  const alternatives = scopeSets(spec.alternatives).map(({ scopes, when }) => (when ? `${scopes} (${when})` : scopes));
  if (alternatives.length > 0) {
    lines.push(`${lines.length > 0 ? "Plus one of" : "Scopes, one of"}: ${alternatives.join(" or ")}`);
  }
  for (const { scopes, when } of scopeSets(spec.conditional)) {
    lines.push(`${lines.length > 0 ? "Plus" : "Scopes:"} ${scopes}${when ? ` only ${when}` : ""}`);
  }
  if (lines.length === 0) lines.push("Scopes: none");
  for (const note of stringList(spec.notes)) lines.push(`Note: ${markdownText(note.trim())}`);
  return lines;
}

/** `{ scopes, when }` entries, their scopes joined ("`a` and `b`") and `when` escaped. */
function scopeSets(value: unknown): { scopes: string; when: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (typeof entry !== "object" || entry === null) return [];
    const record = entry as Record<string, unknown>;
    const scopes = stringList(record.scopes).map(markdownCode);
    if (scopes.length === 0) return [];
    const joined = scopes.length === 1 ? (scopes[0] ?? "") : `${scopes.slice(0, -1).join(", ")} and ${scopes.at(-1)}`;
    const when = typeof record.when === "string" ? markdownText(record.when.trim()) : "";
    return [{ scopes: joined, when }];
  });
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
