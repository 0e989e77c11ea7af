/**
 * The one place where text from a spec or sdk.yaml is made safe for generated TypeScript. Each output context has
 * exactly one function; every string that did not come from the generator itself goes through one of them.
 *
 * - inside a `/** ... *\/` comment: {@link commentText}
 * - as a string literal: {@link stringLiteral}
 * - as an object or interface property name: {@link propertyKey}
 * - inside a template literal (the scaffold's `Cookie` header): {@link templateText}
 * - as inline Markdown (a README table cell, a reference description): {@link markdownText}
 */

/** Line terminators of ECMAScript and YAML: CRLF, CR, LINE SEPARATOR, PARAGRAPH SEPARATOR and NEXT LINE. */
const LINE_TERMINATORS = /\r\n|[\r\u2028\u2029\u0085]/g;

/**
 * Characters that have no business in a comment: C0 and C1 controls except `\n` and `\t`, DEL, and the bidirectional
 * overrides and isolates that can make code read differently from how it runs ("Trojan Source", CVE-2021-42574).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE_IN_COMMENT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text that can go anywhere inside a `/** ... *\/` block: a star followed by a slash cannot close the comment (a backslash goes between them), every line
 * terminator is `\n` (so callers can split lines with `split("\n")` and prefix each one with ` * `), and other control
 * characters are removed. `/*` is left as is: block comments do not nest, so it is harmless.
 * Idempotent: escaping already-escaped text changes nothing.
 */
export function commentText(value: string): string {
  return (
    value
      .replace(LINE_TERMINATORS, "\n")
      // Removed before `*/` is looked for, so `*\u0000/` cannot turn into `*/` afterwards.
      .replace(UNSAFE_IN_COMMENT, "")
      .replace(/\*\//g, "*\\/")
  );
}

/**
 * A TypeScript string literal whose value is exactly `value`, whatever it holds: quotes, backslashes, line
 * terminators (U+2028 and U+2029 included), control and invisible characters, lone surrogates and NUL are escaped
 * (`${` needs nothing: the literal is double-quoted), and so is the `<` of `</` and `<!--` (so the code can also be
 * inlined in an HTML `<script>`).
 */
export function stringLiteral(value: string): string {
  return JSON.stringify(value)
    .replace(INVISIBLE_IN_LITERAL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/<(?=[/!])/g, "\\u003c");
}

/**
 * Characters JSON.stringify leaves raw that are line terminators for older parsers (U+2028, U+2029) or invisible in an
 * editor: DEL and C1 controls, soft hyphen, zero-width characters, bidi marks, overrides and isolates, BOM.
 */
const INVISIBLE_IN_LITERAL = /[\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;

/** Whether `name` can be written bare as a property name (`{ name: ... }`, `obj.name`). Reserved words can. */
export function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** A property name for an object literal, interface or type literal: bare when possible, else a string literal. */
export function propertyKey(name: string): string {
  return isIdentifierName(name) ? name : stringLiteral(name);
}

/** Text for inside a template literal: `\`, backquote and `${` escaped, control characters as `\u` escapes. */
export function templateText(value: string): string {
  return value
    .replace(/[\\`]/g, "\\$&")
    .replace(/\$\{/g, "\\${")
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point
      /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}

/**
 * Inline Markdown that shows `value` as text and nothing else, safe in a table cell: the spec's own code spans
 * (balanced backticks) stay code spans, everything else is literal. HTML (`<`, `>`, `&`), link and image brackets,
 * emphasis marks, backslashes and stray backticks are escaped, every pipe is `\|` (GFM splits cells before it reads code spans) and
 * line terminators and control characters become one space, so the text can neither end its table row or cell nor
 * become HTML, a link or code that swallows what follows.
 */
export function markdownText(value: string): string {
  return oneLine(value)
    .split(/(`[^`]+`)/)
    .map((part, index) => (index % 2 === 1 ? codeOrText(part.slice(1, -1)) : literal(part)))
    .join("")
    .replace(/\|/g, "\\|");
}

/** `value` as one Markdown code span (a scope, an HTTP path), safe in a table cell like {@link markdownText}. */
export function markdownCode(value: string): string {
  return codeOrText(oneLine(value)).replace(/\|/g, "\\|");
}

/**
 * A code span, unless a backslash precedes a pipe: `\\|` would then end the table cell (GFM reads `\\` before the
 * pipe, and a code span cannot escape the backslash), so that rare text is written as escaped literal text instead.
 */
function codeOrText(text: string): string {
  return /\\\|/.test(text) ? literal(text) : codeSpanOf(text);
}

/** Text with every Markdown construct escaped (pipes are left to the caller). */
function literal(text: string): string {
  return text.replace(/[\\`[\]*_~]/g, "\\$&").replace(/[<>&]/g, (char) => HTML_ENTITIES[char] ?? char);
}

function oneLine(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are replaced on purpose
  return value.replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
}

/** A code span whatever backticks `text` holds (CommonMark: a longer fence, padded when text starts or ends with one). */
function codeSpanOf(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

const HTML_ENTITIES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };
