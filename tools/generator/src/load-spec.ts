import { existsSync } from "node:fs";
import path from "node:path";
import { BaseResolver, bundle, type Document, detectSpec } from "@redocly/openapi-core";
import { GeneratorError } from "./errors.ts";
import type { OpenApiDocument } from "./openapi-types.ts";
import { formatProblem, problemToError, validateDocument, validationConfig } from "./validate.ts";

/** A bundled spec and what was worth saying about it without stopping generation. */
export interface LoadedSpec {
  doc: OpenApiDocument;
  /** `file:line:col (#/pointer): message`, in spec order; printed by the CLI as `⚠ ...`. */
  warnings: string[];
}

/**
 * Reads a (possibly multi-file) spec, validates its structure (see validate.ts) and bundles it into one document with
 * internal `#/components/...` refs only. Any unresolved ref, YAML error or structural error stops generation with the
 * file and line at fault. Components of split-out files that Redocly has to rename because their names clash are a
 * warning: the generated names follow the bundle.
 */
export async function loadSpec(specFile: string, root: string): Promise<LoadedSpec> {
  const shown = path.relative(root, specFile) || specFile;
  if (!existsSync(specFile)) throw new GeneratorError(shown, "spec file not found");
  const config = await validationConfig();
  // One resolver for validation and bundling: every file is read and parsed once.
  const resolver = new BaseResolver(config.resolve);
  let document: Document;
  try {
    const resolved = await resolver.resolveDocument(null, specFile, true);
    if (resolved instanceof Error) throw resolved;
    document = resolved;
    detectSpec(document.parsed); // throws, with a useful message, for what is not an API description at all
  } catch (error) {
    throw new GeneratorError(shown, `cannot read the spec: ${(error as Error).message}`);
  }
  const parsed = document.parsed as Partial<OpenApiDocument> | undefined;
  if (!parsed || typeof parsed !== "object") {
    throw new GeneratorError(shown, "the file is empty or not a YAML/JSON object");
  }
  if (typeof parsed.openapi !== "string" || !parsed.openapi.startsWith("3.")) {
    throw new GeneratorError(shown, "not an OpenAPI 3.x document (missing or unsupported `openapi` field)");
  }

  const warnings = await validateDocument(document, resolver, root);

  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    result = await bundle({
      doc: document,
      config,
      externalRefResolver: resolver,
      dereference: false,
      componentRenamingConflicts: "warn",
    });
  } catch (error) {
    throw new GeneratorError(shown, `cannot read the spec: ${(error as Error).message}`);
  }
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors[0]) throw problemToError(errors[0], root);
  warnings.push(...result.problems.filter((problem) => problem.severity === "warn").map((p) => formatProblem(p, root)));

  const doc = result.bundle.parsed as OpenApiDocument | undefined;
  if (!doc || typeof doc !== "object") throw new GeneratorError(shown, "the file is empty or not a YAML/JSON object");
  if (!doc.paths || typeof doc.paths !== "object") throw new GeneratorError(shown, "the spec has no `paths` object");
  return { doc, warnings };
}
