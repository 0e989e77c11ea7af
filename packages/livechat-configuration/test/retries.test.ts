/**
 * The retry-safety rule on LiveChat's actions: reads and updates are retried on transient failures; actions that
 * create something (x-idempotent: false) only when the server surely did not act: `too_many_requests` or 429.
 */
import { type RecordingServer, useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import { ConnectionError, createLiveChatConfigurationClient, LiveChatError } from "../src/index.ts";

const server = useRecordingServer();

const client = () =>
  createLiveChatConfigurationClient({
    baseUrl: server.url,
    auth: { accessToken: "dal:t0ken" },
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });
const newAgent = { id: "smith@example.com", name: "Agent Smith" };
const internal = { status: 500, json: { error: { type: "internal", message: "Internal server error" } } };

function thenSucceed(first: Parameters<RecordingServer["reply"]>[0], json: unknown) {
  let calls = 0;
  server.reply((request) => (calls++ === 0 ? (typeof first === "function" ? first(request) : first) : { json }));
}

describe("creates (create_agent, x-idempotent: false)", () => {
  it("are retried after too_many_requests, whatever the status", async () => {
    thenSucceed(
      { status: 403, json: { error: { type: "too_many_requests", message: "Too many requests" } } },
      { id: "a" },
    );
    await expect(client().createAgent(newAgent)).resolves.toEqual({ id: "a" });
    expect(server.requests).toHaveLength(2);
  });

  it("are not retried after an internal error: the agent may exist already", async () => {
    server.reply(internal);
    const error = await client()
      .createAgent(newAgent)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveChatError);
    expect(server.requests).toHaveLength(1);
  });

  it("are not retried after a connection reset", async () => {
    server.reply({ reset: true });
    expect(
      await client()
        .createAgent(newAgent)
        .catch((e: unknown) => e),
    ).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("reads and updates (x-idempotent: true)", () => {
  it("are retried after an internal error", async () => {
    thenSucceed(internal, []);
    await expect(client().listAgents()).resolves.toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it("are retried after a connection reset, at most twice by default", async () => {
    server.reply({ reset: true });
    expect(
      await client()
        .updateAgent({ id: "a" })
        .catch((e: unknown) => e),
    ).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(3);
  });

  it("are not retried for a client error such as validation", async () => {
    server.reply({ status: 400, json: { error: { type: "validation", message: "Wrong format of request" } } });
    await client()
      .getAgent({ id: "a" })
      .catch(() => undefined);
    expect(server.requests).toHaveLength(1);
  });
});
