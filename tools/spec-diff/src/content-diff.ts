/** What goes over the wire in an operation's bodies: its request body and responses, per media type. */
import { asObject, diffRest, type Emit, isObject, type Json, pointerTo, unionKeys } from "./compare.ts";
import { diffSchema, newSchemaContext } from "./schema-diff.ts";

/**
 * With `keysByModel`, model-diff reports the body added, removed or made (not) required and its media types; when
 * the body is `flattened` (in either version) its own fields are input keys, reported there too.
 */
export function diffRequestBody(
  before: unknown,
  after: unknown,
  key: string,
  pointer: string,
  emit: Emit,
  options: { keysByModel: boolean; flattened: boolean },
) {
  const where = `${key} request body`;
  if (before === undefined && after === undefined) return;
  if (!isObject(after) || !isObject(before)) {
    if (options.keysByModel) return;
    if (!isObject(after)) return emit("major", where, "request body removed");
    return emit(
      after.required === true ? "major" : "minor",
      where,
      `${after.required === true ? "required" : "optional"} request body added`,
    );
  }
  if (!options.keysByModel) {
    if (before.required !== true && after.required === true) {
      emit("major", where, "optional request body made required");
    }
    if (before.required === true && after.required !== true) {
      emit("minor", where, "required request body made optional");
    }
  }
  diffContent(asObject(before.content), asObject(after.content), where, pointerTo(pointer, "content"), emit, {
    direction: "request",
    ...options,
  });
  diffRest(before, after, new Set(["required", "content"]), where, pointer, emit);
}

/** A webhook's body, which the consumer receives: compared like a response (see webhook-diff.ts). */
export function diffWebhookBody(before: unknown, after: unknown, where: string, pointer: string, emit: Emit) {
  if (!isObject(before) && !isObject(after)) return;
  if (!isObject(after)) return emit("major", where, "webhook body removed");
  if (!isObject(before)) return emit("minor", where, "webhook body added");
  diffContent(asObject(before.content), asObject(after.content), `${where} body`, pointerTo(pointer, "content"), emit, {
    direction: "response",
  });
  diffRest(before, after, new Set(["content"]), where, pointer, emit);
}

export function diffResponses(before: Json, after: Json, key: string, pointer: string, emit: Emit) {
  for (const status of unionKeys(Object.keys(before), Object.keys(after))) {
    const where = `${key} response ${status}`;
    const at = pointerTo(pointer, status);
    const was = before[status];
    const now = after[status];
    const success = status.startsWith("2");
    // A success response is what the generated method returns; error responses only refine the thrown error.
    if (!isObject(now)) emit(success ? "major" : "patch", where, "response removed");
    else if (!isObject(was)) emit(success ? "minor" : "patch", where, "response added");
    else {
      diffContent(asObject(was.content), asObject(now.content), where, pointerTo(at, "content"), emit, {
        direction: "response",
      });
      diffRest(was, now, new Set(["content"]), where, at, emit);
    }
  }
}

function diffContent(
  before: Json,
  after: Json,
  where: string,
  pointer: string,
  emit: Emit,
  options: { direction: "request" | "response"; keysByModel?: boolean; flattened?: boolean },
) {
  for (const media of unionKeys(Object.keys(before), Object.keys(after))) {
    const at = pointerTo(pointer, media);
    const was = before[media];
    const now = after[media];
    if (!isObject(was) || !isObject(now)) {
      // Request media types are part of the method's signature (its `contentType` option): model-diff rates them.
      if (!options.keysByModel)
        emit("patch", where, `media type ${media} ${isObject(now) ? "added" : "removed"} (${at})`);
      continue;
    }
    const prefix = media === "application/json" ? where : `${where} (${media})`;
    const ctx = newSchemaContext(options.direction, prefix, emit, options.flattened === true);
    diffSchema(was.schema, now.schema, "", pointerTo(at, "schema"), ctx);
    diffRest(was, now, new Set(["schema"]), prefix, at, emit);
  }
}
