import type { Middleware } from "openapi-fetch";
import type { HeaderValues } from "./auth.ts";
import type { OperationDescriptor, PreparedRequest } from "./operation.ts";

/** What one request needs besides the operation: where, how, and the hooks to run. */
export interface HttpContext {
  baseUrl: string;
  fetch: (input: Request) => Promise<Response>;
  headers: HeaderValues | undefined;
  middleware: readonly Middleware[];
}

let nextId = 0;

/**
 * Sends one attempt of an operation (see request.ts for what is sent) and returns the response unread. Middleware
 * follow openapi-fetch's contract (`onRequest` may return a new Request or a Response, `onResponse` a new Response,
 * `onError` a Response or an Error), so the same hooks serve the operation methods and the path-level `raw` client.
 * Doing this here rather than through openapi-fetch keeps openapi-fetch out of bundles that import single operations.
 * Not async itself: without middleware the attempt is one `fetch`, with no promise of its own around it.
 */
export function sendHttp(
  context: HttpContext,
  operation: OperationDescriptor,
  prepared: PreparedRequest,
  headers: HeaderValues,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const { body, type } = prepared;
  const sent: HeaderValues = { ...context.headers, ...headers };
  if (type) sent["Content-Type"] = type;
  // `duplex` lets fetch send a stream body (a one-way upload); harmless for any other body.
  const init: RequestInit & { duplex: "half" } = {
    method: operation.method.toUpperCase(),
    headers: sent,
    body,
    signal,
    duplex: "half",
  };
  const request = new Request(prepared.url, init);
  // Parameter headers and Accept give way to the client's, auth's and the call's headers, whatever their case.
  for (const name in prepared.headers) {
    if (!request.headers.has(name)) request.headers.set(name, prepared.headers[name] as string);
  }
  return context.middleware.length === 0
    ? context.fetch(request)
    : throughMiddleware(context, operation, prepared, request);
}

async function throughMiddleware(
  context: HttpContext,
  operation: OperationDescriptor,
  prepared: PreparedRequest,
  request: Request,
): Promise<Response> {
  let response: Response | undefined;
  const hook = { schemaPath: operation.path, params: prepared.params ?? {}, id: String(++nextId) };
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
  return response;
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
