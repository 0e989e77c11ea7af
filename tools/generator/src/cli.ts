#!/usr/bin/env node
/**
 * Usage: node tools/generator/src/cli.ts [api ...]
 * Generates the named APIs (folders of specs/), or all of them. Exit code 1 on the first failure, after printing
 * which spec and where; output of a failed API is left untouched.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GeneratorError } from "./errors.ts";
import { generateApi } from "./generate.ts";
import { listApis } from "./layout.ts";
import { warningLines } from "./validate.ts";

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

const scaffoldedAny = scaffolded.length > 0;
// Scaffolded files are handwritten from now on: give them the repo's formatting (line breaks and import order depend
// on the API's names, so a template alone cannot get them right).
const biome = path.join(root, "node_modules", ".bin", "biome");
if (scaffoldedAny && existsSync(biome)) {
  spawnSync(biome, ["check", "--write", ...scaffolded], { cwd: root, stdio: "ignore" });
}

// A new package must be linked into the workspace before it can build; do it for the user.
const pnpm = process.env.npm_config_user_agent?.startsWith("pnpm/") ? process.env.npm_execpath : undefined;
if (scaffoldedAny && !pnpm) console.log("New package(s) scaffolded: run `pnpm install` to link them.");
if (scaffoldedAny && pnpm && !process.argv.includes("--no-install")) {
  console.log("Linking the new package(s): pnpm install");
  const result = spawnSync(process.execPath, [pnpm, "install", "--no-frozen-lockfile", "--prefer-offline"], {
    cwd: root,
    stdio: "inherit",
  });
  process.exit(result.status ?? 1);
}
