import { diffRest, type Emit, unionKeys } from "./compare.ts";
import { type OperationSite, operationParameters, parameterSchema, parameterSchemaPointer } from "./operation-site.ts";
import { diffSchema, newSchemaContext } from "./schema-diff.ts";

const PARAMETER_HANDLED = new Set(["name", "in", "required", "schema", "content"]);

/**
 * Parameters of both versions of an operation, matched by in+name. `keysByModel`: parameters added, removed or made
 * (not) required are input keys, reported by model-diff.
 */
export function diffParameters(before: OperationSite, after: OperationSite, emit: Emit, keysByModel: boolean) {
  const was = operationParameters(before);
  const now = operationParameters(after);
  for (const name of unionKeys(was.keys(), now.keys())) {
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
      const pointer = parameterSchemaPointer(current);
      diffSchema(parameterSchema(old.parameter), parameterSchema(current.parameter), "", pointer, ctx);
      diffRest(old.parameter, current.parameter, PARAMETER_HANDLED, where, current.pointer, emit);
    }
  }
}
