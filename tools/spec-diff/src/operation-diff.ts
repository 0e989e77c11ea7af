import { asObject, diffRest, type Emit, isObject, type Json, pointerTo } from "./compare.ts";
import { diffSecurity, diffServers } from "./global-diff.ts";
import type { ModelField, ModelOperation } from "./model.ts";
import { diffModels } from "./model-diff.ts";
import { diffSchema, newSchemaContext } from "./schema-diff.ts";

/** One operation with what it inherits from its path item, as located in the document. */
export interface OperationSite {
  /** `POST /action/create_agent` */
  key: string;
  operation: Json;
  pathItem: Json;
  pointer: string;
}

const HANDLED = new Set(["operationId", "parameters", "requestBody", "responses", "security", "servers"]);

/**
 * The generator's view of both versions of the operation. With it, what the consumer sees (names, input keys, body
 * placement, media types, result kind) is compared by model-diff and the walk below only compares the types behind
 * the keys; without it (the generator refused a version) the spec's own structure is classified as it stands.
 */
export interface ModelPair {
  before: ModelOperation;
  after: ModelOperation;
}

export function diffOperation(
  before: OperationSite,
  after: OperationSite,
  doc: { before: Json; after: Json },
  emit: Emit,
  models?: ModelPair,
) {
  const { key } = after;
  const was = before.operation;
  const now = after.operation;
  if (models) {
    const media = { before: models.before.body?.media[0], after: models.after.body?.media[0] };
    diffModels(models.before, models.after, emit, (old, current, where) =>
      diffMovedKey(before, after, old, current, where, emit, media),
    );
  } else if (was.operationId !== now.operationId) {
    // The operationId names the generated method: renaming it breaks every caller.
    emit("major", key, `operationId changed from ${String(was.operationId)} to ${String(now.operationId)}`);
  }
  diffParameters(before, after, emit, models !== undefined);
  const flattened = models !== undefined && (!models.before.body?.key || !models.after.body?.key);
  diffRequestBody(was.requestBody, now.requestBody, key, pointerTo(after.pointer, "requestBody"), emit, {
    keysByModel: models !== undefined,
    flattened,
  });
  diffResponses(asObject(was.responses), asObject(now.responses), key, pointerTo(after.pointer, "responses"), emit);
  // Only an operation that states its own security can differ from the global requirement, compared once elsewhere.
  if (was.security !== undefined || now.security !== undefined) {
    diffSecurity(was.security ?? doc.before.security, now.security ?? doc.after.security, key, emit);
  }
  const wasServers = was.servers ?? before.pathItem.servers;
  const nowServers = now.servers ?? after.pathItem.servers;
  if (wasServers !== undefined || nowServers !== undefined) {
    diffServers(
      wasServers ?? doc.before.servers,
      nowServers ?? doc.after.servers,
      key,
      pointerTo(after.pointer, "servers"),
      emit,
    );
  }
  diffRest(was, now, HANDLED, key, after.pointer, emit);
}

interface ParameterSite {
  parameter: Json;
  pointer: string;
}

/** Path-item parameters apply to every operation below them unless the operation redefines the same in+name. */
function parameters(site: OperationSite): Map<string, ParameterSite> {
  const found = new Map<string, ParameterSite>();
  const pathPointer = site.pointer.slice(0, site.pointer.lastIndexOf("/"));
  const lists: [unknown, string][] = [
    [site.pathItem.parameters, pointerTo(pathPointer, "parameters")],
    [site.operation.parameters, pointerTo(site.pointer, "parameters")],
  ];
  for (const [list, pointer] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((parameter, index) => {
      if (isObject(parameter))
        found.set(`${parameter.in} parameter ${parameter.name}`, { parameter, pointer: pointerTo(pointer, index) });
    });
  }
  return found;
}

const PARAMETER_HANDLED = new Set(["name", "in", "required", "schema", "content"]);

/** `keysByModel`: parameters added, removed or made (not) required are input keys, reported by model-diff. */
function diffParameters(before: OperationSite, after: OperationSite, emit: Emit, keysByModel: boolean) {
  const was = parameters(before);
  const now = parameters(after);
  for (const name of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const where = `${after.key} ${name}`;
    const old = was.get(name);
    const current = now.get(name);
    if (keysByModel && (!old || !current)) continue;
    if (!current) {
      emit("major", where, "parameter removed");
    } else if (!old) {
      if (current.parameter.required === true) emit("major", where, "required parameter added");
      else emit("minor", where, "optional parameter added");
    } else {
      const wasRequired = old.parameter.required === true;
      const nowRequired = current.parameter.required === true;
      if (!keysByModel && !wasRequired && nowRequired) emit("major", where, "optional parameter made required");
      if (!keysByModel && wasRequired && !nowRequired) emit("minor", where, "required parameter made optional");
      const ctx = newSchemaContext("request", where, emit);
      diffSchema(parameterSchema(old.parameter), parameterSchema(current.parameter), "", schemaPointer(current), ctx);
      diffRest(old.parameter, current.parameter, PARAMETER_HANDLED, where, current.pointer, emit);
    }
  }
}

/** JSON-valued query parameters (`content: application/json`) keep their schema under the media type. */
function parameterSchema(parameter: Json): unknown {
  if (parameter.schema !== undefined) return parameter.schema;
  const media = Object.values(asObject(parameter.content))[0];
  return isObject(media) ? media.schema : undefined;
}

function schemaPointer(site: ParameterSite): string {
  if (site.parameter.schema !== undefined) return pointerTo(site.pointer, "schema");
  const media = Object.keys(asObject(site.parameter.content))[0] ?? "";
  return pointerTo(site.pointer, "content", media, "schema");
}

/**
 * With `keysByModel`, model-diff reports the body added, removed or made (not) required and its media types; when
 * the body is `flattened` (in either version) its own fields are input keys, reported there too.
 */
function diffRequestBody(
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

function diffResponses(before: Json, after: Json, key: string, pointer: string, emit: Emit) {
  for (const status of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
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
  for (const media of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
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

/** The schema a key held in one version of the operation: its parameter's, its body field's or the whole body's. */
function fieldSchema(
  site: OperationSite,
  field: ModelField,
  media: string | undefined,
): { schema: unknown; pointer: string } {
  if (field.in !== "body") {
    const found = parameters(site).get(`${field.in} parameter ${field.name}`);
    if (!found) return { schema: undefined, pointer: site.pointer };
    return { schema: parameterSchema(found.parameter), pointer: schemaPointer(found) };
  }
  const content = asObject(asObject(site.operation.requestBody).content);
  const pointer = pointerTo(site.pointer, "requestBody", "content", media ?? "", "schema");
  const schema = asObject(content[media ?? ""]).schema;
  if (field.whole) return { schema, pointer };
  return { schema: bodyProperty(schema, field.name), pointer: pointerTo(pointer, "properties", field.name) };
}

/** A flattened body's field: a property of the schema or of one of its allOf/oneOf/anyOf members. */
function bodyProperty(schema: unknown, name: string, seen = new Set<unknown>()): unknown {
  if (!isObject(schema) || seen.has(schema)) return undefined;
  seen.add(schema);
  const own = asObject(schema.properties)[name];
  if (own !== undefined) return own;
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    for (const member of Array.isArray(schema[key]) ? schema[key] : []) {
      const found = bodyProperty(member, name, seen);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A key now sent elsewhere (a query parameter become a header...): what it holds must still accept old values. */
function diffMovedKey(
  before: OperationSite,
  after: OperationSite,
  old: ModelField,
  current: ModelField,
  where: string,
  emit: Emit,
  media: { before: string | undefined; after: string | undefined },
) {
  const was = fieldSchema(before, old, media.before);
  const now = fieldSchema(after, current, media.after);
  diffSchema(was.schema, now.schema, "", now.pointer, newSchemaContext("request", where, emit));
}
