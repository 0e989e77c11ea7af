import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bundle, bundleFromString, createConfig } from "@redocly/openapi-core";
import { dereference } from "./dereference.ts";

/**
 * A bundled, dereferenced OpenAPI document: every `$ref` replaced by its target object itself (cycles stay as shared
 * objects), see dereference.ts.
 */
export type SpecDocument = Record<string, unknown>;

type BundleResult = Awaited<ReturnType<typeof bundle>>;

/** Loads `specFile` and every file it refers to into one dereferenced document. */
export async function loadSpecFile(specFile: string): Promise<SpecDocument> {
  const config = await createConfig({});
  return checked(await bundle({ ref: specFile, config }), specFile);
}

/** Loads a single-file spec from text: what tests use for their inline before/after pairs. */
export async function loadSpecText(text: string): Promise<SpecDocument> {
  const config = await createConfig({});
  return checked(await bundleFromString({ source: text, absoluteRef: "/inline/openapi.yaml", config }), "inline spec");
}

/**
 * Loads `specs/<api>/openapi.yaml` as it was at a git ref. Every file of the spec folder is written into a temporary
 * directory first so relative `$ref`s between files resolve exactly as they did at that commit.
 * Returns undefined when the spec did not exist at that ref.
 */
export async function loadSpecAtRef(root: string, ref: string, api: string): Promise<SpecDocument | undefined> {
  const folder = `specs/${api}`;
  const listing = git(root, ["ls-tree", "-r", "--name-only", ref, "--", `${folder}/`]);
  const files = listing.split("\n").filter((file) => file.length > 0);
  if (!files.includes(`${folder}/openapi.yaml`)) return undefined;
  const temp = mkdtempSync(path.join(os.tmpdir(), "chat-sdk-spec-diff-"));
  try {
    for (const file of files) {
      const target = path.join(temp, file);
      mkdirSync(path.dirname(target), { recursive: true });
      // Buffers, not strings: the files are written back byte for byte.
      writeFileSync(target, execFileSync("git", ["show", `${ref}:${file}`], { cwd: root, maxBuffer: 64 << 20 }));
    }
    return await loadSpecFile(path.join(temp, folder, "openapi.yaml"));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

export function git(root: string, args: string[]): string {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function checked(result: BundleResult, shown: string): SpecDocument {
  const error = result.problems.find((problem) => problem.severity === "error");
  if (error) throw new Error(`${shown}: ${error.message}`);
  const doc = result.bundle.parsed as unknown;
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new Error(`${shown}: not a YAML/JSON object`);
  return dereference(doc as SpecDocument) as SpecDocument;
}
