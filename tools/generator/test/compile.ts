/**
 * Type-checks generated code as a consumer's compiler would (see @chat-sdk/test-utils/typecheck), with the
 * runtime of the test workspaces' scope resolved to its source.
 */
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
  return program(files, OPTIONS);
}

export function diagnostics(built: ts.Program): string[] {
  return listDiagnostics(built, OPTIONS);
}

export function typeErrors(files: string[]): string[] {
  return diagnostics(consumerProgram(files));
}
