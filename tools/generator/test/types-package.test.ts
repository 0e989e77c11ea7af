/**
 * The types package of every API (`packages/<api>-types/`, `<packageName>-types`): declarations only, no runtime
 * import, scaffolded once except for what the generator owns (src/generated/ and the README), and the one source of
 * the types the client package's generated code uses.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { consumerProgram, diagnostics, typeErrors } from "./compile.ts";
import { createWorkspace, generatorError, SCOPE } from "./workspace.ts";

const read = (file: string) => readFileSync(file, "utf8");

/** Every module specifier a file imports or re-exports. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.ES2022);
  return source.statements.flatMap((statement) =>
    (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
    statement.moduleSpecifier &&
    ts.isStringLiteral(statement.moduleSpecifier)
      ? [statement.moduleSpecifier.text]
      : [],
  );
}

describe("the types package", () => {
  it("holds schema.gen.ts and types.gen.ts, imports nothing outside itself, and the client imports it", async () => {
    const ws = createWorkspace("constructs");
    const result = await generateApi(ws.root, ws.api);
    expect(result.typesPackageName).toBe(`${SCOPE}/constructs-types`);
    const types = path.join(ws.typesGeneratedDir, "types.gen.ts");
    // constructs has a binary body: its type is declared locally, not imported from the runtime.
    expect(read(types)).toContain("type BinaryBody = Blob | ArrayBuffer");
    for (const file of [types, path.join(ws.typesGeneratedDir, "schema.gen.ts")]) {
      expect(specifiers(file).filter((name) => !name.startsWith("./"))).toEqual([]);
    }
    expect(specifiers(path.join(ws.typesPackageDir, "src/index.ts"))).toEqual([
      "./generated/schema.gen.ts",
      "./generated/types.gen.ts",
    ]);
    for (const name of ["operations.gen.ts", "testing.gen.ts"]) {
      const imported = specifiers(path.join(ws.generatedDir, name));
      expect(imported).toContain(`${SCOPE}/constructs-types`);
      expect(imported.filter((specifier) => specifier.includes(".gen."))).not.toContain("./types.gen.ts");
    }
    expect(existsSync(path.join(ws.generatedDir, "types.gen.ts"))).toBe(false);
    const manifest = JSON.parse(read(path.join(ws.typesPackageDir, "package.json")));
    expect(manifest.name).toBe(`${SCOPE}/constructs-types`);
    expect(manifest.dependencies).toBeUndefined();
    const client = JSON.parse(read(path.join(ws.packageDir, "package.json")));
    expect(client.dependencies).toEqual({
      [`${SCOPE}/runtime`]: "workspace:*",
      [`${SCOPE}/constructs-types`]: "workspace:*",
    });
  }, 60_000);

  it("type-checks alone, and the client's index re-exports every type name it declares", async () => {
    const ws = createWorkspace("petstore-mini");
    await generateApi(ws.root, ws.api);
    const usage = path.join(ws.packageDir, "src", "usage.ts");
    writeFileSync(
      usage,
      [
        'import type * as pkg from "./index.ts";',
        `import type * as types from "${SCOPE}/petstore-mini-types";`,
        "export type Same = [pkg.Pet, pkg.ListPetsInput, pkg.components, pkg.paths, pkg.operations, pkg.webhooks];",
        "export const input: types.ListPetsInput = { limit: 1 };",
        "export const sameInput: pkg.ListPetsInput = input;",
        "// @ts-expect-error limit is a number",
        "export const wrong: types.ListPetsInput = { limit: 'x' };",
        "",
      ].join("\n"),
    );
    expect(typeErrors([usage])).toEqual([]);
  }, 60_000);

  it("rewrites its README and generated files on every run, and never its handwritten files", async () => {
    const ws = createWorkspace("petstore-mini");
    await generateApi(ws.root, ws.api);
    const readme = path.join(ws.typesPackageDir, "README.md");
    const index = path.join(ws.typesPackageDir, "src/index.ts");
    const manifest = path.join(ws.typesPackageDir, "package.json");
    const fresh = read(readme);
    writeFileSync(readme, "edited\n");
    writeFileSync(index, "// mine\n");
    writeFileSync(manifest, '{ "name": "mine", "version": "1.2.3" }\n');
    const second = await generateApi(ws.root, ws.api);
    expect(read(readme)).toBe(fresh);
    expect(read(index)).toBe("// mine\n");
    expect(read(manifest)).toBe('{ "name": "mine", "version": "1.2.3" }\n');
    expect(second.scaffolded).toEqual([]);
    expect(second.generated).toContain("packages/petstore-mini-types/README.md");
  }, 60_000);

  it("keeps hostile spec text out of its code and inert in its README and package.json", async () => {
    const ws = createWorkspace("hostile");
    await generateApi(ws.root, ws.api);
    const index = path.join(ws.typesPackageDir, "src/index.ts");
    const program = consumerProgram([index]);
    expect(diagnostics(program)).toEqual([]);
    const module = program.getTypeChecker().getSymbolAtLocation(program.getSourceFile(index) as ts.SourceFile);
    const exported = program.getTypeChecker().getExportsOfModule(module as ts.Symbol);
    expect(exported.map((symbol) => symbol.name)).not.toContain("PWNED");
    const readme = read(path.join(ws.typesPackageDir, "README.md"));
    expect(readme).not.toContain("</script>");
    expect(readme).toContain("&lt;/script&gt;");
    const manifest = JSON.parse(read(path.join(ws.typesPackageDir, "package.json")));
    expect(manifest.description).toContain("</script>");
  }, 60_000);

  it("refuses a spec folder whose name is another API's types package", async () => {
    const ws = createWorkspace("petstore-mini");
    cpSync(path.dirname(ws.specFile), path.join(ws.root, "specs", "petstore-mini-types"), { recursive: true });
    const error = await generatorError(generateApi(ws.root, "petstore-mini-types"));
    expect(error.message).toMatch(/packages\/petstore-mini-types\/ is the types package of specs\/petstore-mini\//);
    expect(existsSync(path.join(ws.root, "packages", "petstore-mini-types-types"))).toBe(false);
  }, 60_000);
});
