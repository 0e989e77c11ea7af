import { highest, type SpecChange } from "./change.ts";
import { type Coverage, uncovered } from "./coverage.ts";
import type { ApiPlan } from "./plan.ts";

/** Enough to see why a bump is required without flooding the terminal of a large spec rewrite. */
const SHOWN_CHANGES = 10;

export interface CheckResult {
  ok: boolean;
  /** Lines for stdout (✔ per covered package). */
  out: string[];
  /** Lines for stderr (✖ per package missing a large enough changeset, with its reasons). */
  err: string[];
}

/**
 * Each change of each spec must be listed by a pending changeset that bumps its package at least as far as the change
 * needs (see coverage.ts): a changeset written for another change does not count, whatever its bump.
 */
export function checkPlans(plans: ApiPlan[], coverage: Coverage): CheckResult {
  const result: CheckResult = { ok: true, out: [], err: [] };
  for (const plan of plans) {
    const since = plan.base ? `since ${plan.base}` : (plan.note ?? "");
    if (!plan.changed) {
      result.out.push(`✔ ${plan.packageName}: spec unchanged ${since}`);
      continue;
    }
    if (plan.required === "none") {
      result.out.push(`✔ ${plan.packageName}: no bump needed (no API difference) (${since})`);
      continue;
    }
    const missing = uncovered(plan.changes, coverage, plan.packageName);
    if (missing.length === 0) {
      result.out.push(
        `✔ ${plan.packageName}: needs ${plan.required} (${since}), pending changesets cover every change`,
      );
      continue;
    }
    result.ok = false;
    const count = missing.length === 1 ? "1 change has" : `${missing.length} changes have`;
    result.err.push(
      `✖ ${plan.packageName}: ${count} no changeset (${since}; needs ${highest(missing.map((c) => c.level))}): ` +
        "run `pnpm changeset:suggest`",
    );
    result.err.push(...listChanges(missing, "    "));
  }
  return result;
}

export function formatChange(change: SpecChange): string {
  return `${change.where}: ${change.message}`;
}

/** At most SHOWN_CHANGES lines, then "… and N more". */
export function listChanges(changes: SpecChange[], indent: string): string[] {
  const lines = changes.slice(0, SHOWN_CHANGES).map((change) => `${indent}${change.level}  ${formatChange(change)}`);
  if (changes.length > SHOWN_CHANGES) lines.push(`${indent}… and ${changes.length - SHOWN_CHANGES} more`);
  return lines;
}
