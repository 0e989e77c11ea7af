import { jsdocText } from "./naming.ts";
import type { OperationModel } from "./operations.ts";

/**
 * JSDoc for an operation method, from the spec: summary, description, permissions (`x-permissions`), OAuth scopes
 * (`x-required-scopes`), batch support (`x-batch-*`), changelog (`x-changelog`), decisions on the source docs
 * (`x-doc-decisions`) and the documentation link.
 */
export function operationJsdoc(op: OperationModel, indent: string, names: Map<string, string>): string {
  const docs = op.docs;
  const blocks: string[] = [];
  if (docs.summary) blocks.push(docs.summary);
  if (docs.description && docs.description.trim() !== docs.summary) blocks.push(docs.description);

  const facts: string[] = [];
  const permissions = stringList(docs["x-permissions"]);
  if (permissions.length > 0) {
    const mode = docs["x-permissions-mode"] === "any" && permissions.length > 1 ? " (any of)" : "";
    facts.push(`Permissions${mode}: ${permissions.map(code).join(", ")}.`);
  }
  if (Array.isArray(docs["x-required-scopes"])) {
    const scopes = stringList(docs["x-required-scopes"]);
    facts.push(`Required scopes: ${scopes.length > 0 ? scopes.map(code).join(", ") : "none"}.`);
  }
  const batch = docs["x-batch-operation"];
  if (typeof batch === "string") facts.push(`Batch support: yes, see {@link ${names.get(batch) ?? batch}}.`);
  else if (docs["x-batch-support"] === true)
    facts.push("Batch support: documented as yes, but no batch action exists.");
  else if (docs["x-batch-support"] === false) facts.push("Batch support: no.");
  const batchOf = docs["x-batch-of"];
  if (typeof batchOf === "string") facts.push(`Batch variant of {@link ${names.get(batchOf) ?? batchOf}}.`);
  const changelog = Array.isArray(docs["x-changelog"]) ? (docs["x-changelog"] as Array<Record<string, string>>) : [];
  if (changelog.length > 0) {
    facts.push(
      `Changelog: ${changelog.map((entry) => `${entry.version} ${String(entry.description ?? "").replace(/\.$/, "")}`).join("; ")}.`,
    );
  }
  if (facts.length > 0) blocks.push(facts.join("\n"));

  const decisions = stringList(docs["x-doc-decisions"]);
  if (decisions.length > 0)
    blocks.push(["Notes on the source documentation:", ...decisions.map((d) => `- ${d}`)].join("\n"));

  const tags: string[] = [`HTTP: \`${op.method.toUpperCase()} ${op.path}\``];
  if (docs.deprecated) tags.push("@deprecated");
  if (docs.externalDocs?.url) tags.push(`@see ${docs.externalDocs.url}`);
  blocks.push(tags.join("\n"));

  const lines = blocks.map(jsdocText).join("\n\n").split("\n");
  return [`${indent}/**`, ...lines.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)), `${indent} */`].join(
    "\n",
  );
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function code(value: string): string {
  return `\`${value}\``;
}
