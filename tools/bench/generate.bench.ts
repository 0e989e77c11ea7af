/**
 * `pnpm bench:generate`: how long regenerating every API takes, against the bare openapi-typescript CLI on the
 * same specs, measured in the same run (median of several runs, each a fresh process, as a user would run them).
 * Targets: full generation <= 1.5x the bare CLI; a cached no-op `nx run-many -t generate` < 1 s.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const apis = readdirSync("specs", { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const scratch = mkdtempSync(path.join(tmpdir(), "bench-generate-"));

function run(command: string, args: string[], cwd = process.cwd()): void {
  const result = spawnSync(command, args, { cwd, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

function median(task: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

try {
  const bare = median(() => {
    // From a scratch folder: the CLI would otherwise read our redocly.yaml and ask for per-API output settings.
    for (const api of apis) {
      run("openapi-typescript", [path.resolve("specs", api, "openapi.yaml"), "-o", `${api}.ts`], scratch);
    }
  });
  const ours = median(() => run("node", ["tools/generator/src/cli.ts", "--no-install", ...apis]));
  // The no-op case is a developer re-running generate: Nx's daemon is up (as it is locally by default) and the cache
  // holds every API's output. The first run warms both.
  run("nx", ["run-many", "-t", "generate"]);
  const cached = median(() => run("nx", ["run-many", "-t", "generate"]));

  const ratio = ours / bare;
  console.log(`APIs: ${apis.join(", ")} (median of ${RUNS} runs)`);
  console.log(`bare openapi-typescript CLI : ${bare.toFixed(0)} ms`);
  console.log(`tools/generator (all files) : ${ours.toFixed(0)} ms  -> ratio ${ratio.toFixed(2)}x (target <= 1.50x)`);
  console.log(`cached no-op nx generate    : ${cached.toFixed(0)} ms  (target < 1000 ms)`);
  const ok = ratio <= 1.5 && cached < 1000;
  console.log(ok ? "✔ within targets" : "✖ over target");
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
  spawnSync("nx", ["daemon", "--stop"], { stdio: "ignore" }); // stop what this benchmark started
}
