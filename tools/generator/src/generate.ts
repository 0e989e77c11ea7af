import path from "node:path";
import { readPackageConfig } from "./config.ts";
import { emitOperations } from "./emit-operations.ts";
import { emitSchema } from "./emit-schema.ts";
import { emitTesting } from "./emit-testing.ts";
import { emitTypes } from "./emit-types.ts";
import { GeneratorError } from "./errors.ts";
import { apiLayout } from "./layout.ts";
import { loadSpec } from "./load-spec.ts";
import { readOperations } from "./operations.ts";
import { readmeUpdate } from "./readme-update.ts";
import { scaffoldPackage } from "./scaffold/package.ts";
import { replaceDirectory, replaceFile } from "./write-atomic.ts";

export interface GenerateResult {
  api: string;
  packageName: string;
  operations: number;
  /** Generated files, relative to the repo root. */
  generated: string[];
  /** Handwritten files created because they did not exist yet. */
  scaffolded: string[];
  /** Problems that did not stop generation, `file:line:col (#/pointer): message` (see validate.ts). */
  warnings: string[];
}

/**
 * specs/<api>/openapi.yaml -> packages/<api>/src/generated/*.gen.ts (+ a scaffolded package the first time).
 * Everything is computed in memory first; only a fully successful run touches the disk.
 */
export async function generateApi(root: string, api: string): Promise<GenerateResult> {
  const layout = apiLayout(root, api);
  const specShown = path.relative(root, layout.specFile);
  const { doc, warnings } = await loadSpec(layout.specFile, root);
  const config = readPackageConfig(layout, doc);
  const ops = readOperations(doc, specShown, config.clientName);
  const { runtimeName } = config;
  if (ops.length === 0) throw new GeneratorError(specShown, "the spec declares no operations");

  let schema: string;
  try {
    schema = await emitSchema(doc, api, ops);
  } catch (error) {
    throw new GeneratorError(specShown, `openapi-typescript could not type the spec: ${(error as Error).message}`);
  }
  const files = {
    "schema.gen.ts": schema,
    // The runtime package of the same scope, as in the scaffolded package.json and src/index.ts.
    "types.gen.ts": emitTypes(doc, ops, api, runtimeName, config.clientName),
    "operations.gen.ts": emitOperations(ops, api, config.clientName, runtimeName),
    // The MSW mock behind `<package>/testing` (its own entry: never in the client's bundle).
    "testing.gen.ts": emitTesting(doc, ops, api, config.clientName, runtimeName),
  };

  const scaffolded = scaffoldPackage(layout, config, doc, ops);
  // The README's operations table is computed before anything generated is written, and written right after.
  const readme = readmeUpdate(layout, ops);
  if (readme.warning) warnings.push(readme.warning);
  replaceDirectory(layout.generatedDir, files);
  if (readme.content !== undefined) replaceFile(readme.file, readme.content);
  return {
    api,
    packageName: config.packageName,
    operations: ops.length,
    generated: Object.keys(files).map((name) => path.relative(root, path.join(layout.generatedDir, name))),
    scaffolded,
    warnings,
  };
}
