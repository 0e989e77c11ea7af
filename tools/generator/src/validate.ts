/**
 * "Validate first": the spec is checked against the OpenAPI 3.0/3.1 structure (Redocly's `struct` rule) and for
 * unresolved `$ref`s before anything is generated, so a typo such as `type: integr` stops the run with the file, the
 * line and the JSON pointer at fault instead of turning into a wrong client. Only structure is checked: the style
 * rules of redocly.yaml are for our own specs, not for the real-world ones users bring. `x-` extensions are allowed
 * wherever OpenAPI allows them.
 *
 * Problems that do not stop generation are returned as warnings (`file:line:col (#/pointer): message`).
 */
import path from "node:path";
import {
  type BaseResolver,
  type Config,
  createConfig,
  type Document,
  getLineColLocation,
  type LocationObject,
  lintDocument,
  type NormalizedProblem,
} from "@redocly/openapi-core";
import { GeneratorError } from "./errors.ts";
import { openSchemaKeywords, unknownSchemaKeywords } from "./schema-keywords.ts";

/** Rules run on every spec: structure and references, and the shape of the extensions the generator reads. */
const RULES = {
  struct: "error",
  "no-unresolved-refs": "error",
  "chat-sdk/x-pagination": "error",
} as const;
/** 3.0 schemas are closed (`struct` reports unknown keywords); 3.1 ones are not (see schema-keywords.ts). */
const OAS3_1_RULES = { "chat-sdk/schema-keywords": "warn" } as const;

/** `x-pagination` drives generated code, so a malformed one is an error at its line, like a wrong `type`. */
const extensionsPlugin = {
  id: "chat-sdk",
  typeExtension: { oas3: openSchemaKeywords },
  rules: {
    oas3: {
      "schema-keywords": unknownSchemaKeywords,
      "x-pagination": () => ({
        Operation(operation: Record<string, unknown>, ctx: RuleContext) {
          const value = operation["x-pagination"] as Record<string, unknown> | undefined;
          if (value === undefined) return;
          const ok =
            value?.style === "offset-count" && typeof value.items === "string" && typeof value.total === "string";
          if (!ok) {
            ctx.report({
              message: "x-pagination needs { style: offset-count, items: <response field>, total: <response field> }",
              location: ctx.location.child(["x-pagination"]),
            });
          }
        },
      }),
    },
  },
};
interface RuleContext {
  report(problem: { message: string; location: unknown }): void;
  location: { child(path: string[]): unknown };
}

let lintConfig: Promise<Config> | undefined;

/** The Redocly config of {@link RULES}, built once per process. */
export function validationConfig(): Promise<Config> {
  lintConfig ??= createConfig({ rules: RULES, oas3_1Rules: OAS3_1_RULES, plugins: [extensionsPlugin] } as never);
  return lintConfig;
}

/**
 * Lints the resolved (not yet bundled) document, so problems point into the file where they are, split-out files
 * included. Throws a {@link GeneratorError} for the first error; returns the warnings, formatted.
 */
export async function validateDocument(document: Document, resolver: BaseResolver, root: string): Promise<string[]> {
  const problems = await lintDocument({ document, config: await validationConfig(), externalRefResolver: resolver });
  const errors = problems.filter((problem) => problem.severity === "error");
  const first = errors[0];
  if (first) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? "s" : ""})` : "";
    throw problemToError(first, root, more);
  }
  return [
    ...problems.filter((problem) => problem.severity === "warn").map((problem) => formatProblem(problem, root)),
    ...pathKeyWarnings(document, root),
  ];
}

/** Where a Redocly problem is: the file relative to the root, and `line:col (#/pointer)` when known. */
export function problemPlace(problem: NormalizedProblem, root: string): { file: string; location?: string } {
  const where = problem.location[0];
  if (!where) return { file: "spec" };
  return { file: shownFile(where.source.absoluteRef, root), location: describeLocation(where) };
}

/** A Redocly error as a GeneratorError naming the file, line:col and JSON pointer. */
export function problemToError(problem: NormalizedProblem, root: string, suffix = ""): GeneratorError {
  const { file, location } = problemPlace(problem, root);
  return new GeneratorError(file, `${problem.message}${suffix}`, location);
}

/** A Redocly problem as a warning line: `file:line:col (#/pointer): message`. */
export function formatProblem(problem: NormalizedProblem, root: string): string {
  const { file, location } = problemPlace(problem, root);
  return formatWarning(file, problem.message, location);
}

/** The same shape as a GeneratorError's message, so errors and warnings read alike. */
export function formatWarning(file: string, message: string, location?: string): string {
  return `${file}${location ? `:${location}` : ""}: ${message}`;
}

/** How the CLI shows warnings: one `⚠ ` line each. */
export function warningLines(warnings: readonly string[]): string[] {
  return warnings.map((warning) => `⚠ ${warning}`);
}

/**
 * Path keys that are not URL path templates (RFC 6570 expressions in an RFC 3986 path): a space, a query string,
 * unbalanced braces... The operation is still generated (the runtime percent-encodes what it must), but the URL is
 * probably not what the spec's author meant, so the user is told where to look.
 */
export function pathKeyWarnings(document: Document, root: string): string[] {
  const parsed = document.parsed as { paths?: unknown } | undefined;
  const paths = parsed?.paths;
  if (!paths || typeof paths !== "object" || Array.isArray(paths)) return [];
  const file = shownFile(document.source.absoluteRef, root);
  const warnings: string[] = [];
  for (const key of Object.keys(paths)) {
    const problem = pathKeyProblem(key);
    if (!problem) continue;
    const pointer = `#/paths/${escapePointer(key)}`;
    // Redocly decodes `%XX` in pointers while looking a node up: encode `%` so the key is found as written.
    const location = describeLocation(
      { source: document.source, pointer, reportOnKey: true },
      pointer.replace(/%/g, "%25"),
    );
    warnings.push(formatWarning(file, `path "${key}" is not a URL path template: ${problem}`, location));
  }
  return warnings;
}

/** Why a path key is not a URL path template, or undefined when it is one. */
export function pathKeyProblem(key: string): string | undefined {
  if (!key.startsWith("/")) return "it does not start with `/`";
  const literal: string[] = [];
  let depth = 0;
  let expression = "";
  for (const char of key) {
    if (char === "{") {
      if (depth > 0) return "nested `{`";
      depth = 1;
      expression = "";
    } else if (char === "}") {
      if (depth === 0) return "`}` without `{`";
      if (expression.trim() === "") return "empty parameter name `{}`";
      depth = 0;
    } else if (depth > 0) expression += char;
    else literal.push(char);
  }
  if (depth > 0) return "`{` without `}`";
  const text = literal.join("");
  const bad = new Set<string>();
  for (const match of text.matchAll(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/gu)) bad.add(match[0]);
  if (bad.size === 0) return undefined;
  const list = [...bad].map((char) => (char === " " ? "space" : JSON.stringify(char))).join(", ");
  return `it contains characters not allowed in a URL path (${list})`;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function shownFile(absoluteRef: string, root: string): string {
  return path.relative(root, absoluteRef) || absoluteRef;
}

/** `line:col (#/pointer)`, or `#/pointer` alone when the file has no line information for it. */
function describeLocation(where: LocationObject, lookupPointer?: string): string {
  // Redocly pointers already start with `#`: `#/paths/~1pets/get`.
  const pointer = where.pointer?.startsWith("#") ? where.pointer : `#${where.pointer ?? ""}`;
  try {
    const lookup: LocationObject = lookupPointer === undefined ? where : { ...where, pointer: lookupPointer };
    const { start } = getLineColLocation(lookup);
    return `${start.line}:${start.col} (${pointer})`;
  } catch {
    // No line information for this problem: the JSON pointer alone still names the place.
    return pointer;
  }
}
