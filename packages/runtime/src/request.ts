import type { HeaderValues } from "./auth.ts";
import { encodeBody, JSON_TYPE } from "./body.ts";
import { InvalidInputError } from "./errors.ts";
import type { OperationDescriptor, OperationInput } from "./operation.ts";
import { serializeParam } from "./style.ts";

/** What one call sends, worked out once from its flat input and reused by every attempt. */
export interface PreparedRequest {
  url: string;
  body?: BodyInit;
  /** Content-Type of `body` (none for FormData: fetch adds it with the boundary). */
  type?: string;
  /** Header and cookie parameters and `Accept`: sent unless the client's or the call's headers (or auth) have them. */
  headers: HeaderValues;
  /** The parameters by location and wire name, for middleware (openapi-fetch's `params`). */
  params: Record<string, Record<string, unknown>>;
}

/**
 * Splits the flat input by the descriptor: keys listed in `params` go to the path, query, headers or cookie; the
 * rest are the fields of the body (or the body is `input[body.key]`). With no params and no body key, the input
 * itself is the body: the common JSON call copies nothing. Throws InvalidInputError before anything is sent.
 */
export function prepareRequest(
  baseUrl: string,
  { id, path, params, body: spec, accept }: OperationDescriptor,
  input: OperationInput,
  contentType: string | undefined,
): PreparedRequest {
  const headers: HeaderValues = accept ? { Accept: accept } : {};
  const grouped: PreparedRequest["params"] = {};
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
  // Never `/pets/undefined` (or `/pets/`): that could read or, worse, delete the wrong resource.
  const missing = /\{([^}]+)\}/.exec(path);
  if (missing) throw new InvalidInputError(id, `path parameter "${missing[1]}" is missing`);
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
