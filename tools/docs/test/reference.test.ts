/**
 * The reference document: a TypeScript sample on every operation and the scopes / permissions in each description,
 * rendered by the same function as the README table (the way the documentation states them).
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { referenceDocument } from "../src/reference.ts";
import { apiSamples } from "../src/samples.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
type Operation = { description?: string; "x-codeSamples"?: { lang: string; label: string; source: string }[] };
const operations: Record<string, Map<string, Operation>> = {};

beforeAll(async () => {
  for (const api of ["livechat-configuration", "rocket-chat"]) {
    const { doc, operations: ops, samples, packageName } = await apiSamples(ROOT, api);
    const reference = referenceDocument(doc, ops, samples, packageName) as unknown as {
      paths: Record<string, Record<string, Operation>>;
    };
    operations[api] = new Map(ops.map((op) => [op.operationId, reference.paths[op.path]?.[op.method] ?? {}]));
  }
}, 60_000);

describe("the reference document", () => {
  it("has a TypeScript sample labelled with the package on every operation", () => {
    for (const [api, ops] of Object.entries(operations)) {
      for (const [id, op] of ops) {
        expect(op["x-codeSamples"], `${api} ${id}`).toHaveLength(1);
        expect(op["x-codeSamples"]?.[0]?.lang).toBe("TypeScript");
        expect(op["x-codeSamples"]?.[0]?.label).toBe(`@chat-sdk/${api}`);
      }
    }
    expect(operations["livechat-configuration"]?.get("list_agents")?.["x-codeSamples"]?.[0]?.source).toContain(
      "await client.listAgents(",
    );
  });

  it("states structured scopes with their conditions in the description", () => {
    const livechat = operations["livechat-configuration"];
    expect(livechat?.get("create_agent")?.description).toContain(
      [
        "**Authorization**",
        "",
        "- Scopes: `accounts--all:rc`",
        "- Plus `accounts--all:rw` and `subscription.lc:rw` only to create agents who don't have to wait for approval after creation",
        "- Plus `accounts.roles.lc--all:rw` only to create an agent with a role higher than `normal` (`administrator`, `viceowner` or `owner`)",
        "- Note: `subscription.lc:rw` is a private scope; it's not possible to configure it in Developer Console.",
      ].join("\n"),
    );
    expect(livechat?.get("get_agent")?.description).toContain(
      "- Scopes: `agents--my:ro`\n- Plus `agents--all:ro` only to get other agents within the same license",
    );
    expect(livechat?.get("update_agent")?.description).toContain(
      "- Plus `accounts.roles.lc--all:rw` only to update the agent `role`",
    );
    expect(livechat?.get("create_agent")?.description).toMatch(/^Creates a new agent/);
    expect(operations["rocket-chat"]?.get("getChannelIntegrations")?.description).toContain(
      "- Permissions, one of: `manage-incoming-integrations`, `manage-own-incoming-integrations`",
    );
  });
});
