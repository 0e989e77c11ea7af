import { existsSync } from "node:fs";
import path from "node:path";
import { readPackageConfig } from "./config.ts";
import { emitOperations } from "./emit-operations.ts";
import { emitSchema } from "./emit-schema.ts";
import { emitTesting } from "./emit-testing.ts";
import { emitTypes } from "./emit-types.ts";
import { GeneratorError } from "./errors.ts";
import { apiLayout, TYPES_SUFFIX } from "./layout.ts";
import { loadSpec } from "./load-spec.ts";
import { type OperationModel, readOperations } from "./operations.ts";
import { readmeUpdate } from "./readme-update.ts";
import { scaffoldPackage } from "./scaffold/package.ts";
import { scaffoldTypesPackage, typesReadme } from "./scaffold/types-package.ts";
import { replaceDirectory, replaceFile } from "./write-atomic.ts";

export interface GenerateResult {
  api: string;
  packageName: string;
  /** The API's declarations-only package, `<packageName>-types`. */
  typesPackageName: string;
  operations: number;
  /** Generated files, relative to the repo root. */
  generated: string[];
  /** Handwritten files created because they did not exist yet. */
  scaffolded: string[];
  /** Problems that did not stop generation, `file:line:col (#/pointer): message` (see validate.ts). */
  warnings: string[];
}

/**
 * specs/<api>/openapi.yaml -> packages/<api>-types/src/generated/ (schema.gen.ts, types.gen.ts: declarations only)
 * and packages/<api>/src/generated/ (operations.gen.ts, testing.gen.ts, which import those types), plus both
 * packages scaffolded the first time (see scaffold/types-package.ts for which files are rewritten each run).
 * Everything is computed in memory first; only a fully successful run touches the disk (each generated folder is
 * swapped in whole, the types package's first: the client's code imports it).
 */
export async function generateApi(root: string, api: string): Promise<GenerateResult> {
  const layout = apiLayout(root, api);
  const specShown = path.relative(root, layout.specFile);
  const typesClash = typesFolderClash(root, api);
  if (typesClash) throw new GeneratorError(specShown, typesClash);
  const { doc, warnings } = await loadSpec(layout.specFile, root);
  const config = readPackageConfig(layout, doc);
  const ops = readOperations(doc, specShown, config.clientName);
  const { runtimeName } = config;
  if (ops.length === 0) throw new GeneratorError(specShown, "the spec declares no operations");

  let schema: string;
  try {
    schema = emitSchema(doc, api, ops);
  } catch (error) {
    throw new GeneratorError(specShown, `openapi-typescript could not type the spec: ${(error as Error).message}`);
  }
  // Declarations go to the types package; the client package's code imports them from there (one copy).
  const typesFiles = {
    "schema.gen.ts": schema,
    "types.gen.ts": emitTypes(doc, ops, api, config.clientName),
  };
  const { typesPackageName } = config;
  const files = {
    "operations.gen.ts": emitOperations(ops, api, config.clientName, runtimeName, typesPackageName),
    // The MSW mock behind `<package>/testing` (its own entry: never in the client's bundle).
    "testing.gen.ts": emitTesting(doc, ops, api, config.clientName, runtimeName, typesPackageName),
  };

  const scaffolded = [...scaffoldTypesPackage(layout, config), ...scaffoldPackage(layout, config, doc, ops)];
  // The README's operations table is computed before anything generated is written, and written right after.
  const readme = readmeUpdate(layout, ops);
  if (readme.warning) warnings.push(readme.warning);
  const typesReadmeFile = path.join(layout.typesPackageDir, "README.md");
  const typesReadmeText = typesReadme(layout, config, (ops[0] as OperationModel).typeName);
  replaceDirectory(layout.typesGeneratedDir, typesFiles);
  replaceDirectory(layout.generatedDir, files);
  if (readme.content !== undefined) replaceFile(readme.file, readme.content);
  replaceFile(typesReadmeFile, typesReadmeText);
  const shown = (dir: string, names: object) =>
    Object.keys(names).map((name) => path.relative(root, path.join(dir, name)));
  return {
    api,
    packageName: config.packageName,
    typesPackageName,
    operations: ops.length,
    generated: [
      ...shown(layout.typesGeneratedDir, typesFiles),
      path.relative(root, typesReadmeFile),
      ...shown(layout.generatedDir, files),
    ],
    scaffolded,
    warnings,
  };
}

/** `specs/foo` and `specs/foo-types` would both want `packages/foo-types/`: say so before writing anything. */
function typesFolderClash(root: string, api: string): string | undefined {
  const other = api.endsWith(TYPES_SUFFIX) ? api.slice(0, -TYPES_SUFFIX.length) : `${api}${TYPES_SUFFIX}`;
  if (!existsSync(path.join(root, "specs", other, "openapi.yaml"))) return undefined;
  const owner = api.endsWith(TYPES_SUFFIX) ? other : api;
  return `packages/${owner}${TYPES_SUFFIX}/ is the types package of specs/${owner}/, so specs/${owner}${TYPES_SUFFIX}/ cannot generate a package there: rename that folder`;
}
