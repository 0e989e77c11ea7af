/**
 * Every generated sample compiles against its package (real method names, inputs typed from the spec's examples),
 * and the check can fail: a wrong method name or a wrong input does not compile.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type ApiSamples, apiSamples } from "../src/samples.ts";
import { sampleErrors } from "./typecheck-samples.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const APIS = ["livechat-configuration", "rocket-chat"];
const PATHS: Record<string, string[]> = {
  "@chat-sdk/runtime": [path.join(ROOT, "packages/runtime/src/index.ts")],
  "@chat-sdk/livechat-configuration": [path.join(ROOT, "packages/livechat-configuration/src/index.ts")],
  "@chat-sdk/rocket-chat": [path.join(ROOT, "packages/rocket-chat/src/index.ts")],
  "@chat-sdk/livechat-configuration-types": [path.join(ROOT, "packages/livechat-configuration-types/src/index.ts")],
  "@chat-sdk/rocket-chat-types": [path.join(ROOT, "packages/rocket-chat-types/src/index.ts")],
};

const built = new Map<string, ApiSamples>();
beforeAll(async () => {
  for (const api of APIS) built.set(api, await apiSamples(ROOT, api));
});

const files = (api: string) =>
  [...(built.get(api)?.samples ?? [])].map(([op, source]) => ({ name: `${api}.${op.name}`, source }));

describe("samples of both APIs", () => {
  it("exist for every operation and call its real method", () => {
    for (const api of APIS) {
      const samples = built.get(api);
      expect(samples?.samples.size).toBe(samples?.operations.length);
      for (const [op, source] of samples?.samples ?? []) expect(source).toContain(`await client.${op.name}(`);
    }
    const livechat = [...(built.get("livechat-configuration")?.samples.values() ?? [])];
    expect(livechat.find((s) => s.includes("client.createAgent("))).toContain('name: "Agent Smith"');
  });

  it("all type-check against the packages", () => {
    expect(sampleErrors([...files("livechat-configuration"), ...files("rocket-chat")], PATHS)).toEqual([]);
  }, 120_000);

  it("fail to type-check with a wrong method name or a wrong input", () => {
    const [createAgent] = files("livechat-configuration").filter((f) => f.name.endsWith(".createAgent"));
    const [queue] = files("rocket-chat").filter((f) => f.name.endsWith(".getLivechatQueue"));
    if (!createAgent || !queue) throw new Error("samples missing");
    const errors = sampleErrors(
      [
        { name: "wrong-method", source: createAgent.source.replace("client.createAgent(", "client.createAgents(") },
        { name: "wrong-field", source: createAgent.source.replace('name: "Agent Smith"', 'nam: "Agent Smith"') },
        { name: "wrong-type", source: queue.source.replace("count: 25", 'count: "25"') },
      ],
      PATHS,
    );
    expect(errors.filter((e) => e.startsWith("wrong-method.ts:")).join("\n")).toMatch(/createAgents/);
    expect(errors.filter((e) => e.startsWith("wrong-field.ts:")).join("\n")).toMatch(/nam/);
    expect(errors.filter((e) => e.startsWith("wrong-type.ts:")).join("\n")).toMatch(/string.*number/);
  }, 120_000);
});
