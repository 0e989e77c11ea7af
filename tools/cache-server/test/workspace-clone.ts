import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** The monorepo this test file lives in; its committed HEAD is what the clones get. */
export const REPO_ROOT = resolve(import.meta.dirname, "../../..");
const PNPM = join(REPO_ROOT, "node_modules/.bin/pnpm");

export interface RunResult {
  code: number | null;
  /** stdout and stderr interleaved, ANSI colours removed. */
  output: string;
  seconds: number;
}

/**
 * Runs a command without blocking the event loop (the cache server under test lives in this process) and
 * captures its output. Never throws on a non-zero exit: callers assert on `code` and show `output`.
 */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.on("error", fail);
    child.on("close", (code) => {
      const plain = output.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");
      done({ code, output: plain, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/**
 * The environment of a CI machine: nothing inherited from the Nx/vitest run that started this test (their NX_*
 * variables would steer the inner Nx), no daemon, no Nx Cloud, and a preload that logs every Node process.
 */
export function ciEnvironment(tracePreload: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !/^(NX_|VITEST|npm_|NODE_OPTIONS$|NODE_ENV$|TEST$)/.test(key),
  );
  return {
    ...Object.fromEntries(inherited),
    CI: "true",
    NX_DAEMON: "false",
    NX_NO_CLOUD: "true",
    NX_TUI: "false",
    NODE_OPTIONS: `--import=${pathToFileURL(tracePreload).href}`,
    ...extra,
  };
}

/**
 * Writes a Node preload that appends each process's argv (one JSON line) to $CACHE_PROOF_TRACE. Every tool a
 * task starts (the generator, tsdown, tsc) is a Node process, so an empty list of them proves nothing was rebuilt.
 */
export function writeTracePreload(path: string): void {
  writeFileSync(
    path,
    [
      'import { appendFileSync } from "node:fs";',
      'import * as nodeModule from "node:module";',
      "const trace = process.env.CACHE_PROOF_TRACE;",
      'if (trace) appendFileSync(trace, JSON.stringify(process.argv) + "\\n");',
      // The generator also runs inside Nx's batch process (tools/nx-plugin): its argv does not show it, so its
      // loading is traced too (module hooks, Node >= 22.15), as a line of its own.
      "if (trace && nodeModule.registerHooks) {",
      "  nodeModule.registerHooks({",
      "    load(url, context, next) {",
      // From its sources or from its bundle (tools/generator/src/bundle.ts: dist/<key>/index.js).
      '      if (/tools[/\\\\]generator[/\\\\](src[/\\\\]generate\\.ts|dist[/\\\\][0-9a-f]{16}[/\\\\]index\\.js)$/.test(url)) appendFileSync(trace, JSON.stringify(["load", url]) + "\\n");',
      "      return next(url, context);",
      "    },",
      "  });",
      "}",
      "",
    ].join("\n"),
  );
}

export type Tool = "generator" | "tsdown" | "tsc";

const TOOLS: Record<Tool, RegExp> = {
  // The CLI, or the generator loaded by the Nx executor (see writeTracePreload).
  generator: /tools[/\\]generator[/\\](src[/\\](cli|generate)\.ts|dist[/\\][0-9a-f]{16}[/\\]index\.js)$/,
  tsdown: /tsdown/,
  tsc: /typescript[/\\]bin[/\\]tsc$|[/\\]\.bin[/\\]tsc$/,
};

/** The argv of every Node process the trace saw (none when the file is missing). */
export function tracedProcesses(traceFile: string): string[][] {
  if (!existsSync(traceFile)) return [];
  return readFileSync(traceFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string[]);
}

/** Which build tools are among the traced processes. */
export function toolsThatRan(argvs: string[][]): Tool[] {
  return (Object.keys(TOOLS) as Tool[]).filter((tool) =>
    argvs.some((argv) => argv.some((arg) => TOOLS[tool].test(arg))),
  );
}

/**
 * Clones HEAD and installs. CACHE_PROOF_OVERLAY (space-separated paths) copies uncommitted files from the working
 * tree over the clone, for trying a change before it is committed; CI leaves it unset and tests HEAD as is.
 */
export async function cloneAndInstall(target: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  const cloned = await run("git", ["clone", "--quiet", REPO_ROOT, target], REPO_ROOT, env);
  if (cloned.code !== 0) return cloned;
  for (const path of (process.env.CACHE_PROOF_OVERLAY ?? "").split(" ").filter(Boolean)) {
    cpSync(join(REPO_ROOT, path), join(target, path), { recursive: true });
  }
  return run(PNPM, ["install", "--frozen-lockfile", "--prefer-offline"], target, env);
}

/** One `> nx run <project>:<target>` line of Nx's static output. */
export interface TaskLine {
  /** `<project>:<target>` */
  id: string;
  project: string;
  target: string;
  /**
   * Where the result came from: `remote` for `[remote cache]`, `local` for any other bracket Nx prints for a local
   * hit (`[local cache]`, `[existing outputs match the cache, left as is]`), `ran` when there is none.
   */
  origin: "remote" | "local" | "ran";
  line: string;
}

/**
 * The tasks of one Nx command from its static output (one `> nx run` line per task; batched tasks that ran may
 * print none). pnpm's own `> chat-sdk-monorepo@ build` and `> nx run-many ...` lines do not match.
 */
export function taskLines(output: string): TaskLine[] {
  return output.split("\n").flatMap((raw) => {
    const line = raw.trim();
    const match = /^> nx run ([^\s:]+):(\S+)(?:\s+\[([^\]]+)\])?$/.exec(line);
    if (!match) return [];
    const [, project = "", target = "", bracket] = match;
    const origin = bracket === undefined ? "ran" : bracket === "remote cache" ? "remote" : "local";
    return [{ id: `${project}:${target}`, project, target, origin, line } satisfies TaskLine];
  });
}

/** The clone's `packages/*` (clients, types packages, runtime), each an Nx project named by its package.json. */
export function workspacePackages(clone: string): { dir: string; name: string }[] {
  const packages = join(clone, "packages");
  return readdirSync(packages)
    .filter((dir) => existsSync(join(packages, dir, "package.json")))
    .map((dir) => ({
      dir: join(packages, dir),
      name: (JSON.parse(readFileSync(join(packages, dir, "package.json"), "utf8")) as { name: string }).name,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
