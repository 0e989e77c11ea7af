import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
// The YAML parser Redocly reads the spec with (js-yaml), already loaded: a second one cost ~40 ms a run.
import { parseYaml } from "@redocly/openapi-core";
import { GeneratorError } from "./errors.ts";
import { type ApiLayout, TYPES_SUFFIX } from "./layout.ts";
import type { OpenApiDocument } from "./openapi-types.ts";

/** What a package is called. Defaults come from the spec; `specs/<api>/sdk.yaml` may override them. */
export interface PackageConfig {
  /** Full npm name, e.g. `@chat-sdk/rocket-chat`. */
  packageName: string;
  /** The declarations-only package the client builds on: `<packageName>-types`, e.g. `@chat-sdk/rocket-chat-types`. */
  typesPackageName: string;
  /** PascalCase identifier, stem of exported names: `create<clientName>Client`, `<clientName>Operations`. */
  clientName: string;
  /** One line of plain text (no control characters). */
  description: string;
  /** The spec's `info.title` on one line (no control characters). Escape it for each context it goes into. */
  title: string;
  /** The runtime every package of the scope stands on (`@chat-sdk/runtime`), in generated and scaffolded code. */
  runtimeName: string;
  /** The scope's test helpers (`@chat-sdk/test-utils`), used by the scaffolded test. */
  testUtilsName: string;
}

const KEYS = ["packageName", "clientName", "description"] as const;
type SdkYaml = Partial<Record<(typeof KEYS)[number], string>>;

/**
 * The package settings of an API, checked before anything is written: a `clientName` that is not a PascalCase
 * identifier, a `packageName` npm would refuse or a description with control characters stop the run, naming
 * sdk.yaml (or the spec folder, for names derived from it).
 */
export function readPackageConfig(layout: ApiLayout, doc: OpenApiDocument): PackageConfig {
  const file = path.join(layout.specDir, "sdk.yaml");
  const shown = path.relative(layout.root, file);
  const overrides = existsSync(file) ? parseConfig(file, shown) : {};
  const scope = readScope(layout.root);

  const name = overrides.packageName ?? layout.api;
  const nameProblem = packageNameProblem(name);
  if (nameProblem && overrides.packageName !== undefined) {
    throw new GeneratorError(shown, `packageName "${name}" ${nameProblem}`);
  }
  if (nameProblem) {
    throw new GeneratorError(
      path.relative(layout.root, layout.specDir),
      `the folder name "${name}" is not a valid npm package name (${nameProblem}); rename the folder or set packageName in sdk.yaml, e.g. packageName: ${suggestPackageName(name)}`,
    );
  }
  if (`${scope}/${name}${TYPES_SUFFIX}`.length > 214)
    throw new GeneratorError(shown, `package name "${scope}/${name}" is too long (with its types package)`);

  if (overrides.clientName !== undefined && !isPascalIdentifier(overrides.clientName)) {
    throw new GeneratorError(
      shown,
      `clientName "${overrides.clientName}" is not an identifier; did you mean "${pascalIdentifier(overrides.clientName)}"?`,
    );
  }
  if (overrides.description !== undefined && /[\p{Cc}\u2028\u2029]/u.test(overrides.description)) {
    throw new GeneratorError(shown, "description must be one line of text without control characters");
  }

  return {
    packageName: `${scope}/${name}`,
    typesPackageName: `${scope}/${name}${TYPES_SUFFIX}`,
    clientName: overrides.clientName ?? pascalIdentifier(layout.api),
    description: overrides.description ?? oneLine(doc.info.summary ?? doc.info.title),
    title: oneLine(doc.info.title),
    runtimeName: `${scope}/runtime`,
    testUtilsName: `${scope}/test-utils`,
  };
}

/** `LiveChat`, `RocketChat2`: an ASCII identifier starting with an upper-case letter. */
export function isPascalIdentifier(value: string): boolean {
  return /^[A-Z][A-Za-z0-9]*$/.test(value);
}

/**
 * A PascalCase identifier from any text, deterministic: `notes-api` -> `NotesApi`, `Live Chat` -> `LiveChat`,
 * `rocket.chat_v2` -> `RocketChatV2`, `été` -> `Ete`. Accents are dropped, then words are runs of ASCII letters and
 * digits (camelCase humps split too); the
 * first letter of each is upper-cased, the rest kept. A leading digit gets the prefix `Api` (`3d-store` ->
 * `Api3dStore`), and text without a single ASCII letter or digit gives `Api`.
 */
export function pascalIdentifier(value: string): string {
  const words = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  if (name === "") return "Api";
  return /^[0-9]/.test(name) ? `Api${name}` : name;
}

/** Why `name` cannot be the part of an npm package name after the scope, or undefined when it can. */
export function packageNameProblem(name: string): string | undefined {
  if (name === "") return "is empty";
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) {
    return "must be lower case letters, digits, `-`, `.` or `_`, starting with a letter or digit";
  }
  return undefined;
}

function suggestPackageName(name: string): string {
  const suggestion = name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-._]+|[-._]+$/g, "");
  return suggestion || "api";
}

/** Spec text as one line: every run of whitespace and control characters becomes one space. */
function oneLine(value: string): string {
  return String(value)
    .replace(/[\s\p{Cc}\u2028\u2029]+/gu, " ")
    .trim();
}

function parseConfig(file: string, shown: string): SdkYaml {
  let value: unknown;
  try {
    value = parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    throw new GeneratorError(shown, `invalid YAML: ${(error as Error).message}`);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new GeneratorError(shown, "expected a mapping");
  for (const [key, entry] of Object.entries(value)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new GeneratorError(shown, `unknown key "${key}" (allowed: ${KEYS.join(", ")})`);
    }
    if (typeof entry !== "string") throw new GeneratorError(shown, `"${key}" must be a string`);
  }
  return value as SdkYaml;
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
