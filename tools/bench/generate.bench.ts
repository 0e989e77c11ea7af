/**
 * `pnpm bench:generate`: like with like, interleaved (A, B, A, B, ...; BENCH_PAIRS pairs, default 7), median and
 * min-max of wall time and of the CPU (user + sys) of the processes each side started:
 *   (a) per API: our generator, one process for one API, vs the bare openapi-typescript CLI on the same spec;
 *   (b) a batch of BENCH_BATCH (default 10) copies of the LiveChat spec: one generator process vs as many CLI runs;
 *   (c) cached no-op `nx run-many -t generate` vs Nx's own no-op for a trivial cached target with the same inputs
 *       (`bench-noop`), with the daemon on and off.
 * Generation runs in a scratch workspace in the temp folder; (c) runs in this workspace, whose generate outputs
 * must be cached or are cached by the first run.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { interleaved, ratio, row, type Sample, sum, timed } from "./measure.ts";
import { copyNames, copySpec, REPO, removeWorkspace, specsWorkspace } from "./scratch-workspace.ts";

const PAIRS = Number(process.env.BENCH_PAIRS ?? 7);
const BATCH = Number(process.env.BENCH_BATCH ?? 10);
const BIN = path.join(REPO, "node_modules", ".bin");
const CLI = path.join(REPO, "tools", "generator", "src", "cli.ts");
const APIS = ["livechat-configuration", "rocket-chat"];

const scratch = mkdtempSync(path.join(tmpdir(), "bench-generate-"));
const root = path.join(scratch, "ws");
// The bare CLI runs from a folder of its own: in the workspace it would read a redocly.yaml.
const bareDir = path.join(scratch, "bare");
mkdirSync(bareDir);
// No pnpm user agent: the generator must not run `pnpm install` for the scratch packages it scaffolds.
const env = { ...process.env, CHAT_SDK_ROOT: root, npm_config_user_agent: "" };

const ours = (apis: string[]) => () => timed(process.execPath, [CLI, "--no-install", ...apis], { env });
const bare = (apis: string[]) => () =>
  sum(
    apis.map((api) =>
      timed(path.join(BIN, "openapi-typescript"), [path.join(root, "specs", api, "openapi.yaml"), "-o", `${api}.ts`], {
        cwd: bareDir,
      }),
    ),
  );

function compare(title: string, a: () => Sample, b: () => Sample, per: number, target: number): boolean {
  a(); // warm-up (also scaffolds the scratch packages once)
  b();
  const runs = interleaved(PAIRS, a, b);
  console.log(title);
  console.log(row("ours", runs.a, per));
  console.log(row("bare openapi-typescript CLI", runs.b, per));
  const cpu = ratio("ours / bare", runs.a, runs.b, target, "cpuMs");
  return ratio("ours / bare", runs.a, runs.b, target, "wallMs") && cpu;
}

function noop(daemon: boolean): boolean {
  const nxEnv = { ...process.env, NX_DAEMON: String(daemon) };
  const nx = (target: string) => () =>
    timed(path.join(BIN, "nx"), ["run-many", "-t", target, "--outputStyle=static"], { cwd: REPO, env: nxEnv });
  const runs = (() => {
    nx("generate")(); // fills the cache (or confirms it) and starts the daemon when it is on
    nx("bench-noop")();
    return interleaved(PAIRS, nx("generate"), nx("bench-noop"));
  })();
  console.log(`(c) cached no-op, daemon ${daemon ? "on (its own CPU is not counted)" : "off"}, per run`);
  console.log(row("nx run-many -t generate", runs.a));
  console.log(row("nx run-many -t bench-noop (Nx's floor)", runs.b));
  return ratio("generate / bench-noop", runs.a, runs.b, 1.2, "wallMs");
}

let ok = true;
try {
  specsWorkspace(root);
  for (const api of APIS) copySpec(root, api, api);
  const batch = copyNames("livechat", BATCH);
  for (const name of batch) copySpec(root, "livechat-configuration", name);
  console.log(`${PAIRS} interleaved pairs each; median (min-max)\n`);
  for (const api of APIS) {
    ok = compare(`(a) one API: ${api}`, ours([api]), bare([api]), 1, 1.0) && ok;
  }
  ok = compare(`(b) batch of ${BATCH} LiveChat copies, per spec`, ours(batch), bare(batch), BATCH, 0.25) && ok;
  ok = noop(true) && ok;
  ok = noop(false) && ok;
} finally {
  removeWorkspace(scratch);
  timed(path.join(BIN, "nx"), ["daemon", "--stop"], { cwd: REPO }); // stop what this benchmark started
}
console.log(ok ? "✔ within targets" : "✖ over target");
process.exitCode = ok ? 0 : 1;
