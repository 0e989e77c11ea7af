import ts from "typescript";
import { describe, expect, it } from "vitest";
import { Code, tsLiteral } from "../src/literal.ts";

// biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile string, not a template
const HOSTILE = '"; globalThis.pwned = 1; // ` ${x} */ </script> \u2028 \\';

/** Evaluates an emitted expression; it must be one expression statement with no calls, assignments or comments. */
function evaluate(code: string): unknown {
  const file = ts.createSourceFile("x.ts", `(${code});`, ts.ScriptTarget.Latest);
  expect(file.statements).toHaveLength(1);
  const found: string[] = [];
  const walk = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isBinaryExpression(node) || ts.isNewExpression(node))
      found.push(node.getText(file));
    ts.forEachChild(node, walk);
  };
  walk(file);
  expect(found).toEqual([]);
  return new Function(`return (${code});`)();
}

describe("tsLiteral", () => {
  it("writes example data that evaluates to the same value and cannot become code", () => {
    const value = { [HOSTILE]: [HOSTILE, 1, -2.5, true, null, { nested: HOSTILE }], "a-b": {}, list: [] };
    expect(evaluate(tsLiteral(value))).toEqual(value);
  });

  it("keeps __proto__ a plain own key", () => {
    const value = JSON.parse('{ "__proto__": { "polluted": true }, "ok": 1 }');
    const result = evaluate(tsLiteral(value)) as Record<string, unknown>;
    expect(Object.hasOwn(result, "__proto__")).toBe(true);
    expect((result as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it("writes long values on several lines, non-finite numbers as 0, and its own code as is", () => {
    expect(tsLiteral({ a: "x".repeat(80) })).toBe(`{\n  a: "${"x".repeat(80)}",\n}`);
    expect(tsLiteral([Number.NaN, Number.POSITIVE_INFINITY])).toBe("[0, 0]");
    expect(tsLiteral({ file: new Code("new Blob([])") })).toBe("{ file: new Blob([]) }");
  });
});
