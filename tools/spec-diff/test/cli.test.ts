import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { frontMatter } from "../src/changesets.ts";
import { createRepo, leftovers, PACKAGE, PET, TYPES_PACKAGE } from "./repo.ts";

const WITHOUT_NAME = PET.replace("  name: { type: string }\n", "");

// Every CLI run starts Node and loads the bundler (about half a second); a test makes up to five of them.
const SLOW = { timeout: 30_000 };

describe("changeset:check", SLOW, () => {
  it("passes when the spec is unchanged since the release tag", () => {
    const repo = createRepo();
    const run = repo.run("check");
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toBe(
      `✔ ${PACKAGE}: spec unchanged since ${PACKAGE}@1.0.0\n` +
        `✔ ${TYPES_PACKAGE}: spec unchanged since ${TYPES_PACKAGE}@1.0.0\n`,
    );
  });

  it("fails for an uncovered change even when an unrelated changeset gives major, until suggest covers it", () => {
    const repo = createRepo();
    repo.write("specs/pets/pet.yaml", WITHOUT_NAME);
    const failed = repo.run("check");
    expect(failed.status).toBe(1);
    // Both packages of the API: a field removed from a response breaks users of either.
    expect(failed.stderr).toBe(
      [PACKAGE, TYPES_PACKAGE]
        .map(
          (name) =>
            `✖ ${name}: 1 change has no changeset (since ${name}@1.0.0; needs major): run \`pnpm changeset:suggest\`\n` +
            "    major  GET /pets response 200 [].name: response field removed\n",
        )
        .join(""),
    );
    expect(leftovers(repo)).toEqual([]);

    repo.write(
      ".changeset/unrelated.md",
      `---\n"${PACKAGE}": major\n"${TYPES_PACKAGE}": major\n---\n\nSomething else.\n`,
    );
    expect(repo.run("check").status).toBe(1);

    expect(repo.run("suggest").status).toBe(0);
    const passed = repo.run("check");
    expect(passed).toMatchObject({ status: 0, stderr: "" });
    expect(passed.stdout).toBe(
      `✔ ${PACKAGE}: needs major (since ${PACKAGE}@1.0.0), pending changesets cover every change\n` +
        `✔ ${TYPES_PACKAGE}: needs major (since ${TYPES_PACKAGE}@1.0.0), pending changesets cover every change\n`,
    );
  });

  it("without a release tag uses --base, and without either says any change is at least minor", () => {
    const repo = createRepo({ tag: false });
    const unreleased = repo.run("check");
    expect(unreleased.status).toBe(1);
    expect(unreleased.stderr).toContain(
      `✖ ${PACKAGE}: 1 change has no changeset (no released version: any change is at least minor; needs minor)`,
    );
    expect(unreleased.stderr).toContain("    minor  GET /pets: operation added\n");
    expect(repo.run("suggest").stdout).toMatch(
      /^wrote \.changeset\/pets-spec-[0-9a-f]{8}\.md \(@fixture\/pets: minor\)\nwrote \.changeset\/pets-types-spec-[0-9a-f]{8}\.md \(@fixture\/pets-types: minor\)\n$/,
    );

    repo.write(
      "specs/pets/openapi.yaml",
      repo.read("specs/pets/openapi.yaml").replace("description: OK", "description: Pets"),
    );
    expect(repo.run("check", "--base", "HEAD").status).toBe(1);
    expect(repo.run("suggest", "--base", "HEAD").stdout).toContain("(@fixture/pets: patch)");
    const againstHead = repo.run("check", "--base", "HEAD");
    expect(againstHead).toMatchObject({ status: 0, stderr: "" });
    expect(againstHead.stdout).toBe(
      `✔ ${PACKAGE}: needs patch (since HEAD), pending changesets cover every change\n` +
        `✔ ${TYPES_PACKAGE}: needs patch (since HEAD), pending changesets cover every change\n`,
    );
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
  it("writes a changeset in the consumer's words, which check then accepts; never overwrites it", () => {
    const repo = createRepo();
    repo.write("specs/pets/pet.yaml", WITHOUT_NAME);
    const run = repo.run("suggest");
    expect(run.status).toBe(0);
    const match = /^wrote (\.changeset\/pets-spec-[0-9a-f]{8}\.md) \(@fixture\/pets: major\)\n/.exec(run.stdout);
    expect(match).not.toBeNull();
    const file = match?.[1] ?? "";
    const text = repo.read(file);
    expect(frontMatter(text, file)).toEqual({ [PACKAGE]: "major" });
    // pet.yaml is bundled as the schema `pet`: the change is named after it and the method that returns it.
    expect(text).toContain("Breaking changes:\n\n- `pet.name`: response field removed (`listPets()`)\n");
    expect(text).not.toContain("GET /pets");
    expect(repo.run("check").status).toBe(0);
    expect(leftovers(repo)).toEqual([]);
  });

  it("running it twice adds nothing; after more edits it writes only the new changes", () => {
    const repo = createRepo();
    repo.write("specs/pets/pet.yaml", WITHOUT_NAME);
    expect(repo.run("suggest").status).toBe(0);
    const first = readdirSync(path.join(repo.root, ".changeset")).sort();
    expect(repo.run("suggest").stdout).toBe(
      `nothing to suggest for ${PACKAGE}: pending changesets cover every change\n` +
        `nothing to suggest for ${TYPES_PACKAGE}: pending changesets cover every change\n`,
    );
    expect(readdirSync(path.join(repo.root, ".changeset")).sort()).toEqual(first);

    repo.write("specs/pets/pet.yaml", `${WITHOUT_NAME}  tag: { type: string }\n`);
    const second = repo.run("suggest");
    expect(second.stdout).toMatch(/\(@fixture\/pets: minor\)\n.*\(@fixture\/pets-types: minor\)\n$/);
    const added = readdirSync(path.join(repo.root, ".changeset"))
      .filter((name) => !first.includes(name))
      .sort();
    expect(added).toHaveLength(2);
    const text = repo.read(`.changeset/${added[0]}`);
    expect(text).toContain("- `pet.tag`: response field added (`listPets()`)");
    expect(text).not.toContain("pet.name");
    expect(repo.run("check").status).toBe(0);
  });

  it("a hand-edited changeset keeps covering its changes as long as the marker stays", () => {
    const repo = createRepo();
    repo.write("specs/pets/pet.yaml", WITHOUT_NAME);
    const file = /^wrote (\S+)/.exec(repo.run("suggest").stdout)?.[1] ?? "";
    const marker = /<!-- spec-diff .* -->/.exec(repo.read(file))?.[0] ?? "";
    repo.write(file, `---\n"${PACKAGE}": major\n---\n\nPets no longer have a name.\n\n${marker}\n`);
    expect(repo.run("check").status).toBe(0);
    expect(repo.run("suggest").stdout).toContain("pending changesets cover every change");
    repo.write(file, `---\n"${PACKAGE}": major\n---\n\nPets no longer have a name.\n`);
    expect(repo.run("check").status).toBe(1);
  });

  it("writes nothing when no spec changed", () => {
    const repo = createRepo();
    expect(repo.run("suggest").stdout).toBe("nothing to suggest: no spec differs from its base\n");
    expect(readdirSync(path.join(repo.root, ".changeset"))).toEqual(["README.md"]);
  });
});
