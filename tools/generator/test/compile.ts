/**
 * Type-checks generated code the way a consumer's compiler would: the repo's strict settings, and the runtime
 * package resolved to its source (so no build is needed). Returns every diagnostic as `file:line: message`.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { SCOPE } from "./workspace.ts";

const RUNTIME_SOURCE = fileURLToPath(new URL("../../../packages/runtime/src/index.ts", import.meta.url));

export function typeErrors(files: string[]): string[] {
  return diagnostics(consumerProgram(files));
}

export function consumerProgram(files: string[]): ts.Program {
  return ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: [],
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    paths: { [`${SCOPE}/runtime`]: [RUNTIME_SOURCE] },
  });
}

export function diagnostics(program: ts.Program): string[] {
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.basename(diagnostic.file.fileName)}:${line + 1}: ${message}`;
  });
}
