/**
 * One TypeScript sample per operation, generated from the spec and the package (never handwritten): import the
 * package's `create<Client>Client`, create a client with placeholder credentials (client-setup.ts) and call the
 * operation's real method (the generator's own name) with an input built from the spec's examples (examples.ts).
 */
import path from "node:path";
import {
  apiLayout,
  defaultServer,
  loadSpec,
  type OpenApiDocument,
  type OperationModel,
  readOperations,
  readPackageConfig,
  scaffoldNames,
  stringLiteral,
} from "@chat-sdk/generator/docs";
import { type ClientSetup, clientSetup } from "./client-setup.ts";
import { sampleInput } from "./examples.ts";
import { tsLiteral } from "./literal.ts";

export interface ApiSamples {
  doc: OpenApiDocument;
  packageName: string;
  operations: OperationModel[];
  /** Operation model -> its sample source. */
  samples: Map<OperationModel, string>;
}

/**
 * The bundled spec of specs/<api>, its operations and a sample for each. `runtimeSource` is where the package's
 * runtime import resolves when its options are read (default: packages/runtime/src/index.ts of the same root).
 */
export async function apiSamples(root: string, api: string, runtimeSource?: string): Promise<ApiSamples> {
  const layout = apiLayout(root, api);
  const { doc } = await loadSpec(layout.specFile, root);
  const config = readPackageConfig(layout, doc);
  const operations = readOperations(doc, path.relative(root, layout.specFile), config.clientName);
  const { createClient } = scaffoldNames(config.clientName);
  const baseUrl = defaultServer(doc).url ?? "https://api.example.com";
  const setup = clientSetup(root, api, { createClient, runtimeName: config.runtimeName, runtimeSource }, baseUrl);
  const samples = new Map(operations.map((op) => [op, operationSample(doc, op, config.packageName, setup)] as const));
  return { doc, packageName: config.packageName, operations, samples };
}

export function operationSample(
  doc: OpenApiDocument,
  op: OperationModel,
  packageName: string,
  setup: ClientSetup,
): string {
  const input = sampleInput(doc, op);
  const argument = Object.keys(input).length > 0 ? tsLiteral(input) : "";
  const call = `await client.${op.name}(${argument});`;
  const oneLine = setup.options.length > 0 ? `{ ${setup.options.join(", ")} }` : "";
  const options = oneLine.length > 60 ? `{\n${setup.options.map((entry) => `  ${entry},`).join("\n")}\n}` : oneLine;
  return [
    `import { ${setup.createClient} } from ${stringLiteral(packageName)};`,
    "",
    `const client = ${setup.createClient}(${options});`,
    "",
    op.response.kind === "none" ? call : `const result = ${call}`,
    "",
  ].join("\n");
}
