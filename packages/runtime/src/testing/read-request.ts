import type { OperationDescriptor } from "../operation.ts";
import type { OperationTestData, ParamTestData, RecordedCall } from "./types.ts";

/** A request read back into the operation's flat input, plus what is wrong with it (empty when valid). */
export interface ReadRequest {
  call: RecordedCall<Record<string, unknown>>;
  /** Parameter problems, e.g. `query parameter "id" is required`. */
  problems: string[];
  /** The body as sent, parsed; `undefined` when there is none. */
  body: unknown;
  /** Whether `body` is JSON (only JSON bodies are checked against the schema). */
  json: boolean;
}

/**
 * The inverse of the runtime's prepareRequest: path values from the URL, query/header/cookie parameters by wire
 * name, body fields under their input keys (renamed fields and the whole-body `body` key included).
 */
export async function readRequest(
  request: Request,
  descriptor: OperationDescriptor,
  data: OperationTestData,
  pathValues: Record<string, string>,
): Promise<ReadRequest> {
  const url = new URL(request.url);
  const headers = Object.fromEntries(request.headers);
  const cookies = parseCookies(request.headers.get("cookie"));
  const input: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, param] of Object.entries(descriptor.params ?? {})) {
    const name = param.name ?? key;
    const info = data.params?.[key];
    let raw: string[] = [];
    if (param.in === "path")
      raw = Object.hasOwn(pathValues, name) ? [decodeURIComponent(pathValues[name] as string)] : [];
    else if (param.in === "query") raw = url.searchParams.getAll(name);
    else if (param.in === "header") raw = headerValue(request.headers, name);
    else raw = cookies[name] !== undefined ? [cookies[name] as string] : [];
    if (raw.length > 0) setOwn(input, key, param.json ? parseJson(raw[0] as string) : convert(raw, info));
    else if (info?.required)
      problems.push(`${param.in === "path" ? "path" : param.in} parameter "${name}" is required`);
  }
  const { body, json } = await readBody(request);
  const spec = descriptor.body;
  if (spec?.key) {
    if (body !== undefined) setOwn(input, spec.key, body);
  } else if (spec && body && typeof body === "object" && !Array.isArray(body)) {
    const keys = Object.fromEntries(Object.entries(spec.names ?? {}).map(([key, name]) => [name, key]));
    for (const [name, value] of Object.entries(body))
      setOwn(input, Object.hasOwn(keys, name) ? (keys[name] as string) : name, value);
  }
  if (spec?.required && body === undefined) problems.push("a request body is required");
  const call = { input, request: { method: request.method, url: request.url, headers, body } };
  return { call, problems, body, json };
}

/** A wire string back to the parameter's JSON type (form arrays: repeated or comma-separated). */
function convert(raw: string[], info: ParamTestData | undefined): unknown {
  const one = raw[0] as string;
  switch (info?.type) {
    case "number":
    case "integer":
      return one.trim() !== "" && Number.isFinite(Number(one)) ? Number(one) : one;
    case "boolean":
      return one === "true" ? true : one === "false" ? false : one;
    case "array":
      return raw.length > 1 ? raw : one.split(",");
    default:
      return one;
  }
}

async function readBody(request: Request): Promise<{ body: unknown; json: boolean }> {
  const type = request.headers.get("content-type") ?? "";
  const text = await request.clone().text();
  if (text === "") return { body: undefined, json: false };
  if (/[/+]json\b/i.test(type)) return { body: parseJson(text), json: true };
  if (/x-www-form-urlencoded/i.test(type)) return { body: formFields(new URLSearchParams(text)), json: false };
  return { body: text, json: false };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null);
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (at > 0) cookies[decodeURIComponent(part.slice(0, at).trim())] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return cookies;
}

/** Form fields as an object; a repeated field (an array) becomes a list. */
function formFields(params: URLSearchParams): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    setOwn(fields, name, values.length > 1 ? values : values[0]);
  }
  return fields;
}

/** An own property even for a `__proto__` key (assignment would replace the prototype: spec names are untrusted). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A header's value; none for a name no request can carry (Headers throws on invalid names, e.g. from a spec). */
function headerValue(headers: Headers, name: string): string[] {
  try {
    const value = headers.get(name);
    return value === null ? [] : [value];
  } catch {
    return [];
  }
}
