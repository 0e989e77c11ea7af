import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  commentText,
  isIdentifierName,
  markdownCode,
  markdownText,
  propertyKey,
  stringLiteral,
  templateText,
} from "../src/escape.ts";
import { codeSpan, jsdocBlock, operationJsdoc } from "../src/jsdoc.ts";

/** Strings a spec or sdk.yaml could hold that break naive code generation. */
const HOSTILE: Record<string, string> = {
  "comment end": "*/",
  "comment end then code": "*/ export const b = 1; /*",
  "comment start": "/* not a nested comment",
  "JSDoc start": "/** again",
  "star, NUL, slash": "*\u0000/",
  "star, CR, slash": "*\r/",
  backticks: "`code` and ``more``",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${` is the point of the test
  "template substitution": "${process.exit(1)}",
  quotes: `'single' "double"`,
  backslashes: "C:\\temp\\*/ \\u0041 \\",
  "LF and CRLF": "one\ntwo\r\nthree",
  "lone CR": "one\rtwo",
  "U+2028 LINE SEPARATOR": "a\u2028b",
  "U+2029 PARAGRAPH SEPARATOR": "a\u2029b",
  "U+0085 NEXT LINE": "a\u0085b",
  "script end": "</script><script>alert(1)</script>",
  "HTML comment": "<!-- x -->",
  NUL: "a\u0000b",
  "other controls": "bell\u0007 esc\u001b del\u007f",
  "bidi override": "admin\u202e\u2066 // check later\u2069\u2066",
  "lone surrogate": "x\ud800y",
  emoji: "pets 🐶",
  empty: "",
};

const CASES = Object.entries(HOSTILE);

function parse(source: string): ts.SourceFile {
  const diagnostics = ts.transpileModule(source, { reportDiagnostics: true }).diagnostics ?? [];
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  return ts.createSourceFile("generated.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The file declares exactly `export const <name> = <string literal>` and nothing else; returns the literal's value. */
function onlyExportedString(file: ts.SourceFile, name: string): string {
  expect(file.statements).toHaveLength(1);
  const statement = file.statements[0] as ts.Statement;
  expect(ts.isVariableStatement(statement)).toBe(true);
  const variable = statement as ts.VariableStatement;
  expect(variable.modifiers?.map((m) => m.kind)).toEqual([ts.SyntaxKind.ExportKeyword]);
  expect(variable.declarationList.declarations).toHaveLength(1);
  const declaration = variable.declarationList.declarations[0] as ts.VariableDeclaration;
  expect(declaration.name.getText(file)).toBe(name);
  const initializer = declaration.initializer;
  expect(initializer && ts.isStringLiteral(initializer)).toBe(true);
  return (initializer as ts.StringLiteral).text;
}

/** The comments before the first statement, as written. */
function leadingComments(file: ts.SourceFile): string[] {
  const text = file.getFullText();
  return (ts.getLeadingCommentRanges(text, 0) ?? []).map((range) => text.slice(range.pos, range.end));
}

describe("commentText and stringLiteral keep hostile text inert", () => {
  it.each(CASES)("%s: one comment, one export, the value round-trips", (_, value) => {
    const file = parse(`/** ${commentText(value)} */ export const a = ${stringLiteral(value)};\n`);
    expect(onlyExportedString(file, "a")).toBe(value);
    const comments = leadingComments(file);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toBe(`/** ${commentText(value)} */`);
  });

  it.each(CASES)("%s: in a multi-line jsdocBlock too", (_, value) => {
    const file = parse(
      `${jsdocBlock([value, `before ${value} after`, value], "  ")}\nexport const a = ${stringLiteral(value)};\n`,
    );
    expect(onlyExportedString(file, "a")).toBe(value);
    expect(leadingComments(file)).toHaveLength(1);
  });

  it.each(CASES)("%s: as a property key", (_, value) => {
    const file = parse(`export const a = { ${propertyKey(value)}: 1 };\n`);
    expect(file.statements).toHaveLength(1);
    const declaration = (file.statements[0] as ts.VariableStatement).declarationList.declarations[0];
    const literal = declaration?.initializer as ts.ObjectLiteralExpression;
    expect(literal.properties).toHaveLength(1);
    const name = (literal.properties[0] as ts.PropertyAssignment).name;
    expect(ts.isIdentifier(name) || ts.isStringLiteral(name)).toBe(true);
    expect((name as ts.Identifier | ts.StringLiteral).text).toBe(value);
  });
});

describe("commentText", () => {
  it("never leaves a comment end, whatever it is given", () => {
    for (const value of Object.values(HOSTILE)) expect(commentText(value)).not.toContain("*/");
  });

  it("turns every line terminator into \\n and keeps tabs", () => {
    expect(commentText("a\r\nb\rc\u2028d\u2029e\u0085f\tg")).toBe("a\nb\nc\nd\ne\nf\tg");
  });

  it("drops control characters and bidi controls, and does not rejoin a star and a slash around them", () => {
    expect(commentText("a\u0000b\u0007c\u007fd\u009be\u202ef")).toBe("abcdef");
    expect(commentText("*\u0000/")).toBe("*\\/");
  });

  it("leaves readable text alone: /*, backticks, template substitutions, quotes, HTML", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${` is the point of the test
    const text = "/* `x` ${y} 'q' \"d\" <b>";
    expect(commentText(text)).toBe(text);
  });

  it("is idempotent", () => {
    for (const value of Object.values(HOSTILE)) expect(commentText(commentText(value))).toBe(commentText(value));
  });
});

describe("stringLiteral", () => {
  it("is a double-quoted JSON string with U+2028, U+2029, </ and <!-- escaped", () => {
    expect(stringLiteral('a"b')).toBe('"a\\"b"');
    expect(stringLiteral("a\u2028b\u2029c")).toBe('"a\\u2028b\\u2029c"');
    expect(stringLiteral("</script><!--")).toBe('"\\u003c/script>\\u003c!--"');
    expect(stringLiteral("a < b")).toBe('"a < b"');
    expect(stringLiteral("\u0000")).toBe('"\\u0000"');
  });

  it("round-trips through eval for every hostile string", () => {
    for (const value of Object.values(HOSTILE)) expect(JSON.parse(stringLiteral(value))).toBe(value);
  });
});

describe("templateText", () => {
  it("keeps every hostile string one inert template literal with exactly that text", () => {
    for (const [label, value] of CASES) {
      const file = parse(`export const a = \`${templateText(value)}\`;`);
      expect(file.statements, label).toHaveLength(1);
      const declaration = (file.statements[0] as ts.VariableStatement).declarationList.declarations[0];
      const initializer = declaration?.initializer;
      expect(initializer && ts.isNoSubstitutionTemplateLiteral(initializer), label).toBe(true);
      expect((initializer as ts.NoSubstitutionTemplateLiteral).text, label).toBe(value);
    }
  });
});

describe("isIdentifierName and propertyKey", () => {
  it("writes identifier names bare, reserved words included", () => {
    for (const name of ["petId", "_x", "$ref", "delete", "class", "A1"]) {
      expect(isIdentifierName(name)).toBe(true);
      expect(propertyKey(name)).toBe(name);
    }
  });

  it("quotes everything else", () => {
    expect(propertyKey("X-Twilio-Webhook-Enabled")).toBe('"X-Twilio-Webhook-Enabled"');
    expect(propertyKey("200")).toBe('"200"');
    expect(propertyKey("a b")).toBe('"a b"');
    expect(propertyKey("")).toBe('""');
    expect(propertyKey("café")).toBe('"café"');
  });
});

describe("jsdocBlock", () => {
  it("gives a one-line block for one line, and a multi-line block otherwise", () => {
    expect(jsdocBlock(["Hello."])).toBe("/** Hello. */");
    expect(jsdocBlock(["Hello."], "  ", { multiline: true })).toBe("  /**\n   * Hello.\n   */");
    expect(jsdocBlock(["One\r\n\r\nTwo  "], "  ")).toBe("  /**\n   * One\n   *\n   * Two\n   */");
  });

  it("drops leading and trailing empty lines, and gives nothing for no text", () => {
    expect(jsdocBlock(["", "x", "\n"])).toBe("/** x */");
    expect(jsdocBlock([])).toBe("");
    expect(jsdocBlock(["", " \n "])).toBe("");
  });

  it("escapes what it is given", () => {
    expect(jsdocBlock(["a */ b"])).toBe("/** a *\\/ b */");
  });
});

describe("codeSpan", () => {
  it("uses a fence longer than any backtick run in the text", () => {
    expect(codeSpan("GET /pets")).toBe("`GET /pets`");
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("``x``")).toBe("``` ``x`` ```");
    expect(codeSpan("a\nb")).toBe("`a b`");
  });
});

describe("operationJsdoc with hostile spec text", () => {
  it("declares nothing but the function that follows it", () => {
    const doc = operationJsdoc(
      {
        method: "get",
        path: "/a`b`/{id} */ export const evil = 1; /*",
        docs: {
          summary: "*/ export const evil = 1; /*",
          description: "line\u2028 */ two\r\n@deprecated is just text here",
          externalDocs: { url: "https://x.test/*/\nexport const evil = 2;" },
          "x-permissions": ["a`*/", "b"],
          "x-required-scopes": ["*/"],
          "x-changelog": [{ version: "1.0 */", description: "x */ y." }],
          "x-doc-decisions": ["*/ no"],
          "x-batch-operation": "nope */",
        },
      },
      "  ",
      new Map(),
    );
    const file = parse(`${doc}\nexport function f(): void {}\n`);
    expect(file.statements).toHaveLength(1);
    const fn = file.statements[0] as ts.FunctionDeclaration;
    expect(ts.isFunctionDeclaration(fn)).toBe(true);
    expect(fn.name?.text).toBe("f");
    expect(leadingComments(file)).toEqual([doc.trimStart()]);
    expect(doc).toContain("HTTP: ``GET /a`b`/{id} *\\/ export const evil = 1; /*``");
    expect(doc).toContain("@see https://x.test/*\\/%20export%20const%20evil%20=%202;");
  });
});

describe("markdownText / markdownCode", () => {
  it("keeps the spec's code spans and makes everything else literal, on one line", () => {
    expect(markdownText("only to update the `role`")).toBe("only to update the `role`");
    expect(markdownText("a|b <i>&</i> [x](y) *em* _u_ ~s~ \\ `")).toBe(
      "a\\|b &lt;i&gt;&amp;&lt;/i&gt; \\[x\\](y) \\*em\\* \\_u\\_ \\~s\\~ \\\\ \\`",
    );
    expect(markdownText("line\nnext\r\u2028end\u0000")).toBe("line next end ");
  });

  it("writes code that a pipe or a backslash before a pipe cannot end", () => {
    expect(markdownCode("GET /a|b")).toBe("`GET /a\\|b`");
    expect(markdownCode("has `tick`")).toBe("`` has `tick` ``");
    expect(markdownCode("a\\|b")).toBe("a\\\\\\|b");
  });
});
