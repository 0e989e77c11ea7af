import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATOR_DEPENDENCIES, generateTarget } from "../generate-target.ts";

const generatorPackage = JSON.parse(readFileSync(new URL("../../generator/package.json", import.meta.url), "utf8")) as {
  dependencies: Record<string, string>;
};

describe("generateTarget", () => {
  it("hashes exactly the npm packages the generator depends on: one added or dropped there changes the cache key", () => {
    expect([...GENERATOR_DEPENDENCIES].sort()).toEqual(Object.keys(generatorPackage.dependencies).sort());
    expect(generateTarget("notes").inputs).toContainEqual({ externalDependencies: GENERATOR_DEPENDENCIES });
  });
});
