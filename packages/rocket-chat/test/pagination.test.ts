import { useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import { createRocketChatClient, type LivechatQueueEntry } from "../src/index.ts";

const server = useRecordingServer();

const entry = (i: number): LivechatQueueEntry => ({ chats: i, user: { _id: `u${i}`, username: `agent${i}` } });

/** A queue of `total` entries served `count` at a time, like Rocket.Chat's offset/count endpoints. */
function serveQueue(total: number, reportedTotal = total) {
  server.reply((request) => {
    const offset = Number(request.query.offset ?? 0);
    const count = Number(request.query.count ?? 25);
    const queue = Array.from({ length: Math.max(0, Math.min(count, total - offset)) }, (_, i) => entry(offset + i));
    return { json: { queue, count: queue.length, offset, total: reportedTotal, success: true } };
  });
}

const client = () => createRocketChatClient({ baseUrl: server.url, auth: { userId: "u", authToken: "t" } });

describe("paginate.getLivechatQueue", () => {
  it("yields every item across pages and stops at total", async () => {
    serveQueue(7);
    const seen: number[] = [];
    for await (const item of client().paginate.getLivechatQueue({ count: 3, sort: { chats: 1 } }))
      seen.push(item.chats);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(server.requests.map((r) => r.query.offset)).toEqual(["0", "3", "6"]);
    expect(server.requests.every((r) => r.query.sort === '{"chats":1}' && r.query.count === "3")).toBe(true);
  });

  it("starts at the given offset and can stop early", async () => {
    serveQueue(100);
    const seen: number[] = [];
    for await (const item of client().paginate.getLivechatQueue({ offset: 10, count: 5 })) {
      seen.push(item.chats);
      if (seen.length === 7) break;
    }
    expect(seen).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect(server.requests).toHaveLength(2);
  });

  it("stops on an empty page even if the server overstates total", async () => {
    serveQueue(4, 1000);
    let items = 0;
    for await (const _ of client().paginate.getLivechatQueue({ count: 3 })) items++;
    expect(items).toBe(4);
    expect(server.requests).toHaveLength(3);
  });
});
