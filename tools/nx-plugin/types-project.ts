/**
 * The second project of every API: its declarations-only types package, `packages/<api>-types`. The client project
 * owns `generate` (one run writes both packages, see generate-target.ts for its outputs); the targets here depend
 * on it, and the client depends on this package (a workspace dependency), so `nx affected` on a spec change marks
 * both and nothing of another API.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { TargetConfiguration } from "@nx/devkit";

export const TYPES_SUFFIX = "-types";

/** What Nx calls the API's client project: its package.json name, or `<scope>/<api>` before the first generation. */
export function clientProjectName(workspaceRoot: string, api: string, scope: string): string {
  const file = path.join(workspaceRoot, "packages", api, "package.json");
  if (!existsSync(file)) return `${scope}/${api}`;
  return (JSON.parse(readFileSync(file, "utf8")) as { name: string }).name;
}

export function typesTargetsFor(api: string, clientProject: string): Record<string, TargetConfiguration> {
  const spec = `{workspaceRoot}/specs/${api}/**`;
  const sources = ["{projectRoot}/**/*", "!{projectRoot}/dist/**", "{workspaceRoot}/tsconfig.shared.json"];
  // Generation is the client project's target; it writes this package's src/generated/ and README too.
  const generate = { target: "generate", projects: [clientProject] };
  return {
    build: {
      command: "tsdown --logLevel warn",
      options: { cwd: "{projectRoot}" },
      dependsOn: [generate],
      inputs: [spec, ...sources],
      outputs: ["{projectRoot}/dist"],
      cache: true,
    },
    typecheck: {
      command: "tsc --noEmit -p tsconfig.json",
      options: { cwd: "{projectRoot}" },
      dependsOn: [generate],
      inputs: [spec, ...sources],
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
