/**
 * The generator calls openapi-typescript's transform directly on the spec it has already validated and bundled
 * (src/openapi-typescript-core.ts) instead of `openapiTS`, which would lint and bundle it again with a second copy of
 * Redocly. The output must be the same, byte for byte, for every spec we have: ours, the fixtures (hostile names,
 * deep refs, webhooks, every construct) and the vendored real-world corpus.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { blobForBinary, schemaInput } from "../src/emit-schema.ts";
import { loadSpec } from "../src/load-spec.ts";
import { transformBundledSpec } from "../src/openapi-typescript-core.ts";
import { readOperations } from "../src/operations.ts";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));
const specsIn = (folder: string) =>
  readdirSync(path.join(REPO, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(folder, entry.name, "openapi.yaml"));
const SPECS = [
  ...specsIn("specs"),
  ...specsIn("tools/generator/test/fixtures").filter((file) => !file.includes("broken")),
  ...specsIn("tools/realworld/corpus"),
];

describe("transformBundledSpec", () => {
  it("finds the specs it compares", () => {
    expect(SPECS.length).toBeGreaterThan(15);
  });

  it.each(SPECS)("prints what openapiTS prints for %s", async (file) => {
    const { doc } = await loadSpec(path.join(REPO, file), REPO);
    // What emit-schema.ts hands to openapi-typescript, and its `transform` (binary strings as Blob).
    const input = schemaInput(doc, readOperations(doc, file));
    const transform = blobForBinary;
    const expected = astToString(await openapiTS(structuredClone(input) as never, { silent: true, transform }));
    const actual = astToString(transformBundledSpec(structuredClone(input) as never, transform));
    expect(actual).toBe(expected);
    expect(actual).toContain("export interface paths");
  });
});
