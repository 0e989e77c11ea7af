import { JSON_MEDIA, JSON_TYPE } from "./body.ts";
import { InvalidInputError } from "./errors.ts";
import type { OperationDescriptor, OperationInput, PreparedRequest } from "./operation.ts";

/**
 * What one call sends, worked out once from its flat input and reused by every attempt. An operation with
 * parameters or a non-JSON body brings its own encoder (`encode`, the runtime's `encodeRequest`, referenced by the
 * generated descriptor): a bundle of operations that have neither carries none of that code. Here is the common
 * case, the input itself as the JSON body: it copies nothing. Throws InvalidInputError before anything is sent.
 */
export function prepareRequest(
  baseUrl: string,
  operation: OperationDescriptor,
  input: OperationInput,
  contentType: string | undefined,
): PreparedRequest {
  const { id, path, params, body: spec, accept, encode } = operation;
  if (encode) return encode(baseUrl, operation, input, contentType);
  const media = contentType ?? spec?.media?.[0] ?? JSON_TYPE;
  if (params || !JSON_MEDIA.test(media)) {
    throw new InvalidInputError(id, "this operation's descriptor has parameters or a non-JSON body but no `encode`");
  }
  missingPathParameter(id, path);
  const prepared: PreparedRequest = { url: baseUrl + path, headers: accept ? { Accept: accept } : {} };
  const payload = spec?.key ? input[spec.key] : input;
  // A flattened optional body is sent only when a field is given ("all the body or none of it").
  if (spec?.key ? payload != null : spec?.required || (spec && Object.values(input).some((v) => v !== undefined))) {
    prepared.body = JSON.stringify(payload);
    prepared.type = media;
  }
  return prepared;
}

/** Never `/pets/undefined` (or `/pets/`): that could read or, worse, delete the wrong resource. */
export function missingPathParameter(id: string, path: string): void {
  const missing = /\{([^}]+)\}/.exec(path);
  if (missing) throw new InvalidInputError(id, `path parameter "${missing[1]}" is missing`);
}
