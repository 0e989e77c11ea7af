/**
 * A JSON-like value from a spec example as a TypeScript expression. Keys go through propertyKey and strings through
 * stringLiteral (the generator's escaping), and `__proto__` is written as a computed key, the one spelling that makes
 * it a plain own property in an object literal: example data can never change the code's structure.
 */
import { propertyKey, stringLiteral } from "@chat-sdk/generator/docs";

const INDENT = "  ";
/** Arrays and objects shorter than this (on one line) are written on one line. */
const ONE_LINE = 72;

/** Code the docs tool writes itself (never spec text), e.g. `new Blob([])` for binary data, emitted as is. */
export class Code {
  readonly code: string;
  constructor(code: string) {
    this.code = code;
  }
}

export function tsLiteral(value: unknown, indent = ""): string {
  if (value instanceof Code) return value.code;
  if (value === null) return "null";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "0";
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => tsLiteral(item, indent + INDENT));
    return wrap("[", "]", items, indent);
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${objectKey(key)}: ${tsLiteral(item, indent + INDENT)}`);
    return wrap("{", "}", entries, indent, " ");
  }
  return "undefined";
}

function objectKey(key: string): string {
  return key === "__proto__" ? `[${stringLiteral(key)}]` : propertyKey(key);
}

function wrap(open: string, close: string, items: string[], indent: string, pad = ""): string {
  if (items.length === 0) return `${open}${close}`;
  const line = `${open}${pad}${items.join(", ")}${pad}${close}`;
  if (line.length <= ONE_LINE && !line.includes("\n")) return line;
  return `${open}\n${items.map((item) => `${indent}${INDENT}${item},`).join("\n")}\n${indent}${close}`;
}
