/**
 * Scaffolds the handwritten part of a package from templates/package/: every `{{placeholder}}` of the templates is
 * filled from sdk.yaml (names, description) and from the spec. The spec's part, in pipeline order:
 *
 * - auth-model.ts reads the security requirements into an auth plan of credential shapes (credential-shape.ts);
 *   default-server.ts reads the default base URL;
 * - index-values.ts writes src/index.ts from them: the types (auth-declarations.ts) and the code (auth-code.ts);
 * - example-values.ts writes the README's example and the first test (their credentials: auth-examples.ts).
 *
 * Every text from the spec goes through escape.ts on the way.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PackageConfig } from "../config.ts";
import { GeneratorError } from "../errors.ts";
import { commentText } from "../escape.ts";
import type { ApiLayout } from "../layout.ts";
import type { OpenApiDocument } from "../openapi-types.ts";
import { writeIfMissing } from "../write-atomic.ts";
import { readAuth } from "./auth-model.ts";
import { defaultServer } from "./default-server.ts";
import { exampleValues, type ScaffoldOperation } from "./example-values.ts";
import { indexValues } from "./index-values.ts";
import { reservedNameClash, scaffoldNames } from "./names.ts";

const TEMPLATES = fileURLToPath(new URL("../../templates/package/", import.meta.url));

/**
 * Creates the handwritten part of a package the first time an API is generated: package.json, README, configs,
 * `src/index.ts` and a first test. The auth option and the default base URL of `src/index.ts` (and the README's
 * example) come from the spec's security schemes and servers. Once the package exists (it has a package.json) nothing
 * is scaffolded again, so handwritten files are never overwritten, nor brought back after a deliberate delete.
 * Returns the files it created, relative to the repo root.
 */
export function scaffoldPackage(
  layout: ApiLayout,
  config: PackageConfig,
  doc: OpenApiDocument,
  operations: readonly ScaffoldOperation[],
): string[] {
  if (existsSync(path.join(layout.packageDir, "package.json"))) return [];
  const names = scaffoldNames(config.clientName);
  const clash = reservedNameClash(names);
  if (clash) {
    throw new GeneratorError(
      path.relative(layout.root, path.join(layout.specDir, "sdk.yaml")),
      `clientName "${config.clientName}" would make src/index.ts declare \`${clash}\`, a name it already uses: ` +
        "set another clientName",
    );
  }
  const auth = readAuth(doc);
  const server = defaultServer(doc);
  const values: Record<string, string | undefined> = {
    api: layout.api,
    packageName: config.packageName,
    typesPackageName: config.typesPackageName,
    clientName: config.clientName,
    description: config.description,
    title: config.title,
    titleComment: commentText(config.title).replace(/\s*\n\s*/g, " "),
    runtimeName: config.runtimeName,
    testUtilsName: config.testUtilsName,
    ...names,
    ...indexValues(auth, server, names, config.clientName),
    ...exampleValues(doc, operations, auth, server, names, config.packageName),
  };
  return writeTemplates(TEMPLATES, layout.packageDir, layout.root, values);
}

/** Writes every template of `templates` that does not exist yet under `targetDir`; returns them, relative to `root`. */
export function writeTemplates(
  templates: string,
  targetDir: string,
  root: string,
  values: Record<string, string | undefined>,
): string[] {
  const created: string[] = [];
  for (const template of listTemplates(templates)) {
    const target = path.join(targetDir, template.replace(/\.tmpl$/, ""));
    if (writeIfMissing(target, fillTemplate(templates, template, values))) created.push(path.relative(root, target));
  }
  return created;
}

/** A template with its placeholders filled; in JSON templates each value is escaped as a JSON string's content. */
export function fillTemplate(templates: string, template: string, values: Record<string, string | undefined>): string {
  const json = template.endsWith(".json.tmpl");
  return readFileSync(path.join(templates, template), "utf8").replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template ${template} uses unknown placeholder {{${key}}}`);
    return json ? JSON.stringify(value).slice(1, -1) : value;
  });
}

/** Every file under `dir`, relative to it, sorted. */
function listTemplates(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listTemplates(dir, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)],
    )
    .sort();
}
