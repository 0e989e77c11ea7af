/**
 * Scratch workspaces for the generation benchmarks, in a temp folder outside the repo, so that a benchmark never
 * writes into the working tree: N renamed copies of one of our specs, and (for `bench:scale`) the Nx plugin, the
 * generator and the runtime with their own `pnpm install`.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** Copies specs/<from>/ to <root>/specs/<to>/ without sdk.yaml, so each copy is named after its own folder. */
export function copySpec(root: string, from: string, to: string): void {
  cpSync(path.join(REPO, "specs", from), path.join(root, "specs", to), {
    recursive: true,
    filter: (source) => path.basename(source) !== "sdk.yaml",
  });
}

/** `<prefix>-001`, `<prefix>-002`, ...: sorted like the numbers. */
export function copyNames(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(3, "0")}`);
}

/** Enough for the generator CLI (`CHAT_SDK_ROOT=<root>`): the scope, a tsconfig base and the specs. */
export function specsWorkspace(root: string): void {
  mkdirSync(path.join(root, "specs"), { recursive: true });
  const scope = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")).chatSdk;
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ private: true, type: "module", chatSdk: scope }));
  cpSync(path.join(REPO, "tsconfig.shared.json"), path.join(root, "tsconfig.shared.json"));
  // Biome formats what the generator scaffolds; without our config it would also reformat the README's table.
  cpSync(path.join(REPO, "biome.json"), path.join(root, "biome.json"));
}

const SKIP = new Set(["node_modules", "dist", ".vitest", "test", "reference"]);
const copyTree = (from: string, to: string) =>
  cpSync(path.join(REPO, from), path.join(to, from), {
    recursive: true,
    filter: (source) => !SKIP.has(path.basename(source)),
  });

/** Root devDependencies the scratch workspace needs, at the repo's exact versions. */
const ROOT_TOOLS = ["nx", "@nx/devkit", "typescript", "tsdown", "openapi-typescript", "@types/node", "@biomejs/biome"];

/**
 * A workspace Nx can run: our plugin (tools/nx-plugin), the generator, the runtime and the root tools, linked by
 * `pnpm install`. Specs are added by the caller. The plugin also infers `bench-noop` (see generate-target.ts).
 */
export function nxWorkspace(root: string): void {
  specsWorkspace(root);
  const repoPackage = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8"));
  const devDependencies = Object.fromEntries(ROOT_TOOLS.map((name) => [name, repoPackage.devDependencies[name]]));
  const manifest = { ...repoPackage, name: "bench-scale", scripts: {}, devDependencies };
  writeFileSync(path.join(root, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(path.join(root, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n  - tools/*\n");
  const { namedInputs } = JSON.parse(readFileSync(path.join(REPO, "nx.json"), "utf8"));
  const nx = { plugins: ["./tools/nx-plugin/index.ts"], namedInputs, parallel: 2, cacheDirectory: ".nx/cache" };
  writeFileSync(path.join(root, "nx.json"), JSON.stringify(nx, null, 2));
  for (const dir of ["tools/generator", "tools/nx-plugin", "tools/test-utils", "packages/runtime"]) copyTree(dir, root);
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
