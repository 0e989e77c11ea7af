/**
 * Per-call cost of a generated method against bare openapi-fetch and a plain `fetch` (the floor), in time and in heap
 * held per in-flight call, on every Node version found: this process's Node (24, from the root devDependency) and the
 * first other `node` on PATH (the machine's Node 20), or the binaries listed in BENCH_NODES (colon-separated).
 * Each Node runs call-overhead.worker.mjs in its own process; contenders are shuffled every round there.
 *
 * Targets (issue: runtime cost): the generated method, default timeout on, <= 1.00x bare openapi-fetch in time and
 * <= 1.05x in heap per in-flight call. Printed per Node; the exit code is 1 when a target is missed. Also printed, with
 * no target: the ratio against openapi-fetch given the same 60 s timeout as an abort signal (like with like).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const WORKER = fileURLToPath(new URL("./call-overhead.worker.mjs", import.meta.url));
const TARGETS = { time: 1.0, memory: 1.05 };

interface Result {
  node: string;
  calls: number;
  rounds: number;
  inFlight: number;
  time: Record<string, number[]>;
  memory: Record<string, number[]>;
}

function nodes(): string[] {
  if (process.env.BENCH_NODES) return process.env.BENCH_NODES.split(":").filter(Boolean);
  const version = (binary: string) => execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
  const found = [process.execPath];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const binary = path.join(dir, "node");
    if (dir.includes("node_modules") || !existsSync(binary)) continue;
    if (version(binary).split(".")[0] !== process.version.split(".")[0]) {
      found.unshift(binary);
      break;
    }
  }
  return found;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)] as number;
const range = (values: number[], digits: number) =>
  `${sorted(values)[0]?.toFixed(digits)}-${sorted(values).at(-1)?.toFixed(digits)}`;

let ok = true;
for (const node of nodes()) {
  const cwd = path.dirname(WORKER);
  const out = execFileSync(node, ["--expose-gc", WORKER], { cwd, encoding: "utf8", maxBuffer: 16 << 20 });
  const result = JSON.parse(out) as Result;
  const bareTime = median(result.time["bare openapi-fetch"] ?? []);
  const plainTime = median(result.time["plain fetch"] ?? []);
  const bareHeap = median(result.memory["bare openapi-fetch"] ?? []);
  const plainHeap = median(result.memory["plain fetch"] ?? []);
  console.log(
    `\nNode ${result.node}: time per call, median (min-max) of ${result.rounds} shuffled rounds x ${result.calls} calls; ` +
      `heap per call with ${result.inFlight} in flight, median (min-max)`,
  );
  for (const name of Object.keys(result.time)) {
    const time = result.time[name] ?? [];
    const heap = result.memory[name] ?? [];
    const t = median(time);
    const h = median(heap);
    console.log(
      `  ${name.padEnd(24)} ${t.toFixed(2).padStart(7)} µs (${range(time, 2)})  ` +
        `${(t / bareTime).toFixed(2)}x openapi-fetch  ${(t / plainTime).toFixed(2)}x fetch   ` +
        `${Math.round(h).toString().padStart(6)} B (${range(heap, 0)})  ` +
        `${(h / bareHeap).toFixed(2)}x openapi-fetch  ${(h / plainHeap).toFixed(2)}x fetch`,
    );
  }
  const timeRatio = median(result.time["generated method"] ?? []) / bareTime;
  const heapRatio = median(result.memory["generated method"] ?? []) / bareHeap;
  const timed = (name: string) => median(result.time[name] ?? []);
  const held = (name: string) => median(result.memory[name] ?? []);
  console.log(
    `  generated method / openapi-fetch + timeout (like with like): time ` +
      `${(timed("generated method") / timed("openapi-fetch + timeout")).toFixed(2)}x, heap ` +
      `${(held("generated method") / held("openapi-fetch + timeout")).toFixed(2)}x (no target)`,
  );
  const pass = timeRatio <= TARGETS.time && heapRatio <= TARGETS.memory;
  ok &&= pass;
  console.log(
    `  generated method / bare openapi-fetch: time ${timeRatio.toFixed(2)}x (target <= ${TARGETS.time.toFixed(2)}x), ` +
      `heap ${heapRatio.toFixed(2)}x (target <= ${TARGETS.memory.toFixed(2)}x) ${pass ? "✔" : "✖"}`,
  );
}
process.exitCode = ok ? 0 : 1;
