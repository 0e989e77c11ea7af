/**
 * Temporary workspaces for generator tests: a root package.json that sets the npm scope, a tsconfig.shared.json and
 * one spec folder copied from test/fixtures/. Every workspace made during a test is removed after it.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect } from "vitest";
import { GeneratorError } from "../src/errors.ts";

export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
export const SCOPE = "@fixture";
export const GENERATED_FILES = ["schema.gen.ts", "types.gen.ts", "operations.gen.ts", "testing.gen.ts"] as const;
/** The generated files that live in the types package (`packages/<api>-types/src/generated/`). */
export const TYPES_FILES: readonly string[] = ["schema.gen.ts", "types.gen.ts"];

export interface Workspace {
  root: string;
  api: string;
  /** `specs/<api>/openapi.yaml`, relative to the root: how errors name it. */
  specShown: string;
  specFile: string;
  packageDir: string;
  generatedDir: string;
  /** `packages/<api>-types/` and its `src/generated/`: schema.gen.ts and types.gen.ts. */
  typesPackageDir: string;
  typesGeneratedDir: string;
  /** Where a generated file of either package is, by name. */
  generatedFile(name: string): string;
  /** Rewrites a file of the spec folder. */
  editSpec(edit: (text: string) => string, file?: string): void;
  /** Replaces `openapi.yaml` with the given text. */
  writeSpec(text: string): void;
  /** Every generated file by name. */
  readGenerated(): Record<string, string>;
  /** Names in packages/<api>/src/ that look like leftovers of an interrupted write. */
  stagingLeftovers(): string[];
}

const created: string[] = [];
afterEach(() => {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A fresh workspace root holding `specs/<api>/` copied from `fixtures/<fixture>/`. */
export function createWorkspace(fixture = "petstore-mini", api = fixture): Workspace {
  const root = mkdtempSync(path.join(os.tmpdir(), "chat-sdk-generator-"));
  created.push(root);
  writeFileSync(path.join(root, "package.json"), `${JSON.stringify({ chatSdk: { scope: SCOPE } }, null, 2)}\n`);
  // Scaffolded tsconfig.json files extend it; tools that load generated .ts files (vite) follow that chain.
  writeFileSync(path.join(root, "tsconfig.shared.json"), '{ "compilerOptions": { "strict": true } }\n');
  const specDir = path.join(root, "specs", api);
  mkdirSync(specDir, { recursive: true });
  cpSync(path.join(FIXTURES, fixture), specDir, { recursive: true });
  const packageDir = path.join(root, "packages", api);
  const generatedDir = path.join(packageDir, "src", "generated");
  const typesPackageDir = path.join(root, "packages", `${api}-types`);
  const typesGeneratedDir = path.join(typesPackageDir, "src", "generated");
  const generatedFile = (name: string) =>
    path.join(TYPES_FILES.includes(name) ? typesGeneratedDir : generatedDir, name);
  const specFile = path.join(specDir, "openapi.yaml");
  return {
    root,
    api,
    specShown: path.join("specs", api, "openapi.yaml"),
    specFile,
    packageDir,
    generatedDir,
    typesPackageDir,
    typesGeneratedDir,
    generatedFile,
    editSpec(edit, file = "openapi.yaml") {
      const target = path.join(specDir, file);
      const before = readFileSync(target, "utf8");
      const after = edit(before);
      if (after === before) throw new Error(`editSpec: the edit changed nothing in ${file}`);
      writeFileSync(target, after);
    },
    writeSpec(text) {
      writeFileSync(specFile, text);
    },
    readGenerated() {
      return Object.fromEntries(GENERATED_FILES.map((name) => [name, readFileSync(generatedFile(name), "utf8")]));
    },
    stagingLeftovers() {
      return [packageDir, typesPackageDir].flatMap((dir) => {
        const src = path.join(dir, "src");
        if (!existsSync(src)) return [];
        return readdirSync(src).filter((name) => name.startsWith(".generated."));
      });
    },
  };
}

/** Awaits a promise that must reject with a GeneratorError, and returns that error. */
export async function generatorError(promise: Promise<unknown>): Promise<GeneratorError> {
  const error = await promise.then(
    () => new Error("expected a GeneratorError, but the promise resolved"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));

/**
 * Runs the CLI on a workspace root, never installing and never inheriting a pnpm user agent. `env` adds to (or, with
 * `undefined`, removes from) the environment, e.g. `{ CHAT_SDK_GENERATOR_FROM_SOURCE: "1" }`.
 */
export function runCli(root: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const runEnv: NodeJS.ProcessEnv = { ...process.env, CHAT_SDK_ROOT: root, NO_COLOR: "1" };
  delete runEnv.npm_config_user_agent;
  delete runEnv.FORCE_COLOR; // Nx sets it; with NO_COLOR too, Node prints a warning on stderr
  delete runEnv.npm_execpath;
  delete runEnv.CHAT_SDK_GENERATOR_FROM_SOURCE;
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete runEnv[name];
    else runEnv[name] = value;
  }
  const result = spawnSync(process.execPath, [CLI, ...args, "--no-install"], { env: runEnv, encoding: "utf8" });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
