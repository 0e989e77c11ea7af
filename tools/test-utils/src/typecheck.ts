/**
 * Type-checks code the way a consumer's compiler would: the repo's strict settings (tsconfig.shared.json), with the
 * workspace packages a test names resolved to their sources through `paths`, so nothing needs a build first.
 * One helper for every test that compiles generated code (generator, spec-diff, scaffold).
 */
import path from "node:path";
import ts from "typescript";

export interface TypecheckOptions {
  /** Module name -> source files, e.g. `{ "@fixture/runtime": [".../packages/runtime/src/index.ts"] }`. */
  paths?: Record<string, string[]>;
  /** `@types` packages to load (default none, like a browser package), and where to find them. */
  types?: string[];
  typeRoots?: string[];
  /** Diagnostics in files for which this returns true are dropped (e.g. sources of a stand-in). */
  ignore?: (fileName: string) => boolean;
  /** Diagnostics name files relative to this folder (default: the file's base name). */
  relativeTo?: string;
}

export function consumerProgram(files: string[], options: TypecheckOptions = {}): ts.Program {
  return ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: options.types ?? [],
    typeRoots: options.typeRoots,
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    paths: options.paths,
  });
}

/** Every diagnostic of the program as `file:line: message`. */
export function diagnostics(program: ts.Program, options: TypecheckOptions = {}): string[] {
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => !(diagnostic.file && options.ignore?.(diagnostic.file.fileName)))
    .map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
      if (!diagnostic.file || diagnostic.start === undefined) return message;
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      const name = options.relativeTo
        ? path.relative(options.relativeTo, diagnostic.file.fileName)
        : path.basename(diagnostic.file.fileName);
      return `${name}:${line + 1}: ${message}`;
    });
}

export function typeErrors(files: string[], options: TypecheckOptions = {}): string[] {
  return diagnostics(consumerProgram(files, options), options);
}
