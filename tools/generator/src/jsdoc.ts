import { commentText } from "./escape.ts";
import type { HttpMethod, OperationObject } from "./openapi-types.ts";

/**
 * A `/** ... *\/` block from lines of text. Every line goes through {@link commentText} (idempotent, so text that is
 * already escaped may be passed too) and may itself hold `\n`. Trailing spaces and leading and trailing empty lines
 * are dropped. One line gives `/** text *\/` (unless `multiline`); several give the multi-line form, each line
 * prefixed with ` * `. Every line of the result, the first one included, starts with `indent`. Returns "" when there
 * is no text at all.
 */
export function jsdocBlock(lines: readonly string[], indent = "", options: { multiline?: boolean } = {}): string {
  const text = lines.flatMap((line) => commentText(line).split("\n")).map((line) => line.trimEnd());
  while (text.length > 0 && text[0] === "") text.shift();
  while (text.length > 0 && text[text.length - 1] === "") text.pop();
  if (text.length === 0) return "";
  if (text.length === 1 && !options.multiline) return `${indent}/** ${text[0]?.trimStart()} */`;
  return [`${indent}/**`, ...text.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)), `${indent} */`].join(
    "\n",
  );
}

/** Markdown inline code that stays one code span whatever backticks `value` holds (CommonMark's rule). */
export function codeSpan(value: string): string {
  const text = value.replace(/\s+/g, " ");
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** What {@link operationJsdoc} reads of an operation. */
export interface JsdocOperation {
  method: HttpMethod;
  path: string;
  docs: OperationObject;
}

/**
 * JSDoc for an operation method, from the spec: summary, description, permissions (`x-permissions`), OAuth scopes
 * (`x-required-scopes`, a list or the structured form of {@link requiredScopes}), batch support (`x-batch-*`),
 * changelog (`x-changelog`), decisions on the source docs (`x-doc-decisions`) and the documentation link. `names` maps operationIds to method names, for `{@link}`.
 */
export function operationJsdoc(op: JsdocOperation, indent: string, names: ReadonlyMap<string, string>): string {
  const docs = op.docs;
  const blocks: string[] = [];
  const summary = typeof docs.summary === "string" ? docs.summary.trim() : "";
  const description = typeof docs.description === "string" ? docs.description.trim() : "";
  if (summary) blocks.push(summary);
  if (description && description !== summary) blocks.push(description);

  const facts: string[] = [];
  const permissions = stringList(docs["x-permissions"]);
  if (permissions.length > 0) {
    const mode = docs["x-permissions-mode"] === "any" && permissions.length > 1 ? " (any of)" : "";
    facts.push(`Permissions${mode}: ${permissions.map(codeSpan).join(", ")}.`);
  }
  const scopes = requiredScopes(docs["x-required-scopes"]);
  if (scopes) facts.push(scopes);
  const batch = docs["x-batch-operation"];
  if (typeof batch === "string") facts.push(`Batch support: yes, see ${link(batch, names)}.`);
  else if (docs["x-batch-support"] === true)
    facts.push("Batch support: documented as yes, but no batch action exists.");
  else if (docs["x-batch-support"] === false) facts.push("Batch support: no.");
  const batchOf = docs["x-batch-of"];
  if (typeof batchOf === "string") facts.push(`Batch variant of ${link(batchOf, names)}.`);
  const changelog = Array.isArray(docs["x-changelog"]) ? (docs["x-changelog"] as unknown[]) : [];
  const entries = changelog.filter((entry): entry is Record<string, unknown> => typeof entry === "object" && !!entry);
  if (entries.length > 0) {
    const text = entries.map((entry) => `${plain(entry.version)} ${plain(entry.description).replace(/\.$/, "")}`);
    facts.push(`Changelog: ${text.join("; ")}.`);
  }
  if (facts.length > 0) blocks.push(facts.join("\n"));

  const decisions = stringList(docs["x-doc-decisions"]);
  if (decisions.length > 0)
    blocks.push(["Notes on the source documentation:", ...decisions.map((d) => `- ${d}`)].join("\n"));

  const tags: string[] = [`HTTP: ${codeSpan(`${op.method.toUpperCase()} ${op.path}`)}`];
  if (docs.deprecated) tags.push("@deprecated");
  const url = docs.externalDocs?.url;
  // One line: a line break in the URL must not start a line of its own (which could read as a JSDoc tag).
  if (typeof url === "string" && url.trim()) tags.push(`@see ${commentText(url).trim().replace(/\s+/g, "%20")}`);
  blocks.push(tags.join("\n"));

  return jsdocBlock(blocks.map(commentText).join("\n\n").split("\n"), indent, { multiline: true });
}

/**
 * The "Required scopes" line from `x-required-scopes`, or undefined when the operation has none of that key. Two forms:
 * - a list: every scope is required (`[]` renders as "none");
 * - an object, for scopes the documentation gives as alternatives or conditions, all keys optional (not named
 *   `allOf`/`anyOf`: openapi-typescript would walk JSON Schema keywords inside an extension):
 *   `always: [scope, ...]` (always required), `alternatives: [{ scopes: [scope, ...], when?: text }, ...]` (one of these
 *   alternatives, each needing all of its scopes), `conditional: [{ scopes: [scope, ...], when: text }, ...]` (needed
 *   only when `when` holds) and `notes: [text, ...]` (remarks such as private scopes).
 *   Rendered as "Required scopes: `a`; plus `b` (when) or `c` (when); plus `d` and `e` only when. Notes.",
 *   where `when` is a phrase that reads after "only" ("to update the role", "if the Client ID matches").
 */
function requiredScopes(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const scopes = stringList(value);
    return `Required scopes: ${scopes.length > 0 ? scopes.map(codeSpan).join(", ") : "none"}.`;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const spec = value as Record<string, unknown>;
  const parts: string[] = [];
  const always = stringList(spec.always);
  if (always.length > 0) parts.push(always.map(codeSpan).join(", "));
  const alternatives = scopeSets(spec.alternatives).map(({ scopes, when }) => (when ? `${scopes} (${when})` : scopes));
  if (alternatives.length > 0) parts.push(`${parts.length > 0 ? "plus " : ""}${alternatives.join(" or ")}`);
  for (const { scopes, when } of scopeSets(spec.conditional)) {
    parts.push(`${parts.length > 0 ? "plus " : ""}${scopes}${when ? ` only ${when}` : ""}`);
  }
  const notes = stringList(spec.notes).map((note) => plain(note).replace(/\.$/, ""));
  const line = `Required scopes: ${parts.length > 0 ? parts.join("; ") : "none"}.`;
  return notes.length > 0 ? `${line} ${notes.map((note) => `${note}.`).join(" ")}` : line;
}

/** `{ scopes, when }` entries of a structured `x-required-scopes`, their scopes joined ("`a` and `b`"). */
function scopeSets(value: unknown): { scopes: string; when: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (typeof entry !== "object" || entry === null) return [];
    const scopes = stringList((entry as Record<string, unknown>).scopes).map(codeSpan);
    if (scopes.length === 0) return [];
    const joined = scopes.length === 1 ? (scopes[0] ?? "") : `${scopes.slice(0, -1).join(", ")} and ${scopes.at(-1)}`;
    return [{ scopes: joined, when: plain((entry as Record<string, unknown>).when) }];
  });
}

/** `{@link name}` to a generated method, or the spec's own text in a code span when there is no such method. */
function link(operationId: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(operationId);
  return name ? `{@link ${name}}` : codeSpan(operationId);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function plain(value: unknown): string {
  return typeof value === "string" || typeof value === "number" ? String(value).replace(/\s+/g, " ").trim() : "";
}
