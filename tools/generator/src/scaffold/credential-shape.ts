/**
 * One security requirement of the spec as a credential shape: the fields a caller passes in `auth` and where each one
 * goes on the wire. A requirement the runtime cannot satisfy gives no shape, only a note saying why.
 */
import { deref, type OpenApiDocument } from "../openapi-types.ts";

/** One part of a credential shape: what the caller passes and where it goes on the wire. */
export type CredentialPart =
  | { kind: "apiKey"; scheme: string; key: string; in: "header" | "query" | "cookie"; name: string }
  | { kind: "bearer"; scheme: string; key: string; about: string }
  | { kind: "basic"; scheme: string; username: string; password: string };

export type ApiKeyPart = Extract<CredentialPart, { kind: "apiKey" }>;

export interface CredentialShape {
  /** The requirement's security scheme names, in spec order. */
  schemes: string[];
  parts: CredentialPart[];
  /** Every key of the shape, in order. */
  keys: string[];
}

/** A security requirement: scheme names (its keys) mapped to scopes. */
export type Requirement = Record<string, unknown>;

interface SecurityScheme {
  type?: string;
  in?: string;
  name?: string;
  scheme?: string;
  bearerFormat?: string;
  flows?: Record<string, { tokenUrl?: string; authorizationUrl?: string } | undefined>;
  openIdConnectUrl?: string;
}

/** An API key the spec sends in the query string (the runtime sends credentials as headers: it needs a middleware). */
export function sentInQuery(part: CredentialPart): part is ApiKeyPart {
  return part.kind === "apiKey" && part.in === "query";
}

/** Security scheme names as the notes and docs show them: "`authToken` + `userId`". */
export function listSchemes(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(" + ");
}

/** The shape of one requirement, or undefined (and a note in `notes`) when the scaffold cannot offer it. */
export function readCredentialShape(
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
  const label = listSchemes(names);
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

/** The keys of one shape, each unique: a second `apiKey` becomes `apiKey2`. */
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
