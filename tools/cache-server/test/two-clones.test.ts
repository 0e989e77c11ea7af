/**
 * The proof that the remote cache works between machines: two fresh clones of the committed HEAD, each with its
 * own local Nx cache, share one cache server and run the workspace's own scripts, `pnpm build` then
 * `pnpm typecheck`. The first builds and uploads; the second must take every task from the server and start no
 * build tool. Then a read-only token (hits are read, uploads refused), a wrong token and a stopped server must not
 * fail `pnpm build`.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { rm, unlink } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CacheServer, createCacheServer } from "../src/server.ts";
import {
  ciEnvironment,
  cloneAndInstall,
  type RunResult,
  run,
  type TaskLine,
  taskLines,
  toolsThatRan,
  tracedProcesses,
  workspacePackages,
  writeTracePreload,
} from "./workspace-clone.ts";

const TOKEN = "two-clones-test-token";
const READ_TOKEN = "two-clones-read-only-token";
const MINUTE = 60_000;

const work = mkdtempSync(join(tmpdir(), "cache-two-clones-"));
const preload = join(work, "trace-preload.mjs");
let cache: CacheServer | undefined;
let serverUrl: string;
let closedPortUrl: string;
const timings: Record<string, number> = {};

function server(): CacheServer {
  if (!cache) throw new Error("the cache server did not start");
  return cache;
}

interface Command extends RunResult {
  script: string;
  tasks: TaskLine[];
}

/**
 * Runs root package.json scripts (`pnpm <script>`, one after the other, stopping at a failure) in a clone, as CI
 * does: one local Nx cache directory and one trace file for all of them. Returns each command's tasks, and the
 * tools started by any of them.
 */
async function pnpmScripts(clone: string, label: string, scripts: string[], remote: Record<string, string>) {
  const trace = join(work, `${label}.trace`);
  const env = ciEnvironment(preload, {
    ...remote,
    CACHE_PROOF_TRACE: trace,
    NX_CACHE_DIRECTORY: join(work, `${label}-local-cache`),
    // The scripts run `nx run-many` without flags; this makes Nx print one `> nx run` line per task, cached or not.
    NX_DEFAULT_OUTPUT_STYLE: "static",
  });
  const commands: Command[] = [];
  for (const script of scripts) {
    // pnpm is a root devDependency, so each clone has its own.
    const result = await run(join(clone, "node_modules/.bin/pnpm"), [script], clone, env);
    timings[`${label} ${script}`] = result.seconds;
    commands.push({ ...result, script, tasks: taskLines(result.output) });
    if (result.code !== 0) break;
  }
  const failed = commands.find((command) => command.code !== 0);
  const processes = tracedProcesses(trace);
  return {
    commands,
    code: failed ? failed.code : 0,
    output: commands.map((command) => `$ pnpm ${command.script}\n${command.output}`).join("\n"),
    tasks: commands.flatMap((command) => command.tasks),
    processes,
    tools: toolsThatRan(processes),
  };
}

function explain(result: { code: number | null; output: string }): string {
  return `exit ${result.code}\n${result.output.slice(-4000)}`;
}

const ids = (tasks: TaskLine[]) => tasks.map((task) => task.id);
const unique = (values: string[]) => [...new Set(values)].sort();

/**
 * The task lines whose origin is not `origin`, except where a later command repeats a dependency: `pnpm typecheck`
 * lists the `generate` and `build` tasks it depends on, which `pnpm build` just ran or restored, as local cache hits
 * (the clone's local cache starts empty, so a local hit can only come from an earlier command). With
 * `origin: "remote"` such a repeat must be of a task an earlier command took from the server; a task that ran is
 * excused without a line, as a batched task (generate) that ran prints none.
 */
function unexpectedOrigins(commands: Command[], origin: "remote" | "ran"): TaskLine[] {
  const seen = new Set<string>();
  const unexpected: TaskLine[] = [];
  commands.forEach((command, index) => {
    for (const task of command.tasks) {
      const repeat =
        index > 0 &&
        task.origin === "local" &&
        task.target !== command.script &&
        (origin === "ran" || seen.has(task.id));
      if (task.origin !== origin && !repeat) unexpected.push(task);
    }
    for (const task of command.tasks) seen.add(task.id);
  });
  return unexpected;
}

beforeAll(async () => {
  writeTracePreload(preload);
  cache = await createCacheServer({
    dir: join(work, "server-storage"),
    tokens: { readWrite: TOKEN, readOnly: READ_TOKEN },
  });
  await new Promise<void>((resolve) => server().server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server().server.address() as AddressInfo).port}`;

  // A port that was free a moment ago stands for a cache server that is down.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPortUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((resolve) => probe.close(resolve));

  const env = ciEnvironment(preload, {});
  const installs = await Promise.all(["first", "second"].map((name) => cloneAndInstall(join(work, name), env)));
  for (const install of installs) expect(install.code, explain(install)).toBe(0);
  timings.install = Math.max(...installs.map((install) => install.seconds));
}, 4 * MINUTE);

// Removing two installed clones takes a while on a busy machine (vitest's default 10 s hook timeout was hit):
// asynchronous, retried, and a leftover temp directory is reported rather than failing the proof.
afterAll(async () => {
  console.log(
    `two-clones timings (s): ${JSON.stringify(timings, (_, value) => (typeof value === "number" ? Math.round(value) : value))}`,
  );
  if (cache) {
    const { server: http } = cache;
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  }
  const started = performance.now();
  try {
    await rm(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 1000 });
    console.log(`two-clones cleanup: ${Math.round((performance.now() - started) / 1000)} s`);
  } catch (error) {
    console.warn(`two-clones: could not remove ${work}: ${error instanceof Error ? error.message : error}`);
  }
}, 10 * MINUTE);

const withServer = (token: string) => ({
  NX_SELF_HOSTED_REMOTE_CACHE_SERVER: serverUrl,
  NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: token,
});

describe("sharing the Nx cache between two clean clones (pnpm build, pnpm typecheck)", () => {
  let firstIds: string[] = [];

  it(
    "the first clone runs every task (generator, tsdown, tsc) and uploads each result",
    async () => {
      const first = await pnpmScripts(join(work, "first"), "first", ["build", "typecheck"], withServer(TOKEN));
      expect(first.code, explain(first)).toBe(0);
      firstIds = unique(ids(first.tasks));
      expect(firstIds.length).toBeGreaterThan(5);
      // Every task ran here; the only cache hits are `pnpm typecheck`'s repeats of what `pnpm build` just ran.
      expect(unexpectedOrigins(first.commands, "ran"), first.output).toEqual([]);
      // The trace sees the build tools here, so its silence in the second clone means something.
      expect(first.tools).toEqual(["generator", "tsdown", "tsc"]);
      // Batched tasks (generate) print no `> nx run` line of their own: there may be more results than lines.
      expect(server().stats).toMatchObject({ hits: 0, rejected: 0 });
      expect(server().stats.stored).toBeGreaterThanOrEqual(firstIds.length);
    },
    6 * MINUTE,
  );

  it(
    "the second clone takes every task from the server and starts no build tool",
    async () => {
      const before = { ...server().stats };
      const clone = join(work, "second");
      const second = await pnpmScripts(clone, "second", ["build", "typecheck"], withServer(TOKEN));
      expect(second.code, explain(second)).toBe(0);
      // Each task's first appearance is a remote hit; `pnpm typecheck` lists the generate and build tasks that
      // `pnpm build` restored from the server as local hits, and nothing else.
      expect(unexpectedOrigins(second.commands, "remote"), second.output).toEqual([]);
      const remote = second.tasks.filter((task) => task.origin === "remote");
      const all = unique(ids(second.tasks));
      expect(ids(remote).sort()).toEqual(all);
      expect(all).toEqual(expect.arrayContaining(firstIds));
      // Every result the first clone stored is a task of this run, taken from the server once.
      expect(all).toHaveLength(server().stats.stored);
      expect(server().stats.hits - before.hits).toBe(remote.length);
      expect(server().stats.stored).toBe(before.stored);
      // By name: every package (clients, types packages, runtime; a new API adds its two) was built and
      // type-checked from the server.
      const packages = workspacePackages(clone);
      const projects = packages.map((pkg) => pkg.name);
      expect(projects).toEqual(
        expect.arrayContaining([
          "@chat-sdk/livechat-configuration-types",
          "@chat-sdk/rocket-chat-types",
          "@chat-sdk/runtime",
        ]),
      );
      expect(ids(remote)).toEqual(
        expect.arrayContaining(projects.flatMap((project) => [`${project}:build`, `${project}:typecheck`])),
      );
      // Each command's own target came from the server, not from the other command.
      for (const command of second.commands) {
        const own = command.tasks.filter((task) => task.target === command.script);
        expect(own.length).toBeGreaterThanOrEqual(projects.length);
        expect(own.filter((task) => task.origin !== "remote")).toEqual([]);
      }
      // The preload was active (it saw pnpm and Nx), yet no build tool started.
      expect(second.processes.length).toBeGreaterThan(0);
      expect(second.tools).toEqual([]);
      // Restored outputs are real files.
      for (const { dir } of packages) expect(existsSync(join(dir, "dist")), dir).toBe(true);
    },
    4 * MINUTE,
  );

  it(
    "read-only token: Nx takes the hits, its uploads are refused (403) and pnpm build exits 0",
    async () => {
      const before = { ...server().stats };
      const clone = join(work, "second");
      // An untracked file changes the runtime's build inputs: that task misses and runs, the rest are hits.
      const marker = join(clone, "packages/runtime/cache-proof-read-only.txt");
      writeFileSync(marker, "changes the hash of @chat-sdk/runtime:build\n");
      try {
        const result = await pnpmScripts(clone, "read-only", ["build"], withServer(READ_TOKEN));
        expect(result.code, explain(result)).toBe(0);
        expect(result.output).not.toContain("Remote cache disabled");
        expect(result.output).not.toContain(READ_TOKEN);
        const remote = result.tasks.filter((task) => task.origin === "remote");
        const ran = result.tasks.filter((task) => task.origin === "ran");
        expect(ids(ran)).toContain("@chat-sdk/runtime:build");
        expect(remote.length, result.output).toBeGreaterThan(0);
        expect(result.tasks.filter((task) => task.origin === "local")).toEqual([]);
        expect(result.tools).toContain("tsdown");
        expect(result.tools).not.toContain("generator");
        expect(server().stats.hits - before.hits).toBe(remote.length);
        // Each task that ran tried to upload and got 403; nothing was stored.
        expect(server().stats.rejected - before.rejected).toBe(ran.length);
        expect(server().stats.stored).toBe(before.stored);
      } finally {
        await unlink(marker);
      }
    },
    5 * MINUTE,
  );

  // Both run the whole `pnpm build` (every generate and build task, with a fresh local cache): about as long as
  // the first clone's build, well under their timeout on 2 cores.
  it.each([
    ["wrong-token", () => withServer("not-the-token"), "rejected the access token (HTTP 401)"],
    [
      "server-down",
      () => ({ ...withServer(TOKEN), NX_SELF_HOSTED_REMOTE_CACHE_SERVER: closedPortUrl }),
      "is unreachable",
    ],
  ])(
    "%s: Nx warns, pnpm build runs every task without the remote cache and exits 0",
    async (label, remote, reason) => {
      const before = { ...server().stats };
      const clone = join(work, "second");
      const result = await pnpmScripts(clone, label, ["build"], remote());
      expect(result.code, explain(result)).toBe(0);
      expect(result.output).toContain(`Remote cache disabled for this run: `);
      expect(result.output).toContain(reason);
      expect(result.output).not.toContain("not-the-token");
      expect(result.tasks.filter((task) => task.origin !== "ran")).toEqual([]);
      expect(ids(result.tasks)).toEqual(
        expect.arrayContaining(workspacePackages(clone).map((pkg) => `${pkg.name}:build`)),
      );
      expect(result.tools).toEqual(expect.arrayContaining(["generator", "tsdown"]));
      expect(server().stats.hits).toBe(before.hits);
      expect(server().stats.stored).toBe(before.stored);
    },
    5 * MINUTE,
  );
});
