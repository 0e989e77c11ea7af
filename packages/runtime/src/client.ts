import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { AuthProvider, HeaderValues } from "./auth.ts";
import { ApiError } from "./errors.ts";
import { serializeQuery } from "./query.ts";

/** What the generator knows about one operation; passed by every generated method. */
export interface OperationDescriptor {
  readonly id: string;
  readonly method: "get" | "put" | "post" | "delete" | "patch" | "head" | "options" | "trace";
  readonly path: string;
  /** Query parameters sent as JSON strings. */
  readonly jsonQuery?: readonly string[];
}

/** Per-call options of every generated method. */
export interface CallOptions {
  /** Abort the call. */
  signal?: AbortSignal;
  /** Extra headers for this call only. */
  headers?: HeaderValues;
}

export interface ApiClientOptions {
  /** Root URL, e.g. `https://chat.example.com`. */
  baseUrl: string;
  /** Credentials as headers: a fixed set or a provider called before each request (token refresh). */
  auth?: HeaderValues | AuthProvider;
  /** Headers sent with every request. */
  headers?: HeaderValues;
  /** A `fetch` implementation; defaults to the global one. */
  fetch?: (input: Request) => Promise<Response>;
  /** Request/response hooks, run in order. */
  middleware?: Middleware[];
}

/** The path-level client (openapi-fetch), re-typed here so consumers never import openapi-fetch. */
export type RawClient<Paths extends {}> = Client<Paths>;
export type { Middleware };

export interface ApiClient<Paths extends {}> {
  /** Path-level, non-throwing client: `raw.GET("/path", { params })` resolves to `{ data, error, response }`. */
  readonly raw: RawClient<Paths>;
  /** Runs one operation: resolves to the parsed success body, rejects with {@link ApiError}. */
  call<Result>(operation: OperationDescriptor, input: OperationInput, options?: CallOptions): Promise<Result>;
}

export interface OperationInput {
  query?: object;
  path?: object;
  body?: unknown;
}

export function createApiClient<Paths extends {}>(options: ApiClientOptions): ApiClient<Paths> {
  const raw = createClient<Paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: options.fetch,
    headers: options.headers,
  });
  if (options.auth) raw.use(authMiddleware(options.auth));
  for (const middleware of options.middleware ?? []) raw.use(middleware);

  return {
    raw,
    async call<Result>(operation: OperationDescriptor, input: OperationInput, callOptions: CallOptions = {}) {
      // The typed surface is the generated method; here the path-level client is used untyped on purpose.
      const request = raw.request as unknown as (
        method: string,
        path: string,
        init: Record<string, unknown>,
      ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
      const { data, error, response } = await request(operation.method, operation.path, {
        params: { query: input.query, path: input.path },
        body: input.body,
        querySerializer: (query: Record<string, unknown>) => serializeQuery(query, operation.jsonQuery),
        headers: callOptions.headers,
        signal: callOptions.signal,
      });
      if (!response.ok) {
        throw new ApiError({
          status: response.status,
          headers: response.headers,
          body: error,
          operationId: operation.id,
        });
      }
      return data as Result;
    },
  };
}

function authMiddleware(auth: HeaderValues | AuthProvider): Middleware {
  return {
    async onRequest({ request }) {
      const headers = typeof auth === "function" ? await auth() : auth;
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
      return request;
    },
  };
}
