/**
 * `pnpm test`: everything CI checks, in the order a failure is cheapest to explain.
 * Spec lint -> code style -> CI workflows -> generate + drift check -> changesets cover spec changes -> typecheck, tests (the release
 * test publishes to a local Verdaccio and uses the packages from Node and Chromium), build, package lint -> size
 * budgets -> affected wiring.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { step } from "./run.ts";

step("Lint every spec (Redocly, strict)", "nx", ["run-many", "-t", "lint-spec", "--outputStyle=static"]);
step("Lint and format code (Biome)", "biome", ["check", "."]);
step("Validate the GitHub Actions workflows (action-validator)", "node", ["tools/scripts/lint-workflows.ts"]);
// --batch: one process generates every API (tools/nx-plugin/generate-executor.ts), still cached per API.
step("Generate all packages", "nx", ["run-many", "-t", "generate", "--batch", "--outputStyle=static"]);
step("Check generated code is committed", "node", ["tools/scripts/check-drift.ts"]);
step("Check changesets cover every spec change", "node", ["tools/spec-diff/src/cli.ts", "check"]);
step("Typecheck, test, build, publint + attw", "nx", [
  "run-many",
  "-t",
  "typecheck",
  "test",
  "build",
  "lint-package",
  "--outputStyle=static",
]);
step("Check bundle sizes against their budgets (size-limit)", "nx", ["run-many", "-t", "size", "--outputStyle=static"]);
step("Check nx affected per spec", "node", ["tools/scripts/check-affected.ts"]);

// One closing line that counts every test of every package (vitest writes .vitest/results.json per package).
let passed = 0;
let failed = 0;
for (const base of ["packages", "tools"]) {
  for (const dir of readdirSync(base)) {
    const file = path.join(base, dir, ".vitest", "results.json");
    if (!existsSync(file)) continue;
    const results = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
    passed += results.numPassedTests;
    failed += results.numFailedTests;
  }
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
