import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { decidedVersions, type PendingChangeset, readChangesets } from "./changesets.ts";
import { run } from "./run.ts";
import type { Registry } from "./verdaccio.ts";

export const PUBLISHED = [
  "runtime",
  "rocket-chat-types",
  "rocket-chat",
  "livechat-configuration-types",
  "livechat-configuration",
] as const;

/** What a consumer may find in a tarball: the build, the docs, the license, the manifest. */
const ALLOWED_FILE = /^(dist\/.+|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/;

interface Manifest {
  name: string;
  version: string;
  publishConfig?: { provenance?: boolean; access?: string };
}

export interface Release {
  versions: Record<string, string>;
  /** Files of each tarball, by package name. */
  tarballs: Record<string, string[]>;
  /** CHANGELOG.md as `changeset version` wrote it, by package name. */
  changelogs: Record<string, string>;
  /** The changesets `changeset version` consumed, and the version they decide for each package they name. */
  changesets: PendingChangeset[];
  decided: Record<string, string>;
}

/**
 * Releases the committed state of the repo the way CI would: a clean clone, install, build, `changeset version`
 * (bumps and CHANGELOG.md from the pending changesets), then `pnpm publish-packages` to the given registry.
 */
export async function releaseTo(registry: Registry, repoRoot: string, workDir: string): Promise<Release> {
  const clone = path.join(workDir, "repo");
  const bin = `${path.join(clone, "node_modules", ".bin")}${path.delimiter}${path.join(repoRoot, "node_modules", ".bin")}`;
  const env = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    CI: "true",
    NX_DAEMON: "false",
  };
  // Only publishing talks to the local registry: installs keep the usual one (the `node` package even runs npm).
  const publishEnv = { ...env, npm_config_registry: registry.url };
  await run("git", ["clone", "--quiet", repoRoot, clone], { cwd: workDir });
  await run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], { cwd: clone, env });
  await run("nx", ["run-many", "-t", "build", "--outputStyle=static"], { cwd: clone, env });
  // Read before `changeset version` deletes the changesets and overwrites the versions they start from.
  const changesets = readChangesets(path.join(clone, ".changeset"));
  const decided = decidedVersions(Object.fromEntries(PUBLISHED.map((dir) => manifestOf(clone, dir))), changesets);
  await run("changeset", ["version"], { cwd: clone, env });

  const tarballs: Record<string, string[]> = {};
  const versions: Record<string, string> = {};
  const changelogs: Record<string, string> = {};
  for (const dir of PUBLISHED) {
    const cwd = path.join(clone, "packages", dir);
    const manifestFile = path.join(cwd, "package.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    versions[manifest.name] = manifest.version;
    changelogs[manifest.name] = readFileSync(path.join(cwd, "CHANGELOG.md"), "utf8");
    // Provenance is the release workflow's environment switch (NPM_CONFIG_PROVENANCE), never forced by a manifest:
    // a manifest that forced it could not be published to this registry, nor any private one.
    if (manifest.publishConfig?.provenance !== undefined)
      throw new Error(`${manifest.name} sets publishConfig.provenance`);
    const packed = JSON.parse(
      await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd, env }),
    ) as Array<{
      files: Array<{ path: string }>;
    }>;
    tarballs[manifest.name] = (packed[0]?.files ?? []).map((file) => file.path).sort();
  }
  const unexpected = Object.entries(tarballs).flatMap(([name, files]) =>
    files.filter((file) => !ALLOWED_FILE.test(file)).map((file) => `${name}: ${file}`),
  );
  if (unexpected.length > 0) throw new Error(`unexpected files in tarballs:\n${unexpected.join("\n")}`);

  const host = registry.url.replace(/^https?:/, "");
  writeFileSync(path.join(clone, ".npmrc"), `${host}:_authToken=${registry.token}\n`);
  // The README's path for another registry: npm_config_registry, then the same script `pnpm release` ends with.
  await run("pnpm", ["publish-packages"], { cwd: clone, env: publishEnv });
  return { versions, tarballs, changelogs, changesets, decided };
}

function manifestOf(clone: string, dir: string): [string, string] {
  const manifest = JSON.parse(readFileSync(path.join(clone, "packages", dir, "package.json"), "utf8")) as Manifest;
  return [manifest.name, manifest.version];
}
