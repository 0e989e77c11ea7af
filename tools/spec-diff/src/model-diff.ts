/**
 * Changes of what a consumer's code sees of one operation: the method's name, the keys of its flat input (which key
 * holds which parameter or body field, and whether a call must pass it), where the body goes, which media types it
 * accepts and what the method resolves to. The types behind each key are compared by the schema walk (schema-diff).
 */
import type { Emit } from "./compare.ts";
import type { ModelField, ModelOperation } from "./model.ts";

/** Compares the schemas behind a key that now holds a different parameter or body field. */
export type DiffMovedKey = (before: ModelField, after: ModelField, where: string) => void;

export function diffModels(before: ModelOperation, after: ModelOperation, emit: Emit, diffMovedKey: DiffMovedKey) {
  diffNames(before, after, emit);
  diffBody(before, after, emit);
  diffKeys(before, after, emit, diffMovedKey);
  diffResponseKind(before, after, emit);
}

function diffNames(before: ModelOperation, after: ModelOperation, emit: Emit) {
  const idChanged = before.operationId !== after.operationId;
  if (before.name !== after.name || before.typeName !== after.typeName) {
    let cause: string;
    if (!after.hasOperationId) cause = "the operation has no operationId: its name comes from its method and path";
    else if (idChanged) cause = `operationId changed from ${before.operationId} to ${after.operationId}`;
    else cause = "same operationId: the name now clashes with another method or the generator's own names";
    const types =
      before.typeName === after.typeName
        ? ""
        : `, types ${before.typeName}Input/Output renamed to ${after.typeName}Input/Output`;
    emit("major", after.key, `method renamed from ${before.name} to ${after.name}${types} (${cause})`);
  } else if (idChanged) {
    emit(
      "major",
      after.key,
      `operationId changed from ${before.operationId} to ${after.operationId}: the method keeps its name ` +
        `${after.name}, but errors, logs and auth providers see the new id`,
    );
  }
}

function diffBody(before: ModelOperation, after: ModelOperation, emit: Emit) {
  const was = before.body;
  const now = after.body;
  const where = `${after.key} request body`;
  if (!was && !now) return;
  if (!now) return emit("major", where, "request body removed");
  if (!was) {
    const required = after.fields.some((field) => field.in === "body" && field.required);
    return emit(required ? "major" : "minor", where, `${required ? "required" : "optional"} request body added`);
  }
  const wasFlat = was.key === undefined;
  const nowFlat = now.key === undefined;
  if (wasFlat !== nowFlat) {
    const moved = nowFlat
      ? `moved from the input key ${was.key} to flattened fields`
      : `moved from flattened fields to the input key ${now.key}`;
    emit("major", where, `request body ${moved}`);
  } else if (wasFlat && was.required !== now.required) {
    if (was.required) emit("minor", where, "required request body made optional");
    else if (after.fields.some((field) => field.in === "body" && field.required)) {
      emit("major", where, "optional request body made required");
    } else
      emit("minor", where, "optional request body made required, but none of its fields is: calls need not change");
  }
  for (const media of now.media.filter((media) => !was.media.includes(media))) {
    emit("minor", where, `request media type ${media} added`);
  }
  for (const media of was.media.filter((media) => !now.media.includes(media))) {
    emit("major", where, `request media type ${media} removed`);
  }
  if (was.media[0] !== now.media[0]) {
    emit("minor", where, `default request media type changed from ${was.media[0]} to ${now.media[0]}`);
  }
}

/** What a field is, independent of its key: renamed keys keep their source. */
function source(field: ModelField): string {
  if (field.whole) return "body";
  return field.in === "body" ? `field ${field.name}` : `${field.in} ${field.name}`;
}

/** Where a field is in the spec, after the operation's key, as the schema walk names it. */
function label(field: ModelField): string {
  if (field.whole) return "request body";
  return field.in === "body" ? `request body .${field.name}` : `${field.in} parameter ${field.name}`;
}

function asKey(field: ModelField): string {
  return field.key === field.name ? "" : ` as input key ${field.key}`;
}

/** How much a call must pass for this key: a flattened field the body requires counts even if the body is optional. */
function strictness(field: ModelField): number {
  return field.required ? 2 : field.requiredInBody ? 1 : 0;
}

function diffKeys(before: ModelOperation, after: ModelOperation, emit: Emit, diffMovedKey: DiffMovedKey) {
  // A body added or removed as a whole is one change (diffBody), not one per field.
  const both = before.body !== undefined && after.body !== undefined;
  const wasFields = before.fields.filter((field) => both || field.in !== "body");
  const nowFields = after.fields.filter((field) => both || field.in !== "body");
  const wasBySource = new Map(wasFields.map((field) => [source(field), field]));
  const nowBySource = new Map(nowFields.map((field) => [source(field), field]));
  const wasByKey = new Map(wasFields.map((field) => [field.key, field]));
  const nowByKey = new Map(nowFields.map((field) => [field.key, field]));
  const at = (field: ModelField) => `${after.key} ${label(field)}`;

  for (const old of wasFields) {
    const current = nowBySource.get(source(old));
    if (current) {
      if (current.key !== old.key) emit("major", at(current), `input key renamed from ${old.key} to ${current.key}`);
      diffRequired(old, current, at(current), emit);
      continue;
    }
    // Gone: unless another parameter or field took over its key (a move, reported below), callers passing it break.
    const heir = nowByKey.get(old.key);
    if (heir && !wasBySource.has(source(heir))) continue;
    emit("major", at(old), removedMessage(old));
  }

  for (const field of nowFields) {
    if (wasBySource.has(source(field))) continue;
    const holder = wasByKey.get(field.key);
    if (!holder) {
      const stricter = field.whole ? field.required : strictness(field) > 0;
      emit(stricter ? "major" : "minor", at(field), `${addedMessage(field, stricter)}${asKey(field)}`);
    } else if (nowBySource.has(source(holder))) {
      // The key's former holder is still there under another key (a clash rename, reported above).
      emit(
        "major",
        at(field),
        `${addedMessage(field, strictness(field) > 0)}, taking input key ${field.key} from the ${label(holder)}`,
      );
    } else {
      // Same key, sent elsewhere (a query parameter became a header, a body field a parameter...): calls compile.
      const stricter = strictness(field) > strictness(holder);
      emit(
        stricter ? "major" : "minor",
        at(field),
        `input key ${field.key} now sent as ${label(field)} (was ${label(holder)})${stricter ? ", and now required" : ""}`,
      );
      diffMovedKey(holder, field, at(field));
    }
  }
}

function removedMessage(field: ModelField): string {
  if (field.whole) return `input key ${field.key} removed`;
  return field.in === "body" ? "request field removed" : "parameter removed";
}

function addedMessage(field: ModelField, required: boolean): string {
  const kind = required ? "required" : "optional";
  if (field.whole) return `${kind} input key ${field.key} added`;
  return field.in === "body" ? `${kind} request field added` : `${kind} parameter added`;
}

function diffRequired(before: ModelField, after: ModelField, where: string, emit: Emit) {
  const flattened = after.in === "body" && !after.whole;
  const was = flattened ? before.requiredInBody : before.required;
  const now = flattened ? after.requiredInBody : after.required;
  if (was === now) return;
  const what = after.whole ? "request body" : flattened ? "request field" : "parameter";
  if (now) emit("major", where, `optional ${what} made required`);
  else emit("minor", where, `required ${what} made optional`);
}

const RESOLVES_TO = { json: "the JSON body", text: "a string", binary: "a Blob", none: "nothing (void)" } as const;

function diffResponseKind(before: ModelOperation, after: ModelOperation, emit: Emit) {
  const was = before.response.kind;
  const now = after.response.kind;
  if (was === now) return;
  // From void to a value: callers that ignored the result still compile. Any other change retypes their results.
  emit(
    was === "none" ? "minor" : "major",
    `${after.key} response`,
    `the method now resolves to ${RESOLVES_TO[now]} (was ${RESOLVES_TO[was]})`,
  );
}
