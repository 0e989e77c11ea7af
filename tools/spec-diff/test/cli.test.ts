import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { frontMatter } from "../src/changesets.ts";
import { createRepo, leftovers, PACKAGE, PET } from "./repo.ts";

const WITHOUT_NAME = PET.replace("  name: { type: string }\n", "");

// Every CLI run starts Node and loads the bundler (about half a second); a test makes up to five of them.
const SLOW = { timeout: 30_000 };

describe("changeset:check", SLOW, () => {
  it("passes when the spec is unchanged since the release tag", () => {
    const repo = createRepo();
    const run = repo.run("check");
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toBe(`✔ ${PACKAGE}: spec unchanged since ${PACKAGE}@1.0.0\n`);
  });

  it("fails naming major when a response field is removed, until a major changeset is added", () => {
    const repo = createRepo();
    repo.write("specs/pets/pet.yaml", WITHOUT_NAME);
    const failed = repo.run("check");
    expect(failed.status).toBe(1);
    expect(failed.stderr).toBe(
      `✖ ${PACKAGE}: needs major (since ${PACKAGE}@1.0.0), changesets give nothing\n` +
        "    major  GET /pets response 200 [].name: response field removed\n",
    );
    expect(leftovers(repo)).toEqual([]);

    repo.write(".changeset/too-small.md", `---\n"${PACKAGE}": minor\n---\n\nRemove name.\n`);
    const tooSmall = repo.run("check");
    expect(tooSmall.status).toBe(1);
    expect(tooSmall.stderr).toContain("needs major (since @fixture/pets@1.0.0), changesets give minor");

    repo.write(".changeset/remove-name.md", `---\n"${PACKAGE}": major\n---\n\nRemove name.\n`);
    const passed = repo.run("check");
    expect(passed).toMatchObject({ status: 0, stderr: "" });
    expect(passed.stdout).toBe(`✔ ${PACKAGE}: needs major (since ${PACKAGE}@1.0.0), changesets give major\n`);
  });

  it("without a release tag uses --base, and without either says any change is at least minor", () => {
    const repo = createRepo({ tag: false });
    repo.write(".changeset/fix.md", `---\n"${PACKAGE}": patch\n---\n\nFix.\n`);
    const unreleased = repo.run("check");
    expect(unreleased.status).toBe(1);
    expect(unreleased.stderr).toContain(
      `✖ ${PACKAGE}: needs minor (no released version: any change is at least minor), changesets give patch\n`,
    );
    expect(unreleased.stderr).toContain("    minor  GET /pets: operation added\n");

    repo.write(
      "specs/pets/openapi.yaml",
      repo.read("specs/pets/openapi.yaml").replace("description: OK", "description: Pets"),
    );
    const againstHead = repo.run("check", "--base", "HEAD");
    expect(againstHead).toMatchObject({ status: 0, stderr: "" });
    expect(againstHead.stdout).toBe(`✔ ${PACKAGE}: needs patch (since HEAD), changesets give patch\n`);
  });

  it("an unknown --base is an error", () => {
    const repo = createRepo({ tag: false });
    const run = repo.run("check", "--base", "no-such-branch");
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("✖ --base no-such-branch: no such commit, branch or tag\n");
  });

  it("a missing or unknown command prints the usage and exits 2", () => {
    const repo = createRepo();
    expect(repo.run("publish")).toMatchObject({ status: 2, stderr: "usage: cli.ts check|suggest [--base <ref>]\n" });
  });
});

describe("changeset:suggest", SLOW, () => {
  it("writes a major changeset listing the change, which check then accepts; never overwrites it", () => {
    const repo = createRepo();
    repo.write("specs/pets/pet.yaml", WITHOUT_NAME);
    const run = repo.run("suggest");
    expect(run.status).toBe(0);
    const match = /^wrote (\.changeset\/pets-spec-[0-9a-f]{8}\.md) \(@fixture\/pets: major\)\n$/.exec(run.stdout);
    expect(match).not.toBeNull();
    const file = match?.[1] ?? "";
    const text = repo.read(file);
    expect(frontMatter(text, file)).toEqual({ [PACKAGE]: "major" });
    expect(text).toContain("- Operations changed: `listPets` (GET /pets)\n");
    expect(text).toContain("Major:\n\n- GET /pets response 200 [].name: response field removed\n");
    expect(repo.run("check").status).toBe(0);

    // Run again after a hand edit: same change list, same name, so the file is kept as it is.
    const edited = `---\n"${PACKAGE}": major\n---\n\nEdited by hand.\n`;
    repo.write(file, edited);
    expect(repo.run("suggest").stdout).toBe(`${file} already exists: left as is\n`);
    expect(repo.read(file)).toBe(edited);
    expect(leftovers(repo)).toEqual([]);
  });

  it("says when the pending changesets already cover the suggested bump", () => {
    const repo = createRepo();
    repo.write("specs/pets/pet.yaml", WITHOUT_NAME);
    repo.write(".changeset/remove-name.md", `---\n"${PACKAGE}": major\n---\n\nRemove name.\n`);
    const run = repo.run("suggest");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^wrote \.changeset\/pets-spec-[0-9a-f]{8}\.md \(@fixture\/pets: major; pending changesets already give major\)\n$/,
    );
  });

  it("writes nothing when no spec changed", () => {
    const repo = createRepo();
    expect(repo.run("suggest").stdout).toBe("nothing to suggest: no spec differs from its base\n");
    expect(readdirSync(path.join(repo.root, ".changeset"))).toEqual(["README.md"]);
  });
});
