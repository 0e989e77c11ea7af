/**
 * Timing for the generation benchmarks: wall time and the CPU (user + sys) of the child processes a command ran,
 * from /proc/self/stat (cutime + cstime: every child this process waited for, with the children those waited for).
 * A process Nx's daemon runs is not our child and is not counted: the daemon rows say so.
 */
import { execFileSync, type SpawnSyncOptions, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

export interface Sample {
  wallMs: number;
  cpuMs: number;
}

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time of every child process this process has waited for, in ms (Linux). */
function childrenCpuMs(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  // Fields after the command name, which is in parentheses and may contain spaces; index 0 is field 3 (state).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
}

/** Runs a command to completion and measures it; throws with its stderr when it fails. */
export function timed(command: string, args: string[], options: SpawnSyncOptions = {}): Sample {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "pipe"], ...options });
  const wallMs = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal}):\n${result.stderr ?? ""}`);
  }
  return { wallMs, cpuMs: childrenCpuMs() - cpuBefore };
}

/** Several measurements added up (N runs of one command count as one sample). */
export function sum(samples: Sample[]): Sample {
  return samples.reduce((a, b) => ({ wallMs: a.wallMs + b.wallMs, cpuMs: a.cpuMs + b.cpuMs }), { wallMs: 0, cpuMs: 0 });
}

/** A and B alternately, `pairs` times each, so that load from elsewhere on the machine hits both alike. */
export function interleaved(pairs: number, a: () => Sample, b: () => Sample): { a: Sample[]; b: Sample[] } {
  const [resultA, resultB] = rounds(pairs, [a, b]) as [Sample[], Sample[]];
  return { a: resultA, b: resultB };
}

/** The same for any number of contenders: each round runs every one once, in order. */
export function rounds(count: number, contenders: (() => Sample)[]): Sample[][] {
  const result = contenders.map(() => [] as Sample[]);
  for (let i = 0; i < count; i++) {
    for (const [index, run] of contenders.entries()) result[index]?.push(run());
  }
  return result;
}

export interface Stats {
  median: number;
  min: number;
  max: number;
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const range = (s: Stats, per: number) => `${ms(s.median / per)} (${ms(s.min / per)}-${ms(s.max / per)})`;

/** One row: median (min-max) of wall and CPU, divided by `per` (e.g. per spec). */
export function row(label: string, samples: Sample[], per = 1): string {
  const wall = stats(samples.map((s) => s.wallMs));
  const cpu = stats(samples.map((s) => s.cpuMs));
  return `  ${label.padEnd(44)} wall ${range(wall, per).padEnd(28)} cpu ${range(cpu, per)}`;
}

/** Ratio of medians against a target; returns whether it is met. */
export function ratio(label: string, ours: Sample[], base: Sample[], target: number, metric: keyof Sample): boolean {
  const value = stats(ours.map((s) => s[metric])).median / stats(base.map((s) => s[metric])).median;
  const ok = value <= target;
  const name = metric === "cpuMs" ? "cpu" : "wall";
  console.log(`  ${ok ? "✔" : "✖"} ${label}: ${value.toFixed(2)}x ${name} (target <= ${target.toFixed(2)}x)`);
  return ok;
}
