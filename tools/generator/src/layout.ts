import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** Where things live: the pipeline is specs/<api>/ -> tools/generator -> packages/<api>/ + packages/<api>-types/. */
export interface ApiLayout {
  api: string;
  root: string;
  specDir: string;
  specFile: string;
  packageDir: string;
  generatedDir: string;
  /** `packages/<api>-types/`: the declarations-only package the client package builds on. */
  typesPackageDir: string;
  typesGeneratedDir: string;
}

/** The types package of an API is its client package's folder and npm name plus this suffix. */
export const TYPES_SUFFIX = "-types";

export function apiLayout(root: string, api: string): ApiLayout {
  const specDir = path.join(root, "specs", api);
  const packageDir = path.join(root, "packages", api);
  const typesPackageDir = path.join(root, "packages", `${api}${TYPES_SUFFIX}`);
  return {
    api,
    root,
    specDir,
    specFile: path.join(specDir, "openapi.yaml"),
    packageDir,
    generatedDir: path.join(packageDir, "src", "generated"),
    typesPackageDir,
    typesGeneratedDir: path.join(typesPackageDir, "src", "generated"),
  };
}

/** Every folder of specs/ that holds an openapi.yaml, sorted so runs are deterministic. */
export function listApis(root: string): string[] {
  const specs = path.join(root, "specs");
  if (!existsSync(specs)) return [];
  return readdirSync(specs, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(specs, entry.name, "openapi.yaml")))
    .map((entry) => entry.name)
    .sort();
}
