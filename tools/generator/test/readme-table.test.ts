import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { accessLines } from "../src/access-markdown.ts";
import { generateApi } from "../src/generate.ts";
import { loadSpec } from "../src/load-spec.ts";
import { readOperations } from "../src/operations.ts";
import { OPERATIONS_END, OPERATIONS_START, operationsTable, replaceOperationsRegion } from "../src/readme-table.ts";
import { parseTable } from "./markdown-table.ts";
import { createWorkspace, generatorError } from "./workspace.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const HOSTILE = "a | b </td><script>alert(1)</script> `x | y` [link](javascript:alert(1)) ![i](x) \\| \n| c ``` ";

const op = (summary: string, docs: Record<string, unknown> = {}) => ({
  name: "listAgents",
  method: "post" as const,
  path: "/action/list_agents",
  docs: { summary, ...docs },
});

describe("the operations table", () => {
  it("has one row per operation with method, HTTP, summary and scopes", () => {
    const table = parseTable(operationsTable([op("List Agents", { "x-required-scopes": ["agents--all:ro"] })]));
    expect(table.header).toEqual(["Method", "HTTP", "Summary", "Scopes / permissions"]);
    expect(table.rows).toEqual([
      ["client.listAgents()", "POST /action/list_agents", "List Agents", "Scopes: agents--all:ro"],
    ]);
  });

  it("keeps a hostile summary, path, scope and note in their cell, as text (no HTML, no link)", () => {
    const hostileOp = {
      ...op(HOSTILE, {
        "x-permissions": [HOSTILE],
        "x-required-scopes": { always: [HOSTILE], conditional: [{ scopes: ["c"], when: HOSTILE }], notes: [HOSTILE] },
      }),
      path: "/x|y/`z`</td>",
    };
    const table = parseTable(operationsTable([hostileOp, op("Second")]));
    expect(table.unsafe).toEqual([]);
    expect(table.rows).toHaveLength(2);
    for (const row of table.rows) expect(row).toHaveLength(4);
    const [first] = table.rows;
    const oneLine = HOSTILE.replace(/\s+/g, " ").trim();
    expect(first?.[1]).toBe("POST /x|y/`z`</td>");
    expect(first?.[2]).toContain("a | b </td><script>alert(1)</script>");
    expect(first?.[2]).toContain("[link](javascript:alert(1))");
    expect(first?.[3]).toContain(`Permissions: ${oneLine}`);
    expect(table.rows[1]).toEqual(["client.listAgents()", "POST /action/list_agents", "Second", "-"]);
  });
});

describe("the README region", () => {
  const readme = `# Title\r\n\nText | with a pipe.\n\n${OPERATIONS_START}\nold table\n${OPERATIONS_END}\n\n## After\n\ntail`;

  it("replaces exactly the region between the markers and leaves every other byte", () => {
    const table = "| new |\n";
    const updated = replaceOperationsRegion(readme, table) ?? "";
    const before = readme.slice(0, readme.indexOf(OPERATIONS_START));
    const after = readme.slice(readme.indexOf(OPERATIONS_END));
    expect(updated.startsWith(before)).toBe(true);
    expect(updated.endsWith(after)).toBe(true);
    expect(updated.slice(before.length, updated.length - after.length)).toBe(
      `${OPERATIONS_START}\n<!-- Generated from the spec by \`pnpm generate\`: do not edit this table by hand. -->\n\n| new |\n\n`,
    );
    expect(replaceOperationsRegion(updated, table)).toBe(updated);
  });

  it("leaves a README without both markers alone", () => {
    expect(replaceOperationsRegion("# Title\n", "| t |\n")).toBeUndefined();
    expect(replaceOperationsRegion(`# Title\n${OPERATIONS_END}\n${OPERATIONS_START}\n`, "| t |\n")).toBeUndefined();
  });
});

describe("generation writes the table", () => {
  it("into a new package's scaffolded README", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    const readme = readFileSync(path.join(ws.packageDir, "README.md"), "utf8");
    const region = readme.slice(readme.indexOf(OPERATIONS_START), readme.indexOf(OPERATIONS_END));
    expect(parseTable(region).rows.map((row) => row.slice(0, 3))).toContainEqual([
      "client.listPets()",
      "GET /pets",
      "List pets",
    ]);
  });

  it("warns, naming the file, and leaves a README without markers untouched", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    const file = path.join(ws.packageDir, "README.md");
    writeFileSync(file, "# Handwritten\n");
    const result = await generateApi(ws.root, ws.api);
    expect(result.warnings.some((w) => w.startsWith(`packages/${ws.api}/README.md: no operations markers`))).toBe(true);
    expect(readFileSync(file, "utf8")).toBe("# Handwritten\n");
  });

  it("writes nothing when generation fails", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    const file = path.join(ws.packageDir, "README.md");
    const stale = `# Pets\n\n${OPERATIONS_START}\nstale\n${OPERATIONS_END}\n`;
    writeFileSync(file, stale);
    ws.editSpec((text) => text.replace("summary: List pets", "summary: Listed pets\n      tags: 7"));
    await generatorError(generateApi(ws.root, ws.api));
    expect(readFileSync(file, "utf8")).toBe(stale);
  });
});

describe("structured scopes, as the LiveChat documentation states them", async () => {
  const { doc } = await loadSpec(path.join(ROOT, "specs/livechat-configuration/openapi.yaml"), ROOT);
  const ops = new Map(readOperations(doc, "spec").map((model) => [model.operationId, model.docs]));
  const lines = (id: string) => accessLines(ops.get(id) ?? {});

  it("create_agent: always, two conditional extras with their condition, and a note", () => {
    expect(lines("create_agent")).toEqual([
      "Scopes: `accounts--all:rc`",
      "Plus `accounts--all:rw` and `subscription.lc:rw` only to create agents who don't have to wait for approval after creation",
      "Plus `accounts.roles.lc--all:rw` only to create an agent with a role higher than `normal` (`administrator`, `viceowner` or `owner`)",
      "Note: `subscription.lc:rw` is a private scope; it's not possible to configure it in Developer Console.",
    ]);
  });

  it("update_agent and get_agent: conditional extras", () => {
    expect(lines("update_agent")).toEqual([
      "Scopes: `agents--my:rw`",
      "Plus `agents--all:rw` only to update other agents within the same license",
      "Plus `accounts.roles.lc--all:rw` only to update the agent `role`",
    ]);
    expect(lines("get_agent")).toEqual([
      "Scopes: `agents--my:ro`",
      "Plus `agents--all:ro` only to get other agents within the same license",
    ]);
  });

  it("alternatives as one of, plain lists and permissions", () => {
    expect(lines("update_license_properties")[0]).toMatch(
      /^Scopes, one of: `properties\.license\.value--my:rw` \(if the requester's Client ID matches the namespace\) or `properties\.license\.value--all:rw` \(if /,
    );
    expect(lines("list_agents")).toEqual(["Scopes: `agents--all:ro`"]);
    expect(accessLines({ "x-permissions": ["a", "b"], "x-permissions-mode": "any" })).toEqual([
      "Permissions, one of: `a`, `b`",
    ]);
    expect(accessLines({ "x-permissions": ["a", "b"], "x-required-scopes": [] })).toEqual([
      "Permissions: `a`, `b`",
      "Scopes: none",
    ]);
  });
});
