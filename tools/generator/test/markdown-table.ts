/**
 * Reads a generated Markdown table the way a renderer does (marked, GitHub-flavoured): its rows as cell texts, and
 * whether any cell holds raw HTML or a link. Shared by the README table tests and the hostile test.
 */
import { lexer, type Token, type Tokens } from "marked";

export interface ParsedTable {
  header: string[];
  rows: string[][];
  /** Raw HTML and links anywhere in the cells (our own `<br>` aside). */
  unsafe: string[];
}

export function parseTable(markdown: string): ParsedTable {
  const tables = lexer(markdown, { gfm: true }).filter((token): token is Tokens.Table => token.type === "table");
  if (tables.length !== 1) throw new Error(`expected one table, found ${tables.length}`);
  const table = tables[0] as Tokens.Table;
  const unsafe: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === "html" && token.raw !== "<br>") unsafe.push(token.raw);
      if (token.type === "link" || token.type === "image") unsafe.push(token.raw);
      if ("tokens" in token && token.tokens) walk(token.tokens);
    }
  };
  for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens);
  return {
    header: table.header.map((cell) => cell.text),
    rows: table.rows.map((row) => row.map((cell) => plainText(cell.tokens))),
    unsafe,
  };
}

/** What a reader sees of a cell: text and code spans, entities and escapes decoded. */
function plainText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === "codespan") return decode((token as Tokens.Codespan).text);
      if (token.type === "html") return "\n";
      if ("tokens" in token && token.tokens) return plainText(token.tokens);
      return decode("text" in token ? String(token.text) : token.raw);
    })
    .join("");
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
