import { useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import { createLiveChatConfigurationClient, splitBatchResults } from "../src/index.ts";

const server = useRecordingServer();

describe("batch results", () => {
  it("split into successes and failures, each with its request index, losing no item", async () => {
    const validation = { type: "validation", message: "`id` is required" } as const;
    server.reply({ json: { responses: [{}, { error: validation }, {}] } });
    const client = createLiveChatConfigurationClient({ baseUrl: server.url, auth: { accessToken: "dal:t" } });
    const { responses } = await client.batchDeleteAgents({
      requests: [{ id: "smith@example.com" }, { id: "" }, { id: "brown@example.com" }],
    });
    const { succeeded, failed } = splitBatchResults(responses);
    expect(succeeded).toEqual([
      { index: 0, value: {} },
      { index: 2, value: {} },
    ]);
    expect(failed).toEqual([{ index: 1, error: validation }]);
    expect(succeeded.length + failed.length).toBe(responses.length);
    expect(JSON.parse(server.requests.at(-1)?.body ?? "").requests).toHaveLength(3);
  });

  it("keeps created ids next to their index", async () => {
    server.reply({
      json: { responses: [{ id: "a@x.com" }, { error: { type: "already_exists", message: "Already exists" } }] },
    });
    const client = createLiveChatConfigurationClient({ baseUrl: server.url, auth: { accessToken: "dal:t" } });
    const { responses } = await client.batchCreateAgents({
      requests: [
        { id: "a@x.com", name: "A" },
        { id: "b@x.com", name: "B" },
      ],
    });
    const { succeeded, failed } = splitBatchResults(responses);
    expect(succeeded.map((s) => [s.index, s.value.id])).toEqual([[0, "a@x.com"]]);
    expect(failed.map((f) => [f.index, f.error.type])).toEqual([[1, "already_exists"]]);
  });
});
