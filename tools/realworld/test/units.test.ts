/** The harness's own helpers. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listSpecs } from "../src/corpus.ts";
import { diffTrees } from "../src/files.ts";
import { apiName, splitTscOutput } from "../src/workspace.ts";

describe("splitTscOutput", () => {
  it("files tsc diagnostics under their package, continuation lines included; the rest under ''", () => {
    const output = [
      "packages/a/src/index.ts(1,1): error TS2322: Type 'x' is not assignable to type 'y'.",
      "  Property 'z' is missing.",
      "packages/b/test/usage.ts(3,5): error TS2578: Unused '@ts-expect-error' directive.",
      "error TS5083: Cannot read file 'tsconfig.shared.json'.",
    ].join("\n");
    const byApi = splitTscOutput(output);
    expect(byApi.get("a")).toBe(
      "packages/a/src/index.ts(1,1): error TS2322: Type 'x' is not assignable to type 'y'.\n  Property 'z' is missing.",
    );
    expect(byApi.get("b")).toContain("TS2578");
    expect(byApi.get("")).toBe("error TS5083: Cannot read file 'tsconfig.shared.json'.");
  });
});

describe("apiName", () => {
  it("turns a folder name into an npm name segment", () => {
    expect(apiName("petstore-30")).toBe("petstore-30");
    expect(apiName("My API v2")).toBe("my-api-v2");
    expect(apiName("_odd__")).toBe("odd__");
    expect(apiName("???")).toBe("api");
  });
});

describe("listSpecs", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "realworld-units-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds <name>/openapi.{yaml,yml,json}, sorted, and ignores other folders", () => {
    for (const [name, file] of [
      ["b", "openapi.json"],
      ["a", "openapi.yaml"],
      ["c", "openapi.yml"],
      ["notes", "README.md"],
    ] as const) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, file), "");
    }
    expect(listSpecs(dir).map((spec) => `${spec.name}/${spec.entry}`)).toEqual([
      "a/openapi.yaml",
      "b/openapi.json",
      "c/openapi.yml",
    ]);
  });
});

describe("diffTrees", () => {
  it("names changed, added and removed files", () => {
    const a = new Map([
      ["same", Buffer.from("1")],
      ["changed", Buffer.from("1")],
      ["removed", Buffer.from("1")],
    ]);
    const b = new Map([
      ["same", Buffer.from("1")],
      ["changed", Buffer.from("2")],
      ["added", Buffer.from("1")],
    ]);
    expect(diffTrees(a, b).sort()).toEqual(["added", "changed", "removed"]);
  });
});
