import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Level, SpecChange } from "./change.ts";
import { formatChange } from "./check.ts";
import type { ApiPlan } from "./plan.ts";

const ORDER: Level[] = ["major", "minor", "patch"];

/** Short and stable: the same change list always suggests the same file name, so re-running writes nothing new. */
export function changeHash(changes: SpecChange[]): string {
  return createHash("sha256").update(JSON.stringify(changes)).digest("hex").slice(0, 8);
}

/** Operation names as people know them: `createPet (POST /pets)`. */
function operationName(change: SpecChange): string {
  const key = change.where.split(" ").slice(0, 2).join(" ");
  return change.operationId ? `\`${change.operationId}\` (${key})` : key;
}

export function changesetText(plan: ApiPlan & { required: Level }): string {
  const added = plan.changes.filter((change) => change.message === "operation added").map(operationName);
  const removed = plan.changes.filter((change) => change.message === "operation removed").map(operationName);
  const changed = [
    ...new Set(
      plan.changes
        .filter((change) => change.operationId && !change.message.startsWith("operation "))
        .map(operationName),
    ),
  ];
  const since = plan.base ? ` since ${plan.base}` : ` (${plan.note ?? "first release"})`;
  const lines = ["---", `${JSON.stringify(plan.packageName)}: ${plan.required}`, "---", ""];
  lines.push(`Spec changes in \`specs/${plan.api}\`${since}.`, "");
  if (added.length > 0) lines.push(`- Operations added: ${added.join(", ")}`);
  if (removed.length > 0) lines.push(`- Operations removed: ${removed.join(", ")}`);
  if (changed.length > 0) lines.push(`- Operations changed: ${changed.join(", ")}`);
  for (const level of ORDER) {
    const atLevel = plan.changes.filter((change) => change.level === level);
    if (atLevel.length === 0) continue;
    lines.push("", `${level[0]?.toUpperCase()}${level.slice(1)}:`, "");
    lines.push(...atLevel.map((change) => `- ${formatChange(change)}`));
  }
  return `${lines.join("\n")}\n`;
}

/** Writes `.changeset/<api>-spec-<hash>.md` unless a file of that name exists; returns its path and whether it was written. */
export function writeSuggestion(root: string, plan: ApiPlan & { required: Level }) {
  const file = path.join(root, ".changeset", `${plan.api}-spec-${changeHash(plan.changes)}.md`);
  if (existsSync(file)) return { file, written: false };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, changesetText(plan), { flag: "wx" });
  return { file, written: true };
}
