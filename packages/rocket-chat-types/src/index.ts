/**
 * `@chat-sdk/rocket-chat-types`: the types of the Rocket.Chat REST API (livechat and channel integrations), declarations only (no runtime, no dependency), for
 * servers, proxies, mocks, webhook receivers and other HTTP clients. `@chat-sdk/rocket-chat` builds on the same types.
 * Created once by the generator; everything it exports is generated (src/generated/).
 */
export type { components, operations, paths, webhooks } from "./generated/schema.gen.ts";
// Every schema and every <Operation>Input / <Operation>Output type.
export type * from "./generated/types.gen.ts";
