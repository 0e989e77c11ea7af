/**
 * The types package of an API, `packages/<api>-types/` (`<packageName>-types`): declarations only, no runtime and
 * no dependency. The client package depends on it and re-exports its types (one copy of them).
 *
 * Which files are whose: `src/generated/` and `README.md` are written by every run (the README holds nothing
 * handwritten, so the drift check covers it); `package.json` (changesets writes its version), `src/index.ts`,
 * `tsconfig.json`, `tsdown.config.ts` and `LICENSE` are created once from templates/types-package/ and never
 * overwritten, like the client package's handwritten files.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PackageConfig } from "../config.ts";
import { commentText, markdownText } from "../escape.ts";
import type { ApiLayout } from "../layout.ts";
import { fillTemplate, writeTemplates } from "./package.ts";

const TEMPLATES = fileURLToPath(new URL("../../templates/types-package/", import.meta.url));
const README_TEMPLATES = fileURLToPath(new URL("../../templates/types-readme/", import.meta.url));

/** Creates the files of the types package that do not exist yet; returns them, relative to the repo root. */
export function scaffoldTypesPackage(layout: ApiLayout, config: PackageConfig): string[] {
  return writeTemplates(TEMPLATES, layout.typesPackageDir, layout.root, templateValues(layout, config));
}

/** The types package's README, the same for the same spec (rewritten by every run). */
export function typesReadme(layout: ApiLayout, config: PackageConfig, exampleType: string): string {
  return fillTemplate(README_TEMPLATES, "README.md.tmpl", { ...templateValues(layout, config), exampleType });
}

function templateValues(layout: ApiLayout, config: PackageConfig): Record<string, string> {
  return {
    api: layout.api,
    typesDir: path.basename(layout.typesPackageDir),
    packageName: config.packageName,
    typesPackageName: config.typesPackageName,
    description: config.description,
    titleComment: commentText(config.title).replace(/\s*\n\s*/g, " "),
    titleText: markdownText(config.title),
  };
}
