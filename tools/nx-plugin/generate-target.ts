import type { TargetConfiguration } from "@nx/devkit";

/** What generation reads besides the spec: a change to the generator regenerates every API. */
export const GENERATOR_INPUTS = [
  "{workspaceRoot}/tools/generator/src/**",
  "{workspaceRoot}/tools/generator/templates/**",
];

/** The npm packages the generator runs: tools/generator/package.json `dependencies` (a test keeps them equal). */
export const GENERATOR_DEPENDENCIES = [
  "@redocly/openapi-core",
  "openapi-sampler",
  "openapi-typescript",
  "rolldown",
  "typescript",
];

const EXECUTOR = "{workspaceRoot}/tools/nx-plugin/generate-executor.ts";

/**
 * The `generate` target of one API: the workspace's own executor (executors.json), which Nx runs in batches, so a
 * run of many APIs loads the generator once. Cache, inputs and outputs are per API as with any target.
 */
export function generateTarget(api: string): TargetConfiguration {
  return {
    executor: "@chat-sdk/nx-plugin:generate",
    options: { api },
    inputs: generateInputs(api),
    // One run writes both packages of the API: the client's and its types package's (all of whose README is generated).
    outputs: [
      "{projectRoot}/src/generated",
      "{projectRoot}/README.md",
      `{workspaceRoot}/packages/${api}-types/src/generated`,
      `{workspaceRoot}/packages/${api}-types/README.md`,
    ],
    cache: true,
  };
}

/**
 * The baseline of `pnpm bench:generate` and `bench:scale`: Nx's own cost for a trivial cached target with the same
 * inputs as `generate`, so that a cached no-op `generate` can be compared with the least Nx can do.
 */
export function benchNoopTarget(api: string): TargetConfiguration {
  return { command: "node -e 0", inputs: generateInputs(api), cache: true };
}

function generateInputs(api: string): NonNullable<TargetConfiguration["inputs"]> {
  return [
    `{workspaceRoot}/specs/${api}/**`,
    ...GENERATOR_INPUTS,
    EXECUTOR,
    // Named, so that the hash does not fall back to every external dependency of the workspace (the default for an
    // executor): a lockfile change that only links a new package would otherwise regenerate every API.
    { externalDependencies: GENERATOR_DEPENDENCIES },
    "{workspaceRoot}/package.json",
    // The README is an input too: generation rewrites only its operations table, the rest is handwritten. Named from
    // the workspace root: as `{projectRoot}/...`, Nx 24's hasher fails ("project not found") for an API whose package
    // folder does not exist yet, i.e. on every first generation.
    `{workspaceRoot}/packages/${api}/README.md`,
  ];
}
