/**
 * Operations whose spec has no example still get a sample that compiles: values derived from the schema
 * (openapi-sampler), an empty Blob for binary data. The generator's constructs fixture has no example at all and
 * covers every body kind (JSON, form, multipart with files, binary, text) and clashing parameter names.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateApi } from "@chat-sdk/generator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiSamples, apiSamples } from "../src/samples.ts";
import { sampleErrors } from "./typecheck-samples.ts";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const RUNTIME = path.join(REPO, "packages/runtime/src/index.ts");
let root = "";
let samples: ApiSamples;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "docs-constructs-"));
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ chatSdk: { scope: "@fixture" } }));
  writeFileSync(path.join(root, "tsconfig.shared.json"), '{ "compilerOptions": { "strict": true } }\n');
  mkdirSync(path.join(root, "specs", "constructs"), { recursive: true });
  cpSync(path.join(REPO, "tools/generator/test/fixtures/constructs"), path.join(root, "specs", "constructs"), {
    recursive: true,
  });
  await generateApi(root, "constructs");
  samples = await apiSamples(root, "constructs", RUNTIME);
}, 120_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("samples without examples in the spec", () => {
  it("fill required input from the schema and compile", () => {
    const sources = [...samples.samples].map(([op, source]) => ({ name: op.name, source }));
    expect(sources.length).toBeGreaterThan(5);
    const putSquare = sources.find((s) => s.name === "putSquare")?.source ?? "";
    expect(putSquare).toMatch(/client\.putSquare\(\{.+\}\)/s);
    expect(sources.find((s) => s.name === "putBlob")?.source).toContain("new Blob([])");
    const paths = {
      "@fixture/runtime": [RUNTIME],
      "@fixture/constructs": [path.join(root, "packages/constructs/src/index.ts")],
    };
    expect(sampleErrors(sources, paths)).toEqual([]);
  }, 120_000);
});
