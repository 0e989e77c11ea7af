/**
 * A spec whose every string the generator reads is hostile (`*​/`, `/*`, backticks, `${}`, quotes, backslashes,
 * newlines, U+2028/U+2029, `</script>`): the TypeScript compiler must find the output error-free and declaring
 * exactly the names we expect, so no spec text can become code. See fixtures/hostile/ (written by a script, so
 * every field is covered: operationId, summaries, x-* extensions, parameter and schema names, paths, sdk.yaml).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { getResponse } from "msw";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { consumerProgram, diagnostics } from "./compile.ts";
import { parseTable } from "./markdown-table.ts";
import { createWorkspace } from "./workspace.ts";

function exportedNames(program: ts.Program, file: string): string[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  return module
    ? checker
        .getExportsOfModule(module)
        .map((symbol) => symbol.name)
        .sort()
    : [];
}

describe("a spec with hostile strings in every field", () => {
  it("generates code that compiles and declares exactly the expected names", async () => {
    const ws = createWorkspace("hostile");
    await generateApi(ws.root, ws.api);
    const file = (name: string) => ws.generatedFile(name);
    const program = consumerProgram([file("operations.gen.ts")]);
    expect(diagnostics(program)).toEqual([]);

    expect(exportedNames(program, file("operations.gen.ts"))).toEqual(
      [
        "AbortError",
        "ApiError",
        "AuthError",
        "BinaryBody",
        "CallOptions",
        "ChatSdkError",
        "Client",
        "ConnectionError",
        "HostileOperations",
        "InvalidInputError",
        "LogEntry",
        "Middleware",
        "ResponseParseError",
        "ResponseTooLargeError",
        "RetryOptions",
        "TimeoutError",
        "allOperations",
        "bindOperations",
        "getQueueExportConstPWNED1",
        "getQueueExportConstPWNED1Operation",
        "jsonQueryOperations",
        "paginateGetQueueExportConstPWNED1",
        "pwned",
        "pwnedOperation",
        "splitBatchResults",
      ].sort(),
    );
    expect(exportedNames(program, file("types.gen.ts"))).toEqual(
      [
        "Body",
        "ExportConstPWNED21",
        "GetQueueExportConstPWNED1Input",
        "GetQueueExportConstPWNED1Item",
        "GetQueueExportConstPWNED1Output",
        "PwnedInput",
        "PwnedOutput",
        "constructor_",
      ].sort(),
    );
    expect(exportedNames(program, file("schema.gen.ts"))).toEqual([
      "$defs",
      "components",
      "operations",
      "paths",
      "webhooks",
    ]);
    // Per operation a descriptor and a function (+ a paginator), then allOperations, jsonQueryOperations and
    // bindOperations: a comment that closed early would add statements the emitters never wrote.
    const statements = program.getSourceFile(file("operations.gen.ts"))?.statements ?? [];
    expect(statements.filter(ts.isVariableStatement)).toHaveLength(4);
    expect(statements.filter(ts.isFunctionDeclaration)).toHaveLength(4);
    expect(statements.filter(ts.isExpressionStatement)).toHaveLength(0);
  }, 60_000);

  it("testing.gen.ts compiles, declares only its own names and keeps a `__proto__` example key as data", async () => {
    const ws = createWorkspace("hostile");
    await generateApi(ws.root, ws.api);
    const testingFile = path.join(ws.generatedDir, "testing.gen.ts");
    const program = consumerProgram([testingFile]);
    expect(diagnostics(program)).toEqual([]);
    expect(exportedNames(program, testingFile)).toEqual(["HostileMock", "createHostileMock", "defaultMockBaseUrl"]);
    // Data is JSON.parse of string literals: no spec text can add a statement or an expression.
    const statements = program.getSourceFile(testingFile)?.statements ?? [];
    expect(statements.filter(ts.isExpressionStatement)).toHaveLength(0);

    const testing = await import(testingFile);
    expect(testing.defaultMockBaseUrl).toBe("https://api.example.test/*/x");
    const mock = testing.createHostileMock();
    const request = new Request("https://api.example.test/*/x/queue/a", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    const response = await getResponse(mock.handlers, request);
    const body = JSON.parse((await response?.text()) ?? "null");
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(body, "__proto__")?.value).toEqual({
      polluted: "yes */ export const PWNED = 1; /* </script>",
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);

  it("keeps every hostile summary, path, permission and scope in its cell of the README operations table", async () => {
    const ws = createWorkspace("hostile");
    await generateApi(ws.root, ws.api);
    const readme = readFileSync(path.join(ws.packageDir, "README.md"), "utf8");
    const table = parseTable(readme.slice(readme.indexOf("<!-- operations:start -->")));
    expect(table.unsafe).toEqual([]);
    expect(table.rows).toHaveLength(2);
    for (const row of table.rows) expect(row).toHaveLength(4);
    const post = table.rows.find((row) => row[1] === "POST /queue/{id*/}");
    // Shown as written; the spec's balanced backticks stay a code span.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture's hostile text, not a template
    expect(post?.[2]).toBe("op-summary */ export const PWNED = 1; /* ${globalThis.x} \" ' \\ </script> end");
  });
});
