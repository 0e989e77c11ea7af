/**
 * The plugin infers two projects per spec: the client at packages/<api> and its types package at
 * packages/<api>-types, whose targets run after the client's `generate` (which writes both packages).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CreateNodesContextV2, TargetConfiguration } from "@nx/devkit";
import { afterEach, describe, expect, it } from "vitest";
import { createNodesV2 } from "../index.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

type Projects = Record<string, { name?: string; targets: Record<string, TargetConfiguration> }>;

/** The projects the plugin infers for `specs/<api>/openapi.yaml` of a scratch workspace. */
async function infer(api: string, clientManifest?: object): Promise<Projects> {
  const root = mkdtempSync(path.join(os.tmpdir(), "chat-sdk-nx-types-"));
  roots.push(root);
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ chatSdk: { scope: "@fixture" } }));
  mkdirSync(path.join(root, "specs", api), { recursive: true });
  if (clientManifest) {
    mkdirSync(path.join(root, "packages", api), { recursive: true });
    writeFileSync(path.join(root, "packages", api, "package.json"), JSON.stringify(clientManifest));
  }
  const context = { workspaceRoot: root, nxJsonConfiguration: {} } as CreateNodesContextV2;
  const [, create] = createNodesV2;
  const results = await create([`specs/${api}/openapi.yaml`], undefined, context);
  const result = results[0]?.[1] as { projects: Projects } | undefined;
  if (!result) throw new Error("the plugin inferred nothing");
  return result.projects;
}

describe("the types project of an API", () => {
  it("is inferred beside the client, named <scope>/<api>-types before its first generation", async () => {
    const projects = await infer("pets");
    expect(Object.keys(projects).sort()).toEqual(["packages/pets", "packages/pets-types"]);
    expect(projects["packages/pets-types"]?.name).toBe("@fixture/pets-types");
    expect(Object.keys(projects["packages/pets-types"]?.targets ?? {}).sort()).toEqual([
      "build",
      "lint-package",
      "typecheck",
    ]);
  });

  it("builds and type-checks after the client project's generate, by the client's package name", async () => {
    const projects = await infer("pets", { name: "@fixture/petstore" });
    const targets = projects["packages/pets-types"]?.targets ?? {};
    for (const target of ["build", "typecheck"]) {
      expect(targets[target]?.dependsOn, target).toEqual([{ target: "generate", projects: ["@fixture/petstore"] }]);
      expect(targets[target]?.inputs, target).toContain("{workspaceRoot}/specs/pets/**");
    }
  });

  it("is among the outputs of the client's generate, so a cache hit restores both packages", async () => {
    const projects = await infer("pets");
    expect(projects["packages/pets"]?.targets.generate?.outputs).toEqual(
      expect.arrayContaining([
        "{projectRoot}/src/generated",
        "{workspaceRoot}/packages/pets-types/src/generated",
        "{workspaceRoot}/packages/pets-types/README.md",
      ]),
    );
  });
});
