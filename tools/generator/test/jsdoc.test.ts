import ts from "typescript";
import { describe, expect, it } from "vitest";
import { operationJsdoc } from "../src/jsdoc.ts";

const jsdoc = (scopes: unknown) =>
  operationJsdoc({ method: "post", path: "/x", docs: { "x-required-scopes": scopes } as never }, "", new Map());

describe("x-required-scopes", () => {
  it("renders a plain list as all required, and [] as none", () => {
    expect(jsdoc(["a:rw", "b:ro"])).toContain("Required scopes: `a:rw`, `b:ro`.");
    expect(jsdoc([])).toContain("Required scopes: none.");
    expect(jsdoc(undefined)).not.toContain("Required scopes");
  });

  it("renders alternatives, conditional extras and notes the way documentation states them", () => {
    const doc = jsdoc({
      always: ["accounts--all:rc"],
      alternatives: [{ scopes: ["my:rw"], when: "to update yourself" }, { scopes: ["all:rw", "x:rw"] }],
      conditional: [
        { scopes: ["accounts--all:rw", "subscription.lc:rw"], when: "to skip approval" },
        { scopes: ["roles:rw"], when: "for roles above `normal`" },
      ],
      notes: ["`subscription.lc:rw` is a private scope."],
    });
    expect(doc.replace(/\n \* /g, " ")).toContain(
      "Required scopes: `accounts--all:rc`; plus `my:rw` (to update yourself) or `all:rw` and `x:rw`; plus " +
        "`accounts--all:rw` and `subscription.lc:rw` only to skip approval; plus `roles:rw` only for roles above " +
        "`normal`. `subscription.lc:rw` is a private scope.",
    );
  });

  it("starts with the alternatives when nothing is always required, and ignores malformed entries", () => {
    expect(
      jsdoc({ alternatives: [{ scopes: ["a"], when: "if mine" }, { scopes: ["b"] }, { when: "no scopes" }, 1] }),
    ).toContain("Required scopes: `a` (if mine) or `b`.");
    expect(jsdoc({ conditional: [{ scopes: ["c", "d", "e"], when: "to do more" }] })).toContain(
      "Required scopes: `c`, `d` and `e` only to do more.",
    );
    expect(jsdoc({})).toContain("Required scopes: none.");
  });

  it("keeps hostile text inside the comment", () => {
    const doc = jsdoc({
      always: ["*/ export const a = 1; /*"],
      alternatives: [{ scopes: ["`b`"], when: "*/ export const b = 1; /*" }],
      conditional: [{ scopes: ["c"], when: "\n@deprecated */" }],
      notes: ["*/ export const d = 1;"],
    });
    const file = ts.createSourceFile("x.ts", `${doc}\nexport function f(): void {}\n`, ts.ScriptTarget.Latest);
    expect(file.statements).toHaveLength(1);
    expect(doc).not.toMatch(/^\s*\* @deprecated/m);
  });
});
