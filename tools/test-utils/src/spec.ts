import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundle, createConfig } from "@redocly/openapi-core";

/** The repo root: the folder holding pnpm-workspace.yaml above this file. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("pnpm-workspace.yaml not found above test-utils");
    dir = parent;
  }
  return dir;
}

/** specs/<api>/openapi.yaml bundled into one document, as the generator sees it. */
export async function loadBundledSpec(api: string): Promise<BundledSpec> {
  const result = await bundle({
    ref: path.join(repoRoot(), "specs", api, "openapi.yaml"),
    config: await createConfig({}),
    dereference: true,
  });
  return result.bundle.parsed as BundledSpec;
}

// biome-ignore lint/suspicious/noExplicitAny: a dereferenced OpenAPI document is walked dynamically in tests.
export type BundledSpec = { paths: Record<string, Record<string, any>>; [key: string]: any };

export interface DocumentedExample {
  operationId: string;
  method: string;
  path: string;
  name: string;
  value: unknown;
}

/** Every request-body example of the spec, per operation. */
export function requestExamples(spec: BundledSpec): DocumentedExample[] {
  return collect(spec, (op) => op.requestBody?.content?.["application/json"]?.examples);
}

/** Every example of a 2xx JSON response of the spec, per operation. */
export function successExamples(spec: BundledSpec): DocumentedExample[] {
  return collect(spec, (op) => {
    const status = Object.keys(op.responses ?? {}).find((code) => /^2\d\d$/.test(code));
    return status ? op.responses[status].content?.["application/json"]?.examples : undefined;
  });
}

// biome-ignore lint/suspicious/noExplicitAny: see BundledSpec.
function collect(spec: BundledSpec, pick: (op: any) => Record<string, { value: unknown }> | undefined) {
  const found: DocumentedExample[] = [];
  for (const [route, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (typeof op !== "object" || !op?.operationId) continue;
      for (const [name, example] of Object.entries(pick(op) ?? {})) {
        found.push({ operationId: op.operationId, method, path: route, name, value: example.value });
      }
    }
  }
  return found;
}
