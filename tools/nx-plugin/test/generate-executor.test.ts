import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ExecutorContext, TaskGraph } from "@nx/devkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type GenerateOptions, generateBatch, laneCount } from "../generate-executor.ts";

const FIXTURE = fileURLToPath(new URL("../../generator/test/fixtures/petstore-mini/", import.meta.url));

const roots: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A scratch workspace with one copy of the petstore fixture per API name. */
function workspace(apis: string[]): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "chat-sdk-nx-plugin-"));
  roots.push(root);
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ chatSdk: { scope: "@fixture" } }));
  writeFileSync(path.join(root, "tsconfig.shared.json"), "{}\n");
  for (const api of apis) cpSync(FIXTURE, path.join(root, "specs", api), { recursive: true });
  return root;
}

/** What Nx hands a batch: one `generate` task per API, and each task's options. */
function batchOf(apis: string[], install = false) {
  const tasks = Object.fromEntries(
    apis.map((api) => {
      const id = `@fixture/${api}:generate`;
      return [id, { id, target: { project: `@fixture/${api}`, target: "generate" }, overrides: {}, outputs: [] }];
    }),
  );
  const graph = { roots: Object.keys(tasks), tasks, dependencies: {}, continuousDependencies: {} } as unknown;
  const inputs: Record<string, GenerateOptions> = Object.fromEntries(
    apis.map((api) => [`@fixture/${api}:generate`, { api, install }]),
  );
  return { graph: graph as TaskGraph, inputs };
}

const context = (root: string, parallel = 1) =>
  ({ root, cwd: root, isVerbose: false, nxJsonConfiguration: { parallel } }) as ExecutorContext;

describe("generateBatch", () => {
  it("generates every API of the batch in one call and reports each task on its own", async () => {
    const root = workspace(["shop-a", "shop-b"]);
    const { graph, inputs } = batchOf(["shop-a", "shop-b"]);
    const results = await generateBatch(graph, inputs, { api: "" }, context(root));

    expect(Object.keys(results).sort()).toEqual(["@fixture/shop-a:generate", "@fixture/shop-b:generate"]);
    for (const api of ["shop-a", "shop-b"]) {
      const result = results[`@fixture/${api}:generate`];
      expect(result?.success).toBe(true);
      expect(result?.terminalOutput).toContain(`✔ @fixture/${api}: 4 operations`);
      // Each task's output names only its own API.
      expect(result?.terminalOutput).not.toContain(api === "shop-a" ? "shop-b" : "shop-a");
      expect(existsSync(path.join(root, "packages", api, "src", "generated"))).toBe(true);
    }
  });

  it("a broken spec fails only its own task", async () => {
    const root = workspace(["good", "broken"]);
    writeFileSync(path.join(root, "specs", "broken", "openapi.yaml"), "not: [an, openapi, document]\n");
    const { graph, inputs } = batchOf(["broken", "good"]);
    const results = await generateBatch(graph, inputs, { api: "" }, context(root));

    expect(results["@fixture/good:generate"]?.success).toBe(true);
    const broken = results["@fixture/broken:generate"];
    expect(broken?.success).toBe(false);
    expect(broken?.terminalOutput).toMatch(/^✖ broken: specs\/broken\/openapi\.yaml: /);
    expect(existsSync(path.join(root, "packages", "broken"))).toBe(false);
    expect(existsSync(path.join(root, "packages", "good", "src", "generated"))).toBe(true);
  });

  it("links every package the batch scaffolded with one pnpm install", async () => {
    const root = workspace(["new-a", "new-b", "new-c"]);
    // A stand-in for pnpm (the executor runs `node $npm_execpath install ...`) that counts its calls.
    const calls = path.join(root, "pnpm-calls.txt");
    const fakePnpm = path.join(root, "fake-pnpm.cjs");
    writeFileSync(
      fakePnpm,
      `require("node:fs").appendFileSync(${JSON.stringify(calls)}, process.argv.slice(2).join(" ") + "\\n");\n`,
    );
    chmodSync(fakePnpm, 0o755);
    vi.stubEnv("npm_config_user_agent", "pnpm/10.34.9 npm/? node/v24");
    vi.stubEnv("npm_execpath", fakePnpm);

    const { graph, inputs } = batchOf(["new-a", "new-b", "new-c"], true);
    const results = await generateBatch(graph, inputs, { api: "" }, context(root));

    expect(Object.values(results).every((result) => result.success)).toBe(true);
    expect(readFileSync(calls, "utf8")).toBe("install --no-frozen-lockfile --prefer-offline\n");
  });

  it("a failed install fails the tasks that scaffolded, so Nx does not cache them", async () => {
    const root = workspace(["new-a"]);
    const failing = path.join(root, "failing-pnpm.cjs");
    writeFileSync(failing, "process.exit(3);\n");
    vi.stubEnv("npm_config_user_agent", "pnpm/10.34.9 npm/? node/v24");
    vi.stubEnv("npm_execpath", failing);

    const { graph, inputs } = batchOf(["new-a"], true);
    const result = (await generateBatch(graph, inputs, { api: "" }, context(root)))["@fixture/new-a:generate"];
    expect(result?.success).toBe(false);
    expect(result?.terminalOutput).toContain("✖ pnpm install failed");
  });

  it("spreads a large batch over worker threads, up to nx.json's parallel, with the same per-task results", async () => {
    const apis = Array.from({ length: 12 }, (_, i) => `shop-${String(i).padStart(2, "0")}`);
    const root = workspace(apis);
    writeFileSync(path.join(root, "specs", "shop-05", "openapi.yaml"), "not: [an, openapi, document]\n");
    const { graph, inputs } = batchOf(apis);
    vi.stubEnv("CHAT_SDK_GENERATE_THREADS", "2");
    expect(laneCount(apis.length, context(root, 2))).toBe(Math.min(2, os.availableParallelism()));
    const results = await generateBatch(graph, inputs, { api: "" }, context(root, 2));

    expect(Object.keys(results)).toHaveLength(12);
    for (const api of apis) {
      const result = results[`@fixture/${api}:generate`];
      expect(result?.success).toBe(api !== "shop-05");
      expect(result?.terminalOutput).toMatch(api === "shop-05" ? /^✖ shop-05: / : `✔ @fixture/${api}: 4 operations`);
    }
  });
});

describe("laneCount", () => {
  const ctx = (parallel?: number) => ({ nxJsonConfiguration: { parallel } }) as ExecutorContext;
  const threads = (value: string) => ({ CHAT_SDK_GENERATE_THREADS: value });
  it("is one thread unless CHAT_SDK_GENERATE_THREADS asks for more", () => {
    expect(laneCount(100, ctx(2), {})).toBe(1);
    expect(laneCount(100, ctx(2), threads("nonsense"))).toBe(1);
  });
  it("stays in one thread for small batches and without parallel", () => {
    expect(laneCount(5, ctx(8), threads("8"))).toBe(1);
    expect(laneCount(100, ctx(undefined), threads("8"))).toBe(1);
  });
  it("never exceeds what was asked, nx.json's parallel or the cores", () => {
    expect(laneCount(100, ctx(2), threads("8"))).toBe(Math.min(2, os.availableParallelism()));
    expect(laneCount(1000, ctx(64), threads("3"))).toBe(Math.min(3, os.availableParallelism()));
  });
});
