/**
 * Temporary git repositories for the CLI tests: one API `pets` split over two files, its two packages (the client and
 * its types package) at 1.0.0 and their release tags `@fixture/pets@1.0.0` and `@fixture/pets-types@1.0.0`. Every repository made during a test is removed after it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";

const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
const GIT = ["-c", "user.email=t@t", "-c", "user.name=t", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"];

export const PACKAGE = "@fixture/pets";
/** The API's types package, released and tagged with the client. */
export const TYPES_PACKAGE = "@fixture/pets-types";

export const OPENAPI = `openapi: 3.1.0
info: { title: Pets, version: "1" }
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: { type: array, items: { $ref: "./pet.yaml" } }
`;

export const PET = `type: object
required: [id]
properties:
  id: { type: string }
  name: { type: string }
`;

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface Repo {
  root: string;
  git(...args: string[]): string;
  write(file: string, text: string): void;
  read(file: string): string;
  /** Runs `cli.ts <args>` in the repository; its temporary files go to `tmp`, which tests expect empty afterwards. */
  run(...args: string[]): { status: number | null; stdout: string; stderr: string };
  tmp: string;
}

/** A repository with the spec committed; `tag` (default true) also tags the release. */
export function createRepo(options: { tag?: boolean } = {}): Repo {
  const base = mkdtempSync(path.join(os.tmpdir(), "spec-diff-cli-"));
  created.push(base);
  const root = path.join(base, "repo");
  const tmp = path.join(base, "tmp");
  mkdirSync(tmp);
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, NO_COLOR: "1" };
  // A test run from a git hook would otherwise point every git call at the outer repository.
  for (const name of ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "FORCE_COLOR"]) delete env[name];
  const repo: Repo = {
    root,
    tmp,
    git: (...args) => execFileSync("git", [...GIT, ...args], { cwd: root, env, encoding: "utf8" }),
    write(file, text) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    },
    read: (file) => readFileSync(path.join(root, file), "utf8"),
    run(...args) {
      const result = spawnSync(process.execPath, [CLI, ...args], { cwd: root, env, encoding: "utf8" });
      if (result.error) throw result.error;
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  };
  mkdirSync(root);
  repo.git("init", "--quiet", "--initial-branch=main");
  repo.write("package.json", `${JSON.stringify({ name: "fixture", private: true, chatSdk: { scope: "@fixture" } })}\n`);
  repo.write("packages/pets/package.json", `${JSON.stringify({ name: PACKAGE, version: "1.0.0" })}\n`);
  repo.write("packages/pets-types/package.json", `${JSON.stringify({ name: TYPES_PACKAGE, version: "1.0.0" })}\n`);
  repo.write("specs/pets/openapi.yaml", OPENAPI);
  repo.write("specs/pets/pet.yaml", PET);
  repo.write(".changeset/README.md", "# Changesets\n");
  repo.git("add", "-A");
  repo.git("commit", "--quiet", "-m", "Release 1.0.0");
  if (options.tag !== false) {
    repo.git("tag", `${PACKAGE}@1.0.0`);
    repo.git("tag", `${TYPES_PACKAGE}@1.0.0`);
  }
  return repo;
}

/** Files the CLI left in the temporary directory it was given. */
export function leftovers(repo: Repo): string[] {
  return readdirSync(repo.tmp);
}
