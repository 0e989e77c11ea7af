import { spawn } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { type GenerateResult, generateApi } from "@chat-sdk/generator";
import { repoRoot, type SpecSource } from "./corpus.ts";

import { readTree } from "./files.ts";

export { diffTrees, readTree } from "./files.ts";

/** npm scope of the scratch workspaces: not the repo's, so nothing in the generator may assume `@chat-sdk`. */
export const DEFAULT_SCOPE = "@rw";

/** Packages the scratch workspace borrows from the repo's root node_modules (tools and ambient types). */
const ROOT_TOOLS = ["typescript", "tsdown", "vitest", "@types/node"];

/**
 * A throwaway workspace in the OS temp dir, shaped like the repo (root package.json with `chatSdk.scope`,
 * tsconfig.shared.json, specs/<api>/), in which the generator scaffolds and generates packages/<api>/.
 */
export interface Workspace {
  readonly root: string;
  readonly scope: string;
  /** Copies a spec folder (every file, for relative refs) to specs/<api>/. */
  add(spec: SpecSource): ScratchPackage;
  /** Removes the whole temp dir (unless $REALWORLD_KEEP is set: then it says where it is). */
  remove(): void;
}

/** One API of a workspace: specs/<api>/openapi.yaml -> packages/<api>/ and its types package packages/<api>-types/. */
export interface ScratchPackage {
  readonly root: string;
  readonly scope: string;
  readonly api: string;
  /** packages/<api> */
  readonly packageDir: string;
  /** packages/<api>-types: the declarations the client's generated code imports. */
  readonly typesDir: string;
  /** `<scope>/<api>` */
  readonly packageName: string;
}

export interface ToolRun {
  ok: boolean;
  /** Exit code (null when killed by a signal). */
  code: number | null;
  /** stdout and stderr, interleaved as they arrived. */
  output: string;
  ms: number;
}

/** A valid npm package name segment for a spec folder name (`My API v2` -> `my-api-v2`). */
export function apiName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|-+$/g, "");
  return name || "api";
}

export function createWorkspace(scope = process.env.REALWORLD_SCOPE ?? DEFAULT_SCOPE): Workspace {
  const repo = repoRoot();
  const root = mkdtempSync(path.join(os.tmpdir(), "realworld-"));
  writeFileSync(
    path.join(root, "package.json"),
    `${JSON.stringify({ name: "realworld-scratch", private: true, type: "module", chatSdk: { scope } }, null, 2)}\n`,
  );
  copyFileSync(path.join(repo, "tsconfig.shared.json"), path.join(root, "tsconfig.shared.json"));
  for (const name of ROOT_TOOLS) link(path.join(repo, "node_modules", name), path.join(root, "node_modules", name));
  return {
    root,
    scope,
    add(spec) {
      const api = apiName(spec.name);
      const specDir = path.join(root, "specs", api);
      if (existsSync(specDir)) throw new Error(`two specs named ${api} in one workspace`);
      cpSync(spec.dir, specDir, { recursive: true });
      // The generator reads specs/<api>/openapi.yaml; JSON is YAML, so an openapi.json entry is copied to that name.
      if (spec.entry !== "openapi.yaml") {
        copyFileSync(path.join(spec.dir, spec.entry), path.join(specDir, "openapi.yaml"));
      }
      const packageDir = path.join(root, "packages", api);
      const typesDir = path.join(root, "packages", `${api}-types`);
      return { root, scope, api, packageDir, typesDir, packageName: `${scope}/${api}` };
    },
    remove() {
      if (process.env.REALWORLD_KEEP) console.log(`[realworld] kept ${root}`);
      else rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the generator (in process) and makes `<scope>/runtime`, `<scope>/test-utils` and the API's types package
 * resolvable from the package: node_modules symlinks to the repo's packages/runtime (its dist must be built),
 * tools/test-utils and the workspace's packages/<api>-types (built by {@link build}).
 */
export async function generate(pkg: ScratchPackage): Promise<GenerateResult & { ms: number }> {
  const started = performance.now();
  const result = await generateApi(pkg.root, pkg.api);
  const ms = performance.now() - started;
  const repo = repoRoot();
  const modules = path.join(pkg.packageDir, "node_modules", pkg.scope);
  link(path.join(repo, "packages", "runtime"), path.join(modules, "runtime"));
  link(path.join(repo, "tools", "test-utils"), path.join(modules, "test-utils"));
  link(pkg.typesDir, path.join(pkg.packageDir, "node_modules", ...result.typesPackageName.split("/")));
  return { ...result, ms };
}

/** Every file of both packages of an API, as `<api>/...` and `<api>-types/...`: what generation must reproduce. */
export function readPackageTrees(pkg: ScratchPackage): Map<string, Buffer> {
  const prefixed = (dir: string) =>
    [...readTree(dir)].map(([name, bytes]) => [path.join(path.basename(dir), name), bytes] as const);
  return new Map([...prefixed(pkg.packageDir), ...prefixed(pkg.typesDir)]);
}

/** Copies a TypeScript file of typed calls to packages/<api>/test/usage.ts, so that tsc checks it too. */
export function addUsage(pkg: ScratchPackage, file: string): void {
  const target = path.join(pkg.packageDir, "test", "usage.ts");
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(file, target);
}

/** `tsc --noEmit -p tsconfig.json` in the generated package (sources, scaffolded test and any usage file). */
export function typecheck(pkg: ScratchPackage): Promise<ToolRun> {
  return tsc(pkg.packageDir);
}

/**
 * One tsc run over several packages of a workspace (a root tsconfig.json including their src and test folders,
 * with the scaffolded package tsconfig's options): the lib and tool types are checked once instead of per package.
 * Errors are `packages/<api>/...` lines; see {@link splitTscOutput}.
 */
export function typecheckTogether(workspace: Workspace, apis: string[]): Promise<ToolRun> {
  const include = apis.flatMap((api) => [`packages/${api}/src`, `packages/${api}/test`, `packages/${api}-types/src`]);
  // The types packages resolved to their sources, so that no build comes before the type-check.
  const paths = { [`${workspace.scope}/*-types`]: ["./packages/*-types/src/index.ts"] };
  const config = { extends: "./tsconfig.shared.json", compilerOptions: { types: ["node"], paths }, include };
  writeFileSync(path.join(workspace.root, "tsconfig.json"), `${JSON.stringify(config, null, 2)}\n`);
  return tsc(workspace.root);
}

/** tsc diagnostics (`--pretty false`) by API: `packages/<api>/` lines and their continuation lines; the rest under "". */
export function splitTscOutput(output: string): Map<string, string> {
  const byApi = new Map<string, string[]>();
  let current = "";
  for (const line of output.split("\n")) {
    if (!/^\s/.test(line)) current = /^packages\/([^/]+)\//.exec(line)?.[1] ?? "";
    const lines = byApi.get(current) ?? [];
    lines.push(line);
    byApi.set(current, lines);
  }
  return new Map([...byApi].map(([api, lines]) => [api, lines.join("\n").trim()]));
}

/**
 * `tsdown` with the scaffolded tsdown.config.ts, the types package first (the client's declarations import it):
 * dist/index.{js,cjs,d.ts,d.cts} of both.
 */
export async function build(pkg: ScratchPackage): Promise<ToolRun> {
  const tsdown = path.join(realpathSync(path.join(repoRoot(), "node_modules", "tsdown")), "dist", "run.mjs");
  const types = await run(process.execPath, [tsdown, "--logLevel", "warn"], pkg.typesDir);
  if (!types.ok) return { ...types, output: `${pkg.api}-types: ${types.output}` };
  const client = await run(process.execPath, [tsdown, "--logLevel", "warn"], pkg.packageDir);
  return { ...client, ms: types.ms + client.ms };
}

function tsc(cwd: string): Promise<ToolRun> {
  const bin = path.join(repoRoot(), "node_modules", "typescript", "lib", "tsc.js");
  return run(process.execPath, [bin, "--noEmit", "--pretty", "false", "-p", "tsconfig.json"], cwd);
}

function link(target: string, at: string): void {
  if (!existsSync(target)) throw new Error(`cannot link ${at}: ${target} does not exist (run pnpm install / build)`);
  const real = realpathSync(target);
  if (existsSync(at) && realpathSync(at) === real) return; // regenerating in place: already linked
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(real, at, "junction");
}

const MAX_OUTPUT = 200_000;

function run(command: string, args: string[], cwd: string): Promise<ToolRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
    let output = "";
    const collect = (chunk: Buffer) => {
      if (output.length < MAX_OUTPUT) output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) => {
      output += `\n${error.message}`;
    });
    child.on("close", (code) => {
      const text = output.length >= MAX_OUTPUT ? `${output.slice(0, MAX_OUTPUT)}\n… (output truncated)` : output;
      resolve({ ok: code === 0, code, output: text.trim(), ms: performance.now() - started });
    });
  });
}
