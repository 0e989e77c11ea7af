import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** One spec of a corpus: `<dir>/<entry>` (openapi.yaml, .yml or .json), generated as the API `<name>`. */
export interface SpecSource {
  /** Folder name, also the API name in the scratch workspace (specs/<name>/, packages/<name>/). */
  name: string;
  /** The folder holding the spec (every file of it is copied, so multi-file specs keep their relative refs). */
  dir: string;
  /** The entry file's name inside `dir`. */
  entry: string;
}

/** Entry file names tried in each spec folder, in this order. */
export const ENTRY_FILES = ["openapi.yaml", "openapi.yml", "openapi.json"];

/**
 * Specs run by `pnpm test` (the fast subset, about a minute for all six); `pnpm test:realworld` runs every spec of
 * the corpus, including any added to it later. The synthetic fixtures of tools/realworld/fixtures always run.
 */
export const SUBSET = [
  "petstore-30",
  "petstore-expanded-30",
  "api-with-examples-30",
  "callback-example-30",
  "swagger-petstore",
  "twilio-conversations",
];

/** The repo root: the folder holding pnpm-workspace.yaml above this file. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("pnpm-workspace.yaml not found above tools/realworld");
    dir = parent;
  }
  return dir;
}

/** tools/realworld/usage/<name>.ts: typed calls of that spec's client, type-checked with the package. */
export function usageFile(spec: SpecSource): string {
  return path.join(repoRoot(), "tools", "realworld", "usage", `${spec.name}.ts`);
}

/** Synthetic specs of this package (constructs no spec of the corpus has). */
export function fixturesDir(): string {
  return path.join(repoRoot(), "tools", "realworld", "fixtures");
}

/**
 * The corpus folder: `$REALWORLD_SPECS` (absolute, or relative to the current directory); else, for the whole corpus
 * (`REALWORLD_SET=all`, `pnpm test:realworld`), `<repo>/../shared/realworld-specs` (CI clones the repo with `shared/`
 * next to it); else the vendored copy of the subset in tools/realworld/corpus, so `pnpm test` runs from any clone.
 */
export function corpusDir(): string {
  const fromEnv = process.env.REALWORLD_SPECS;
  const shared = process.env.REALWORLD_SET === "all";
  const dir = fromEnv
    ? path.resolve(fromEnv)
    : shared
      ? path.resolve(repoRoot(), "../shared/realworld-specs")
      : path.join(repoRoot(), "tools", "realworld", "corpus");
  if (!existsSync(dir)) {
    throw new Error(
      `real-world spec corpus not found at ${dir}. ` +
        (fromEnv
          ? "REALWORLD_SPECS names a folder that does not exist."
          : "Put the corpus next to the repo (<repo>/../shared/realworld-specs) or set REALWORLD_SPECS to a folder of <name>/openapi.yaml specs."),
    );
  }
  return dir;
}

/** Every `<name>/openapi.{yaml,yml,json}` of a folder, sorted by name. */
export function listSpecs(dir: string): SpecSource[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const file = ENTRY_FILES.find((name) => existsSync(path.join(dir, entry.name, name)));
      return file ? [{ name: entry.name, dir: path.join(dir, entry.name), entry: file }] : [];
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Which corpus specs run, from `$REALWORLD_SET`: `all`, `subset` (the default, {@link SUBSET}) or a comma-separated
 * list of names. With `$REALWORLD_SPECS` set and no `$REALWORLD_SET`, every spec of that folder runs.
 */
export function selectedSpecs(): SpecSource[] {
  const all = listSpecs(corpusDir());
  const set = process.env.REALWORLD_SET ?? (process.env.REALWORLD_SPECS ? "all" : "subset");
  if (set === "all") return all;
  const names = set === "subset" ? SUBSET : set.split(",").map((name) => name.trim());
  const unknown = set === "subset" ? [] : names.filter((name) => !all.some((spec) => spec.name === name));
  if (unknown.length > 0)
    throw new Error(`REALWORLD_SET names specs that are not in ${corpusDir()}: ${unknown.join(", ")}`);
  return all.filter((spec) => names.includes(spec.name));
}

/** The synthetic fixtures (always selected). */
export function fixtureSpecs(): SpecSource[] {
  return existsSync(fixturesDir()) ? listSpecs(fixturesDir()) : [];
}
