/**
 * Rocket.Chat client. Handwritten: the generator created this file once and never overwrites it.
 * Everything API-specific that is not in the spec (here: how credentials become headers) lives here.
 */
import {
  type ApiClientOptions,
  type AuthProvider,
  createApiClient,
  createRawClient,
  type RawClient,
} from "@chat-sdk/runtime";
import { RocketChatError } from "./errors.ts";
import { allOperations, bindOperations, type Client, type RocketChatOperations } from "./generated/operations.gen.ts";
import type { paths } from "./generated/schema.gen.ts";

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

export interface RocketChatClient extends RocketChatOperations {
  /** Path-level client: `{ data, error, response }` results, never throws for HTTP errors. */
  readonly raw: RawClient<paths>;
}

/** Every operation as a method, plus `paginate` and `raw`. */
export function createRocketChatClient(options: RocketChatClientOptions): RocketChatClient {
  const api = createRocketChatApi(options);
  return { ...bindOperations(api), raw: createRawClient(api, Object.values(allOperations)) };
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

export { RocketChatError, type RocketChatErrorBody } from "./errors.ts";
// The standalone, tree-shakeable operation functions (`getLivechatQueue(api, input)`), descriptors and binder.
export * from "./generated/operations.gen.ts";
export type { components, operations, paths } from "./generated/schema.gen.ts";
export type * from "./generated/types.gen.ts";
