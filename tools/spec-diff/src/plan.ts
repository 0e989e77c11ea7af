import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { highest, type LevelOrNone, type SpecChange } from "./change.ts";
import { diffSpecs } from "./diff.ts";
import { git, loadSpecAtRef, loadSpecFile, type SpecDocument } from "./load.ts";
import { typesChanges } from "./types-level.ts";

/** What one API's spec asks of its package's next release. */
export interface ApiPlan {
  api: string;
  packageName: string;
  /** The ref compared with, or undefined when the package has never been released. */
  base?: string;
  /** False when the spec files are identical to the base: nothing to check. */
  changed: boolean;
  changes: SpecChange[];
  required: LevelOrNone;
  note?: string;
  /** True for the API's types package (`<package>-types`), whose changesets get their own file names. */
  types?: boolean;
}

export const NO_RELEASE = "no released version: any change is at least minor";

/** The top of the git work tree containing `cwd`: both commands work from any folder of the repo. */
export function repoRoot(cwd: string): string {
  return git(cwd, ["rev-parse", "--show-toplevel"]).trim();
}

/** Every `specs/<api>/openapi.yaml`, sorted, with the package it generates. */
export function listApis(root: string): { api: string; packageName: string; version?: string }[] {
  const specs = path.join(root, "specs");
  if (!existsSync(specs)) return [];
  const apis = readdirSync(specs, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(specs, entry.name, "openapi.yaml")))
    .map((entry) => entry.name)
    .sort();
  return apis.map((api) => {
    const file = path.join(root, "packages", api, "package.json");
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (manifest.name) return { api, packageName: manifest.name, version: manifest.version };
    }
    // Not generated yet: the generator will name it <scope>/<api>, the scope coming from the root package.json.
    const rootManifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      chatSdk?: { scope?: string };
    };
    const scope = rootManifest.chatSdk?.scope;
    return { api, packageName: scope ? `${scope}/${api}` : api };
  });
}

function refExists(root: string, ref: string): boolean {
  try {
    git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** The release tag first; then the `--base` the caller gave; then origin/main; never the first commit. */
export function resolveBase(root: string, packageName: string, version: string | undefined, base?: string) {
  const tag = version ? `${packageName}@${version}` : undefined;
  if (tag && refExists(root, `refs/tags/${tag}`)) return `refs/tags/${tag}`;
  if (base !== undefined) {
    if (!refExists(root, base)) throw new Error(`--base ${base}: no such commit, branch or tag`);
    return base;
  }
  return refExists(root, "origin/main") ? "origin/main" : undefined;
}

/** Tracked edits (staged or not) and new untracked files both count: the check runs before committing too. */
function specChanged(root: string, base: string, api: string): boolean {
  const folder = `specs/${api}`;
  try {
    execFileSync("git", ["diff", "--quiet", base, "--", folder], { cwd: root, stdio: "ignore" });
  } catch {
    return true;
  }
  return git(root, ["ls-files", "--others", "--exclude-standard", "--", folder]).trim() !== "";
}

export async function planApi(root: string, api: string, packageName: string, version?: string, baseArg?: string) {
  const base = resolveBase(root, packageName, version, baseArg);
  const shown = base?.replace(/^refs\/tags\//, "");
  if (base && !specChanged(root, base, api)) {
    return { api, packageName, base: shown, changed: false, changes: [], required: "none" } satisfies ApiPlan;
  }
  const after = await loadSpecFile(path.join(root, "specs", api, "openapi.yaml"));
  const before = base ? await loadSpecAtRef(root, base, api) : undefined;
  if (!before) {
    // Nothing released to compare with: every operation is new, and a first release is never a mere patch.
    const changes = diffSpecs(emptyLike(after), after);
    const required = highest(["minor", ...changes.map((change) => change.level)]);
    return { api, packageName, changed: true, changes, required, note: NO_RELEASE } satisfies ApiPlan;
  }
  const changes = diffSpecs(before, after);
  const required = highest(changes.map((change) => change.level));
  return { api, packageName, base: shown, changed: true, changes, required } satisfies ApiPlan;
}

/** The same document without operations, so only "operation added" changes come out of the comparison. */
function emptyLike(doc: SpecDocument): SpecDocument {
  return { ...doc, paths: {} };
}

/** Both packages of every API: the client's plan, then its types package's (see types-level.ts). */
export async function planAll(root: string, baseArg?: string): Promise<ApiPlan[]> {
  const plans: ApiPlan[] = [];
  for (const { api, packageName, version } of listApis(root)) {
    plans.push(await planApi(root, api, packageName, version, baseArg));
    const types = typesPackage(root, api, packageName);
    plans.push(typesPlan(await planApi(root, api, types.packageName, types.version, baseArg)));
  }
  return plans;
}

/** The API's types package: `packages/<api>-types/package.json`, else the name the generator will give it. */
export function typesPackage(root: string, api: string, clientName: string): { packageName: string; version?: string } {
  const file = path.join(root, "packages", `${api}-types`, "package.json");
  const manifest = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string })
    : {};
  return manifest.name
    ? { packageName: manifest.name, version: manifest.version }
    : { packageName: `${clientName}-types` };
}

/** A plan of the types package: the same comparison, each change at the level the types package needs. */
export function typesPlan(plan: ApiPlan): ApiPlan {
  const changes = typesChanges(plan.changes);
  const floor: LevelOrNone[] = plan.note === NO_RELEASE ? ["minor"] : [];
  const required = plan.changed ? highest([...floor, ...changes.map((change) => change.level)]) : "none";
  return { ...plan, types: true, changes, required };
}
