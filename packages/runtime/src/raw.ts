import openapiFetch, { type Client } from "openapi-fetch";
import type { ApiClient } from "./client.ts";

/** The path-level client (openapi-fetch), re-typed here so consumers never import openapi-fetch. */
export type RawClient<Paths extends {}> = Client<Paths>;

/**
 * A path-level, non-throwing client on the same base URL, credentials, headers and middleware as `api`:
 * `raw.GET("/path", { params })` resolves to `{ data, error, response }`. Kept apart from `createApiClient` so that
 * bundles of single operations do not carry openapi-fetch.
 */
export function createRawClient<Paths extends {}>(api: ApiClient<Paths>): RawClient<Paths> {
  const { baseUrl, fetch, headers, middleware } = api.http;
  // openapi-fetch's CommonJS build sets `exports.default` without an `__esModule` marker, so in our CJS build Node's
  // interop hands us the whole exports object as the default import: its `default` is then the function. (Resolved
  // here, not at module level, so that bundles which never create a raw client can drop openapi-fetch.)
  const createClient =
    typeof openapiFetch === "function"
      ? openapiFetch
      : (openapiFetch as unknown as { default: typeof openapiFetch }).default;
  const raw = createClient<Paths>({ baseUrl, fetch, headers });
  raw.use({
    async onRequest({ request }) {
      for (const [name, value] of Object.entries(await api.credentials("raw"))) request.headers.set(name, value);
      return request;
    },
  });
  for (const hook of middleware) raw.use(hook);
  return raw;
}
