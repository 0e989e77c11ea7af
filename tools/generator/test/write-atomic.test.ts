import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { replaceDirectory, writeIfMissing } from "../src/write-atomic.ts";

let parent: string;
let target: string;
beforeEach(() => {
  parent = mkdtempSync(path.join(os.tmpdir(), "chat-sdk-write-atomic-"));
  target = path.join(parent, "generated");
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

const contents = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), "utf8")]));

describe("replaceDirectory", () => {
  it("creates the directory with exactly the given files", () => {
    replaceDirectory(target, { "a.ts": "A", "b.ts": "B" });
    expect(contents(target)).toEqual({ "a.ts": "A", "b.ts": "B" });
    expect(readdirSync(parent)).toEqual(["generated"]);
  });

  it("replaces the previous files, dropping ones no longer generated", () => {
    replaceDirectory(target, { "a.ts": "old", "stale.ts": "old" });
    replaceDirectory(target, { "a.ts": "new" });
    expect(contents(target)).toEqual({ "a.ts": "new" });
    expect(readdirSync(parent)).toEqual(["generated"]);
  });

  it("a failure while writing keeps the previous directory and removes the staging one", () => {
    replaceDirectory(target, { "a.ts": "previous" });
    // A file inside a missing sub-folder cannot be written: the write fails half-way through.
    expect(() => replaceDirectory(target, { "a.ts": "next", "missing/b.ts": "next" })).toThrow(/ENOENT/);
    expect(contents(target)).toEqual({ "a.ts": "previous" });
    expect(readdirSync(parent)).toEqual(["generated"]);
  });

  it("clears a staging directory left behind by an interrupted run", () => {
    const staging = path.join(parent, `.generated.tmp-${process.pid}`);
    mkdirSync(staging);
    writeFileSync(path.join(staging, "leftover.ts"), "x");
    replaceDirectory(target, { "a.ts": "A" });
    expect(contents(target)).toEqual({ "a.ts": "A" });
    expect(existsSync(staging)).toBe(false);
  });
});

describe("writeIfMissing", () => {
  it("writes a new file, creating its folders, and never overwrites it", () => {
    const file = path.join(parent, "deep", "er", "file.txt");
    expect(writeIfMissing(file, "first")).toBe(true);
    expect(writeIfMissing(file, "second")).toBe(false);
    expect(readFileSync(file, "utf8")).toBe("first");
  });
});
