/** OpenAPI 3.1 `webhooks`: the consumer receives their bodies, so they are rated like responses (webhook-diff.ts). */
import { describe, expect, it } from "vitest";
import { diffBrief, spec } from "./specs.ts";

const PATHS = `  /a:\n    get: { operationId: getA, responses: { "200": { description: OK } } }\n`;

/** A document with `webhooks` holding one `POST <name>` per entry, each body a YAML flow schema. */
function withWebhooks(hooks: Record<string, string>, responses = `{ "200": { description: OK } }`): string {
  const entries = Object.entries(hooks).map(
    ([name, schema]) =>
      `  ${name}:\n    post:\n      requestBody:\n        content:\n          application/json: { schema: ${schema} }\n      responses: ${responses}\n`,
  );
  return spec(PATHS, entries.length > 0 ? `webhooks:\n${entries.join("")}` : "");
}

const CHAT = "{ type: object, required: [action], properties: { action: { const: chat }, id: { type: string } } }";

describe("webhooks", () => {
  it("a webhook added is minor, also the first one", async () => {
    expect(await diffBrief(spec(PATHS), withWebhooks({ chat: CHAT }))).toEqual([
      { level: "minor", where: "webhook POST chat", message: "webhook added" },
    ]);
    const tag = CHAT.replace("const: chat", "const: tag");
    expect(await diffBrief(withWebhooks({ chat: CHAT }), withWebhooks({ chat: CHAT, tag }))).toEqual([
      { level: "minor", where: "webhook POST tag", message: "webhook added" },
    ]);
  });

  it("a webhook removed is major", async () => {
    expect(await diffBrief(withWebhooks({ chat: CHAT }), spec(PATHS))).toEqual([
      { level: "major", where: "webhook POST chat", message: "webhook removed" },
    ]);
  });

  it("its body is compared as what the consumer receives", async () => {
    const fewer = CHAT.replace(", id: { type: string }", "");
    expect(await diffBrief(withWebhooks({ chat: CHAT }), withWebhooks({ chat: fewer }))).toEqual([
      { level: "major", where: "webhook POST chat body .id", message: "response field removed" },
    ]);
    const more = CHAT.replace("id: { type: string }", "id: { type: string }, at: { type: string }");
    expect(await diffBrief(withWebhooks({ chat: CHAT }), withWebhooks({ chat: more }))).toEqual([
      { level: "minor", where: "webhook POST chat body .at", message: "response field added" },
    ]);
  });

  it("what the receiver answers is documentation only", async () => {
    const before = withWebhooks({ chat: CHAT });
    const after = withWebhooks({ chat: CHAT }, `{ "204": { description: Received } }`);
    const changes = await diffBrief(before, after);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((change) => change.level === "patch")).toBe(true);
  });
});
