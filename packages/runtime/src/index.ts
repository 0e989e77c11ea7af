export { type AuthProvider, basicAuth, bearerAuth, type HeaderValues } from "./auth.ts";
export { type BatchItemFailure, splitBatchResults } from "./batch.ts";
export { bindDescriptors } from "./bind.ts";
export { type ApiClient, type ApiClientOptions, createApiClient, type Middleware } from "./client.ts";
export { encodeRequest } from "./encode-request.ts";
export {
  AbortError,
  ApiError,
  type ApiErrorInit,
  AuthError,
  ChatSdkError,
  ConnectionError,
  InvalidInputError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
} from "./errors.ts";
export type { HttpContext } from "./http.ts";
export type { LogEntry, Logger } from "./logger.ts";
export type {
  BinaryBody,
  BodySpec,
  CallOptions,
  HttpMethod,
  OperationDescriptor,
  OperationInput,
  ParamSpec,
  PreparedRequest,
  RequestEncoder,
} from "./operation.ts";
export { type OffsetPage, paginateOffset } from "./pagination.ts";
export { serializeQuery } from "./query.ts";
export { createRawClient, type RawClient } from "./raw.ts";
export { DEFAULT_RETRY, type ErrorClassifier, parseRetryAfter, type RetryOptions } from "./retry.ts";
