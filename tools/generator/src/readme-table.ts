/**
 * The operations table of a package README: one row per operation (method, HTTP, summary, scopes or permissions),
 * written by the generator between `<!-- operations:start -->` and `<!-- operations:end -->`. Only that region is
 * replaced; the handwritten text around it stays byte for byte. Every spec string is escaped with markdownText /
 * markdownCode, so a summary cannot break the table or inject HTML.
 */
import { accessLines } from "./access-markdown.ts";
import { markdownCode, markdownText } from "./escape.ts";
import type { OperationModel } from "./operations.ts";

export const OPERATIONS_START = "<!-- operations:start -->";
export const OPERATIONS_END = "<!-- operations:end -->";

/** What a row needs of an operation. */
export type TableOperation = Pick<OperationModel, "name" | "method" | "path" | "docs">;

export function operationsTable(ops: readonly TableOperation[]): string {
  const rows = ops.map((op) => {
    const summary = typeof op.docs.summary === "string" ? markdownText(op.docs.summary.trim()) : "";
    const deprecated = op.docs.deprecated === true ? " (deprecated)" : "";
    const access = accessLines(op.docs);
    return [
      `\`client.${op.name}()\``,
      markdownCode(`${op.method.toUpperCase()} ${op.path}`),
      `${summary}${deprecated}`,
      access.length > 0 ? access.join("<br>") : "-",
    ];
  });
  const lines = [
    "| Method | HTTP | Summary | Scopes / permissions |",
    "| --- | --- | --- | --- |",
    ...rows.map((cells) => `| ${cells.join(" | ")} |`),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * `readme` with the region between the markers replaced by `table` (generated, so the region says so), or
 * undefined when the README has no complete pair of markers (it is then left as it is).
 */
export function replaceOperationsRegion(readme: string, table: string): string | undefined {
  const start = readme.indexOf(OPERATIONS_START);
  const end = readme.indexOf(OPERATIONS_END, start + OPERATIONS_START.length);
  if (start < 0 || end < 0) return undefined;
  const note = "<!-- Generated from the spec by `pnpm generate`: do not edit this table by hand. -->";
  const region = `${OPERATIONS_START}\n${note}\n\n${table}\n`;
  return `${readme.slice(0, start)}${region}${readme.slice(end)}`;
}
