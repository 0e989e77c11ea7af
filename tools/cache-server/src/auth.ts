import { createHash, timingSafeEqual } from "node:crypto";

export type Access = "none" | "read" | "read-write";

export interface Tokens {
  /** May download and upload. */
  readWrite: string;
  /** May only download (e.g. for CI runs of untrusted pull requests); an upload with it gets 403. */
  readOnly?: string | undefined;
}

/** What the request's `Authorization: Bearer <token>` header allows. Compared in constant time. */
export function accessOf(authorization: string | undefined, tokens: Tokens): Access {
  const match = /^Bearer (.+)$/.exec(authorization ?? "");
  const presented = match?.[1];
  if (presented === undefined) return "none";
  if (sameSecret(presented, tokens.readWrite)) return "read-write";
  if (tokens.readOnly !== undefined && sameSecret(presented, tokens.readOnly)) return "read";
  return "none";
}

/** Hashing first gives both sides the same length, which timingSafeEqual needs, without leaking the length. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
