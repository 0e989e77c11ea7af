import type { HeaderValues } from "./auth.ts";
import { encodeBody, JSON_TYPE } from "./body.ts";
import type { OperationDescriptor, OperationInput, PreparedRequest } from "./operation.ts";
import { missingPathParameter } from "./request.ts";
import { serializeParam } from "./style.ts";

/**
 * The request of an operation with parameters or a non-JSON body. Splits the flat input by the descriptor: keys listed
 * in `params` go to the path, query, headers or cookie; the rest are the fields of the body (or the body is
 * `input[body.key]`), encoded for the chosen media type. Throws InvalidInputError before anything is sent.
 * Generated descriptors reference it as their `encode` only when they need it (see request.ts).
 */
export function encodeRequest(
  baseUrl: string,
  { id, path, params, body: spec, accept }: OperationDescriptor,
  input: OperationInput,
  contentType: string | undefined,
): PreparedRequest {
  const headers: HeaderValues = accept ? { Accept: accept } : {};
  const grouped: NonNullable<PreparedRequest["params"]> = {};
  let payload: unknown = input;
  let query = "";
  let cookie = "";
  if (params) {
    const fields: Record<string, unknown> = {};
    for (const key in input) {
      const value = input[key];
      const param = params[key];
      if (!param) fields[spec?.names?.[key] ?? key] = value;
      else if (value != null) {
        const name = param.name ?? key;
        const where = param.in;
        const part = serializeParam(name, value, param);
        grouped[where] = { ...grouped[where], [name]: value };
        // An empty path segment stays unfilled, so it is reported missing below.
        if (where === "path") path = path.replace(`{${name}}`, () => part || `{${name}}`);
        // Elsewhere an empty part (an empty exploded array) sends nothing.
        else if (part) {
          if (where === "header") headers[name] = part;
          else if (where === "cookie") cookie += `; ${part}`;
          else query += `&${part}`;
        }
      }
    }
    payload = fields;
    if (cookie) headers.Cookie = cookie.slice(2);
  }
  missingPathParameter(id, path);
  const prepared: PreparedRequest = { url: baseUrl + path + query.replace("&", "?"), headers, params: grouped };
  if (spec?.key) payload = input[spec.key];
  // A flattened optional body is sent only when a field is given ("all the body or none of it").
  if (
    spec?.key
      ? payload != null
      : spec?.required || (spec && Object.values(payload as object).some((v) => v !== undefined))
  ) {
    const type = contentType ?? spec?.media?.[0] ?? JSON_TYPE;
    const body = encodeBody(id, payload, type);
    prepared.body = body;
    if (!(body instanceof FormData)) prepared.type = type;
  }
  return prepared;
}
