#!/usr/bin/env node
/**
 * Runs generate -> deterministic -> typecheck -> build for every spec of a folder, one spec at a time (so the
 * timings are per spec), without the request tests, and prints one line per spec plus the tool output of every
 * failure. For trying new real specs:
 *
 *   node tools/realworld/src/cli.ts [--specs <folder>] [name ...]
 *
 * The folder defaults to $REALWORLD_SPECS, else the whole corpus, <repo>/../shared/realworld-specs. Exits 1 when any
 * spec fails.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { corpusDir, listSpecs, usageFile } from "./corpus.ts";
import { prepareSpecs, type StageResult, seconds } from "./prepare.ts";
import { build } from "./workspace.ts";

const { values, positionals } = parseArgs({
  options: { specs: { type: "string" }, help: { type: "boolean", short: "h" } },
  allowPositionals: true,
});
if (values.help) {
  console.log("usage: node tools/realworld/src/cli.ts [--specs <folder>] [name ...]");
  process.exit(0);
}
if (values.specs) process.env.REALWORLD_SPECS = path.resolve(values.specs);
process.env.REALWORLD_SET ??= "all";

let dir: string;
try {
  dir = corpusDir();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const all = listSpecs(dir);
const unknown = positionals.filter((name) => !all.some((spec) => spec.name === name));
if (unknown.length > 0) {
  console.error(`not in ${dir}: ${unknown.join(", ")} (has: ${all.map((spec) => spec.name).join(", ")})`);
  process.exit(2);
}
const specs = positionals.length > 0 ? all.filter((spec) => positionals.includes(spec.name)) : all;
if (specs.length === 0) {
  console.error(`no <name>/openapi.{yaml,yml,json} in ${dir}`);
  process.exit(2);
}

console.log(`real-world specs from ${dir}`);
const failures: string[] = [];
let passed = 0;
for (const spec of specs) {
  const prepared = await prepareSpecs([spec], { usageFile });
  try {
    const entry = prepared.specs[0];
    if (!entry) throw new Error("nothing prepared");
    const stages: Array<[string, StageResult]> = [
      ["generate", entry.generate],
      ["deterministic", entry.deterministic],
      ["typecheck", entry.typecheck],
    ];
    if (entry.generate.ok) {
      const result = await build(entry);
      stages.push(["build", { ok: result.ok, ms: result.ms, ...(result.ok ? {} : { detail: result.output }) }]);
    }
    const ok = stages.every(([, stage]) => stage.ok);
    if (ok) passed++;
    const line = stages
      .filter(([, stage]) => !stage.skipped)
      .map(([name, stage]) => `${name} ${stage.ok ? "" : "FAILED "}${seconds(stage.ms)}`)
      .join(", ");
    const ops = entry.operations === undefined ? "" : ` (${entry.operations} operations)`;
    console.log(`${ok ? "ok  " : "FAIL"} ${spec.name}${ops}: ${line}`);
    for (const [name, stage] of stages) {
      if (!stage.ok && !stage.skipped) failures.push(`--- ${spec.name}: ${name} failed ---\n${stage.detail ?? ""}`);
    }
  } finally {
    prepared.remove();
  }
}

for (const failure of failures) console.log(`\n${failure}`);
console.log(`\n${passed} of ${specs.length} specs passed`);
process.exit(passed === specs.length ? 0 : 1);
