/**
 * Credentials in the scaffolded README and test: a literal of a credential shape, and the assertions that the
 * scaffolded test makes on the request it sent with that literal.
 */
import { isIdentifierName, stringLiteral } from "../escape.ts";
import { QUERY_AUTH_HEADER } from "./auth-code.ts";
import { type CredentialShape, sentInQuery } from "./credential-shape.ts";

/** A literal of the first shape, for the README (`"YOUR_API_KEY"`) or the scaffolded test (`"test-apiKey"`). */
export function credentialsExample(shape: CredentialShape, use: "readme" | "test"): string {
  const value = (key: string) =>
    use === "test" ? `test-${key}` : `YOUR_${key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}`;
  return `{ ${shape.keys.map((key) => `${key}: ${stringLiteral(value(key))}`).join(", ")} }`;
}

/** Assertions on a recorded request (`request?.headers`, `request?.query`) made with {@link credentialsExample}. */
export function credentialsAssertions(shape: CredentialShape): string[] {
  const out: string[] = [];
  const cookies: string[] = [];
  for (const part of shape.parts) {
    if (part.kind === "bearer") {
      out.push(`expect(request?.headers.authorization).toBe(${stringLiteral(`Bearer test-${part.key}`)});`);
    }
    if (part.kind === "basic") {
      const encoded = Buffer.from(`test-${part.username}:test-${part.password}`).toString("base64");
      out.push(`expect(request?.headers.authorization).toBe(${stringLiteral(`Basic ${encoded}`)});`);
    }
    if (part.kind !== "apiKey") continue;
    const value = stringLiteral(`test-${part.key}`);
    if (part.in === "header") out.push(`expect(request?.headers${member(part.name.toLowerCase())}).toBe(${value});`);
    if (part.in === "query") out.push(`expect(request?.query${member(part.name)}).toBe(${value});`);
    if (part.in === "cookie") cookies.push(`${part.name}=test-${part.key}`);
  }
  if (cookies.length > 0) out.push(`expect(request?.headers.cookie).toBe(${stringLiteral(cookies.join("; "))});`);
  if (shape.parts.some(sentInQuery)) {
    out.push(`expect(request?.headers${member(QUERY_AUTH_HEADER)}).toBeUndefined();`);
  }
  return out;
}

/** `.name` when `name` is an identifier, else `["name"]`. */
function member(name: string): string {
  return isIdentifierName(name) ? `.${name}` : `[${stringLiteral(name)}]`;
}
