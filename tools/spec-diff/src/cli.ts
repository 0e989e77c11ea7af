#!/usr/bin/env node
/**
 * `changeset:check` fails when a spec changed more than the pending changesets say its package does;
 * `changeset:suggest` writes the changeset it would want. Both compare specs/<api>/ with the package's last release.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { type Level, rank } from "./change.ts";
import { pendingBumps } from "./changesets.ts";
import { checkPlans } from "./check.ts";
import { type ApiPlan, planAll, repoRoot } from "./plan.ts";
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
  if (command === "check") {
    const result = checkPlans(plans, pendingBumps(root));
    for (const line of result.out) console.log(line);
    for (const line of result.err) console.error(line);
    return result.ok ? 0 : 1;
  }
  const wanted = plans.filter(
    (plan): plan is ApiPlan & { required: Level } => plan.changed && plan.required !== "none",
  );
  if (wanted.length === 0) console.log("nothing to suggest: no spec differs from its base");
  const bumps = pendingBumps(root);
  for (const plan of wanted) {
    const { file, written } = writeSuggestion(root, plan);
    const shown = path.relative(root, file);
    const given = bumps.get(plan.packageName) ?? "none";
    // Still written (its summary may be worth keeping), but the author should know a changeset already covers it.
    const covered = rank(given) >= rank(plan.required) ? `; pending changesets already give ${given}` : "";
    console.log(
      written
        ? `wrote ${shown} (${plan.packageName}: ${plan.required}${covered})`
        : `${shown} already exists: left as is`,
    );
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
