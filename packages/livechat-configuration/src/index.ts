/**
 * LiveChat Configuration API client. Handwritten: the generator created this file once and never overwrites it.
 * Everything API-specific that is not in the spec lives here: the default URL, how credentials become headers, and
 * the `X-Region` header that routes a request to the data center its token belongs to.
 */

import type { paths } from "@chat-sdk/livechat-configuration-types";
import {
  type ApiClientOptions,
  type AuthProvider,
  basicAuth,
  bearerAuth,
  createApiClient,
  createRawClient,
  type HeaderValues,
  type RawClient,
} from "@chat-sdk/runtime";
import { classifyLiveChatError, createLiveChatError, recoverMisdirected } from "./errors.ts";
import {
  bindOperations,
  type Client,
  jsonQueryOperations,
  type LiveChatConfigurationOperations,
} from "./generated/operations.gen.ts";

/** The spec's only server. The API version is part of the path, so a new version means a new package. */
const DEFAULT_BASE_URL = "https://api.livechatinc.com/v3.5/configuration";

/**
 * How a request is authorized: an OAuth 2.1 access token (`Authorization: Bearer <token>`), or a Personal Access
 * Token (`Authorization: Basic base64(<accountId>:<token>)`), which the documentation recommends for webhooks.
 */
export type LiveChatCredentials =
  | { accessToken: string; personalAccessToken?: never }
  | { personalAccessToken: { accountId: string; token: string }; accessToken?: never };

/** A LiveChat data center: `dal` (USA, the default) or `fra` (Europe). Any other value is sent as given. */
export type LiveChatRegion = "dal" | "fra" | (string & {});

export interface LiveChatConfigurationClientOptions extends Omit<ApiClientOptions, "auth" | "baseUrl"> {
  /** Credentials, or an async provider called before every request (for refreshed or rotated tokens). */
  auth: LiveChatCredentials | (() => LiveChatCredentials | Promise<LiveChatCredentials>);
  /** Defaults to `https://api.livechatinc.com/v3.5/configuration`. */
  baseUrl?: string;
  /**
   * Sent as `X-Region`, overriding the region read from the access token's prefix. Use it for a Personal Access
   * Token of the `fra` data center, or with the region a `misdirected_request` error names (`error.data.region`).
   */
  region?: LiveChatRegion;
}

/** Every operation as a method. */
export type LiveChatConfigurationClient = LiveChatConfigurationOperations;

/** Every operation as a method. Pulls in all 63 methods; see {@link createLiveChatConfigurationApi}. */
export function createLiveChatConfigurationClient(
  options: LiveChatConfigurationClientOptions,
): LiveChatConfigurationClient {
  return bindOperations(createLiveChatConfigurationApi(options));
}

/**
 * The path-level client on the same settings (credentials, region, timeout, retries, logger, middleware):
 * `raw.POST("/action/get_agent", { body })` resolves to `{ data, error, response }` and never throws for HTTP errors.
 * Its own factory, so that only code that uses it carries its dependency (openapi-fetch).
 */
export function createLiveChatConfigurationRawClient(options: LiveChatConfigurationClientOptions): RawClient<paths> {
  return createRawClient(createLiveChatConfigurationApi(options), jsonQueryOperations);
}

/**
 * The configured runtime client alone, for the standalone operation functions, which a bundler keeps only when
 * used: `createAgent(createLiveChatConfigurationApi({ auth }), { id, name })`.
 */
export function createLiveChatConfigurationApi(options: LiveChatConfigurationClientOptions): Client {
  const { auth, baseUrl = DEFAULT_BASE_URL, region, ...rest } = options;
  // A provider is asked on every request, so it can hand out a fresh token (and its region) each time; fixed
  // credentials are turned into headers once, on first use.
  let fixed: HeaderValues | undefined;
  const headers: AuthProvider =
    typeof auth === "function"
      ? async () => credentialHeaders(await auth(), region)
      : () => {
          fixed ??= credentialHeaders(auth, region);
          return fixed;
        };
  return createApiClient<paths>({
    ...rest,
    baseUrl,
    auth: headers,
    createError: createLiveChatError,
    classifyError: classifyLiveChatError,
    recover: recoverMisdirected,
  });
}

function credentialHeaders(credentials: LiveChatCredentials, region: LiveChatRegion | undefined): HeaderValues {
  if (typeof credentials?.accessToken === "string") {
    return withRegion(bearerAuth(credentials.accessToken), region ?? tokenRegion(credentials.accessToken));
  }
  if (credentials?.personalAccessToken) {
    const { accountId, token } = credentials.personalAccessToken;
    return withRegion(basicAuth(accountId, token), region);
  }
  // Never echo the credentials object: it may hold a secret under a misspelt key.
  throw new TypeError("LiveChat auth needs { accessToken } or { personalAccessToken: { accountId, token } }");
}

/**
 * Access tokens start with their data center: `dal:...` or `fra:...`. The documentation asks for
 * `X-Region: <prefix>`, except that `dal` (the default data center) needs no header. Unprefixed tokens get none.
 */
function tokenRegion(accessToken: string): string | undefined {
  const prefix = /^([a-z]+):/.exec(accessToken)?.[1];
  return prefix === "dal" ? undefined : prefix;
}

function withRegion(headers: HeaderValues, region: string | undefined): HeaderValues {
  return region ? { ...headers, "X-Region": region } : headers;
}

// Every type of the API, from its types package (one copy, shared with code that uses the types alone): `paths`,
// `components`, `operations`, `webhooks`, every schema (LiveChatErrorType, LiveChatErrorResponse, CreateAgentRequest,
// ...) and every <Op>Input/<Op>Output.
export type * from "@chat-sdk/livechat-configuration-types";
export { LiveChatError } from "./errors.ts";
// The standalone, tree-shakeable operation functions (`createAgent(api, input)`), their descriptors and binder.
export * from "./generated/operations.gen.ts";
