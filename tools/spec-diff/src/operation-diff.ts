import { asObject, diffRest, type Emit, isObject, type Json, pointerTo } from "./compare.ts";
import { diffSecurity, diffServers } from "./global-diff.ts";
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

export function diffOperation(
  before: OperationSite,
  after: OperationSite,
  doc: { before: Json; after: Json },
  emit: Emit,
) {
  const { key } = after;
  const was = before.operation;
  const now = after.operation;
  if (was.operationId !== now.operationId) {
    // The operationId names the generated method: renaming it breaks every caller.
    emit("major", key, `operationId changed from ${String(was.operationId)} to ${String(now.operationId)}`);
  }
  diffParameters(before, after, emit);
  diffRequestBody(was.requestBody, now.requestBody, key, pointerTo(after.pointer, "requestBody"), emit);
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

function diffParameters(before: OperationSite, after: OperationSite, emit: Emit) {
  const was = parameters(before);
  const now = parameters(after);
  for (const name of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const where = `${after.key} ${name}`;
    const old = was.get(name);
    const current = now.get(name);
    if (!current) {
      emit("major", where, "parameter removed");
    } else if (!old) {
      if (current.parameter.required === true) emit("major", where, "required parameter added");
      else emit("minor", where, "optional parameter added");
    } else {
      const wasRequired = old.parameter.required === true;
      const nowRequired = current.parameter.required === true;
      if (!wasRequired && nowRequired) emit("major", where, "optional parameter made required");
      if (wasRequired && !nowRequired) emit("minor", where, "required parameter made optional");
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

function diffRequestBody(before: unknown, after: unknown, key: string, pointer: string, emit: Emit) {
  const where = `${key} request body`;
  if (before === undefined && after === undefined) return;
  if (!isObject(after)) return emit("major", where, "request body removed");
  if (!isObject(before)) {
    return emit(
      after.required === true ? "major" : "minor",
      where,
      `${after.required === true ? "required" : "optional"} request body added`,
    );
  }
  if (before.required !== true && after.required === true) emit("major", where, "optional request body made required");
  if (before.required === true && after.required !== true) emit("minor", where, "required request body made optional");
  diffContent(asObject(before.content), asObject(after.content), where, pointerTo(pointer, "content"), "request", emit);
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
      diffContent(asObject(was.content), asObject(now.content), where, pointerTo(at, "content"), "response", emit);
      diffRest(was, now, new Set(["content"]), where, at, emit);
    }
  }
}

function diffContent(
  before: Json,
  after: Json,
  where: string,
  pointer: string,
  direction: "request" | "response",
  emit: Emit,
) {
  for (const media of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const at = pointerTo(pointer, media);
    const was = before[media];
    const now = after[media];
    if (!isObject(was) || !isObject(now)) {
      emit("patch", where, `media type ${media} ${isObject(now) ? "added" : "removed"} (${at})`);
      continue;
    }
    const prefix = media === "application/json" ? where : `${where} (${media})`;
    diffSchema(was.schema, now.schema, "", pointerTo(at, "schema"), newSchemaContext(direction, prefix, emit));
    diffRest(was, now, new Set(["schema"]), prefix, at, emit);
  }
}
