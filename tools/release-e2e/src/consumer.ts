import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "./run.ts";

const FIXTURE = fileURLToPath(new URL("../fixtures/consumer/", import.meta.url));
const TYPES_FIXTURE = fileURLToPath(new URL("../fixtures/types-consumer/", import.meta.url));

/** The types packages a types-only consumer installs: nothing else of the scope. */
export const TYPES_PACKAGES = ["@chat-sdk/livechat-configuration-types", "@chat-sdk/rocket-chat-types"];

/**
 * A fresh project outside the workspace that installs the released packages like any team would: `@chat-sdk/*` from
 * the local registry (scoped `.npmrc`), everything else from the usual registry.
 */
export async function createConsumer(
  dir: string,
  registryUrl: string,
  versions: Record<string, string>,
): Promise<string> {
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }, null, 2));
  writeFileSync(path.join(dir, ".npmrc"), `@chat-sdk:registry=${registryUrl}\n`);
  const wanted = ["@chat-sdk/rocket-chat", "@chat-sdk/livechat-configuration"].map(
    (name) => `${name}@${versions[name]}`,
  );
  // msw 2 and vitest for the team's own tests with the testing kits (kit/): msw is the kits' optional peer.
  const testing = ["msw@2.15.0", "vitest@5.1.1"];
  await run("npm", ["install", "--no-audit", "--no-fund", ...wanted, "typescript@5.9.3", ...testing], { cwd: dir });
  return dir;
}

/**
 * A second fresh project, for a team that implements a server or a mock: it installs only the types packages (and
 * TypeScript), an ES module package whose `.cts` file is CommonJS, so node16 resolution takes both conditions.
 */
export async function createTypesConsumer(
  dir: string,
  registryUrl: string,
  versions: Record<string, string>,
): Promise<string> {
  cpSync(TYPES_FIXTURE, dir, { recursive: true });
  const manifest = { name: "types-consumer", private: true, type: "module" };
  writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, ".npmrc"), `@chat-sdk:registry=${registryUrl}\n`);
  const wanted = TYPES_PACKAGES.map((name) => `${name}@${versions[name]}`);
  await run("npm", ["install", "--no-audit", "--no-fund", ...wanted, "typescript@5.9.3"], { cwd: dir });
  return dir;
}
