import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** Where things live: the pipeline is specs/<api>/ -> tools/generator -> packages/<api>/. */
export interface ApiLayout {
  api: string;
  root: string;
  specDir: string;
  specFile: string;
  packageDir: string;
  generatedDir: string;
}

export function apiLayout(root: string, api: string): ApiLayout {
  const specDir = path.join(root, "specs", api);
  const packageDir = path.join(root, "packages", api);
  return {
    api,
    root,
    specDir,
    specFile: path.join(specDir, "openapi.yaml"),
    packageDir,
    generatedDir: path.join(packageDir, "src", "generated"),
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
