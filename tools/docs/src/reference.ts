/**
 * The API reference of one package: the bundled spec with, on every operation, an `x-codeSamples` entry (the
 * generated TypeScript sample, see samples.ts) and the required scopes / permissions rendered into its description
 * (the same renderer as the README operations table), written to packages/<api>/reference/openapi.json and built
 * into packages/<api>/reference/index.html by `redocly build-docs` (Redoc inlined: the page works offline; the root
 * redocly.yaml is not read, its lint rules are the spec's business and its options would not apply).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { accessLines, type OpenApiDocument, type OperationModel } from "@chat-sdk/generator/docs";
import { apiSamples } from "./samples.ts";

export interface BuiltReference {
  dir: string;
  html: string;
  spec: string;
  operations: number;
}

export async function buildReference(root: string, api: string): Promise<BuiltReference> {
  const { doc, packageName, operations, samples } = await apiSamples(root, api);
  const reference = referenceDocument(doc, operations, samples, packageName);
  const dir = path.join(root, "packages", api, "reference");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const spec = path.join(dir, "openapi.json");
  const html = path.join(dir, "index.html");
  writeFileSync(spec, `${JSON.stringify(reference, null, 2)}\n`);
  const redocly = path.join(root, "node_modules", ".bin", "redocly");
  // Redoc CE shows an operation's x-codeSamples only for the languages configured, matched by label (else lang):
  // the package's TypeScript sample first, then the request payload.
  const redoc = { codeSamples: { languages: [{ lang: "TypeScript", label: packageName }, { lang: "Payload" }] } };
  const args = ["build-docs", spec, "--output", html, "--inlineBundle", "--openapi", JSON.stringify(redoc)];
  execFileSync(redocly, args, {
    cwd: path.dirname(spec),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { dir, html, spec, operations: operations.length };
}

/**
 * A copy of the bundled spec with the samples and scope descriptions added. The samples are data in a JSON string
 * and the scope text is escaped Markdown (markdownText), so neither can change the page's structure.
 */
export function referenceDocument(
  doc: OpenApiDocument,
  operations: readonly OperationModel[],
  samples: ReadonlyMap<OperationModel, string>,
  packageName: string,
): OpenApiDocument {
  const copy = structuredClone(doc) as OpenApiDocument & { paths: Record<string, Record<string, unknown>> };
  for (const op of operations) {
    const operation = copy.paths[op.path]?.[op.method] as Record<string, unknown> | undefined;
    if (!operation) continue;
    const source = samples.get(op);
    if (source) operation["x-codeSamples"] = [{ lang: "TypeScript", label: packageName, source }];
    const access = accessLines(op.docs);
    if (access.length > 0) {
      const description = typeof operation.description === "string" ? operation.description.trimEnd() : "";
      const block = ["**Authorization**", "", ...access.map((line) => `- ${line}`)].join("\n");
      operation.description = description ? `${description}\n\n${block}\n` : `${block}\n`;
    }
  }
  return copy;
}
