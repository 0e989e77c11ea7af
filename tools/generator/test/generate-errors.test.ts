import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { createWorkspace, generatorError } from "./workspace.ts";

const MINIMAL_HEAD = "openapi: 3.1.0\ninfo:\n  title: Empty\n  version: '1'\n";

describe("generateApi error messages name the file and the problem", () => {
  it("missing spec file", async () => {
    const ws = createWorkspace();
    rmSync(ws.specFile);
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.message).toBe("specs/petstore-mini/openapi.yaml: spec file not found");
    expect(error.file).toBe(ws.specShown);
  });

  it("an API folder that does not exist", async () => {
    const ws = createWorkspace();
    const error = await generatorError(generateApi(ws.root, "no-such-api"));
    expect(error.message).toBe("specs/no-such-api/openapi.yaml: spec file not found");
  });

  it("a spec without operations", async () => {
    const ws = createWorkspace();
    ws.writeSpec(`${MINIMAL_HEAD}paths: {}\n`);
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.message).toBe(`${ws.specShown}: the spec declares no operations`);
  });

  it("a spec without paths, components or webhooks fails structural validation", async () => {
    const ws = createWorkspace();
    ws.writeSpec(MINIMAL_HEAD);
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.message).toBe(
      `${ws.specShown}:1:1 (#/): Must contain at least one of the following fields: paths, components, webhooks.`,
    );
  });

  it("a spec without a paths object", async () => {
    const ws = createWorkspace();
    ws.writeSpec(`${MINIMAL_HEAD}components: {}\n`);
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.message).toBe(`${ws.specShown}: the spec has no \`paths\` object`);
  });

  it("a YAML file that is not an API description", async () => {
    const ws = createWorkspace();
    ws.writeSpec("name: shopping list\nitems: [milk, eggs]\n");
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.file).toBe(ws.specShown);
    expect(error.message).toMatch(/^specs\/petstore-mini\/openapi\.yaml: cannot read the spec: .*specification/i);
  });

  it("a Swagger 2.0 document", async () => {
    const ws = createWorkspace();
    ws.writeSpec("swagger: '2.0'\ninfo:\n  title: Old\n  version: '1'\npaths: {}\n");
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.message).toBe(
      `${ws.specShown}: not an OpenAPI 3.x document (missing or unsupported \`openapi\` field)`,
    );
  });

  it("a YAML scalar instead of a document", async () => {
    const ws = createWorkspace();
    ws.writeSpec("just a sentence\n");
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.message).toMatch(/^specs\/petstore-mini\/openapi\.yaml: cannot read the spec: .*object/);
  });

  it("a root package.json without chatSdk.scope names package.json", async () => {
    const ws = createWorkspace();
    writeFileSync(path.join(ws.root, "package.json"), '{ "name": "no-scope" }\n');
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.file).toBe("package.json");
    expect(error.message).toContain('"chatSdk": { "scope": "@your-scope" }');
  });

  it("an sdk.yaml with an unknown key names sdk.yaml", async () => {
    const ws = createWorkspace();
    writeFileSync(path.join(path.dirname(ws.specFile), "sdk.yaml"), "packageNmae: pets\n");
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.message).toBe(
      'specs/petstore-mini/sdk.yaml: unknown key "packageNmae" (allowed: packageName, clientName, description)',
    );
  });
});
