/**
 * Type-checks generated code as a consumer's compiler would (see @chat-sdk/test-utils/typecheck), with the
 * runtime of the test workspaces' scope resolved to its source.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  diagnostics as listDiagnostics,
  consumerProgram as program,
  type TypecheckOptions,
} from "@chat-sdk/test-utils/typecheck";
import type ts from "typescript";
import { SCOPE } from "./workspace.ts";

const RUNTIME_SOURCE = fileURLToPath(new URL("../../../packages/runtime/src/index.ts", import.meta.url));
const TESTING_SOURCE = fileURLToPath(new URL("../../../packages/runtime/src/testing/index.ts", import.meta.url));
const MSW_TYPES = fileURLToPath(new URL("../node_modules/msw/lib/core/index.d.ts", import.meta.url));
const OPTIONS: TypecheckOptions = {
  paths: { [`${SCOPE}/runtime`]: [RUNTIME_SOURCE], [`${SCOPE}/runtime/testing`]: [TESTING_SOURCE], msw: [MSW_TYPES] },
};

export function consumerProgram(files: string[]): ts.Program {
  return program(files, withTypesPackages(files));
}

export function diagnostics(built: ts.Program): string[] {
  return listDiagnostics(built, OPTIONS);
}

export function typeErrors(files: string[]): string[] {
  return diagnostics(consumerProgram(files));
}

/**
 * The generated client code imports `@fixture/<api>-types`: resolved to the sources of the test workspace's types
 * packages (`<workspace>/packages/<api>-types/src/index.ts`), the workspace being the one the files are in.
 */
function withTypesPackages(files: string[]): TypecheckOptions {
  const first = files[0] ?? "";
  const at = first.lastIndexOf(`${path.sep}packages${path.sep}`);
  if (at < 0) return OPTIONS;
  const packages = first.slice(0, at + "/packages/".length);
  return { ...OPTIONS, paths: { ...OPTIONS.paths, [`${SCOPE}/*-types`]: [`${packages}*-types/src/index.ts`] } };
}
