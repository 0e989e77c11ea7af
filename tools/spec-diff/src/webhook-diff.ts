/**
 * OpenAPI 3.1 `webhooks`: requests the API sends to the consumer. The generator types each webhook's body (see
 * tools/generator/src/emit-webhooks.ts), and the consumer reads that body like a response: a webhook added is a new
 * type (minor), one removed takes a type away (major), and its body is compared in the response direction.
 */
import { asObject, diffRest, type Emit, isObject, pointerTo, unionKeys } from "./compare.ts";
import { diffResponses, diffWebhookBody } from "./content-diff.ts";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function diffWebhooks(before: unknown, after: unknown, emit: Emit) {
  const was = asObject(before);
  const now = asObject(after);
  for (const name of unionKeys(Object.keys(was), Object.keys(now))) {
    const wasItem = asObject(was[name]);
    const nowItem = asObject(now[name]);
    const pointer = pointerTo("#/webhooks", name);
    for (const method of METHODS) {
      const old = wasItem[method];
      const current = nowItem[method];
      const where = `webhook ${method.toUpperCase()} ${name}`;
      if (!isObject(old) && !isObject(current)) continue;
      if (!isObject(current)) emit("major", where, "webhook removed");
      else if (!isObject(old)) emit("minor", where, "webhook added");
      else {
        const at = pointerTo(pointer, method);
        diffWebhookBody(old.requestBody, current.requestBody, where, pointerTo(at, "requestBody"), emit);
        // What the consumer's endpoint answers: documentation for the sender, nothing the types hold.
        const demote: Emit = (_level, place, message, subject) => emit("patch", place, message, subject);
        diffResponses(asObject(old.responses), asObject(current.responses), where, pointerTo(at, "responses"), demote);
        diffRest(old, current, new Set(["requestBody", "responses"]), where, at, emit);
      }
    }
    diffRest(wasItem, nowItem, new Set(METHODS), `webhook ${name}`, pointer, emit);
  }
}
