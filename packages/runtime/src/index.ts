export { type AuthProvider, basicAuth, bearerAuth, type HeaderValues } from "./auth.ts";
export {
  type ApiClient,
  type ApiClientOptions,
  type CallOptions,
  createApiClient,
  type Middleware,
  type OperationDescriptor,
  type OperationInput,
  type RawClient,
} from "./client.ts";
export { ApiError } from "./errors.ts";
export { serializeQuery } from "./query.ts";
