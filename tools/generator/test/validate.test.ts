import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { loadSpec } from "../src/load-spec.ts";
import { pathKeyProblem, warningLines } from "../src/validate.ts";
import { createWorkspace, generatorError, type Workspace } from "./workspace.ts";

/** The 1-based line and column of a `line:col (#/pointer)` location, and the spec text found there. */
function at(ws: Workspace, file: string, location: string | undefined) {
  const [line = 0, col = 0] = (location ?? "").split(" ")[0]?.split(":").map(Number) ?? [];
  const text = readFileSync(path.join(ws.root, file), "utf8").split("\n")[line - 1] ?? "";
  return { line, col, text: text.slice(col - 1) };
}

describe("the spec is validated before anything is written", () => {
  it("`type: integr` in a split-out file: file:line:col and pointer of the typo, previous output untouched", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    const before = ws.readGenerated();
    ws.editSpec((text) => text.replace("type: integer", "type: integr"), "components.yaml");

    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.file).toBe("specs/petstore-mini/components.yaml");
    expect(error.location).toMatch(/^\d+:\d+ \(#\/[^)]*\/type\)$/);
    expect(error.message).toContain('`type` can be one of the following only: "object", "array", "string"');
    expect(at(ws, error.file, error.location).text).toBe("integr");
    expect(ws.readGenerated()).toStrictEqual(before);
    expect(ws.stagingLeftovers()).toEqual([]);
  });

  it("`type: integr` in the main file of a spec that never generated: no package at all", async () => {
    const ws = createWorkspace();
    ws.editSpec((text) => text.replace("type: integer", "type: integr"));
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.file).toBe(ws.specShown);
    expect(error.location).toMatch(/^\d+:\d+ \(#\/paths\/~1pets\/get\/parameters\/0\/schema\/type\)$/);
    expect(readFileSync(ws.specFile, "utf8").split("\n")[at(ws, error.file, error.location).line - 1]).toContain(
      "type: integr",
    );
    expect(() => readFileSync(path.join(ws.packageDir, "package.json"))).toThrow();
  });

  it("OpenAPI 3.0 is validated with the 3.0 structure (no `null` type)", async () => {
    const ws = createWorkspace("renamed-components");
    ws.editSpec((text) => text.replace("type: integer", "type: integr"), "v2/schemas.yaml");
    const error = await generatorError(loadSpec(ws.specFile, ws.root));
    expect(error.message).toBe(
      'specs/renamed-components/v2/schemas.yaml:8:13 (#/Pet/properties/age/type): `type` can be one of the following only: "object", "array", "string", "number", "integer", "boolean".',
    );
  });

  it("an invalid `x-pagination`: file:line of the extension, previous output untouched", async () => {
    const ws = createWorkspace("constructs");
    await generateApi(ws.root, ws.api);
    const before = ws.readGenerated();
    ws.editSpec((text) =>
      text.replace(
        "      operationId: putSquare\n",
        "      operationId: putSquare\n      x-pagination: { style: cursor }\n",
      ),
    );
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.location).toMatch(/^\d+:\d+ \(#\/paths\/~1board~1\{row\}~1\{column\}\/put\/x-pagination\)$/);
    expect(error.message).toContain("x-pagination needs { style: offset-count");
    const { line } = at(ws, error.file, error.location);
    expect(readFileSync(ws.specFile, "utf8").split("\n")[line - 1]).toContain("x-pagination: { style: cursor }");
    expect(ws.readGenerated()).toStrictEqual(before);
  });

  it("a structural error that is not a type: a required field missing", async () => {
    const ws = createWorkspace();
    ws.editSpec((text) => text.replace("          description: One page of pets.\n", ""));
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.message).toMatch(
      /^specs\/petstore-mini\/openapi\.yaml:\d+:\d+ \(#\/paths\/~1pets\/get\/responses\/200\): The field `description` must be present on this level\.$/,
    );
  });

  it("several errors: the first one is named, with how many more there are", async () => {
    const ws = createWorkspace();
    ws.editSpec((text) => text.replaceAll("type: integer", "type: integr"), "components.yaml");
    ws.editSpec((text) => text.replace("type: integer", "type: integr"));
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.message).toMatch(/ \(and \d+ more errors?\)$/);
  });

  it("`x-` extensions are allowed wherever OpenAPI allows them (info, path items, operations, schemas)", async () => {
    const ws = createWorkspace("odd-path-key");
    const { warnings } = await loadSpec(ws.specFile, ws.root);
    expect(warnings.filter((warning) => !warning.includes("is not a URL path template"))).toEqual([]);
  });
});

describe("problems that do not stop generation are warnings", () => {
  it("components Redocly renames in a multi-file spec generate, with a warning naming the $ref", async () => {
    const ws = createWorkspace("renamed-components");
    const result = await generateApi(ws.root, ws.api);
    expect(result.warnings).toEqual([
      "specs/renamed-components/openapi.yaml:37:17 (#/paths/~1v2~1pets~1{petId}/get/responses/200/content/application~1json/schema): Two schemas are referenced with the same name but different content. Renamed Pet to Pet-2.",
    ]);
    const { line, text } = at(ws, "specs/renamed-components/openapi.yaml", "37:17");
    expect(line).toBe(37);
    expect(text).toBe("$ref: ./v2/schemas.yaml#/Pet");
    expect(ws.readGenerated()["schema.gen.ts"]).toContain('"Pet-2"');
  });

  it("a path key that is not a URL template generates, with a warning naming its place", async () => {
    const ws = createWorkspace("odd-path-key");
    const result = await generateApi(ws.root, ws.api);
    expect(result.warnings).toEqual([
      'specs/odd-path-key/openapi.yaml:31:3 (#/paths/~1api~1v1~1login - with Google): path "/api/v1/login - with Google" is not a URL path template: it contains characters not allowed in a URL path (space)',
    ]);
    expect(at(ws, "specs/odd-path-key/openapi.yaml", "31:3").text).toBe("/api/v1/login - with Google:");
    expect(warningLines(result.warnings)).toEqual([`⚠ ${result.warnings[0]}`]);
  });

  it("a clean spec has no warnings", async () => {
    const ws = createWorkspace();
    expect((await generateApi(ws.root, ws.api)).warnings).toEqual([]);
  });

  it("the line of a path key holding `%` is still found", async () => {
    const ws = createWorkspace("odd-path-key");
    ws.editSpec((text) => text.replace("/api/v1/login - with Google:", "/api/v1/100%:"));
    const { warnings } = await loadSpec(ws.specFile, ws.root);
    expect(warnings).toEqual([
      'specs/odd-path-key/openapi.yaml:31:3 (#/paths/~1api~1v1~1100%): path "/api/v1/100%" is not a URL path template: it contains characters not allowed in a URL path ("%")',
    ]);
  });
});

describe("pathKeyProblem", () => {
  it.each([
    "/pets",
    "/pets/{petId}",
    "/pets/{pet-id}.json",
    "/v1/{a}/{b};matrix",
    "/files/a%2Fb",
    "/users/@me/~x:y!$&'()*+,=",
    "/",
  ])("%s is a URL path template", (key) => {
    expect(pathKeyProblem(key)).toBeUndefined();
  });

  it.each([
    ["/api/v1/login - with Google", "it contains characters not allowed in a URL path (space)"],
    ["pets", "it does not start with `/`"],
    ["/pets/{petId", "`{` without `}`"],
    ["/pets/petId}", "`}` without `{`"],
    ["/pets/{{petId}}", "nested `{`"],
    ["/pets/{}", "empty parameter name `{}`"],
    ["/pets?limit=1", 'it contains characters not allowed in a URL path ("?")'],
    ["/pets#top", 'it contains characters not allowed in a URL path ("#")'],
    ["/caf\u00e9/<x>", 'it contains characters not allowed in a URL path ("\u00e9", "<", ">")'],
    ["/100%", 'it contains characters not allowed in a URL path ("%")'],
  ])("%s: %s", (key, problem) => {
    expect(pathKeyProblem(key)).toBe(problem);
  });
});
