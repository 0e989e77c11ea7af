import {
  deepEqual,
  diffRest,
  type Emit,
  isObject,
  type Json,
  listValues,
  MAX_DEPTH,
  pointerTo,
  unionKeys,
  valuesAdded,
} from "./compare.ts";
import { schemaName } from "./dereference.ts";

/**
 * Requests and responses break in opposite directions: a client must be able to send what it sent before
 * (so narrowing a request is major) and to read what it receives (so removing from a response is major).
 */
export type Direction = "request" | "response";

export interface SchemaContext {
  direction: Direction;
  /** Start of every `where`: `POST /action/create_agent request body`. */
  prefix: string;
  emit: Emit;
  /** Pairs of schemas already walked: dereferenced recursive schemas are cyclic object graphs. */
  seen: WeakMap<object, WeakSet<object>>;
  /**
   * The schema is a flattened request body: its own fields are input keys, added, removed and made (not) required
   * by the model diff (model-diff.ts), so the walk only compares what each field holds.
   */
  keysElsewhere?: boolean;
  /** Field path -> the component schema met there; what `emit` names a change after (see subjectOf). */
  named: Map<string, string>;
}

const COMPOSITIONS = ["allOf", "oneOf", "anyOf"] as const;

export function newSchemaContext(
  direction: Direction,
  prefix: string,
  emit: Emit,
  keysElsewhere = false,
): SchemaContext {
  const named = new Map<string, string>();
  const namedEmit: Emit = (level, where, message) => emit(level, where, message, subjectOf(named, prefix, where));
  return { direction, prefix, emit: namedEmit, seen: new WeakMap(), keysElsewhere, named };
}

/**
 * `Agent.nickname` for a change at `<prefix> .agent.nickname` when the walk met the component `Agent` at `.agent`:
 * the deepest component on the way names the change. The `<allOf[0]>` steps of the path are not shown.
 */
function subjectOf(named: Map<string, string>, prefix: string, where: string): string | undefined {
  const path = where.slice(prefix.length).trimStart();
  let best: string | undefined;
  for (const at of named.keys()) {
    const inside = path === at || (path.startsWith(at) && /^[.[<]/.test(path.slice(at.length)));
    if (inside && (best === undefined || at.length > best.length)) best = at;
  }
  if (best === undefined) return undefined;
  return `${named.get(best)}${path.slice(best.length).replace(/<[^>]*>/g, "")}`;
}

/** The body's own level: its root and the allOf/oneOf/anyOf members there, not inside a property or an item. */
const ROOT_PATH = /^(<(?:allOf|oneOf|anyOf)\[\d+\]>)*$/;

/** Compares two schemas, `path` being the field path shown to people (`.groups[].priority`). */
export function diffSchema(
  before: unknown,
  after: unknown,
  path: string,
  pointer: string,
  ctx: SchemaContext,
  depth = 0,
) {
  const where = path ? `${ctx.prefix} ${path}` : ctx.prefix;
  if (!isObject(before) || !isObject(after)) {
    if (!deepEqual(before, after)) ctx.emit("patch", where, `changed: ${pointer}`);
    return;
  }
  const name = schemaName(after) ?? schemaName(before);
  if (name !== undefined) ctx.named.set(path, name);
  const partners = ctx.seen.get(before) ?? new WeakSet<object>();
  if (depth > MAX_DEPTH || partners.has(after)) return;
  ctx.seen.set(before, partners.add(after));

  const handled = new Set(["type", "enum", "properties", "required"]);
  diffType(before.type, after.type, where, pointer, ctx);
  diffEnum(before.enum, after.enum, where, ctx);
  diffProperties(before, after, path, pointer, ctx, depth);
  if (isObject(before.items) && isObject(after.items)) {
    handled.add("items");
    diffSchema(before.items, after.items, `${path}[]`, pointerTo(pointer, "items"), ctx, depth + 1);
  }
  if (isObject(before.additionalProperties) && isObject(after.additionalProperties)) {
    handled.add("additionalProperties");
    const next = pointerTo(pointer, "additionalProperties");
    diffSchema(before.additionalProperties, after.additionalProperties, `${path}.*`, next, ctx, depth + 1);
  }
  for (const key of COMPOSITIONS) {
    const was = before[key];
    const now = after[key];
    if (!Array.isArray(was) || !Array.isArray(now)) continue;
    handled.add(key);
    diffMembers(key, was, now, path, pointerTo(pointer, key), ctx, depth);
  }
  diffRest(before, after, handled, where, pointer, ctx.emit);
}

function typeName(type: unknown): string | undefined {
  if (type === undefined) return undefined;
  return Array.isArray(type) ? [...type].map(String).sort().join(" | ") : String(type);
}

function diffType(before: unknown, after: unknown, where: string, pointer: string, ctx: SchemaContext) {
  const was = typeName(before);
  const now = typeName(after);
  if (was === now) return;
  if (was !== undefined && now !== undefined) ctx.emit("major", where, `type changed from ${was} to ${now}`);
  // Only one side states a type: a constraint appeared or vanished, which the rules above do not classify.
  else ctx.emit("patch", where, `changed: ${pointerTo(pointer, "type")}`);
}

/** A missing enum means "any value", so adding an enum narrows and dropping one widens. */
function diffEnum(before: unknown, after: unknown, where: string, ctx: SchemaContext) {
  if (before === undefined && after === undefined) return;
  const request = ctx.direction === "request";
  if (!Array.isArray(before) || !Array.isArray(after)) {
    const narrowed = Array.isArray(after);
    if (request)
      ctx.emit(
        narrowed ? "major" : "minor",
        where,
        `request values ${narrowed ? "restricted to an enum" : "no longer restricted to an enum"}`,
      );
    else if (narrowed) ctx.emit("patch", where, "response values restricted to an enum");
    else ctx.emit("minor", where, `response enum removed: ${UNKNOWN_VALUES}`);
    return;
  }
  const added = valuesAdded(before, after);
  const removed = valuesAdded(after, before);
  if (request) {
    if (removed.length > 0) ctx.emit("major", where, `request enum value removed: ${listValues(removed)}`);
    if (added.length > 0) ctx.emit("minor", where, `request enum value added: ${listValues(added)}`);
    return;
  }
  if (added.length > 0) ctx.emit("minor", where, `response enum value added: ${listValues(added)}; ${UNKNOWN_VALUES}`);
  if (removed.length > 0) ctx.emit("patch", where, `response enum value removed: ${listValues(removed)}`);
}

const UNKNOWN_VALUES =
  "additive for this package, but clients that switch on the value should handle values they do not know";

function diffProperties(before: Json, after: Json, path: string, pointer: string, ctx: SchemaContext, depth: number) {
  const was = isObject(before.properties) ? before.properties : {};
  const now = isObject(after.properties) ? after.properties : {};
  const wasRequired = new Set(Array.isArray(before.required) ? before.required : []);
  const nowRequired = new Set(Array.isArray(after.required) ? after.required : []);
  const request = ctx.direction === "request";
  const keys = ctx.keysElsewhere === true && ROOT_PATH.test(path);
  const names = unionKeys(Object.keys(was), Object.keys(now));
  for (const name of names) {
    const fieldPath = `${path}.${name}`;
    const where = `${ctx.prefix} ${fieldPath}`;
    if (keys) {
      if (name in was && name in now) {
        diffSchema(was[name], now[name], fieldPath, pointerTo(pointer, "properties", name), ctx, depth + 1);
      }
    } else if (!(name in now)) {
      // A removed request field breaks typed callers that still pass it, so both directions count as major.
      ctx.emit("major", where, `${ctx.direction} field removed`);
    } else if (!(name in was)) {
      if (!request) ctx.emit("minor", where, "response field added");
      else if (nowRequired.has(name)) ctx.emit("major", where, "required request field added");
      else ctx.emit("minor", where, "optional request field added");
    } else {
      const madeRequired = !wasRequired.has(name) && nowRequired.has(name);
      const madeOptional = wasRequired.has(name) && !nowRequired.has(name);
      if (request && madeRequired) ctx.emit("major", where, "optional request field made required");
      if (request && madeOptional) ctx.emit("minor", where, "required request field made optional");
      // Readers relied on the field being there: it may now be missing.
      if (!request && madeOptional) ctx.emit("major", where, "response field no longer required (may be absent)");
      if (!request && madeRequired) ctx.emit("patch", where, "response field now always present");
      diffSchema(was[name], now[name], fieldPath, pointerTo(pointer, "properties", name), ctx, depth + 1);
    }
  }
}

/** Members are paired by position; extra oneOf/anyOf members widen or narrow like enum values. */
function diffMembers(
  key: string,
  was: unknown[],
  now: unknown[],
  path: string,
  pointer: string,
  ctx: SchemaContext,
  depth: number,
) {
  const shared = Math.min(was.length, now.length);
  for (let index = 0; index < shared; index++) {
    diffSchema(was[index], now[index], `${path}<${key}[${index}]>`, pointerTo(pointer, index), ctx, depth + 1);
  }
  if (was.length === now.length) return;
  const where = path ? `${ctx.prefix} ${path}` : ctx.prefix;
  const grew = now.length > was.length;
  if (key === "allOf") ctx.emit("patch", where, `changed: ${pointer}`);
  else if (ctx.direction === "request")
    ctx.emit(grew ? "minor" : "major", where, `${key} alternative ${grew ? "added" : "removed"}`);
  else ctx.emit(grew ? "minor" : "patch", where, `${key} alternative ${grew ? `added; ${UNKNOWN_VALUES}` : "removed"}`);
}
