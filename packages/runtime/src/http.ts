import type { Middleware } from "openapi-fetch";
import type { HeaderValues } from "./auth.ts";
import type { OperationDescriptor, OperationInput } from "./client.ts";
import { serializeQuery } from "./query.ts";

/** What one request needs besides the operation: where, how, and the hooks to run. */
export interface HttpContext {
  baseUrl: string;
  fetch: (input: Request) => Promise<Response>;
  headers: HeaderValues | undefined;
  middleware: readonly Middleware[];
}

let nextId = 0;

/**
 * Builds and sends one request of an operation and reads its body as text. Middleware follow openapi-fetch's
 * contract (`onRequest` may return a new Request or a Response, `onResponse` a new Response, `onError` a Response or
 * an Error), so the same hooks serve the operation methods and the path-level `raw` client. Doing this here rather
 * than through openapi-fetch keeps openapi-fetch out of bundles that import single operations.
 */
export async function sendHttp(
  context: HttpContext,
  operation: OperationDescriptor,
  input: OperationInput,
  headers: HeaderValues,
  signal: AbortSignal | undefined,
): Promise<{ response: Response; text: string }> {
  const url = buildUrl(context.baseUrl, operation, input);
  const init: RequestInit = {
    method: operation.method.toUpperCase(),
    headers: { ...context.headers, ...headers },
    signal,
  };
  if (input.body !== undefined) {
    init.body = JSON.stringify(input.body);
    (init.headers as HeaderValues)["Content-Type"] = "application/json";
  }
  let request = new Request(url, init);
  let response: Response | undefined;
  const params = {
    query: input.query as Record<string, unknown> | undefined,
    path: input.path as Record<string, unknown> | undefined,
  };
  const hook = { schemaPath: operation.path, params, id: String(++nextId) };
  const options = { baseUrl: context.baseUrl, fetch: context.fetch } as never;
  for (const middleware of context.middleware) {
    const result = await middleware.onRequest?.({ ...hook, request, options });
    if (result instanceof Response) {
      response = result;
      break;
    }
    if (result instanceof Request) request = result;
  }
  if (!response) {
    try {
      response = await context.fetch(request);
    } catch (error) {
      response = await runOnError(context.middleware, { ...hook, request, options, error });
    }
  }
  for (const middleware of [...context.middleware].reverse()) {
    const result: unknown = await middleware.onResponse?.({ ...hook, request, response, options });
    if (result instanceof Response) response = result;
  }
  const empty = response.status === 204 || response.headers.get("content-length") === "0";
  return { response, text: empty ? "" : await response.text() };
}

async function runOnError(
  middleware: readonly Middleware[],
  params: Parameters<NonNullable<Middleware["onError"]>>[0],
): Promise<Response> {
  let error = params.error;
  for (const hook of [...middleware].reverse()) {
    const result = await hook.onError?.({ ...params, error });
    if (result instanceof Response) return result;
    if (result instanceof Error) error = result;
  }
  throw error;
}

function buildUrl(baseUrl: string, operation: OperationDescriptor, input: OperationInput): string {
  const pathParams = (input.path ?? {}) as Record<string, unknown>;
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(pathParams[name])),
  );
  const query = input.query ? serializeQuery(input.query as Record<string, unknown>, operation.jsonQuery) : "";
  return `${baseUrl}${path}${query ? `?${query}` : ""}`;
}
