/**
 * From the committed repo to a consumer: version + publish every package to a local Verdaccio, install them in a
 * fresh project outside the workspace, and use them from Node (ESM and CJS), from the type checker (bundler and
 * node16 resolution) and from headless Chromium (the clients, and the runtime's request and response media types
 * with the browser's own fetch, FormData and Blob). Everything started here is stopped in afterAll, pass or fail.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishRefusal } from "../../scripts/publish.ts";
import { newestEntries } from "../src/changesets.ts";
import { openInChromium } from "../src/chromium.ts";
import { createConsumer, createTypesConsumer, TYPES_PACKAGES } from "../src/consumer.ts";
import { declaredNames, exportedTypeNames } from "../src/declarations.ts";
import { DOWNLOAD, MOTD } from "../src/media.ts";
import { type Release, releaseTo } from "../src/release.ts";
import { run } from "../src/run.ts";
import { type Site, startSite } from "../src/site.ts";
import { type Registry, startVerdaccio } from "../src/verdaccio.ts";

const repoRoot = spawnSync("git", ["rev-parse", "--show-toplevel"], { encoding: "utf8" }).stdout.trim();
const work = mkdtempSync(path.join(tmpdir(), "release-e2e-"));
const cleanups: Array<() => Promise<void> | void> = [() => rmSync(work, { recursive: true, force: true })];
let registry: Registry;
let release: Release;
let consumer: string;
let typesConsumer: string;
let site: Site;

beforeAll(async () => {
  registry = await startVerdaccio(path.join(work, "verdaccio"));
  cleanups.unshift(() => registry.stop());
  release = await releaseTo(registry, repoRoot, work);
  consumer = await createConsumer(path.join(work, "consumer"), registry.url, release.versions);
  typesConsumer = await createTypesConsumer(path.join(work, "types-consumer"), registry.url, release.versions);
  site = await startSite(consumer);
  cleanups.unshift(() => site.stop());
}, 600_000);

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Runs a consumer script with Node, asynchronously: the API it calls is served by this very process. */
async function node(file: string, env: NodeJS.ProcessEnv = {}): Promise<unknown> {
  return JSON.parse(
    await run(process.execPath, [file], { cwd: consumer, env: { ...process.env, ...env, API_URL: site.url } }),
  );
}

/** Loads `<page>.html` of the consumer in headless Chromium and resolves with what the page reported. */
async function inChromium(page: string): Promise<Record<string, unknown>> {
  const browser = openInChromium(`${site.url}/${page}.html`);
  cleanups.unshift(() => browser.stop());
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(browser.output())), 60_000);
  });
  try {
    return (await Promise.race([site.report(page), timeout])) as Record<string, unknown>;
  } finally {
    clearTimeout(timer);
    await browser.stop();
  }
}

describe("release", () => {
  it("versions every package from the pending changesets", () => {
    expect(Object.keys(release.versions).sort()).toEqual([
      "@chat-sdk/livechat-configuration",
      "@chat-sdk/livechat-configuration-types",
      "@chat-sdk/rocket-chat",
      "@chat-sdk/rocket-chat-types",
      "@chat-sdk/runtime",
    ]);
    for (const version of Object.values(release.versions)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("versions each package from its own changesets alone: a types package does not copy its client's version", () => {
    expect(Object.keys(release.decided).sort()).toEqual(Object.keys(release.versions).sort());
    expect(release.versions).toEqual(release.decided);
  });

  it("gives each package a changelog entry for each of its own changesets, and none for another package's", () => {
    for (const [name, changelog] of Object.entries(release.changelogs)) {
      const own = release.changesets.filter((changeset) => name in changeset.bumps).map((c) => c.firstLine);
      expect(own.length, name).toBeGreaterThan(0);
      expect(newestEntries(changelog), name).toEqual({ version: release.versions[name], entries: expect.any(Array) });
      expect(newestEntries(changelog).entries.sort(), name).toEqual(own.sort());
    }
  });

  it("writes changelogs from the changesets' words, without spec-diff's coverage markers", () => {
    for (const [name, changelog] of Object.entries(release.changelogs)) {
      expect(changelog, name).toContain("First release");
      expect(changelog, name).not.toContain("spec-diff");
    }
  });

  it("packs only what a consumer needs: dist, README, LICENSE, CHANGELOG, package.json", () => {
    for (const [name, files] of Object.entries(release.tarballs)) {
      expect(files, name).toEqual(expect.arrayContaining(["CHANGELOG.md", "LICENSE", "README.md", "package.json"]));
      expect(files.filter((file) => file.startsWith("dist/")).length, name).toBeGreaterThan(0);
    }
  });

  it("publishes every package to the registry", async () => {
    for (const [name, version] of Object.entries(release.versions)) {
      const response = await fetch(`${registry.url}${name.replace("/", "%2F")}`, {
        headers: { accept: "application/json", connection: "close" },
      });
      const packument = (await response.json()) as {
        versions: Record<string, { dependencies?: Record<string, string> }>;
      };
      expect(Object.keys(packument.versions), name).toContain(version);
      for (const range of Object.values(packument.versions[version]?.dependencies ?? {})) {
        expect(range, `${name} must not publish workspace: ranges`).not.toMatch(/^workspace:/);
      }
    }
  });
});

describe("publishing elsewhere", () => {
  it("refuses the public registry without provenance, and allows it with it or any other registry", () => {
    expect(publishRefusal({})).toMatch(/needs provenance.*NPM_CONFIG_PROVENANCE=true/);
    expect(publishRefusal({ npm_config_registry: "https://registry.npmjs.org/" })).toBeDefined();
    expect(publishRefusal({ NPM_CONFIG_PROVENANCE: "true" })).toBeUndefined();
    expect(publishRefusal({ npm_config_registry: registry.url })).toBeUndefined();
    expect(publishRefusal({ npm_config_registry: "not a url" })).toMatch(/not a URL/);
  });
});

describe("a consumer project", () => {
  it("imports the packages from ESM and calls one operation of each", async () => {
    site.apiRequests.length = 0;
    expect(await node("esm.mjs")).toEqual({
      created: { id: "smith@example.com" },
      total: 7,
      liveChatError: "function",
    });
    expect(
      site.apiRequests.map((r) => [r.method, r.path, r.headers.authorization ?? r.headers["x-auth-token"]]),
    ).toEqual([
      ["POST", "/action/create_agent", "Bearer fra:esm"],
      ["GET", "/api/v1/livechat/queue", "t1"],
    ]);
    expect(site.apiRequests[0]?.headers["x-region"]).toBe("fra");
  });

  it("receives a webhook through @chat-sdk/livechat-configuration/webhooks: typed envelope, then wrong-secret", async () => {
    const secret = randomUUID();
    const envelope = {
      webhook_id: randomUUID(),
      secret_key: secret,
      action: "incoming_chat",
      organization_id: randomUUID(),
      payload: { chat: { id: randomUUID() } },
    };
    const result = (await node("webhooks.mjs", { WEBHOOK_BODY: JSON.stringify(envelope), WEBHOOK_SECRET: secret })) as {
      logged: string;
    };
    expect(result).toEqual({
      hook: envelope,
      refused: { webhookError: true, reason: "wrong-secret", status: 401 },
      logged: expect.stringContaining("wrong-secret"),
    });
    expect(result.logged).not.toContain(secret);
  });

  it("requires the packages from CommonJS", async () => {
    site.apiRequests.length = 0;
    expect(await node("cjs.cjs")).toEqual({
      created: { id: "smith@example.com" },
      total: 7,
      rocketChatError: "function",
    });
    expect(site.apiRequests).toHaveLength(2);
  });

  // The client re-exports its types package; a build that inlined it would ship a second, unrelated copy of every
  // type. Read from node_modules: what npm installed from the published tarball.
  it.each(["livechat-configuration", "rocket-chat"])("@chat-sdk/%s's .d.ts imports its types, with no copy", (api) => {
    const installed = (name: string) => path.join(consumer, "node_modules", "@chat-sdk", name);
    const manifest = JSON.parse(readFileSync(path.join(installed(api), "package.json"), "utf8")) as { version: string };
    expect(manifest.version).toBe(release.versions[`@chat-sdk/${api}`]);
    for (const file of ["index.d.ts", "index.d.cts"]) {
      expect(release.tarballs[`@chat-sdk/${api}`]).toContain(`dist/${file}`);
      const types = readFileSync(path.join(installed(`${api}-types`), "dist", file), "utf8");
      const typeNames = exportedTypeNames(types);
      // The detector finds the declarations where they belong, so finding none in the client means something.
      expect(declaredNames(types)).toEqual(expect.arrayContaining(["paths", "components", "operations", "webhooks"]));
      expect(typeNames).toEqual(expect.arrayContaining(["paths", "components", "operations", "webhooks"]));
      const client = readFileSync(path.join(installed(api), "dist", file), "utf8");
      expect(client).toMatch(new RegExp(`^import .* from "@chat-sdk/${api}-types";$`, "m"));
      expect(client).toContain(`export type * from "@chat-sdk/${api}-types";`);
      expect(declaredNames(client).filter((name) => typeNames.includes(name))).toEqual([]);
    }
  });

  it.each(["bundler", "node16"])("type-checks with moduleResolution %s", async (resolution) => {
    const tsc = path.join(consumer, "node_modules", ".bin", "tsc");
    await expect(run(tsc, ["-p", `tsconfig.${resolution}.json`], { cwd: consumer })).resolves.toBe("");
  });

  it("runs the team's own vitest suite on the testing kits (msw 2), every test passing", async () => {
    const vitest = path.join(consumer, "node_modules", "vitest", "vitest.mjs");
    const report = path.join(consumer, "kit-results.json");
    await run(process.execPath, [vitest, "run", "kit/", "--reporter=json", `--outputFile=${report}`], {
      cwd: consumer,
    });
    const results = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number };
    expect(results.numFailedTests).toBe(0);
    expect(results.numPassedTests).toBe(8);
  });

  it("type-checks the kit suite, where every wrong override is an error", async () => {
    const tsc = path.join(consumer, "node_modules", ".bin", "tsc");
    await expect(run(tsc, ["-p", "tsconfig.kit.json"], { cwd: consumer })).resolves.toBe("");
    // Without the @ts-expect-error lines the same file fails, once per wrong override: the check can fail.
    const file = path.join(consumer, "kit", "kit-types.ts");
    writeFileSync(file, readFileSync(file, "utf8").replaceAll("// @ts-expect-error", "// expected:"));
    const failed = await run(tsc, ["-p", "tsconfig.kit.json"], { cwd: consumer }).catch(
      (error: Error) => error.message,
    );
    expect(failed.match(/kit-types\.ts\(\d+,\d+\): error TS/g)).toHaveLength(4);
  });

  it("runs the same calls in headless Chromium from a page served on 127.0.0.1", async () => {
    site.apiRequests.length = 0;
    const result = await inChromium("index");
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ created: { id: "smith@example.com" }, total: 7 });
    expect(result.userAgent).toMatch(/Chrome/);
    expect(site.apiRequests.map((r) => [r.method, r.path, r.headers["x-region"]])).toEqual([
      ["POST", "/action/create_agent", "fra"],
      ["GET", "/api/v1/livechat/queue", undefined],
    ]);
  }, 90_000);

  it("sends form, multipart and binary bodies and reads text, Blob and 204 responses in Chromium", async () => {
    site.mediaRequests.length = 0;
    const result = await inChromium("media");
    expect(result.error).toBeUndefined();
    const [form, multipart, binary, text, download, deleted, ...rest] = site.mediaRequests;
    expect(rest).toEqual([]);

    // form-urlencoded: the array repeats its key, the object is `key[prop]`, undefined is left out, all percent-encoded.
    expect(form).toMatchObject({ method: "POST", path: "/media/form", query: "?dry=true" });
    expect(form?.contentType).toBe("application/x-www-form-urlencoded");
    expect(form?.body.toString("latin1")).toBe("name=Agent%20Smith&tags=a%20b&tags=%C3%BC%26c&meta%5Blang%5D=en");

    // multipart: the browser's own boundary; the File keeps its name, type and bytes, the string is UTF-8.
    expect(multipart).toMatchObject({ method: "POST", path: "/media/users/u%201/avatar", query: "" });
    expect(multipart?.contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
    const parts = await new Response(new Uint8Array(multipart?.body ?? []), {
      headers: { "content-type": multipart?.contentType ?? "" },
    }).formData();
    expect([...parts.keys()]).toEqual(["file", "caption"]);
    const file = parts.get("file") as File;
    expect([file.name, file.type]).toEqual(["avatar.png", "image/png"]);
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
    expect(parts.get("caption")).toBe("Grüße ✓");

    // A Uint8Array body goes out byte for byte under the operation's media type.
    expect(binary).toMatchObject({ method: "PUT", path: "/media/blobs/data.bin", query: "" });
    expect(binary?.contentType).toBe("application/octet-stream");
    expect([...(binary?.body ?? [])]).toEqual([0, 1, 2, 127, 128, 254, 255]);

    // Nothing is sent with the calls that have no body.
    for (const [request, method] of [
      [text, "GET"],
      [download, "GET"],
      [deleted, "DELETE"],
    ] as const) {
      expect(request?.method).toBe(method);
      expect(request?.contentType).toBeUndefined();
      expect(request?.body.length).toBe(0);
    }
    expect([text?.path, download?.path, deleted?.path]).toEqual([
      "/media/motd",
      "/media/blobs/data.bin",
      "/media/blobs/data.bin",
    ]);

    // What each call resolved to in the page: JSON echoes of the uploads' sizes, a string, a Blob, undefined.
    expect(result).toEqual({
      form: { received: form?.body.length },
      multipart: { received: multipart?.body.length },
      binary: { received: 7 },
      text: MOTD,
      download: { blob: true, type: "application/octet-stream", bytes: [...DOWNLOAD] },
      noContent: "undefined",
    });
  }, 90_000);
});

describe("a consumer of the types packages alone (a server or a mock)", () => {
  const tsc = () => path.join(typesConsumer, "node_modules", ".bin", "tsc");

  it("installs no runtime: the types packages have no dependency", () => {
    expect(readdirSync(path.join(typesConsumer, "node_modules", "@chat-sdk")).sort()).toEqual(
      TYPES_PACKAGES.map((name) => name.replace("@chat-sdk/", "")).sort(),
    );
  });

  it("type-checks a server and a webhook receiver typed with the types alone, from ESM and CommonJS", async () => {
    await expect(run(tsc(), ["-p", "tsconfig.json"], { cwd: typesConsumer })).resolves.toBe("");
    const emitted = ["server.js", "server.cjs", "webhooks.js"].map((file) =>
      readFileSync(path.join(typesConsumer, "out", file), "utf8"),
    );
    expect(emitted[0]).toContain("export function createAgent(body)");
    expect(emitted[1]).toContain("exports.created = created;");
    expect(emitted[2]).toContain("export function route(hook)");
    // No runtime import of any @chat-sdk package survives compilation.
    for (const js of emitted) expect(js).not.toMatch(/(import|require)\b[^;\n]*@chat-sdk|from\s*["']@chat-sdk/);
  });

  it("rejects wrong code: without the @ts-expect-error lines, exactly one error per removed line", () => {
    const expected: Record<string, number> = {};
    for (const name of ["server.ts", "webhooks.ts"]) {
      const file = path.join(typesConsumer, name);
      const source = readFileSync(file, "utf8");
      expected[name] = source.split("// @ts-expect-error").length - 1;
      writeFileSync(file, source.replaceAll("// @ts-expect-error", "// expected:"));
    }
    // spawnSync for tsc's whole report: run() keeps only the end of a failure's output, and these messages are long.
    const report = spawnSync(tsc(), ["-p", "tsconfig.json"], { cwd: typesConsumer, encoding: "utf8" }).stdout;
    const errors = (name: string) => report.split("\n").filter((line) => line.startsWith(`${name}(`)).length;
    expect(expected).toEqual({ "server.ts": 3, "webhooks.ts": 3 });
    for (const [name, count] of Object.entries(expected)) expect(errors(name), name).toBe(count);
  });
});
