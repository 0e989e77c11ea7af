/**
 * How a scaffolded package authorizes its requests, read from the spec: `components.securitySchemes` and the security
 * requirements (top-level `security` first, then each operation's own, in spec order).
 *
 * Every requirement the runtime can satisfy becomes one credential shape (see credential-shape.ts): `{ apiKey }` (an
 * API key in a header, the query string or a cookie), `{ token }` (HTTP bearer, OAuth 2, OpenID Connect:
 * `Authorization: Bearer`), `{ username, password }` (HTTP basic), or the fields of several schemes at once when a
 * requirement needs them all. The scaffolded `src/index.ts` offers the union of those shapes as its typed `auth` option
 * and turns the one given into headers. Deterministic: shapes keep spec order, and a shape with the same keys as an
 * earlier one is left out (noted in the file), so the same spec always scaffolds the same code.
 */
import { HTTP_METHODS, type OpenApiDocument } from "../openapi-types.ts";
import { type CredentialShape, listSchemes, type Requirement, readCredentialShape } from "./credential-shape.ts";

export interface AuthPlan {
  /** Credential shapes offered by `auth`, in spec order; empty: the package has no typed `auth` option. */
  shapes: CredentialShape[];
  /** True when every operation needs credentials (no operation is public). */
  required: boolean;
  /** Security requirements of the spec that are not offered, and why (a comment in the scaffolded file). */
  notes: string[];
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
    const shape = readCredentialShape(doc, requirement, schemes, notes);
    if (!shape) continue;
    const same = shapes.find((other) => sameKeys(other.keys, shape.keys));
    if (same) {
      notes.push(
        `${listSchemes(shape.schemes)}: not offered, its credentials have the same fields as ${listSchemes(same.schemes)}` +
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
