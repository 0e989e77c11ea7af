/**
 * The proof that the remote cache works between machines: two fresh clones of the committed HEAD, each with its
 * own local Nx cache, share one cache server. The first builds and uploads; the second must take every task from
 * the server and start no build tool. Then a wrong token and a stopped server must not fail the build.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
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
  taskLines,
  toolsThatRan,
  tracedProcesses,
  writeTracePreload,
} from "./workspace-clone.ts";

const TOKEN = "two-clones-test-token";
const TARGETS = ["run-many", "-t", "build", "typecheck", "--outputStyle=static"];
const MINUTE = 60_000;

const work = mkdtempSync(join(tmpdir(), "cache-two-clones-"));
const preload = join(work, "trace-preload.mjs");
let cache: CacheServer;
let serverUrl: string;
let closedPortUrl: string;
const timings: Record<string, number> = {};

/** Runs Nx in a clone with its own local cache directory and trace file; returns the run and the tools it started. */
async function nx(clone: string, label: string, args: string[], remote: Record<string, string>) {
  const trace = join(work, `${label}.trace`);
  const env = ciEnvironment(preload, {
    ...remote,
    CACHE_PROOF_TRACE: trace,
    NX_CACHE_DIRECTORY: join(work, `${label}-local-cache`),
  });
  const result = await run(join(clone, "node_modules/.bin/nx"), args, clone, env);
  timings[label] = result.seconds;
  const processes = tracedProcesses(trace);
  return { ...result, processes, tools: toolsThatRan(processes) };
}

function explain(result: RunResult): string {
  return `exit ${result.code}\n${result.output.slice(-4000)}`;
}

beforeAll(async () => {
  writeTracePreload(preload);
  cache = await createCacheServer({ dir: join(work, "server-storage"), tokens: { readWrite: TOKEN } });
  await new Promise<void>((resolve) => cache.server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(cache.server.address() as AddressInfo).port}`;

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

afterAll(async () => {
  cache.server.closeAllConnections();
  await new Promise<void>((resolve) => cache.server.close(() => resolve()));
  rmSync(work, { recursive: true, force: true });
  console.log(
    `two-clones timings (s): ${JSON.stringify(timings, (_, value) => (typeof value === "number" ? Math.round(value) : value))}`,
  );
});

const withServer = (token: string) => ({
  NX_SELF_HOSTED_REMOTE_CACHE_SERVER: serverUrl,
  NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: token,
});

describe("sharing the Nx cache between two clean clones", () => {
  let firstTasks: string[] = [];

  it(
    "the first clone runs every task (generator, tsdown, tsc) and uploads each result",
    async () => {
      const first = await nx(join(work, "first"), "first", TARGETS, withServer(TOKEN));
      expect(first.code, explain(first)).toBe(0);
      firstTasks = taskLines(first.output);
      expect(firstTasks.length).toBeGreaterThan(5);
      expect(firstTasks.filter((line) => /\[(local|remote) cache\]$/.test(line))).toEqual([]);
      // The trace sees the build tools here, so its silence in the second clone means something.
      expect(first.tools).toEqual(["generator", "tsdown", "tsc"]);
      // Batched tasks (generate) print no `> nx run` line of their own: there may be more results than lines.
      expect(cache.stats).toMatchObject({ hits: 0, rejected: 0 });
      expect(cache.stats.stored).toBeGreaterThanOrEqual(firstTasks.length);
    },
    5 * MINUTE,
  );

  it(
    "the second clone takes every task from the server and starts no build tool",
    async () => {
      const before = { ...cache.stats };
      const second = await nx(join(work, "second"), "second", TARGETS, withServer(TOKEN));
      expect(second.code, explain(second)).toBe(0);
      const tasks = taskLines(second.output);
      expect(tasks.map((line) => line.replace(/\s+\[remote cache\]$/, ""))).toEqual(expect.arrayContaining(firstTasks));
      // Every result the first clone stored is a task of this run, taken from the server.
      expect(tasks).toHaveLength(cache.stats.stored);
      expect(
        tasks.filter((line) => !line.endsWith("[remote cache]")),
        second.output,
      ).toEqual([]);
      // The preload was active (it saw Nx itself), yet no build tool started.
      expect(second.processes.length).toBeGreaterThan(0);
      expect(second.tools).toEqual([]);
      expect(cache.stats.hits - before.hits).toBe(tasks.length);
      expect(cache.stats.stored).toBe(before.stored);
      // Restored outputs are real files, e.g. the runtime's build.
      expect(existsSync(join(work, "second/packages/runtime/dist"))).toBe(true);
    },
    3 * MINUTE,
  );

  it.each([
    ["wrong-token", () => withServer("not-the-token"), "rejected the access token (HTTP 401)"],
    [
      "server-down",
      () => ({ ...withServer(TOKEN), NX_SELF_HOSTED_REMOTE_CACHE_SERVER: closedPortUrl }),
      "is unreachable",
    ],
  ])(
    "%s: Nx warns, builds without the remote cache and exits 0",
    async (label, remote, reason) => {
      const before = { ...cache.stats };
      const result = await nx(
        join(work, "second"),
        label,
        ["run", "@chat-sdk/runtime:build", "--outputStyle=static"],
        remote(),
      );
      expect(result.code, explain(result)).toBe(0);
      expect(result.output).toContain(`Remote cache disabled for this run: `);
      expect(result.output).toContain(reason);
      expect(result.output).not.toContain("not-the-token");
      expect(result.tools).toContain("tsdown");
      expect(cache.stats.hits).toBe(before.hits);
      expect(cache.stats.stored).toBe(before.stored);
    },
    2 * MINUTE,
  );
});
