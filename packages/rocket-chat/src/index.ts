/**
 * Rocket.Chat client. Handwritten: the generator created this file once and never overwrites it.
 * Everything API-specific that is not in the spec (here: how credentials become headers) lives here.
 */

import type { paths } from "@chat-sdk/rocket-chat-types";
import {
  type ApiClientOptions,
  type AuthProvider,
  createApiClient,
  createRawClient,
  type RawClient,
} from "@chat-sdk/runtime";
import { RocketChatError } from "./errors.ts";
import {
  bindOperations,
  type Client,
  jsonQueryOperations,
  type RocketChatOperations,
} from "./generated/operations.gen.ts";

/** The two headers every Rocket.Chat REST call needs: the logged-in user's id and auth token. */
export interface RocketChatCredentials {
  userId: string;
  authToken: string;
}

export interface RocketChatClientOptions extends Omit<ApiClientOptions, "auth"> {
  /** Your workspace, e.g. `https://chat.example.com`. */
  baseUrl: string;
  /** Credentials, or an async provider called before every request (for rotating tokens). */
  auth: RocketChatCredentials | (() => RocketChatCredentials | Promise<RocketChatCredentials>);
}

/** Every operation as a method, plus `paginate`. */
export type RocketChatClient = RocketChatOperations;

/** Every operation as a method, plus `paginate`. */
export function createRocketChatClient(options: RocketChatClientOptions): RocketChatClient {
  return bindOperations(createRocketChatApi(options));
}

/**
 * The path-level client on the same settings: `raw.GET("/api/v1/livechat/queue")` resolves to
 * `{ data, error, response }` and never throws for HTTP errors; JSON query parameters (`sort`, `query`, `fields`)
 * are sent as JSON, as the methods send them. Its own factory, so that only code that uses it carries its
 * dependency (openapi-fetch).
 */
export function createRocketChatRawClient(options: RocketChatClientOptions): RawClient<paths> {
  return createRawClient(createRocketChatApi(options), jsonQueryOperations);
}

/** The configured runtime client alone, for the standalone functions: `getLivechatQueue(createRocketChatApi(o))`. */
export function createRocketChatApi(options: RocketChatClientOptions): Client {
  const { auth, ...rest } = options;
  const headers: AuthProvider = async () => {
    const { userId, authToken } = typeof auth === "function" ? await auth() : auth;
    return { "X-Auth-Token": authToken, "X-User-Id": userId };
  };
  return createApiClient<paths>({ ...rest, auth: headers, createError: (init) => new RocketChatError(init) });
}

// Every type of the API, from its types package (one copy, shared with code that uses the types alone): `paths`,
// `components`, `operations`, `webhooks`, every schema and every <Op>Input/<Op>Output.
export type * from "@chat-sdk/rocket-chat-types";
export { RocketChatError, type RocketChatErrorBody } from "./errors.ts";
// The standalone, tree-shakeable operation functions (`getLivechatQueue(api, input)`), descriptors and binder.
export * from "./generated/operations.gen.ts";
