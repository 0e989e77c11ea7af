import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Level, SpecChange } from "./change.ts";
import { coverageMarker } from "./coverage.ts";
import type { ApiPlan } from "./plan.ts";
import { consumerSections } from "./wording.ts";

/** Short and stable: the same change list always suggests the same file name. */
export function changeHash(changes: SpecChange[]): string {
  return createHash("sha256").update(JSON.stringify(changes)).digest("hex").slice(0, 8);
}

/** A changeset for `changes` (the ones no pending changeset covers yet), worded for the package's users. */
export function changesetText(packageName: string, required: Level, changes: SpecChange[]): string {
  const added = changes.filter((change) => change.message === "operation added").length;
  const breaking = changes.filter((change) => change.level === "major").length;
  const summary = [
    breaking > 0 ? `${breaking} breaking change${breaking === 1 ? "" : "s"}` : undefined,
    added > 0 ? `${added} new method${added === 1 ? "" : "s"}` : undefined,
  ].filter(Boolean);
  const lines = ["---", `${JSON.stringify(packageName)}: ${required}`, "---", ""];
  lines.push(`Updated from the API description${summary.length > 0 ? ` (${summary.join(", ")})` : ""}.`);
  lines.push(...consumerSections(changes), "", coverageMarker(packageName, changes));
  return `${lines.join("\n")}\n`;
}

/** Writes `.changeset/<api>-spec-<hash>.md` (`<api>-types-spec-<hash>.md` for the types package) unless a file of that name exists; returns its path and whether it was written. */
export function writeSuggestion(root: string, plan: ApiPlan, required: Level, changes: SpecChange[]) {
  // The types package's changeset may list the very same changes: its own name keeps the two apart.
  const stem = plan.types ? `${plan.api}-types` : plan.api;
  const file = path.join(root, ".changeset", `${stem}-spec-${changeHash(changes)}.md`);
  if (existsSync(file)) return { file, written: false };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, changesetText(plan.packageName, required, changes), { flag: "wx" });
  return { file, written: true };
}
