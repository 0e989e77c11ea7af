/**
 * `pnpm bench:scale [N]` (default 100): a scratch workspace in the temp folder with N renamed copies of the LiveChat
 * spec, our Nx plugin, generator and runtime, linked by its own `pnpm install`. Prints, each with wall and CPU time
 * per spec: cold `generate` (against N sequential bare openapi-typescript CLI runs), the one `pnpm install` that
 * links the new packages, one spec changed (against the same in a workspace of 10 specs, and beside Nx's own growth
 * for that edit: `bench-noop` in both) and cached no-op (against Nx's own no-op, `bench-noop`), each with the daemon
 * off and on, and cold `build` (BENCH_SCALE_BUILD=0 skips it).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { interleaved, ratio, rounds, row, type Sample, stats, sum, timed } from "./measure.ts";
import { copyNames, copySpec, nxWorkspace, removeWorkspace } from "./scratch-workspace.ts";

const N = Number(process.argv[2] ?? 100);
const SMALL = 10;
const PAIRS = Number(process.env.BENCH_PAIRS ?? 7);
const BARE_RUNS = Math.min(N, Number(process.env.BENCH_BARE_RUNS ?? 20));
// A cold run takes most of a minute at N = 100: fewer pairs than the quick comparisons.
const COLD_PAIRS = Number(process.env.BENCH_COLD_PAIRS ?? 3);
// The pnpm that runs us (`pnpm bench:scale`), else the repo's pinned one through npx.
const pnpm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ["npx", "-y", "pnpm@10.34.9"];

const scratch = mkdtempSync(path.join(tmpdir(), "bench-scale-"));
const big = path.join(scratch, `ws-${N}`);
const small = path.join(scratch, `ws-${SMALL}`);

/** Nx in a scratch workspace; no pnpm user agent, so that `generate` itself does not install (measured apart). */
function nx(cwd: string, args: string[], daemon = false): Sample {
  const env = { ...process.env, NX_DAEMON: String(daemon), NX_NO_CLOUD: "true", npm_config_user_agent: "" };
  return timed(path.join(cwd, "node_modules", ".bin", "nx"), [...args, "--outputStyle=static"], { cwd, env });
}
const install = (cwd: string) =>
  timed(pnpm[0] as string, [...pnpm.slice(1), "install", "--prefer-offline", "--no-frozen-lockfile"], { cwd });

function setUp(root: string, count: number): string[] {
  nxWorkspace(root);
  const names = copyNames("livechat", count);
  for (const name of names) copySpec(root, "livechat-configuration", name);
  install(root);
  return names;
}

/** Touches one spec, so that exactly one `generate` task is out of date. */
let edits = 0;
function editOneSpec(root: string, name: string): void {
  const file = path.join(root, "specs", name, "openapi.yaml");
  const text = readFileSync(file, "utf8").replace(/^ {2}x-bench-edit: \d+\n/m, "");
  writeFileSync(file, text.replace(/^info:\n/m, `info:\n  x-bench-edit: ${++edits}\n`));
}

function regenerateAfterEdit(root: string, name: string, daemon = false): Sample {
  editOneSpec(root, name);
  return nx(root, ["run-many", "-t", "generate", "--batch"], daemon);
}

/** Nx's floor for the same: its trivial cached target with generate's inputs (`bench-noop`), after the same edit. */
function noopAfterEdit(root: string, name: string, daemon = false): Sample {
  editOneSpec(root, name);
  return nx(root, ["run-many", "-t", "bench-noop"], daemon);
}

let ok = true;
try {
  console.log(`Setting up scratch workspaces of ${N} and ${SMALL} specs in ${scratch} (pnpm install, not timed)...`);
  const names = setUp(big, N);
  const smallNames = setUp(small, SMALL);
  const perSpec = (label: string, samples: Sample[]) => console.log(row(label, samples, N));

  console.log(`\n${N} specs, per spec: median (min-max)`);
  // Cold: no package folder and an empty Nx task cache, as on a first `pnpm generate` of N new APIs. Interleaved
  // with the baseline: BARE_RUNS sequential bare CLI runs, scaled to N.
  const coldGenerate = () => {
    for (const name of names) rmSync(path.join(big, "packages", name), { recursive: true, force: true });
    rmSync(path.join(big, ".nx", "cache"), { recursive: true, force: true });
    return nx(big, ["run-many", "-t", "generate", "--batch"]);
  };
  const bareRuns = () => {
    const total = sum(
      names.slice(0, BARE_RUNS).map(
        (name) =>
          timed(
            path.join(big, "node_modules", ".bin", "openapi-typescript"),
            [path.join(big, "specs", name, "openapi.yaml"), "-o", path.join(scratch, "bare.ts")],
            { cwd: scratch },
          ), // outside the workspaces: the CLI would read a redocly.yaml
      ),
    );
    return { wallMs: (total.wallMs * N) / BARE_RUNS, cpuMs: (total.cpuMs * N) / BARE_RUNS };
  };
  const cold = interleaved(COLD_PAIRS, coldGenerate, bareRuns);
  console.log(`(${COLD_PAIRS} interleaved pairs; the bare CLI timed on ${BARE_RUNS} runs each, scaled to ${N})`);
  perSpec("cold generate (nx, batch)", cold.a);
  perSpec(`sequential bare CLI (scaled)`, cold.b);
  ok = ratio(`cold generate / ${N} bare CLI runs`, cold.a, cold.b, 0.25, "wallMs") && ok;
  ratio(`cold generate / ${N} bare CLI runs`, cold.a, cold.b, 0.25, "cpuMs");
  perSpec("link new packages (one pnpm install)", [install(big)]);

  nx(small, ["run-many", "-t", "generate", "--batch"]);
  // Daemon off (CI's default) and on (a developer's): without it Nx rebuilds the project graph of every run, so its own
  // share grows with the number of projects while the one API's generation stays the same.
  for (const daemon of [false, true]) {
    // Not timed: the first run after a cold one regenerates every API once more, because each package README (an
    // input of its API's generate task) did not exist when the cold run was hashed; with the daemon, it starts it.
    regenerateAfterEdit(big, names[0] as string, daemon);
    regenerateAfterEdit(small, smallNames[0] as string, daemon);
    noopAfterEdit(big, names[1] as string, daemon);
    noopAfterEdit(small, smallNames[1] as string, daemon);
    const [bigRuns, smallRuns, bigFloor, smallFloor] = rounds(PAIRS, [
      () => regenerateAfterEdit(big, names[0] as string, daemon),
      () => regenerateAfterEdit(small, smallNames[0] as string, daemon),
      () => noopAfterEdit(big, names[1] as string, daemon),
      () => noopAfterEdit(small, smallNames[1] as string, daemon),
    ]) as [Sample[], Sample[], Sample[], Sample[]];
    console.log(`\none spec changed, daemon ${daemon ? "on" : "off"}, per run (${PAIRS} rounds)`);
    console.log(row(`${N} specs`, bigRuns));
    console.log(row(`${SMALL} specs`, smallRuns));
    ok = ratio(`one changed: ${N} / ${SMALL} specs`, bigRuns, smallRuns, 1.2, "wallMs") && ok;
    // What of the growth is Nx's own: the same edit, then its trivial target with generate's inputs.
    console.log(row(`Nx's floor (bench-noop), ${N} specs`, bigFloor));
    console.log(row(`Nx's floor (bench-noop), ${SMALL} specs`, smallFloor));
    const growth = (a: Sample[], b: Sample[]) =>
      stats(a.map((s) => s.wallMs)).median - stats(b.map((s) => s.wallMs)).median;
    console.log(
      `  growth from ${SMALL} to ${N} specs (medians): generate +${growth(bigRuns, smallRuns).toFixed(0)} ms, Nx's floor +${growth(bigFloor, smallFloor).toFixed(0)} ms`,
    );
  }
  spawnSync(path.join(small, "node_modules", ".bin", "nx"), ["daemon", "--stop"], { cwd: small, stdio: "ignore" });

  for (const daemon of [false, true]) {
    nx(big, ["run-many", "-t", "bench-noop"], daemon);
    const noop = interleaved(
      PAIRS,
      () => nx(big, ["run-many", "-t", "generate", "--batch"], daemon),
      () => nx(big, ["run-many", "-t", "bench-noop"], daemon),
    );
    console.log(`\ncached no-op, daemon ${daemon ? "on (its own CPU not counted)" : "off"}, per spec`);
    console.log(row("generate", noop.a, N));
    console.log(row("bench-noop (Nx's floor)", noop.b, N));
    ok = ratio("generate / bench-noop", noop.a, noop.b, 1.2, "wallMs") && ok;
  }
  spawnSync(path.join(big, "node_modules", ".bin", "nx"), ["daemon", "--stop"], { cwd: big, stdio: "ignore" });

  if (process.env.BENCH_SCALE_BUILD !== "0") {
    console.log("");
    perSpec("cold build (runtime + every package)", [nx(big, ["run-many", "-t", "build"])]);
  }
} finally {
  removeWorkspace(scratch);
}
console.log(ok ? "\n✔ within targets" : "\n✖ over target");
process.exitCode = ok ? 0 : 1;
