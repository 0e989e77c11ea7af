import { type SpecChange, sortChanges } from "./change.ts";
import { asObject, deepEqual, diffRest, type Emit, type Json, pointerTo, unionKeys } from "./compare.ts";
import { diffSecurity, diffServers } from "./global-diff.ts";
import { type Models, readModels } from "./model.ts";
import { diffOperation, type ModelPair } from "./operation-diff.ts";
import type { OperationSite } from "./operation-site.ts";
import { diffWebhooks } from "./webhook-diff.ts";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Top-level keys compared on their own; `components` only matter through the paths that use them. */
const HANDLED = new Set(["paths", "servers", "security", "components", "webhooks"]);

/**
 * Every change between two bundled, dereferenced OpenAPI documents, most important first.
 * Operations are matched by method and path; an operation removed and one added that the generator gives the same
 * method name are one operation moved (its callers do not change).
 */
export function diffSpecs(before: Json, after: Json): SpecChange[] {
  const changes: SpecChange[] = [];
  const emitFor =
    (operationId?: unknown, model?: { name: string; typeName: string }): Emit =>
    (level, where, message, subject) =>
      changes.push({
        level,
        ...(typeof operationId === "string" ? { operationId } : {}),
        where,
        message,
        ...(model !== undefined ? { method: model.name, type: model.typeName } : {}),
        ...(subject !== undefined ? { subject } : {}),
      });
  const emit = emitFor();

  diffServers(before.servers, after.servers, "servers", "#/servers", emit);
  diffSecurity(before.security, after.security, "global security", emit);

  const was = operations(before);
  const now = operations(after);
  const models = { before: readModels(before), after: readModels(after) };
  for (const [side, read] of Object.entries(models)) {
    if (!read.ok) emit("patch", "document", `the generator cannot read the ${side} spec (${read.error}): ${ALONE}`);
  }
  const pair = (oldKey: string, newKey: string): ModelPair | undefined => {
    const old = models.before.ok ? models.before.byKey.get(oldKey) : undefined;
    const current = models.after.ok ? models.after.byKey.get(newKey) : undefined;
    return old && current ? { before: old, after: current } : undefined;
  };
  const moves = movedOperations(was, now, models);
  const movedFrom = new Set(moves.values());
  for (const key of unionKeys(was.keys(), now.keys())) {
    const old = was.get(key);
    const current = now.get(key);
    const model =
      (models.after.ok ? models.after.byKey.get(key) : undefined) ??
      (models.before.ok ? models.before.byKey.get(key) : undefined);
    const emitHere = emitFor((current ?? old)?.operation.operationId, model);
    const from = moves.get(key);
    if (current && from !== undefined) {
      emitHere("minor", key, `operation moved from ${from}: the method keeps its name`);
      diffOperation(was.get(from) as OperationSite, current, { before, after }, emitHere, pair(from, key));
    } else if (!current) {
      if (!movedFrom.has(key)) emitHere("major", key, "operation removed");
    } else if (!old) emitHere("minor", key, "operation added");
    else diffOperation(old, current, { before, after }, emitHere, pair(key, key));
  }
  diffPathItems(asObject(before.paths), asObject(after.paths), emit);
  diffWebhooks(before.webhooks, after.webhooks, emit);
  diffRest(before, after, HANDLED, "document", "#", emit);
  diffComponents(asObject(before.components), asObject(after.components), changes.length === 0, emit);
  return sortChanges(changes);
}

const ALONE = "names, input keys and result kinds are not compared, the rest is classified from the spec alone";

/** New key -> old key of each operation that only changed its method or path, paired by its generated name. */
function movedOperations(
  was: Map<string, OperationSite>,
  now: Map<string, OperationSite>,
  models: { before: Models; after: Models },
): Map<string, string> {
  const moves = new Map<string, string>();
  if (!models.before.ok || !models.after.ok) return moves;
  const removed = new Map<string, string>();
  for (const key of was.keys()) {
    const name = models.before.byKey.get(key)?.name;
    if (!now.has(key) && name !== undefined) removed.set(name, key);
  }
  for (const key of now.keys()) {
    const name = models.after.byKey.get(key)?.name;
    const from = name === undefined || was.has(key) ? undefined : removed.get(name);
    if (from !== undefined) moves.set(key, from);
  }
  return moves;
}

function operations(doc: Json): Map<string, OperationSite> {
  const found = new Map<string, OperationSite>();
  for (const [path, item] of Object.entries(asObject(doc.paths))) {
    const pathItem = asObject(item);
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation === undefined) continue;
      const key = `${method.toUpperCase()} ${path}`;
      found.set(key, { key, operation: asObject(operation), pathItem, pointer: pointerTo("#/paths", path, method) });
    }
  }
  return found;
}

/** Path-item parameters and servers are compared per operation; only the rest (summary, x-…) is left here. */
function diffPathItems(before: Json, after: Json, emit: Emit) {
  const handled = new Set([...METHODS, "parameters", "servers"]);
  for (const path of Object.keys(after)) {
    if (before[path] === undefined) continue;
    diffRest(asObject(before[path]), asObject(after[path]), handled, path, pointerTo("#/paths", path), emit);
  }
}

/**
 * Dereferencing copied every used component into the paths, so a component's change is already reported where it is
 * used. Component edits are reported on their own only when nothing else changed (an unused schema, say), so that a
 * real change is never lost; security schemes are always reported because operations name them, not embed them.
 */
function diffComponents(before: Json, after: Json, nothingElseChanged: boolean, emit: Emit) {
  for (const section of unionKeys(Object.keys(before), Object.keys(after))) {
    if (section !== "securitySchemes" && !nothingElseChanged) continue;
    const was = asObject(before[section]);
    const now = asObject(after[section]);
    for (const name of unionKeys(Object.keys(was), Object.keys(now))) {
      if (deepEqual(was[name], now[name])) continue;
      const pointer = pointerTo("#/components", section, name);
      emit("patch", `components ${section} ${name}`, `changed: ${pointer}`);
    }
  }
}
