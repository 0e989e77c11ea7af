import { cpSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createWorkspace, FIXTURES, runCli } from "./workspace.ts";

describe("cli", () => {
  it("generates the named API, prints a summary and exits 0", () => {
    const ws = createWorkspace();
    const run = runCli(ws.root, [ws.api]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("✔ @fixture/petstore-mini: 4 operations -> 5 files\n");
    expect(run.stdout).toContain("  + scaffolded packages/petstore-mini/src/index.ts\n");
    expect(Object.keys(ws.readGenerated())).toHaveLength(4);
  });

  it("says nothing about scaffolding when the package already exists", () => {
    const ws = createWorkspace();
    expect(runCli(ws.root, [ws.api]).status).toBe(0);
    const again = runCli(ws.root, [ws.api]);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe("✔ @fixture/petstore-mini: 4 operations -> 5 files\n");
  });

  it("with no API named, generates every folder of specs/ in sorted order", () => {
    const ws = createWorkspace();
    cpSync(path.join(FIXTURES, "petstore-mini"), path.join(ws.root, "specs", "another-store"), { recursive: true });
    const run = runCli(ws.root, []);
    expect(run.status).toBe(0);
    const summaries = run.stdout.split("\n").filter((line) => line.startsWith("✔"));
    expect(summaries).toEqual([
      "✔ @fixture/another-store: 4 operations -> 5 files",
      "✔ @fixture/petstore-mini: 4 operations -> 5 files",
    ]);
  });

  it("a broken spec exits 1 and prints ✖ with the spec path and place on stderr", () => {
    const ws = createWorkspace();
    ws.editSpec((text) => text.replace("$ref: ./components.yaml#/NewPet", "$ref: ./components.yaml#/Missing"));
    const run = runCli(ws.root, [ws.api]);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain("✔");
    expect(run.stderr).toMatch(
      /^✖ petstore-mini: specs\/petstore-mini\/openapi\.yaml:\d+:\d+ \(#\/paths\/~1pets\/post\/requestBody[^)]*\): Can't resolve \$ref\n$/,
    );
    expect(existsSync(ws.packageDir)).toBe(false);
  });

  it("stops at the first failing API and leaves the later ones ungenerated", () => {
    const ws = createWorkspace();
    const later = path.join(ws.root, "specs", "zz-store");
    cpSync(path.join(FIXTURES, "petstore-mini"), later, { recursive: true });
    ws.writeSpec("not: [an, openapi, document]\n");
    const run = runCli(ws.root, []);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^✖ petstore-mini: specs\/petstore-mini\/openapi\.yaml: /);
    expect(existsSync(path.join(ws.root, "packages", "zz-store"))).toBe(false);
  });

  it("an unknown API name exits 1 naming the missing spec file", () => {
    const ws = createWorkspace();
    const run = runCli(ws.root, ["nope"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("✖ nope: specs/nope/openapi.yaml: spec file not found\n");
  });

  it("prints warnings as ⚠ lines on stderr and still generates (exit 0)", () => {
    const ws = createWorkspace("odd-path-key");
    const run = runCli(ws.root, [ws.api]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      '⚠ specs/odd-path-key/openapi.yaml:31:3 (#/paths/~1api~1v1~1login - with Google): path "/api/v1/login - with Google" is not a URL path template: it contains characters not allowed in a URL path (space)\n',
    );
    expect(run.stdout).toContain("✔ @fixture/odd-path-key: 2 operations -> 5 files\n");
  });
});
