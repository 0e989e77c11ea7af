import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PackageConfig } from "./config.ts";
import type { ApiLayout } from "./layout.ts";
import { writeIfMissing } from "./write-atomic.ts";

const TEMPLATES = fileURLToPath(new URL("../templates/package/", import.meta.url));

/**
 * Creates the handwritten part of a package the first time an API is generated: package.json, README, configs,
 * `src/index.ts` and a first test. Once the package exists (it has a package.json) nothing is scaffolded again, so
 * handwritten files are never overwritten, nor brought back after a deliberate delete.
 * Returns the files it created, relative to the repo root.
 */
export function scaffoldPackage(layout: ApiLayout, config: PackageConfig): string[] {
  if (existsSync(path.join(layout.packageDir, "package.json"))) return [];
  const values: Record<string, string> = {
    api: layout.api,
    packageName: config.packageName,
    clientName: config.clientName,
    description: config.description,
    title: config.title,
    runtimeName: `${config.packageName.split("/")[0]}/runtime`,
    testUtilsName: `${config.packageName.split("/")[0]}/test-utils`,
  };
  const created: string[] = [];
  for (const template of listTemplates(TEMPLATES)) {
    const target = path.join(layout.packageDir, template.replace(/\.tmpl$/, ""));
    const content = readFileSync(path.join(TEMPLATES, template), "utf8").replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`template ${template} uses unknown placeholder {{${key}}}`);
      return key === "description" && template.endsWith(".json.tmpl") ? JSON.stringify(value).slice(1, -1) : value;
    });
    if (writeIfMissing(target, content)) created.push(path.relative(layout.root, target));
  }
  return created;
}

function listTemplates(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listTemplates(dir, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)],
    )
    .sort();
}
