/**
 * Every selected spec without a test file of its own (test/<name>.test.ts) still gets the pipeline tests:
 * generated, deterministic, tsc, tsdown, one method per operation, every operation sends its method and path.
 * This is how a new real spec dropped into the corpus folder is tried.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { inject, it } from "vitest";
import { describeSpec } from "./harness.ts";

it("reads the real-world spec corpus", () => {
  const error = inject("realworldError");
  if (error) throw new Error(error);
});

const others = inject("realworld").filter(
  (spec) => !existsSync(path.join(import.meta.dirname, `${spec.name}.test.ts`)),
);

for (const spec of others) describeSpec(spec.name);
