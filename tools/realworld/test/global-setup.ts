/**
 * Before any test file: generate every selected spec (and the fixtures) in one scratch workspace, check that
 * generation is deterministic and type-check all the packages in one tsc run. The test files read the outcome
 * with `inject("realworld")`, build their package and send requests. The workspace is removed after the run.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { fixtureSpecs, type SpecSource, selectedSpecs, usageFile } from "../src/corpus.ts";
import { type PreparedSpec, prepareSpecs, seconds } from "../src/prepare.ts";

declare module "vitest" {
  export interface ProvidedContext {
    realworld: PreparedSpec[];
    /** Why the corpus could not be read (missing folder, unknown name in $REALWORLD_SET); "" when it could. */
    realworldError: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // Per-spec timings of this run only (the test files write them).
  rmSync(path.join(import.meta.dirname, "..", ".vitest", "timings"), { recursive: true, force: true });
  let corpus: SpecSource[] = [];
  let corpusError = "";
  try {
    corpus = selectedSpecs();
  } catch (error) {
    // Reported by a failing test in corpus.test.ts; the fixtures still run.
    corpusError = (error as Error).message;
  }
  project.provide("realworldError", corpusError);
  const specs = [...corpus, ...fixtureSpecs()];
  const started = performance.now();
  const prepared = await prepareSpecs(specs, { usageFile });
  const typecheckMs = prepared.specs.find((spec) => !spec.typecheck.skipped)?.typecheck.ms ?? 0;
  console.log(
    `[realworld] prepared ${specs.length} specs in ${seconds(performance.now() - started)} ` +
      `(one tsc run for all: ${seconds(typecheckMs)}): ` +
      prepared.specs
        .map((s) => `${s.name} generate ${seconds(s.generate.ms)} + deterministic ${seconds(s.deterministic.ms)}`)
        .join("; "),
  );
  project.provide("realworld", prepared.specs);
  return () => prepared.remove();
}
