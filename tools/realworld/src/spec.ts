import path from "node:path";
import { bundle, createConfig } from "@redocly/openapi-core";
import type { SpecSource } from "./corpus.ts";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

/** One operation as the spec declares it (callbacks and webhooks are not operations of the client). */
export interface SpecOperation {
  method: (typeof METHODS)[number];
  path: string;
  operationId: string | undefined;
}

/** The operations of `paths`, in spec order, read from the bundled and dereferenced document. */
export async function specOperations(spec: SpecSource): Promise<SpecOperation[]> {
  const result = await bundle({
    ref: path.join(spec.dir, spec.entry),
    config: await createConfig({}),
    dereference: true,
  });
  const doc = result.bundle.parsed as { paths?: Record<string, Record<string, { operationId?: string } | undefined>> };
  const operations: SpecOperation[] = [];
  for (const [route, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (operation && typeof operation === "object") {
        operations.push({ method, path: route, operationId: operation.operationId });
      }
    }
  }
  return operations;
}
