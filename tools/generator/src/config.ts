import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { GeneratorError } from "./errors.ts";
import type { ApiLayout } from "./layout.ts";
import { pascalCase } from "./naming.ts";
import type { OpenApiDocument } from "./openapi-types.ts";

/** What a package is called. Defaults come from the spec; `specs/<api>/sdk.yaml` may override them. */
export interface PackageConfig {
  /** Full npm name, e.g. `@chat-sdk/rocket-chat`. */
  packageName: string;
  /** PascalCase stem of exported names: `create<clientName>Client`, `<clientName>Operations`. */
  clientName: string;
  description: string;
  title: string;
}

export function readPackageConfig(layout: ApiLayout, doc: OpenApiDocument): PackageConfig {
  const file = path.join(layout.specDir, "sdk.yaml");
  const overrides = existsSync(file) ? parseConfig(file, layout.root) : {};
  const scope = readScope(layout.root);
  return {
    packageName: `${scope}/${overrides.packageName ?? layout.api}`,
    clientName: overrides.clientName ?? pascalCase(layout.api),
    description: overrides.description ?? doc.info.summary ?? doc.info.title,
    title: doc.info.title,
  };
}

function parseConfig(
  file: string,
  root: string,
): Partial<Record<"packageName" | "clientName" | "description", string>> {
  const shown = path.relative(root, file);
  let value: unknown;
  try {
    value = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new GeneratorError(shown, `invalid YAML: ${(error as Error).message}`);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new GeneratorError(shown, "expected a mapping");
  for (const [key, entry] of Object.entries(value)) {
    if (!["packageName", "clientName", "description"].includes(key)) {
      throw new GeneratorError(shown, `unknown key "${key}" (allowed: packageName, clientName, description)`);
    }
    if (typeof entry !== "string") throw new GeneratorError(shown, `"${key}" must be a string`);
  }
  return value as Record<string, string>;
}

/** The one place the npm scope is set: `chatSdk.scope` in the root package.json. */
export function readScope(root: string): string {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { chatSdk?: { scope?: string } };
  const scope = pkg.chatSdk?.scope;
  if (!scope || !/^@[a-z0-9][a-z0-9._-]*$/.test(scope)) {
    throw new GeneratorError("package.json", 'set "chatSdk": { "scope": "@your-scope" } to a valid npm scope');
  }
  return scope;
}
