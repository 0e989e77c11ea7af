#!/usr/bin/env node
/**
 * `node tools/docs/src/cli.ts <api>...`: builds packages/<api>/reference/ (see reference.ts) for each API named, or
 * for every API under specs/ when none is. Run by each package's Nx `docs` target and by `pnpm docs`.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listApis } from "@chat-sdk/generator/docs";
import { buildReference } from "./reference.ts";

const root = path.resolve(fileURLToPath(new URL("../../../", import.meta.url)));
const apis = process.argv.slice(2).length > 0 ? process.argv.slice(2) : listApis(root);
let failed = false;
for (const api of apis) {
  try {
    const built = await buildReference(root, api);
    console.log(`✔ ${api}: ${built.operations} operations -> ${path.relative(root, built.html)}`);
  } catch (error) {
    failed = true;
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    console.error(`✖ ${api}: ${(error as Error).message}${stderr ? `\n${stderr}` : ""}`);
  }
}
process.exit(failed ? 1 : 0);
