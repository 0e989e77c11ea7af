/**
 * The webhook receiver against real HTTP POSTs to a node:http server on 127.0.0.1: once reading the Node
 * `IncomingMessage` itself, once through a Fetch `Request` made from it (as route handlers get it).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { constantTimeEqual, receiveWebhook, type WebhookBody, WebhookError } from "../src/webhooks.ts";

const SECRET = "laudla991lamda0pnoaa0-expected-secret";
const WRONG_KEY = "laudla991lamda0pnoaa0-received-WRONG";
const MAX_BYTES = 4096;

function envelope(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    webhook_id: "wh_1",
    secret_key: SECRET,
    action: "incoming_chat",
    organization_id: "org_1",
    payload: { chat: { id: "PJ0MRSHTDG" } },
    additional_data: { chat_presence_user_ids: ["agent@example.com"] },
    ...overrides,
  };
}

/** Every error a server answered with, to check afterwards that none carries a secret. */
const answeredErrors: string[] = [];

async function answer(res: ServerResponse, receive: () => Promise<{ action: string }>) {
  try {
    const hook = await receive();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ action: hook.action }));
  } catch (error) {
    if (!(error instanceof WebhookError)) throw error;
    const text = JSON.stringify(error);
    answeredErrors.push(text, error.message, String(error), error.stack ?? "");
    res.writeHead(error.status, { "content-type": "application/json", connection: "close" }).end(text);
  }
}

const handlers = {
  IncomingMessage: (req: IncomingMessage, res: ServerResponse) =>
    answer(res, () => receiveWebhook(req, { secret: SECRET, maxBytes: MAX_BYTES })),
  Request: (req: IncomingMessage, res: ServerResponse) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers,
      body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
    return answer(res, () => receiveWebhook(request, { secret: SECRET, maxBytes: MAX_BYTES }));
  },
};

describe.each(Object.keys(handlers) as (keyof typeof handlers)[])("receiveWebhook from a %s", (kind) => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => void handlers[kind](req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function post(body: BodyInit, init: RequestInit = {}) {
    const response = await fetch(url, { method: "POST", body, ...init } as RequestInit);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it("accepts the right secret and returns the envelope", async () => {
    expect(await post(JSON.stringify(envelope()))).toEqual({ status: 200, body: { action: "incoming_chat" } });
  });

  it("refuses a wrong secret", async () => {
    const { status, body } = await post(JSON.stringify(envelope({ secret_key: WRONG_KEY })));
    expect([status, body.reason]).toEqual([401, "wrong-secret"]);
  });

  it("refuses a secret that differs only in its last byte, or is a prefix", async () => {
    for (const key of [`${SECRET.slice(0, -1)}X`, SECRET.slice(0, -1), `${SECRET}0`]) {
      const { status, body } = await post(JSON.stringify(envelope({ secret_key: key })));
      expect([status, body.reason]).toEqual([401, "wrong-secret"]);
    }
  });

  it("refuses a missing secret", async () => {
    const { secret_key: _, ...noSecret } = envelope();
    const { status, body } = await post(JSON.stringify(noSecret));
    expect([status, body.reason]).toEqual([401, "missing-secret"]);
  });

  it("refuses malformed JSON, even when it holds the received key", async () => {
    const { status, body } = await post(`{"secret_key": "${WRONG_KEY}", "action": `);
    expect([status, body.reason]).toEqual([400, "malformed-json"]);
  });

  it("refuses an undocumented action or a wrong shape once the secret is right", async () => {
    const unknown = await post(JSON.stringify(envelope({ action: "chat_created" })));
    expect([unknown.status, unknown.body.reason]).toEqual([400, "invalid-shape"]);
    expect(unknown.body.message).toMatch(/action/);
    const noPayload = await post(JSON.stringify(envelope({ payload: [] })));
    expect([noPayload.status, noPayload.body.message]).toEqual([400, expect.stringMatching(/payload/)]);
  });

  it("refuses an oversized body, with or without a Content-Length", async () => {
    const big = JSON.stringify(envelope({ payload: { text: "x".repeat(MAX_BYTES) } }));
    const declared = await post(big);
    expect([declared.status, declared.body.reason]).toEqual([413, "too-large"]);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    const chunked = await post(stream, { duplex: "half" } as RequestInit);
    expect([chunked.status, chunked.body.reason]).toEqual([413, "too-large"]);
  });
});

describe("receiveWebhook errors", () => {
  it("never carry the expected secret or the received key", () => {
    expect(answeredErrors.length).toBeGreaterThan(20);
    for (const text of answeredErrors) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(WRONG_KEY);
      expect(text).not.toContain("laudla991");
    }
  });

  it("take strings and bytes as well", async () => {
    const text = JSON.stringify(envelope({ action: "tag_created" }));
    const bytes = new TextEncoder().encode(text);
    for (const body of [text, bytes, bytes.buffer] as WebhookBody[]) {
      expect((await receiveWebhook(body, { secret: SECRET })).action).toBe("tag_created");
    }
    const error = await receiveWebhook(text, { secret: SECRET, maxBytes: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookError);
    expect((error as WebhookError).reason).toBe("too-large");
  });

  it("refuse to run without a secret", async () => {
    await expect(receiveWebhook("{}", { secret: "" })).rejects.toThrow(TypeError);
  });
});

describe("constantTimeEqual", () => {
  it("compares UTF-8 bytes", () => {
    expect(constantTimeEqual("sécret-✓", "sécret-✓")).toBe(true);
    expect(constantTimeEqual("sécret-✓", "secret-✓")).toBe(false);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "xbc")).toBe(false);
    expect(constantTimeEqual("abc", "ab")).toBe(false);
    expect(constantTimeEqual("abc", "abc\u0000")).toBe(false);
    expect(constantTimeEqual("abc", "")).toBe(false);
  });
});
