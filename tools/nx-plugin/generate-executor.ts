/**
 * The `generate` executor (see executors.json). Nx runs a whole `run-many -t generate` through `generateBatch` in one
 * process: TypeScript, Redocly and openapi-typescript are loaded once and the Redocly config is built once, instead
 * of once per API. Caching, inputs, outputs and `nx affected` stay per project: Nx still hashes, restores and stores
 * each task on its own and hands the batch only the tasks it must run.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
// The generator loads on first use, from its bundle (tools/generator/src/bundle.ts): importing this file (Nx does, to
// find the executor) does not load it.
import { loadGenerator } from "@chat-sdk/generator/bundle";
import type { ExecutorContext, TaskGraph, TaskGraphExecutor } from "@nx/devkit";
import { generateOne, type Outcome } from "./generate-one.ts";

export interface GenerateOptions {
  /** The folder of specs/. */
  api: string;
  /** Link newly scaffolded packages with one `pnpm install` at the end of the run (default true). */
  install?: boolean;
}

/** What Nx expects per task from a batch (its `TaskResult` of misc-interfaces, which @nx/devkit does not export). */
export interface BatchTaskResult {
  success: boolean;
  terminalOutput: string;
  startTime?: number;
  endTime?: number;
}

const output = (lines: string[]) => (lines.length > 0 ? `${lines.join("\n")}\n` : "");

/** One task (`nx run <project>:generate --batch=false`): the same as the CLI for one API. */
export async function generateExecutor(
  options: GenerateOptions,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const outcome = await generateOne(context.root, options.api);
  (outcome.success ? console.log : console.error)(output(outcome.lines).trimEnd());
  const { linkScaffoldedPackages } = await loadGenerator();
  const linked = linkScaffoldedPackages(context.root, outcome.scaffolded, {
    install: options.install !== false,
    log: (line) => console.log(line),
  });
  return { success: outcome.success && linked };
}

/**
 * Every `generate` task of a run, in one process. One API's failure fails only its task; the others are generated
 * and reported on their own. New packages scaffolded by any task are linked by one `pnpm install` at the end; if it
 * fails, the tasks that scaffolded fail too (so Nx does not cache them and the next run retries).
 */
export async function generateBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, GenerateOptions>,
  _overrides: GenerateOptions,
  context: ExecutorContext,
): Promise<Record<string, BatchTaskResult>> {
  // Sorted, so that a run's output (and the order new packages are scaffolded in) does not depend on the graph.
  const taskIds = Object.keys(taskGraph.tasks).sort();
  const jobs = taskIds.map((taskId) => ({ taskId, api: inputs[taskId]?.api ?? "" }));
  const outcomes = new Map<string, Outcome>();
  const lanes = laneCount(jobs.length, context);
  const done =
    lanes > 1
      ? await Promise.all(
          Array.from({ length: lanes }, (_, lane) =>
            inWorker(
              context.root,
              jobs.filter((_, i) => i % lanes === lane),
            ),
          ),
        )
      : [await inThisThread(context.root, jobs)];
  for (const [taskId, outcome] of done.flat()) {
    outcomes.set(taskId, outcome);
    // Nx 24 shows a failed batch task's own output only in some output styles; the worker's log it shows always.
    if (!outcome.success) console.error(output(outcome.lines).trimEnd());
  }

  const scaffolded = [...outcomes.values()].flatMap((outcome) => outcome.scaffolded);
  const install = Object.values(inputs).every((options) => options.install !== false);
  const installLog: string[] = [];
  const { linkScaffoldedPackages } = await loadGenerator();
  const linked = linkScaffoldedPackages(context.root, scaffolded, { install, log: (line) => installLog.push(line) });
  if (installLog.length > 0) console.log(installLog.join("\n"));

  const results: Record<string, BatchTaskResult> = {};
  for (const [taskId, outcome] of outcomes) {
    const unlinked = !linked && outcome.scaffolded.length > 0;
    const lines = unlinked ? [...outcome.lines, "✖ pnpm install failed: the new package is not linked"] : outcome.lines;
    results[taskId] = {
      success: outcome.success && !unlinked,
      terminalOutput: output(lines),
      startTime: outcome.startTime,
      endTime: outcome.endTime,
    };
  }
  return results;
}

interface Job {
  taskId: string;
  api: string;
}

/** Below this many APIs per thread, loading the generator once more costs more than the thread saves. */
const MIN_APIS_PER_THREAD = 6;

/**
 * Threads for a batch: 1 unless CHAT_SDK_GENERATE_THREADS asks for more, then as many as that, Nx's `parallel` and the
 * cores allow, each with enough APIs to be worth it. Off by default: on the 2 shared cores where it was measured (24
 * LiveChat copies), 2 threads used 1.7-1.9x the CPU of one for the same wall time; try it on idle CI machines.
 */
export function laneCount(apis: number, context: ExecutorContext, env = process.env): number {
  const wanted = Number(env.CHAT_SDK_GENERATE_THREADS ?? 1) || 1;
  const parallel = Number(context.nxJsonConfiguration?.parallel ?? 1);
  const limit = Math.min(wanted, parallel, os.availableParallelism(), Math.floor(apis / MIN_APIS_PER_THREAD));
  return Math.max(1, limit);
}

async function inThisThread(root: string, jobs: Job[]): Promise<[string, Outcome][]> {
  const done: [string, Outcome][] = [];
  for (const job of jobs) done.push([job.taskId, await generateOne(root, job.api)]);
  return done;
}

/** The same in a worker thread (generate-worker.ts), which loads its own generator. */
function inWorker(root: string, jobs: Job[]): Promise<[string, Outcome][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./generate-worker.ts", import.meta.url), { workerData: { root, jobs } });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the generate worker exited with code ${code} before reporting`)));
  });
}

// Compile-time proof that Nx can call it as a batch implementation.
generateBatch satisfies TaskGraphExecutor<GenerateOptions>;
