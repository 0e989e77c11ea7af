import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { createWorkspace, SCOPE } from "./workspace.ts";

const HANDWRITTEN = [
  "LICENSE",
  "README.md",
  "package.json",
  "src/index.ts",
  "test/client.test.ts",
  "tsconfig.json",
  "tsdown.config.ts",
  "vitest.config.ts",
];

function read(ws: ReturnType<typeof createWorkspace>, file: string): string {
  return readFileSync(path.join(ws.packageDir, file), "utf8");
}

describe("scaffolding of the handwritten package files", () => {
  it("the first run creates every handwritten file and reports it", async () => {
    const ws = createWorkspace();
    const result = await generateApi(ws.root, ws.api);
    expect(result.scaffolded).toEqual(HANDWRITTEN.map((file) => `packages/petstore-mini/${file}`));
    for (const file of HANDWRITTEN) expect(read(ws, file), file).not.toMatch(/\{\{|\}\}/);
  });

  it("package.json is named in the workspace scope and depends on its runtime", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    const pkg = JSON.parse(read(ws, "package.json"));
    expect(pkg.name).toBe(`${SCOPE}/petstore-mini`);
    expect(pkg.description).toBe("A tiny pet store used to test the generator.");
    expect(pkg.dependencies).toEqual({ [`${SCOPE}/runtime`]: "workspace:*" });
    expect(pkg.devDependencies).toEqual({ [`${SCOPE}/test-utils`]: "workspace:*" });
    expect(pkg.repository.directory).toBe("packages/petstore-mini");
  });

  it("src/index.ts exports create<Pascal>Client built on the generated operations", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    const index = read(ws, "src/index.ts");
    expect(index).toContain(
      "export function createPetstoreMiniClient(options: PetstoreMiniClientOptions): PetstoreMiniClient {",
    );
    expect(index).toContain(`from "${SCOPE}/runtime";`);
    expect(index).toContain(
      'import { type Client, type PetstoreMiniOperations, bindOperations } from "./generated/operations.gen.ts";',
    );
    expect(index).toContain("export function createPetstoreMiniApi(options: PetstoreMiniClientOptions): Client {");
    expect(index).toContain("raw: createRawClient(api)");
    expect(read(ws, "test/client.test.ts")).toContain('import { createPetstoreMiniClient } from "../src/index.ts";');
    expect(read(ws, "README.md")).toMatch(/^# @fixture\/petstore-mini\n/);
    expect(JSON.parse(read(ws, "tsconfig.json")).extends).toBe("../../tsconfig.base.json");
  });

  it("a second run keeps handwritten edits and scaffolds nothing", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    const index = `${read(ws, "src/index.ts")}\nexport const handwritten = true;\n`;
    const pkg = read(ws, "package.json").replace('"version": "0.0.0"', '"version": "1.2.3"');
    writeFileSync(path.join(ws.packageDir, "src/index.ts"), index);
    writeFileSync(path.join(ws.packageDir, "package.json"), pkg);

    const second = await generateApi(ws.root, ws.api);
    expect(second.scaffolded).toEqual([]);
    expect(read(ws, "src/index.ts")).toBe(index);
    expect(read(ws, "package.json")).toBe(pkg);
    expect(second.generated).toHaveLength(3);
  });

  it("once package.json exists, a deliberately deleted handwritten file is not brought back", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    rmSync(path.join(ws.packageDir, "README.md"));
    const again = await generateApi(ws.root, ws.api);
    expect(again.scaffolded).toEqual([]);
    expect(existsSync(path.join(ws.packageDir, "README.md"))).toBe(false);
  });

  it("without package.json the package counts as new: missing files are created, existing ones kept", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    const index = `${read(ws, "src/index.ts")}\nexport const kept = 1;\n`;
    writeFileSync(path.join(ws.packageDir, "src/index.ts"), index);
    rmSync(path.join(ws.packageDir, "package.json"));
    const again = await generateApi(ws.root, ws.api);
    expect(again.scaffolded).toEqual(["packages/petstore-mini/package.json"]);
    expect(read(ws, "src/index.ts")).toBe(index);
  });

  it("sdk.yaml overrides the package name, client name and description", async () => {
    const ws = createWorkspace();
    const sdk = "packageName: pets\nclientName: Pets\ndescription: 'Pets \"quoted\" client'\n";
    writeFileSync(path.join(path.dirname(ws.specFile), "sdk.yaml"), sdk);
    const result = await generateApi(ws.root, ws.api);
    expect(result.packageName).toBe(`${SCOPE}/pets`);
    const pkg = JSON.parse(read(ws, "package.json"));
    expect(pkg).toMatchObject({ name: `${SCOPE}/pets`, description: 'Pets "quoted" client' });
    expect(read(ws, "src/index.ts")).toContain("export function createPetsClient(");
    expect(ws.readGenerated()["operations.gen.ts"]).toContain("export interface PetsOperations {");
  });
});
