/**
 * Nx plugin: two projects per `specs/<api>/openapi.yaml`, the client rooted at `packages/<api>` and its types
 * package at `packages/<api>-types`.
 * Each target's inputs name that API's own spec folder, so `nx affected` marks only that package (and its
 * dependents) when only its spec changes, and cached outputs are reused otherwise. Nothing per API lives in nx.json.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CreateNodesV2, TargetConfiguration } from "@nx/devkit";
import { benchNoopTarget, GENERATOR_INPUTS, generateTarget } from "./generate-target.ts";
import { clientProjectName, TYPES_SUFFIX, typesTargetsFor } from "./types-project.ts";

const DOCS = ["{workspaceRoot}/tools/docs/src/**", ...GENERATOR_INPUTS];

export const createNodesV2: CreateNodesV2 = [
  "specs/*/openapi.yaml",
  (specFiles, _options, context) =>
    specFiles.map((specFile) => {
      const api = specFile.split("/")[1] as string;
      const root = `packages/${api}`;
      // Before the first generation there is no package.json to name the project: use the name it will get.
      const name = existsSync(path.join(context.workspaceRoot, root, "package.json"))
        ? undefined
        : `${readScope(context.workspaceRoot)}/${api}`;
      const scope = readScope(context.workspaceRoot);
      const typesRoot = `${root}${TYPES_SUFFIX}`;
      const typesName = existsSync(path.join(context.workspaceRoot, typesRoot, "package.json"))
        ? undefined
        : `${scope}/${api}${TYPES_SUFFIX}`;
      const client = clientProjectName(context.workspaceRoot, api, scope);
      const projects = {
        [root]: { name, targets: targetsFor(api) },
        // The API's declarations-only package (see types-project.ts).
        [typesRoot]: { name: typesName, targets: typesTargetsFor(api, client) },
      };
      return [specFile, { projects }] as const;
    }),
];
export const createNodes = createNodesV2;

function targetsFor(api: string): Record<string, TargetConfiguration> {
  const spec = `{workspaceRoot}/specs/${api}/**`;
  const sources = ["{projectRoot}/**/*", "!{projectRoot}/dist/**", "{workspaceRoot}/tsconfig.shared.json"];
  return {
    "lint-spec": {
      command: `redocly lint specs/${api}/openapi.yaml`,
      options: { cwd: "{workspaceRoot}" },
      inputs: [spec, "{workspaceRoot}/redocly.yaml"],
      cache: true,
    },
    generate: generateTarget(api),
    // Trivial and cached, same inputs as generate: the baseline of the generation benchmarks (tools/bench).
    "bench-noop": benchNoopTarget(api),
    // The API reference (Redocly HTML with a TypeScript sample per operation), see tools/docs.
    docs: {
      command: `node tools/docs/src/cli.ts ${api}`,
      options: { cwd: "{workspaceRoot}" },
      dependsOn: ["generate"],
      // The package's src/ and the runtime: samples create the client with what its options type requires.
      inputs: [
        spec,
        ...DOCS,
        "{projectRoot}/src/**/*",
        `{workspaceRoot}/packages/${api}${TYPES_SUFFIX}/src/**`,
        "{workspaceRoot}/packages/runtime/src/**",
        "{workspaceRoot}/package.json",
      ],
      outputs: ["{projectRoot}/reference"],
      cache: true,
    },
    build: {
      command: "tsdown --logLevel warn",
      options: { cwd: "{projectRoot}" },
      dependsOn: ["generate", "^build"],
      inputs: [spec, ...sources, "!{projectRoot}/test/**"],
      outputs: ["{projectRoot}/dist"],
      cache: true,
    },
    typecheck: {
      command: "tsc --noEmit -p tsconfig.json",
      options: { cwd: "{projectRoot}" },
      dependsOn: ["generate", "^build"],
      inputs: [spec, ...sources],
      cache: true,
    },
    test: {
      command: "vitest run --reporter=default --reporter=json --outputFile.json=.vitest/results.json",
      options: { cwd: "{projectRoot}" },
      dependsOn: ["generate", "^build"],
      inputs: [spec, ...sources],
      outputs: ["{projectRoot}/.vitest"],
      cache: true,
    },
    "lint-package": {
      command: "publint --strict && attw --pack . --profile node16",
      options: { cwd: "{projectRoot}" },
      dependsOn: ["build"],
      inputs: [spec, ...sources],
      cache: true,
    },
  };
}

function readScope(workspaceRoot: string): string {
  const pkg = JSON.parse(readFileSync(path.join(workspaceRoot, "package.json"), "utf8"));
  return pkg.chatSdk?.scope ?? "@chat-sdk";
}
