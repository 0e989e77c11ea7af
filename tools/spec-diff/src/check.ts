import { type LevelOrNone, rank, type SpecChange } from "./change.ts";
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

/** Compares each plan with the bumps the pending changesets give. */
export function checkPlans(plans: ApiPlan[], bumps: Map<string, LevelOrNone>): CheckResult {
  const result: CheckResult = { ok: true, out: [], err: [] };
  for (const plan of plans) {
    const given = bumps.get(plan.packageName) ?? "none";
    const since = plan.base ? `since ${plan.base}` : (plan.note ?? "");
    if (!plan.changed) {
      result.out.push(`✔ ${plan.packageName}: spec unchanged ${since}`);
      continue;
    }
    if (rank(given) >= rank(plan.required)) {
      const needs = plan.required === "none" ? "no bump needed (no API difference)" : `needs ${plan.required}`;
      result.out.push(`✔ ${plan.packageName}: ${needs} (${since}), changesets give ${describe(given)}`);
      continue;
    }
    result.ok = false;
    result.err.push(`✖ ${plan.packageName}: needs ${plan.required} (${since}), changesets give ${describe(given)}`);
    const reasons = plan.changes.filter((change) => change.level === plan.required);
    result.err.push(...listChanges(reasons.length > 0 ? reasons : plan.changes, "    "));
  }
  return result;
}

function describe(level: LevelOrNone): string {
  return level === "none" ? "nothing" : level;
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
