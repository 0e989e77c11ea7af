/**
 * `pnpm lint:workflows`: every GitHub Actions workflow checked against the workflow schema by action-validator
 * (one file per run; it also checks that the globs in `paths` filters match files of the repo).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { step } from "./run.ts";

const DIR = ".github/workflows";
const files = readdirSync(DIR)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
if (files.length === 0) {
  console.error(`✖ no workflow in ${DIR}`);
  process.exit(1);
}
for (const file of files) step(`Validate ${file}`, "action-validator", [path.join(DIR, file)]);
