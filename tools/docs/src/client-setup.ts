/**
 * How a sample creates its client: `create<Client>Client(<options>)` with placeholders for what the options type
 * requires. The options are read with the TypeScript checker from the package's own `src/index.ts`, not from the spec:
 * that file is handwritten and may take other credentials than the spec's security schemes suggest (LiveChat takes
 * `{ accessToken }` where the scaffold would offer `{ token }`), and a sample must compile against the real package.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { propertyKey, stringLiteral } from "@chat-sdk/generator/docs";
import ts from "typescript";

export interface ClientSetup {
  createClient: string;
  /** Entries of the options argument, e.g. `auth: { accessToken: "YOUR_ACCESS_TOKEN" }`; empty when none is required. */
  options: string[];
}

/**
 * Placeholders: `baseUrl` is the spec's default server (or an example URL), other strings `YOUR_<KEY>`, numbers 0,
 * booleans false; of a union the first object member is taken (credentials rather than a provider function).
 */
export function clientSetup(
  root: string,
  api: string,
  names: { createClient: string; runtimeName: string; runtimeSource?: string },
  baseUrl: string,
): ClientSetup {
  const { createClient, runtimeName } = names;
  const runtimeSource = names.runtimeSource ?? path.join(root, "packages", "runtime", "src", "index.ts");
  const index = path.join(root, "packages", api, "src", "index.ts");
  if (!existsSync(index)) throw new Error(`${path.relative(root, index)} not found: run \`pnpm generate\` first`);
  const program = ts.createProgram([index], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    allowImportingTsExtensions: true,
    types: [],
    paths: { [runtimeName]: [runtimeSource], ...typesPackagePaths(root, api) },
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(index);
  const module = source && checker.getSymbolAtLocation(source);
  const symbol = module && checker.getExportsOfModule(module).find((s) => s.name === createClient);
  if (!symbol || !source) throw new Error(`${path.relative(root, index)} does not export ${createClient}`);
  const signature = checker.getTypeOfSymbolAtLocation(symbol, source).getCallSignatures()[0];
  const parameter = signature?.getParameters()[0];
  if (!parameter) return { createClient, options: [] };
  const type = checker.getTypeOfSymbolAtLocation(parameter, source);
  return { createClient, options: requiredEntries(checker, type, baseUrl, source, 0) };
}

function placeholder(
  checker: ts.TypeChecker,
  type: ts.Type,
  key: string,
  baseUrl: string,
  at: ts.Node,
  depth: number,
): string {
  const members = type.isUnion() ? type.types : [type];
  const usable = members.filter(
    (member) => !(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Never)),
  );
  const chosen =
    usable.find((member) => member.flags & ts.TypeFlags.Object && member.getCallSignatures().length === 0) ?? usable[0];
  if (!chosen) return "undefined";
  if (chosen.isStringLiteral()) return stringLiteral(chosen.value);
  if (chosen.flags & ts.TypeFlags.StringLike) {
    return stringLiteral(
      key === "baseUrl" ? baseUrl : `YOUR_${key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}`,
    );
  }
  if (chosen.flags & ts.TypeFlags.NumberLike) return "0";
  if (chosen.flags & ts.TypeFlags.BooleanLike) return "false";
  if (!(chosen.flags & ts.TypeFlags.Object) || depth > 4) return "undefined";
  const entries = requiredEntries(checker, chosen, baseUrl, at, depth);
  return entries.length > 0 ? `{ ${entries.join(", ")} }` : "{}";
}

/** `key: placeholder` for every required property of an object type. */
function requiredEntries(
  checker: ts.TypeChecker,
  type: ts.Type,
  baseUrl: string,
  at: ts.Node,
  depth: number,
): string[] {
  return checker
    .getPropertiesOfType(type)
    .filter((property) => !(property.flags & ts.SymbolFlags.Optional))
    .map((property) => {
      const value = placeholder(
        checker,
        checker.getTypeOfSymbolAtLocation(property, at),
        property.name,
        baseUrl,
        at,
        depth + 1,
      );
      return `${propertyKey(property.name)}: ${value}`;
    });
}

/** The API's types package resolved to its sources, like the runtime: no build needed before the docs. */
function typesPackagePaths(root: string, api: string): Record<string, string[]> {
  const dir = path.join(root, "packages", `${api}-types`);
  const manifest = path.join(dir, "package.json");
  if (!existsSync(manifest)) return {};
  const { name } = JSON.parse(readFileSync(manifest, "utf8")) as { name: string };
  return { [name]: [path.join(dir, "src", "index.ts")] };
}
