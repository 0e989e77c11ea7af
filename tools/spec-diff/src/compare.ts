import type { Level } from "./change.ts";

export type Json = Record<string, unknown>;

/**
 * Records one change; bound to the operation being compared so callers need not repeat its id. `subject` names the
 * change after the component schema it sits in (`Agent.nickname`), when it sits in one.
 */
export type Emit = (level: Level, where: string, message: string, subject?: string) => void;

/** Deeper than any real spec nests; beyond it a (dereferenced, possibly cyclic) schema is not walked further. */
export const MAX_DEPTH = 64;

/** Keys whose changes only touch documentation, never the shape of requests or responses. */
const DOC_KEYS = new Set([
  "description",
  "summary",
  "title",
  "info",
  "example",
  "examples",
  "externalDocs",
  "deprecated",
]);

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): Json {
  return isObject(value) ? value : {};
}

/** The keys of both versions, each once, sorted: the order in which every walk reports changes. */
export function unionKeys(before: Iterable<string>, after: Iterable<string>): string[] {
  return [...new Set([...before, ...after])].sort();
}

/** JSON pointer segment escaping (RFC 6901): `/pets/{id}` becomes `~1pets~1{id}`. */
export function pointerTo(base: string, ...segments: (string | number)[]): string {
  return segments.reduce<string>(
    (pointer, segment) => `${pointer}/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`,
    base,
  );
}

/**
 * Structural equality that survives the cycles a dereferenced recursive schema contains: a pair of objects already
 * being compared further up is assumed equal (any real difference shows up elsewhere in the walk).
 */
export function deepEqual(a: unknown, b: unknown, pending = new Map<object, Set<object>>(), depth = 0): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (depth > MAX_DEPTH || pending.get(a)?.has(b)) return true;
  const partners = pending.get(a) ?? new Set<object>();
  pending.set(a, partners.add(b));
  try {
    const aKeys = Object.keys(a);
    const bKeys = Object.keys(b);
    if (aKeys.length !== bKeys.length) return false;
    return aKeys.every(
      (key) => Object.hasOwn(b, key) && deepEqual((a as Json)[key], (b as Json)[key], pending, depth + 1),
    );
  } finally {
    partners.delete(b);
  }
}

/**
 * The catch-all: every key of `before`/`after` not in `handled` that differs is a patch change named by its pointer.
 * Documentation keys and `x-` extensions say so in the message, anything else is an unclassified change.
 */
export function diffRest(
  before: Json,
  after: Json,
  handled: ReadonlySet<string>,
  where: string,
  pointer: string,
  emit: Emit,
) {
  for (const key of unionKeys(Object.keys(before), Object.keys(after))) {
    if (handled.has(key) || deepEqual(before[key], after[key])) continue;
    const at = pointerTo(pointer, key);
    if (DOC_KEYS.has(key) || key.startsWith("x-")) emit("patch", where, `documentation changed: ${key} (${at})`);
    else emit("patch", where, `changed: ${at}`);
  }
}

/** Values of `after` not in `before`, compared as JSON so that `1` and `"1"` stay distinct. */
export function valuesAdded(before: unknown[], after: unknown[]): unknown[] {
  const known = new Set(before.map((value) => JSON.stringify(value)));
  return after.filter((value) => !known.has(JSON.stringify(value)));
}

export function listValues(values: unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(", ");
}
