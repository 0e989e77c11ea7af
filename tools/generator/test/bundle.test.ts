/**
 * The generator runs from a bundle of its sources and dependencies (src/bundle.ts). It must write exactly what the
 * sources write, and a change to any source or pinned dependency must give a new bundle.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bundleKey } from "../src/bundle.ts";
import { createWorkspace, FIXTURES, runCli } from "./workspace.ts";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function filesUnder(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const files: Record<string, string> = {};
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = readFileSync(file, "utf8");
  }
  return files;
}

describe("the generator's bundle", () => {
  it("writes byte for byte what the sources write, for every spec we have", () => {
    const fromBundle = createWorkspace("petstore-mini");
    const specSets: [string, string[]][] = [
      [FIXTURES, readdirSync(FIXTURES).filter((name) => !name.includes("broken"))],
      [path.join(REPO, "specs"), readdirSync(path.join(REPO, "specs"))],
      [path.join(REPO, "tools/realworld/corpus"), ["petstore-expanded-30", "callback-example-30"]],
    ];
    for (const [dir, names] of specSets) {
      for (const name of names) {
        cpSync(path.join(dir, name), path.join(fromBundle.root, "specs", name), { recursive: true });
      }
    }
    const fromSource = createWorkspace("petstore-mini");
    cpSync(path.join(fromBundle.root, "specs"), path.join(fromSource.root, "specs"), { recursive: true });

    const bundled = runCli(fromBundle.root, []);
    const sourced = runCli(fromSource.root, [], { CHAT_SDK_GENERATOR_FROM_SOURCE: "1" });
    expect(bundled.stdout).toBe(sourced.stdout);
    expect(bundled.stderr).toBe(sourced.stderr);
    expect(bundled.status).toBe(0);
    const written = filesUnder(path.join(fromBundle.root, "packages"));
    expect(Object.keys(written).length).toBeGreaterThan(100);
    expect(written).toEqual(filesUnder(path.join(fromSource.root, "packages")));
  }, 120_000);

  it("loads Redocly and openapi-typescript from the bundle, not module by module", () => {
    const script = `
      import module from "node:module";
      let fromNodeModules = 0;
      module.registerHooks({ load(url, context, next) {
        if (url.includes("/node_modules/") && !url.includes("/typescript/lib/")) fromNodeModules++;
        return next(url, context);
      } });
      const { loadGenerator } = await import(${JSON.stringify(path.join(REPO, "tools/generator/src/bundle.ts"))});
      const generator = await loadGenerator({});
      console.log(JSON.stringify({ fromNodeModules, generateApi: typeof generator.generateApi }));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ fromNodeModules: 0, generateApi: "function" });
  }, 60_000);
});

describe("bundleKey", () => {
  function packageCopy() {
    const dir = mkdtempSync(path.join(os.tmpdir(), "generator-key-"));
    temps.push(dir);
    mkdirSync(path.join(dir, "src", "scaffold"), { recursive: true });
    writeFileSync(path.join(dir, "package.json"), '{ "dependencies": { "typescript": "5.9.3" } }');
    writeFileSync(path.join(dir, "src", "index.ts"), "export const a = 1;\n");
    writeFileSync(path.join(dir, "src", "scaffold", "package.ts"), "export const b = 2;\n");
    return dir;
  }

  it("is the same for the same files, and changes with any source, a new source or package.json", () => {
    const dir = packageCopy();
    const key = bundleKey(dir);
    expect(bundleKey(dir)).toBe(key);
    expect(key).toMatch(/^[0-9a-f]{16}$/);

    writeFileSync(path.join(dir, "src", "scaffold", "package.ts"), "export const b = 3;\n");
    const edited = bundleKey(dir);
    expect(edited).not.toBe(key);

    writeFileSync(path.join(dir, "src", "extra.ts"), "");
    const added = bundleKey(dir);
    expect(added).not.toBe(edited);

    writeFileSync(path.join(dir, "package.json"), '{ "dependencies": { "typescript": "5.9.2" } }');
    expect(bundleKey(dir)).not.toBe(added);
  });

  it("tells a renamed file from the same content elsewhere", () => {
    const dir = packageCopy();
    const key = bundleKey(dir);
    rmSync(path.join(dir, "src", "index.ts"));
    writeFileSync(path.join(dir, "src", "main.ts"), "export const a = 1;\n");
    expect(bundleKey(dir)).not.toBe(key);
  });
});
