import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export interface LinkOptions {
  /** Skip `pnpm install` (tests, benchmarks, `--no-install`). */
  install: boolean;
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/**
 * After a run that scaffolded new packages: format the scaffolded files once and link every new package with ONE
 * `pnpm install`, however many APIs the run generated (one install per package made a first run of 50 specs take
 * minutes). Returns false when the install failed.
 */
export function linkScaffoldedPackages(root: string, scaffolded: string[], options: LinkOptions): boolean {
  if (scaffolded.length === 0) return true;
  const env = options.env ?? process.env;
  // Scaffolded files are handwritten from now on: give them the repo's formatting (line breaks and import order
  // depend on the API's names, so a template alone cannot get them right).
  const biome = path.join(root, "node_modules", ".bin", "biome");
  if (existsSync(biome)) spawnSync(biome, ["check", "--write", ...scaffolded], { cwd: root, stdio: "ignore" });

  // Only when pnpm started us do we know which pnpm to run; otherwise tell the user.
  const pnpm = env.npm_config_user_agent?.startsWith("pnpm/") ? env.npm_execpath : undefined;
  if (!pnpm) {
    options.log("New package(s) scaffolded: run `pnpm install` to link them.");
    return true;
  }
  if (!options.install) return true;
  options.log("Linking the new package(s): pnpm install");
  const result = spawnSync(process.execPath, [pnpm, "install", "--no-frozen-lockfile", "--prefer-offline"], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  return result.status === 0;
}
