/**
 * The code of the scaffolded `src/index.ts` that turns the credentials given as `auth` into what goes on the wire:
 * `authHeaders` and `credentialHeaders` (headers, for every shape of the auth plan) and, when the spec sends an API key
 * in the query string, the `queryAuth` middleware that moves it from an internal header into the URL.
 */
import { commentText, stringLiteral, templateText } from "../escape.ts";
import type { AuthPlan } from "./auth-model.ts";
import { type CredentialShape, sentInQuery } from "./credential-shape.ts";
import { docComment } from "./doc-comment.ts";

/** The internal header that carries query-string credentials from `auth` to the `queryAuth` middleware. */
export const QUERY_AUTH_HEADER = "x-query-auth";

export function usesQuery(plan: AuthPlan): boolean {
  return plan.shapes.some((shape) => shape.parts.some(sentInQuery));
}

/** Runtime exports the auth code uses. */
export function authImports(plan: AuthPlan): string[] {
  if (plan.shapes.length === 0) return [];
  const kinds = new Set(plan.shapes.flatMap((shape) => shape.parts.map((part) => part.kind)));
  return [
    "AuthProvider",
    "HeaderValues",
    ...(kinds.has("basic") ? ["basicAuth"] : []),
    ...(kinds.has("bearer") ? ["bearerAuth"] : []),
    ...(usesQuery(plan) ? ["Middleware"] : []),
  ];
}

/** `authHeaders`, `credentialHeaders` and, for query-string keys, the `queryAuth` middleware. */
export function authHelpers(plan: AuthPlan, typeName: string, optionsType: string, clientName: string): string {
  const authType = plan.required ? `${optionsType}["auth"]` : `NonNullable<${optionsType}["auth"]>`;
  const out = [
    "/**",
    " * A provider is asked before every request, so it can hand out fresh credentials each time; fixed credentials",
    " * are turned into headers once, on first use.",
    " */",
    `function authHeaders(auth: ${authType}): AuthProvider {`,
    '  if (typeof auth === "function") return async () => credentialHeaders(await auth());',
    "  let fixed: HeaderValues | undefined;",
    "  return () => {",
    "    fixed ??= credentialHeaders(auth);",
    "    return fixed;",
    "  };",
    "}",
    "",
    `function credentialHeaders(credentials: ${typeName}): HeaderValues {`,
  ];
  // Shapes with more keys first: `{ apiKey, token }` must not be taken for `{ apiKey }`.
  const ordered = [...plan.shapes].sort((a, b) => b.keys.length - a.keys.length);
  for (const shape of ordered) {
    const test = shape.keys
      .map((key, i) => `typeof credentials${i === 0 ? "?." : "."}${key} === "string"`)
      .join(" && ");
    out.push(`  if (${test}) return ${headersExpression(shape)};`);
  }
  const expected = plan.shapes.map((shape) => `{ ${shape.keys.join(", ")} }`).join(" or ");
  out.push("  // Never echo the credentials object: it may hold a secret under a misspelt key.");
  out.push(`  throw new TypeError(${stringLiteral(`${clientName} auth needs ${expected}`)});`);
  out.push("}");
  if (usesQuery(plan)) out.push("", ...queryMiddleware(plan));
  return out.join("\n");
}

/** The headers of one shape: `bearerAuth(...)` alone, or an object literal of every header it sets. */
function headersExpression(shape: CredentialShape): string {
  const entries: string[] = [];
  const cookies: string[] = [];
  const query: string[] = [];
  for (const part of shape.parts) {
    if (part.kind === "bearer") entries.push(`...bearerAuth(credentials.${part.key})`);
    if (part.kind === "basic") entries.push(`...basicAuth(credentials.${part.username}, credentials.${part.password})`);
    if (part.kind !== "apiKey") continue;
    const value = `credentials.${part.key}`;
    if (part.in === "header") entries.push(`${stringLiteral(part.name)}: ${value}`);
    if (part.in === "cookie") cookies.push(`${templateText(`${part.name}=`)}\${${value}}`);
    if (part.in === "query") query.push(`[${stringLiteral(part.name)}, ${value}]`);
  }
  if (cookies.length > 0) entries.push(`Cookie: \`${cookies.join("; ")}\``);
  if (query.length > 0) {
    entries.push(`[QUERY_AUTH_HEADER]: new URLSearchParams([${query.join(", ")}]).toString()`);
  }
  const only = entries[0] as string;
  if (entries.length === 1 && only.startsWith("...")) return only.slice(3);
  return `{ ${entries.join(", ")} }`;
}

function queryMiddleware(plan: AuthPlan): string[] {
  const names = [
    ...new Set(plan.shapes.flatMap((shape) => shape.parts.filter(sentInQuery).map((part) => `\`${part.name}\``))),
  ];
  return [
    `/** Carries query-string credentials from \`auth\` to {@link queryAuth}, which moves them into the URL. */`,
    `const QUERY_AUTH_HEADER = ${stringLiteral(QUERY_AUTH_HEADER)};`,
    "",
    docComment(
      `The spec sends an API key as a query parameter (${commentText(names.join(", "))}), while the runtime sends ` +
        "credentials as headers. So `auth` hands the key over in an internal header, and this middleware (first in " +
        "line, for the methods and `raw` alike) moves it into the URL. Keeping the key in `auth` means that a provider " +
        "is asked once per request and that its failures are `AuthError`s.",
    ),
    "const queryAuth: Middleware = {",
    "  async onRequest({ request }) {",
    "    const credentials = request.headers.get(QUERY_AUTH_HEADER);",
    "    if (credentials === null) return request;",
    "    const url = new URL(request.url);",
    "    for (const [name, value] of new URLSearchParams(credentials)) url.searchParams.set(name, value);",
    "    const headers = new Headers(request.headers);",
    "    headers.delete(QUERY_AUTH_HEADER);",
    "    // A Request's URL cannot change, so this is a copy. The body is read into a Blob: a stream would need the",
    "    // `duplex` option, which not every browser supports.",
    "    const body = request.body === null ? null : await request.blob();",
    "    return new Request(url, { method: request.method, headers, body, signal: request.signal });",
    "  },",
    "};",
  ];
}
