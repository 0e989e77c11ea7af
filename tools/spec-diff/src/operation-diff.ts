/**
 * Compares one operation across both versions of the spec: its name, parameters (parameter-diff.ts), request body and
 * responses (content-diff.ts), security and servers, and whatever else it holds.
 */
import { asObject, diffRest, type Emit, type Json, pointerTo } from "./compare.ts";
import { diffRequestBody, diffResponses } from "./content-diff.ts";
import { diffSecurity, diffServers } from "./global-diff.ts";
import type { ModelField, ModelOperation } from "./model.ts";
import { diffModels } from "./model-diff.ts";
import { fieldSchema, type OperationSite } from "./operation-site.ts";
import { diffParameters } from "./parameter-diff.ts";
import { diffSchema, newSchemaContext } from "./schema-diff.ts";

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
