import { existsSync } from "node:fs";
import type { SpecSource } from "./corpus.ts";
import { diffTrees } from "./files.ts";
import {
  addUsage,
  createWorkspace,
  generate,
  readPackageTrees,
  type ScratchPackage,
  splitTscOutput,
  typecheckTogether,
  type Workspace,
} from "./workspace.ts";

export interface StageResult {
  ok: boolean;
  ms: number;
  /** The error or tool output when the stage failed; why it did not run when skipped. */
  detail?: string;
  skipped?: boolean;
}

/** A generated package of the prepared workspace and how its stages went (plain data: crosses to test workers). */
export interface PreparedSpec {
  name: string;
  api: string;
  root: string;
  scope: string;
  packageDir: string;
  /** packages/<api>-types */
  typesDir: string;
  packageName: string;
  operations?: number;
  generate: StageResult;
  deterministic: StageResult;
  /** One tsc run covers every package of the workspace: `ms` is that run's time, shared by all of them. */
  typecheck: StageResult;
}

export interface Prepared {
  root: string;
  specs: PreparedSpec[];
  remove(): void;
}

export interface PrepareOptions {
  /** A TypeScript file of typed calls to check with the package (copied to packages/<api>/test/usage.ts). */
  usageFile?: (spec: SpecSource) => string | undefined;
}

/**
 * In one scratch workspace: generate every spec, check that generation is deterministic (a second, fresh workspace
 * and a regeneration in place give identical bytes for every file of packages/<api>), then type-check all packages
 * in one tsc run. A failing spec never stops the others. Building (tsdown) is left to the caller, per package.
 */
export async function prepareSpecs(specs: SpecSource[], options: PrepareOptions = {}): Promise<Prepared> {
  const workspace = createWorkspace();
  try {
    const entries = specs.map((spec) => ({ spec, pkg: workspace.add(spec) }));
    const prepared: PreparedSpec[] = [];
    for (const { spec, pkg } of entries) {
      const entry = describePackage(spec, pkg);
      try {
        const result = await generate(pkg);
        entry.generate = { ok: true, ms: result.ms };
        entry.operations = result.operations;
      } catch (error) {
        entry.generate = { ok: false, ms: 0, detail: message(error) };
      }
      prepared.push(entry);
    }

    await checkDeterministic(workspace, entries, prepared);

    const generated = entries.filter((_, index) => prepared[index]?.generate.ok);
    for (const { spec, pkg } of generated) {
      const file = options.usageFile?.(spec);
      if (file && existsSync(file)) addUsage(pkg, file);
    }
    if (generated.length > 0) {
      const result = await typecheckTogether(
        workspace,
        generated.map(({ pkg }) => pkg.api),
      );
      const byApi = splitTscOutput(result.output);
      // Errors outside any package (bad options, a crash) count against every package of the run.
      const general = byApi.get("") || (result.ok || result.output ? "" : `tsc exited ${result.code} without output`);
      for (const entry of prepared.filter((e) => e.generate.ok)) {
        // Its types package's lines (`packages/<api>-types/...`) count against the API too.
        const own = [byApi.get(entry.api), byApi.get(`${entry.api}-types`)].filter(Boolean).join("\n");
        const detail = [own, general].filter(Boolean).join("\n");
        entry.typecheck = { ok: result.ok || detail === "", ms: result.ms, ...(detail ? { detail } : {}) };
      }
    }
    return { root: workspace.root, specs: prepared, remove: () => workspace.remove() };
  } catch (error) {
    workspace.remove();
    throw error;
  }
}

async function checkDeterministic(
  workspace: Workspace,
  entries: Array<{ spec: SpecSource; pkg: ScratchPackage }>,
  prepared: PreparedSpec[],
): Promise<void> {
  const second = createWorkspace(workspace.scope);
  try {
    for (const [index, { spec, pkg }] of entries.entries()) {
      const entry = prepared[index] as PreparedSpec;
      if (!entry.generate.ok) continue;
      const started = performance.now();
      try {
        const reference = readPackageTrees(pkg);
        const fresh = second.add(spec);
        await generate(fresh);
        const differ = diffTrees(reference, readPackageTrees(fresh));
        if (differ.length > 0) throw new Error(`a generation in a fresh workspace differs in: ${differ.join(", ")}`);
        await generate(pkg);
        const changed = diffTrees(reference, readPackageTrees(pkg));
        if (changed.length > 0) throw new Error(`regenerating in place changed: ${changed.join(", ")}`);
        entry.deterministic = { ok: true, ms: performance.now() - started };
      } catch (error) {
        entry.deterministic = { ok: false, ms: performance.now() - started, detail: message(error) };
      }
    }
  } finally {
    second.remove();
  }
}

function describePackage(spec: SpecSource, pkg: ScratchPackage): PreparedSpec {
  const notRun: StageResult = { ok: false, ms: 0, skipped: true, detail: "not run: generation failed" };
  return {
    name: spec.name,
    api: pkg.api,
    root: pkg.root,
    scope: pkg.scope,
    packageDir: pkg.packageDir,
    typesDir: pkg.typesDir,
    packageName: pkg.packageName,
    generate: notRun,
    deterministic: notRun,
    typecheck: notRun,
  };
}

/** The generator's own errors say file, place and problem: their stack is noise. Anything else keeps its stack. */
function message(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.name === "GeneratorError" ? `${error.name}: ${error.message}` : (error.stack ?? error.message);
}

/** `1.2s` */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
