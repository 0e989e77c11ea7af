/**
 * How a scaffolded package authorizes its requests, read from the spec: `components.securitySchemes` and the security
 * requirements (top-level `security` first, then each operation's own, in spec order).
 *
 * Every requirement the runtime can satisfy becomes one credential shape: `{ apiKey }` (an API key in a header, the
 * query string or a cookie), `{ token }` (HTTP bearer, OAuth 2, OpenID Connect: `Authorization: Bearer`),
 * `{ username, password }` (HTTP basic), or the fields of several schemes at once when a requirement needs them all.
 * The scaffolded `src/index.ts` offers the union of those shapes as its typed `auth` option and turns the one given
 * into headers. Deterministic: shapes keep spec order, and a shape with the same keys as an earlier one is left out
 * (noted in the file), so the same spec always scaffolds the same code.
 */
import { commentText, isIdentifierName, stringLiteral } from "./escape.ts";
import { deref, HTTP_METHODS, type OpenApiDocument } from "./openapi-types.ts";

/** One part of a credential shape: what the caller passes and where it goes on the wire. */
export type CredentialPart =
  | { kind: "apiKey"; scheme: string; key: string; in: "header" | "query" | "cookie"; name: string }
  | { kind: "bearer"; scheme: string; key: string; about: string }
  | { kind: "basic"; scheme: string; username: string; password: string };

export interface CredentialShape {
  /** The requirement's security scheme names, in spec order. */
  schemes: string[];
  parts: CredentialPart[];
  /** Every key of the shape, in order. */
  keys: string[];
}

export interface AuthPlan {
  /** Credential shapes offered by `auth`, in spec order; empty: the package has no typed `auth` option. */
  shapes: CredentialShape[];
  /** True when every operation needs credentials (no operation is public). */
  required: boolean;
  /** Security requirements of the spec that are not offered, and why (a comment in the scaffolded file). */
  notes: string[];
}

type Requirement = Record<string, unknown>;

interface SecurityScheme {
  type?: string;
  in?: string;
  name?: string;
  scheme?: string;
  bearerFormat?: string;
  flows?: Record<string, { tokenUrl?: string; authorizationUrl?: string } | undefined>;
  openIdConnectUrl?: string;
}

export function readAuth(doc: OpenApiDocument): AuthPlan {
  const schemes = (doc.components?.securitySchemes ?? {}) as Record<string, unknown>;
  const { list, required } = readRequirements(doc);
  const notes: string[] = [];
  let candidates = list;
  if (candidates.length === 0 && Object.keys(schemes).length > 0) {
    candidates = Object.keys(schemes).map((name) => ({ [name]: [] }));
    notes.push("The spec declares security schemes that no `security` requirement uses: `auth` is optional.");
  }
  const shapes: CredentialShape[] = [];
  for (const requirement of candidates) {
    const shape = readShape(doc, requirement, schemes, notes);
    if (!shape) continue;
    const same = shapes.find((other) => sameKeys(other.keys, shape.keys));
    if (same) {
      notes.push(
        `${describeSchemes(shape)}: not offered, its credentials have the same fields as ${describeSchemes(same)}` +
          (sameWire(same, shape) ? " (and are sent the same way)." : "."),
      );
      continue;
    }
    shapes.push(shape);
  }
  return { shapes, required: required && candidates === list && shapes.length > 0, notes };
}

/**
 * Every distinct non-empty requirement, top-level first; `required` when every operation needs one (no operation
 * has an empty `security`, or an empty requirement `{}` among its alternatives).
 */
function readRequirements(doc: OpenApiDocument): { list: Requirement[]; required: boolean } {
  const top = securityOf(doc);
  const all: Requirement[] = [...(top ?? [])];
  let required = true;
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const own = securityOf(operation);
      const effective = own ?? top ?? [];
      if (effective.length === 0 || effective.some((requirement) => Object.keys(requirement).length === 0)) {
        required = false;
      }
      if (own) all.push(...own);
    }
  }
  const seen = new Set<string>();
  const list = all.filter((requirement) => {
    const id = JSON.stringify(Object.keys(requirement).sort());
    if (Object.keys(requirement).length === 0 || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { list, required };
}

function securityOf(node: unknown): Requirement[] | undefined {
  const security = (node as { security?: unknown }).security;
  if (!Array.isArray(security)) return undefined;
  return security.filter((entry): entry is Requirement => typeof entry === "object" && entry !== null);
}

function readShape(
  doc: OpenApiDocument,
  requirement: Requirement,
  schemes: Record<string, unknown>,
  notes: string[],
): CredentialShape | undefined {
  const names = Object.keys(requirement);
  const resolved = names.map((name) => [name, deref<SecurityScheme | undefined>(doc, schemes[name] as never)] as const);
  const countOf = (test: (scheme: SecurityScheme) => boolean) =>
    resolved.filter(([, scheme]) => scheme && test(scheme)).length;
  const apiKeys = countOf((scheme) => scheme.type === "apiKey");
  const tokens = countOf((scheme) => bearerAbout(scheme) !== undefined);
  const keys = new KeyRegistry();
  const parts: CredentialPart[] = [];
  const wireHeaders = new Set<string>();
  const label = names.map((name) => `\`${name}\``).join(" + ");
  for (const [name, scheme] of resolved) {
    if (!scheme || typeof scheme !== "object") {
      notes.push(`${label}: not offered, \`${name}\` is not in components.securitySchemes.`);
      return undefined;
    }
    const unsupported = (why: string) => {
      notes.push(`${label}: not offered, \`${name}\` is ${why}; add it here by hand.`);
      return undefined;
    };
    const header = (value: string) => {
      if (wireHeaders.has(value.toLowerCase())) return false;
      wireHeaders.add(value.toLowerCase());
      return true;
    };
    if (scheme.type === "apiKey") {
      const where = scheme.in;
      if (where !== "header" && where !== "query" && where !== "cookie") return unsupported("an API key sent nowhere");
      if (typeof scheme.name !== "string" || scheme.name === "") return unsupported("an API key without a name");
      if (where === "header" && !header(scheme.name)) return unsupported(`a second \`${scheme.name}\` header`);
      const key = keys.claim(apiKeys > 1 ? camelCase(name) : "apiKey", "apiKey");
      parts.push({ kind: "apiKey", scheme: name, key, in: where, name: scheme.name });
      continue;
    }
    const about = bearerAbout(scheme);
    if (about !== undefined) {
      if (!header("authorization")) return unsupported("a second `Authorization` header");
      parts.push({
        kind: "bearer",
        scheme: name,
        key: keys.claim(tokens > 1 ? camelCase(name) : "token", "token"),
        about,
      });
      continue;
    }
    if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "basic") {
      if (!header("authorization")) return unsupported("a second `Authorization` header");
      parts.push({ kind: "basic", scheme: name, username: keys.claim("username"), password: keys.claim("password") });
      continue;
    }
    if (scheme.type === "mutualTLS")
      return unsupported("mutual TLS (a client certificate: pass a `fetch` that has it)");
    if (scheme.type === "http") return unsupported(`HTTP \`${scheme.scheme}\` authentication`);
    return unsupported(`of type \`${scheme.type}\``);
  }
  if (parts.length === 0) return undefined;
  return { schemes: names, parts, keys: keys.all() };
}

/** How a token scheme is described in the `auth` docs; undefined for schemes that are not sent as a bearer token. */
function bearerAbout(scheme: SecurityScheme): string | undefined {
  if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "bearer") {
    return scheme.bearerFormat ? `Bearer token (${scheme.bearerFormat})` : "Bearer token";
  }
  if (scheme.type === "oauth2") {
    const flows = scheme.flows ?? {};
    const order = ["clientCredentials", "authorizationCode", "password", "implicit"];
    const flow = order.map((name) => [name, flows[name]] as const).find(([, value]) => value);
    const url = flow?.[1]?.tokenUrl ?? flow?.[1]?.authorizationUrl;
    return url ? `OAuth 2 access token (${flow?.[0]} flow: ${url})` : "OAuth 2 access token";
  }
  if (scheme.type === "openIdConnect") {
    return scheme.openIdConnectUrl
      ? `OpenID Connect access token (${scheme.openIdConnectUrl})`
      : "OpenID Connect token";
  }
  return undefined;
}

function sameKeys(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((key) => b.includes(key));
}

function sameWire(a: CredentialShape, b: CredentialShape): boolean {
  const wire = (shape: CredentialShape) =>
    shape.parts
      .map((part) => (part.kind === "apiKey" ? `${part.in}:${part.name.toLowerCase()}` : part.kind))
      .sort()
      .join();
  return wire(a) === wire(b);
}

function describeSchemes(shape: CredentialShape): string {
  return shape.schemes.map((name) => `\`${name}\``).join(" + ");
}

class KeyRegistry {
  private readonly keys: string[] = [];

  claim(wanted: string, fallback = "credential"): string {
    const base = wanted || fallback;
    let key = base;
    for (let n = 2; this.keys.includes(key); n++) key = `${base}${n}`;
    this.keys.push(key);
    return key;
  }

  all(): string[] {
    return [...this.keys];
  }
}

/** `X-Auth-Token` -> `xAuthToken`; always a plain identifier (or "" when the value has no ASCII letter or digit). */
function camelCase(value: string): string {
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = words.map((word, i) => (i === 0 ? word.toLowerCase() : word[0]?.toUpperCase() + word.slice(1))).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

// ---------------------------------------------------------------------------------------------------------------
// Code of the scaffolded src/index.ts, README.md and test/client.test.ts
// ---------------------------------------------------------------------------------------------------------------

/**
 * A JSDoc block of comment-safe text (see {@link commentText}): one line when it fits in 120 columns, else wrapped at
 * word boundaries. `\n` starts a new line; an empty line stays empty.
 */
export function docComment(text: string, indent = ""): string {
  const single = `${indent}/** ${text} */`;
  if (!text.includes("\n") && single.length <= 120) return single;
  const width = 120 - indent.length - 3;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ").filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return [`${indent}/**`, ...lines.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)), `${indent} */`].join(
    "\n",
  );
}

/** The internal header that carries query-string credentials from `auth` to the `queryAuth` middleware. */
const QUERY_AUTH_HEADER = "x-query-auth";

export function usesQuery(plan: AuthPlan): boolean {
  return plan.shapes.some((shape) => shape.parts.some((part) => part.kind === "apiKey" && part.in === "query"));
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

/** Where a part's value goes, for the docs: "the `X-API-Key` header", "`Authorization: Bearer <token>`". */
function partDoc(part: CredentialPart): string {
  const scheme = `security scheme \`${part.scheme}\``;
  switch (part.kind) {
    case "apiKey": {
      const where =
        part.in === "header"
          ? `the \`${part.name}\` header`
          : part.in === "query"
            ? `the \`${part.name}\` query parameter`
            : `the \`${part.name}\` cookie`;
      const asIs =
        part.in === "header" && part.name.toLowerCase() === "authorization" ? ", as is (with any prefix)" : "";
      return `API key, sent as ${where}${asIs} (${scheme}).`;
    }
    case "bearer":
      return `${part.about}, sent as \`Authorization: Bearer <${part.key}>\` (${scheme}).`;
    case "basic":
      return `HTTP basic credentials, sent as \`Authorization: Basic base64(<username>:<password>)\` (${scheme}).`;
  }
}

/** The exported credentials type: one interface, or a union whose members exclude each other's keys. */
export function credentialsDeclaration(plan: AuthPlan, typeName: string): string {
  const shapes = plan.shapes;
  const fields = (shape: CredentialShape, indent: string) => {
    const out: string[] = [];
    for (const part of shape.parts) {
      out.push(docComment(commentText(partDoc(part)), indent));
      if (part.kind === "basic") out.push(`${indent}${part.username}: string;`, `${indent}${part.password}: string;`);
      else out.push(`${indent}${part.key}: string;`);
    }
    return out;
  };
  const notes = plan.notes.map((note) => `\n${commentText(note)}`).join("");
  if (shapes.length === 1) {
    const shape = shapes[0] as CredentialShape;
    return [
      docComment(`How requests are authorized, from the spec's security schemes.${notes ? `\n${notes}` : ""}`),
      `export interface ${typeName} {`,
      ...fields(shape, "  "),
      "}",
    ].join("\n");
  }
  const allKeys = [...new Set(shapes.flatMap((shape) => shape.keys))];
  const members = shapes.map((shape) => {
    const never = allKeys.filter((key) => !shape.keys.includes(key)).map((key) => `      ${key}?: never;`);
    return ["  | {", ...fields(shape, "      "), ...never, "    }"].join("\n");
  });
  const list = shapes.map((shape) => `\n- ${shapeSummary(shape)}: ${commentText(requirementName(shape))}.`).join("");
  return [
    docComment(
      `How requests are authorized: the fields of one of the spec's security requirements.${list}${notes ? `\n${notes}` : ""}`,
    ),
    `export type ${typeName} =`,
    `${members.join("\n")};`,
  ].join("\n");
}

function requirementName(shape: CredentialShape): string {
  return `${shape.schemes.length > 1 ? "security schemes" : "security scheme"} ${describeSchemes(shape)}`;
}

/** `{ apiKey }`, `{ username, password }`. */
function shapeSummary(shape: CredentialShape): string {
  return `\`{ ${shape.keys.join(", ")} }\``;
}

/** The `auth` member of the options interface. */
export function authOption(plan: AuthPlan, typeName: string): string {
  const type = `${typeName} | (() => ${typeName} | Promise<${typeName}>)`;
  const optional = plan.required ? "" : " Optional: some operations of the spec need none.";
  return [
    docComment(
      `Credentials, or an async provider called before every request (for rotated or refreshed credentials).${optional ? `\n${optional.trim()}` : ""}`,
      "  ",
    ),
    `  auth${plan.required ? "" : "?"}: ${type};`,
  ].join("\n");
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

/** Text for inside a template literal: `\`, backquote and `${` escaped, control characters as `\u` escapes. */
function templateText(value: string): string {
  return value
    .replace(/[\\`]/g, "\\$&")
    .replace(/\$\{/g, "\\${")
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point
      /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}

function queryMiddleware(plan: AuthPlan): string[] {
  const names = [
    ...new Set(
      plan.shapes.flatMap((shape) =>
        shape.parts.flatMap((part) => (part.kind === "apiKey" && part.in === "query" ? [`\`${part.name}\``] : [])),
      ),
    ),
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
  if (shape.parts.some((part) => part.kind === "apiKey" && part.in === "query")) {
    out.push(`expect(request?.headers${member(QUERY_AUTH_HEADER)}).toBeUndefined();`);
  }
  return out;
}

/** `.name` when `name` is an identifier, else `["name"]`. */
function member(name: string): string {
  return isIdentifierName(name) ? `.${name}` : `[${stringLiteral(name)}]`;
}
