#!/usr/bin/env node
/**
 * Usage: node tools/generator/src/cli.ts [api ...]
 * Generates the named APIs (folders of specs/), or all of them. Exit code 1 on the first failure, after printing
 * which spec and where; output of a failed API is left untouched.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadGenerator } from "./bundle.ts";

const { GeneratorError, generateApi, linkScaffoldedPackages, listApis, warningLines } = await loadGenerator();

const root = process.env.CHAT_SDK_ROOT ?? path.resolve(fileURLToPath(import.meta.url), "../../../..");
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const apis = requested.length > 0 ? requested : listApis(root);

const scaffolded: string[] = [];
for (const api of apis) {
  try {
    const result = await generateApi(root, api);
    for (const line of warningLines(result.warnings)) console.warn(line);
    console.log(`✔ ${result.packageName}: ${result.operations} operations -> ${result.generated.length} files`);
    for (const file of result.scaffolded) console.log(`  + scaffolded ${file}`);
    scaffolded.push(...result.scaffolded);
  } catch (error) {
    const message = error instanceof GeneratorError ? error.message : (error as Error).stack;
    console.error(`✖ ${api}: ${message}`);
    process.exit(1);
  }
}

// One install for every package this run scaffolded, not one per package.
const linked = linkScaffoldedPackages(root, scaffolded, {
  install: !process.argv.includes("--no-install"),
  log: (line) => console.log(line),
});
process.exit(linked ? 0 : 1);
