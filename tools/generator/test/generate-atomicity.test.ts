import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { createWorkspace, generatorError } from "./workspace.ts";

/** Generates the fixture once, applies `breakSpec`, and checks the failed run left the first output alone. */
async function failAfterSuccess(breakSpec: (ws: ReturnType<typeof createWorkspace>) => void) {
  const ws = createWorkspace();
  await generateApi(ws.root, ws.api);
  const before = ws.readGenerated();
  expect(ws.stagingLeftovers()).toEqual([]);
  breakSpec(ws);
  const error = await generatorError(generateApi(ws.root, ws.api));
  expect(ws.readGenerated()).toStrictEqual(before);
  expect(ws.stagingLeftovers()).toEqual([]);
  return { ws, error };
}

describe("a failed run leaves the previous output untouched", () => {
  it("a $ref to a missing schema: names the spec file, line:col and JSON pointer", async () => {
    const { ws, error } = await failAfterSuccess((ws) =>
      ws.editSpec((text) => text.replace("$ref: ./components.yaml#/NewPet", "$ref: ./components.yaml#/Missing")),
    );
    expect(error.file).toBe(ws.specShown);
    expect(error.file).toBe("specs/petstore-mini/openapi.yaml");
    expect(error.location).toMatch(
      /^\d+:\d+ \(#\/paths\/~1pets\/post\/requestBody\/content\/application~1json\/schema\)$/,
    );
    expect(error.message).toBe(`${ws.specShown}:${error.location}: Can't resolve $ref`);
    expect(error.message).not.toContain("##");
  });

  it("the line:col of an unresolved $ref points at the $ref in the spec", async () => {
    const { ws, error } = await failAfterSuccess((ws) =>
      ws.editSpec((text) =>
        text.replace(/(["'])#\/components\/responses\/BadRequest\1/, '"#/components/responses/Nope"'),
      ),
    );
    const [line, col] = (error.location ?? "").split(" ")[0]?.split(":").map(Number) ?? [];
    const specLines = readFileSync(ws.specFile, "utf8").split("\n");
    const firstNope = specLines.findIndex((text) => text.includes("#/components/responses/Nope"));
    expect(line).toBe(firstNope + 1);
    expect(specLines[firstNope]?.slice((col ?? 1) - 1)).toMatch(/^\$ref: /);
    expect(error.location).toContain("(#/paths/~1pets/get/responses/400)");
  });

  it("a broken $ref inside the split-out components file names that file", async () => {
    const { error } = await failAfterSuccess((ws) =>
      ws.editSpec((text) => text.replace(/\$ref: (["'])#\/Tag\1/, '$ref: "#/Tagg"'), "components.yaml"),
    );
    expect(error.file).toBe("specs/petstore-mini/components.yaml");
    expect(error.location).toMatch(/^\d+:\d+ \(#\/Pet\/properties\/tag\)$/);
  });

  it("invalid YAML: names the spec file and the line:col of the syntax error", async () => {
    const { ws, error } = await failAfterSuccess((ws) =>
      ws.editSpec((text) => text.replace("  /pets/search:\n", "  /pets/search: [unclosed\n")),
    );
    expect(error.file).toBe(ws.specShown);
    expect(error.message.startsWith(`${ws.specShown}: cannot read the spec: `)).toBe(true);
    expect(error.message).toMatch(/\(\d+:\d+\)/);
  });

  it("a spec that passes bundling but fails later (no operations) also writes nothing", async () => {
    const { error } = await failAfterSuccess((ws) =>
      ws.editSpec((text) => text.replace(/^paths:\n[\s\S]*?^components:/m, "paths: {}\ncomponents:")),
    );
    expect(error.message).toContain("the spec declares no operations");
  });

  it("a spec that fails on its first run creates no package at all", async () => {
    const ws = createWorkspace();
    ws.editSpec((text) => text.replace("$ref: ./components.yaml#/Pet\n", "$ref: ./components.yaml#/Gone\n"));
    await generatorError(generateApi(ws.root, ws.api));
    expect(existsSync(ws.packageDir)).toBe(false);
  });
});
