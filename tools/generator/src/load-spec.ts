import { existsSync } from "node:fs";
import path from "node:path";
import { bundle, createConfig, getLineColLocation, type NormalizedProblem } from "@redocly/openapi-core";
import { GeneratorError } from "./errors.ts";
import type { OpenApiDocument } from "./openapi-types.ts";

/**
 * Bundles a (possibly multi-file) spec into one document with internal `#/components/...` refs only.
 * Any unresolved ref, YAML error or component name clash stops generation with the file and line at fault.
 */
export async function loadSpec(specFile: string, root: string): Promise<OpenApiDocument> {
  const shown = path.relative(root, specFile) || specFile;
  if (!existsSync(specFile)) throw new GeneratorError(shown, "spec file not found");
  const config = await createConfig({});
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    result = await bundle({ ref: specFile, config, dereference: false, componentRenamingConflicts: "error" });
  } catch (error) {
    throw new GeneratorError(shown, `cannot read the spec: ${(error as Error).message}`);
  }
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) throw problemToError(errors[0] as NormalizedProblem, root);
  const doc = result.bundle.parsed as OpenApiDocument | undefined;
  if (!doc || typeof doc !== "object") throw new GeneratorError(shown, "the file is empty or not a YAML/JSON object");
  if (typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.")) {
    throw new GeneratorError(shown, "not an OpenAPI 3.x document (missing or unsupported `openapi` field)");
  }
  if (!doc.paths || typeof doc.paths !== "object") throw new GeneratorError(shown, "the spec has no `paths` object");
  return doc;
}

function problemToError(problem: NormalizedProblem, root: string): GeneratorError {
  const where = problem.location[0];
  if (!where) return new GeneratorError("spec", problem.message);
  const file = path.relative(root, where.source.absoluteRef) || where.source.absoluteRef;
  // Redocly pointers already start with `#`: `#/paths/~1pets/get`.
  let location = where.pointer?.startsWith("#") ? where.pointer : `#${where.pointer ?? ""}`;
  try {
    const { start } = getLineColLocation(where);
    location = `${start.line}:${start.col} (${location})`;
  } catch {
    // No line information for this problem: the JSON pointer alone still names the place.
  }
  return new GeneratorError(file, problem.message, location);
}
