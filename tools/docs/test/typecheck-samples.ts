/**
 * Type-checks samples the way a consumer's compiler would (@chat-sdk/test-utils/typecheck): each sample is a file of
 * its own, the package it imports resolved to that package's sources and the runtime to its source.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { typeErrors } from "@chat-sdk/test-utils/typecheck";

export interface SampleFile {
  name: string;
  source: string;
}

/** Errors as `<name>.ts:<line>: message`, for every sample. */
export function sampleErrors(samples: SampleFile[], paths: Record<string, string[]>): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "docs-samples-"));
  try {
    mkdirSync(dir, { recursive: true });
    const files = samples.map(({ name, source }) => {
      const file = path.join(dir, `${name}.ts`);
      // `export {}` makes each file a module of its own, as it would be in a consumer's project.
      writeFileSync(file, `${source}\nexport {};\n`);
      return file;
    });
    return typeErrors(files, { paths, relativeTo: dir }).filter((error) => !error.startsWith(".."));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
