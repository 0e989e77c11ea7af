#!/usr/bin/env node
/**
 * `changeset:check` fails when a spec changed more than the pending changesets say its package does;
 * `changeset:suggest` writes the changeset it would want. Both compare specs/<api>/ with the package's last release.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { highest, type Level } from "./change.ts";
import { checkPlans } from "./check.ts";
import { pendingCoverage, uncovered } from "./coverage.ts";
import { NO_RELEASE, planAll, repoRoot } from "./plan.ts";
import { writeSuggestion } from "./suggest.ts";

const USAGE = "usage: cli.ts check|suggest [--base <ref>]";

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { base: { type: "string" } },
  });
  const command = positionals[0];
  if (positionals.length !== 1 || (command !== "check" && command !== "suggest")) {
    console.error(USAGE);
    return 2;
  }
  const root = repoRoot(process.cwd());
  const plans = await planAll(root, values.base);
  const coverage = pendingCoverage(root);
  if (command === "check") {
    const result = checkPlans(plans, coverage);
    for (const line of result.out) console.log(line);
    for (const line of result.err) console.error(line);
    return result.ok ? 0 : 1;
  }
  const changed = plans.filter((plan) => plan.changed && plan.required !== "none");
  if (changed.length === 0) console.log("nothing to suggest: no spec differs from its base");
  for (const plan of changed) {
    // Only what no pending changeset covers: a second run, or a run after more edits, never repeats a change.
    const changes = uncovered(plan.changes, coverage, plan.packageName);
    if (changes.length === 0) {
      console.log(`nothing to suggest for ${plan.packageName}: pending changesets cover every change`);
      continue;
    }
    // A first release is never a mere patch (plan.ts): that floor holds for its first changeset too.
    const floor = plan.note === NO_RELEASE ? "minor" : "patch";
    const required = highest([floor, ...changes.map((change) => change.level)]) as Level;
    const { file, written } = writeSuggestion(root, plan, required, changes);
    const shown = path.relative(root, file);
    console.log(written ? `wrote ${shown} (${plan.packageName}: ${required})` : `${shown} already exists: left as is`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
