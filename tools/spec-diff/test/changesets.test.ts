import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { frontMatter, pendingBumps } from "../src/changesets.ts";

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

function workspace(files: Record<string, string>): string {
  root = mkdtempSync(path.join(os.tmpdir(), "spec-diff-changesets-"));
  mkdirSync(path.join(root, ".changeset"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, ".changeset", name), text);
  return root;
}

describe("pendingBumps", () => {
  it("keeps the highest bump per package over all changesets, ignoring README.md and other files", () => {
    const dir = workspace({
      "a.md": '---\n"@x/one": patch\n"@x/two": major\n---\n\nFirst.\n',
      "b.md": "---\n'@x/one': minor\n'@x/two': patch\n---\n\nSecond.\n",
      "README.md": '---\n"@x/one": major\n---\n',
      "config.json": "{}",
    });
    expect(pendingBumps(dir)).toEqual(
      new Map([
        ["@x/one", "minor"],
        ["@x/two", "major"],
      ]),
    );
  });

  it("no .changeset folder means no pending bumps", () => {
    root = mkdtempSync(path.join(os.tmpdir(), "spec-diff-changesets-"));
    expect(pendingBumps(root)).toEqual(new Map());
  });

  it("an unknown bump is an error naming the file", () => {
    const dir = workspace({ "bad.md": '---\n"@x/one": huge\n---\n' });
    expect(() => pendingBumps(dir)).toThrow(
      '.changeset/bad.md: "@x/one" has bump "huge", expected major, minor or patch',
    );
  });
});

describe("frontMatter", () => {
  it("reads an empty front matter as no packages", () => {
    expect(frontMatter("---\n---\n\nNothing released.\n", "x.md")).toEqual({});
  });

  it("a file without front matter is an error", () => {
    expect(() => frontMatter("Just text.\n", "x.md")).toThrow("x.md: no front matter");
  });
});
