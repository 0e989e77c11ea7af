/**
 * `@chat-sdk/livechat-configuration/webhooks`: receive the webhooks LiveChat POSTs to a URL registered with
 * `registerWebhook`. Handwritten, and its own entry: the client's bundle never carries it. No Node-only API.
 *
 * The order of the checks is deliberate: after parsing, `secret_key` is verified before anything else is looked at,
 * so a sender without the secret learns nothing about which shapes would be accepted.
 */
import type {
  LiveChatConfigurationWebhook,
  LiveChatConfigurationWebhookByAction,
} from "@chat-sdk/livechat-configuration-types";
import { BodyTooLarge, type RawBody, readBody } from "./webhook-body.ts";

/** Any webhook LiveChat sends; `switch (webhook.action)` narrows it to one action's envelope. */
export type LiveChatWebhook = LiveChatConfigurationWebhook;
/** The 37 documented actions ("Triggering actions" of Register Webhook). */
export type LiveChatWebhookAction = LiveChatWebhook["action"];
/** The envelope of one action: `LiveChatWebhookOf<"incoming_chat">`. */
export type LiveChatWebhookOf<A extends LiveChatWebhookAction> = LiveChatConfigurationWebhookByAction[A];

/**
 * The raw request body: a string, bytes, a Fetch API `Request` (route handlers, workers) or a Node
 * `IncomingMessage` (`node:http`, Express), read as an async iterable of chunks. Pass the body unparsed: the secret
 * is checked against exactly what LiveChat sent. (With Express, do not put `express.json()` before this route.)
 */
export type WebhookBody = RawBody;

export interface ReceiveWebhookOptions {
  /** The `secret_key` given to `registerWebhook`. */
  secret: string;
  /** Larger bodies are refused with reason `too-large` (default 1 MiB). */
  maxBytes?: number;
}

export type WebhookErrorReason = "malformed-json" | "invalid-shape" | "missing-secret" | "wrong-secret" | "too-large";

/** The HTTP status a receiver should answer for each reason. */
const STATUS: Record<WebhookErrorReason, number> = {
  "malformed-json": 400,
  "invalid-shape": 400,
  "missing-secret": 401,
  "wrong-secret": 401,
  "too-large": 413,
};

/**
 * A webhook refused. Its message and fields never hold the expected secret, the received `secret_key` or any part
 * of the body (which holds that key): a parser's message is not kept, since it may quote the input.
 */
export class WebhookError extends Error {
  override readonly name = "WebhookError";
  readonly reason: WebhookErrorReason;
  /** The status to answer with: 400, 401 or 413. */
  readonly status: number;

  constructor(reason: WebhookErrorReason, message: string) {
    super(message);
    this.reason = reason;
    this.status = STATUS[reason];
  }

  /** An allow-list: a field added later never reaches logs without a decision. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, reason: this.reason, status: this.status, message: this.message };
  }
}

const DEFAULT_MAX_BYTES = 1024 * 1024;

/** Every documented action, once; the `Record` type makes the compiler check this list against the spec's. */
const ACTIONS: Record<LiveChatWebhookAction, true> = {
  incoming_chat: true,
  chat_deactivated: true,
  chat_access_updated: true,
  chat_transferred: true,
  user_added_to_chat: true,
  user_removed_from_chat: true,
  incoming_event: true,
  event_updated: true,
  incoming_rich_message_postback: true,
  chat_properties_updated: true,
  chat_properties_deleted: true,
  thread_properties_updated: true,
  thread_properties_deleted: true,
  event_properties_updated: true,
  event_properties_deleted: true,
  thread_tagged: true,
  thread_untagged: true,
  routing_status_set: true,
  incoming_customer: true,
  customer_session_fields_updated: true,
  events_marked_as_seen: true,
  group_created: true,
  group_updated: true,
  group_deleted: true,
  agent_created: true,
  agent_updated: true,
  agent_deleted: true,
  agent_suspended: true,
  agent_unsuspended: true,
  agent_approved: true,
  bot_created: true,
  bot_updated: true,
  bot_deleted: true,
  auto_accesses_updated: true,
  tag_created: true,
  tag_deleted: true,
  tag_updated: true,
};

/**
 * Reads, parses and verifies one webhook: the body within `maxBytes`, JSON, a `secret_key` equal to `secret`
 * (compared in constant time), then the documented envelope with a known `action`. Resolves to the envelope, typed by
 * its `action`; rejects with a {@link WebhookError} (see its `reason` and `status`).
 */
export async function receiveWebhook(body: WebhookBody, options: ReceiveWebhookOptions): Promise<LiveChatWebhook> {
  const { secret, maxBytes = DEFAULT_MAX_BYTES } = options;
  if (typeof secret !== "string" || secret === "") throw new TypeError("receiveWebhook: `secret` must be set");
  const envelope = parse(await read(body, maxBytes));
  if (!isObject(envelope)) throw new WebhookError("invalid-shape", "the webhook body is not a JSON object");
  if (!("secret_key" in envelope)) throw new WebhookError("missing-secret", "the webhook has no secret_key");
  if (typeof envelope.secret_key !== "string") throw new WebhookError("invalid-shape", "secret_key is not a string");
  if (!constantTimeEqual(secret, envelope.secret_key)) {
    throw new WebhookError("wrong-secret", "the webhook's secret_key does not match the secret");
  }
  const problem = shapeProblem(envelope);
  if (problem) throw new WebhookError("invalid-shape", `the webhook is not a LiveChat webhook envelope: ${problem}`);
  return envelope as LiveChatWebhook;
}

async function read(body: WebhookBody, maxBytes: number): Promise<Uint8Array> {
  try {
    return await readBody(body, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      throw new WebhookError("too-large", `the webhook body is larger than ${error.limit} bytes`);
    }
    throw error;
  }
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function parse(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    // Not the parser's message: it can quote the body, and the body holds the received secret_key.
    throw new WebhookError("malformed-json", "the webhook body is not valid UTF-8 JSON");
  }
}

/** Field names only, never values: the first problem found, or undefined for a valid envelope. */
function shapeProblem(envelope: Record<string, unknown>): string | undefined {
  for (const field of ["webhook_id", "organization_id", "action"] as const) {
    if (typeof envelope[field] !== "string") return `${field} is not a string`;
  }
  if (!Object.hasOwn(ACTIONS, envelope.action as string)) return "action is not a documented webhook action";
  if (!isObject(envelope.payload)) return "payload is not an object";
  const extra = envelope.additional_data;
  if (extra === undefined) return undefined;
  if (!isObject(extra)) return "additional_data is not an object";
  if (extra.chat_properties !== undefined && !isObject(extra.chat_properties)) {
    return "additional_data.chat_properties is not an object";
  }
  const ids = extra.chat_presence_user_ids;
  if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => typeof id === "string"))) {
    return "additional_data.chat_presence_user_ids is not a list of strings";
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const encoder = new TextEncoder();

/**
 * Whether two strings are equal, in time that depends on their lengths only, never on where they differ: both are
 * compared as UTF-8 bytes, every byte of `expected` is visited and the differences are OR-ed, with no early exit.
 */
export function constantTimeEqual(expected: string, received: string): boolean {
  const want = encoder.encode(expected);
  const got = encoder.encode(received);
  // Same length as `want` whatever `got` is, so the loop below never branches on the received key.
  const padded = new Uint8Array(want.length);
  padded.set(got.subarray(0, want.length));
  let difference = want.length ^ got.length;
  for (let i = 0; i < want.length; i++) difference |= (want[i] as number) ^ (padded[i] as number);
  return difference === 0;
}
