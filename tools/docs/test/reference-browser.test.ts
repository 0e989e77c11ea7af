/**
 * The proof of the reference: both APIs' references are built (the `docs` target's command), each is served from
 * 127.0.0.1 and opened in headless Chromium. Redoc collapses each tag's operations behind "+ Show" and shows one tag at a time, so
 * the test opens every tag like a reader would (one page load each) and collects what the page shows: every operation's summary and the TypeScript
 * samples. Screenshots are saved under tools/docs/.test-output/. Every server and browser started here is stopped.
 */
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReference } from "../src/reference.ts";
import { apiSamples } from "../src/samples.ts";
import { type StaticServer, serveReference } from "../src/static-server.ts";
import { open, type PageSession, stopAll } from "./chromium.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const OUTPUT = fileURLToPath(new URL("../.test-output/", import.meta.url));
const APIS = ["livechat-configuration", "rocket-chat"];
const servers: StaticServer[] = [];
const pages: PageSession[] = [];

/** Waits until Redoc rendered the page; returns how many tags it collapsed behind "+ Show". */
const COUNT_TAGS = `(async () => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  for (let i = 0; i < 150 && !document.body.innerText.includes("Operations"); i++) await sleep(100);
  return [...document.querySelectorAll("button")].filter((b) => b.innerText.trim() === "+ Show").length;
})()`;

/** Opens the given tag like a reader (its "+ Show") and returns what the page shows while scrolling through it. */
const READ_TAG = (index: number) => `(async () => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  for (let i = 0; i < 150 && !document.body.innerText.includes("Operations"); i++) await sleep(100);
  const before = document.body.innerText.length;
  [...document.querySelectorAll("button")].filter((b) => b.innerText.trim() === "+ Show")[${index}]?.click();
  for (let i = 0; i < 50 && document.body.innerText.length <= before; i++) await sleep(100);
  await sleep(500);
  // Operations further down render when scrolled to: read the page while scrolling through it, pass after pass,
  // until a whole pass shows nothing new (a loaded machine renders late, so no fixed wait is trusted).
  const seen = new Set(document.body.innerText.split("\\n"));
  for (let pass = 0; pass < 8; pass++) {
    const known = seen.size;
    for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await sleep(60 + pass * 90);
      for (const line of document.body.innerText.split("\\n")) seen.add(line);
    }
    if (pass > 0 && seen.size === known) break;
  }
  return [...seen].join("\\n");
})()`;

/** Scrolls the first TypeScript sample into the middle of the window, for the screenshot. */
const SHOW_FIRST_SAMPLE = `(async () => {
  const sample = [...document.querySelectorAll("pre, code")].find((e) => e.textContent.includes("await client."));
  sample?.scrollIntoView({ block: "center" });
  await new Promise((resolve) => setTimeout(resolve, 500));
})()`;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  for (const api of APIS) await buildReference(ROOT, api);
}, 180_000);

afterAll(async () => {
  for (const page of pages.splice(0)) await page.close().catch(() => {});
  stopAll();
  for (const server of servers.splice(0)) await server.close();
});

describe.each(APIS)("the %s reference in Chromium", (api) => {
  it("shows every operation and the TypeScript sample with the package's method", async () => {
    const server = await serveReference(path.join(ROOT, "packages", api, "reference"));
    servers.push(server);
    const page = await open(`${server.url}/`);
    pages.push(page);
    const tags = await page.evaluate<number>(COUNT_TAGS);
    expect(tags).toBeGreaterThan(0);
    const { operations } = await apiSamples(ROOT, api);
    const calls = operations.map((op) => `await client.${op.name}(`);
    let text = "";
    // A second reading only if the first missed a sample: on a loaded machine (CI runs the release and cache tests
    // beside this one) Redoc can render a tag's code samples after the page stopped changing for a whole pass.
    for (let reading = 0; reading < 2 && calls.some((call) => !text.includes(call)); reading++) {
      for (let tag = 0; tag < tags; tag++) {
        if (tag > 0 || reading > 0) await page.goto(`${server.url}/`);
        text += `\n${await page.evaluate<string>(READ_TAG(tag))}`;
        if (tag === 0 && reading === 0) {
          await page.evaluate(SHOW_FIRST_SAMPLE);
          writeFileSync(path.join(OUTPUT, `${api}.png`), await page.screenshot());
        }
      }
    }
    expect(statSync(path.join(OUTPUT, `${api}.png`)).size).toBeGreaterThan(10_000);

    writeFileSync(path.join(OUTPUT, `${api}.txt`), text); // what the page showed, for a failure's diagnosis
    const missing = operations.map((op) => String(op.docs.summary)).filter((summary) => !text.includes(summary));
    expect(missing, "operation summaries the page did not show").toEqual([]);
    expect(text).toContain(`from "@chat-sdk/${api}"`);
    expect(text).toContain(api === "livechat-configuration" ? "client.listAgents(" : "client.getLivechatQueue(");
    const unshown = calls.filter((call) => !text.includes(call));
    expect(unshown, "operations whose TypeScript sample the page did not show").toEqual([]);
    if (api === "livechat-configuration") expect(text).toContain("only to update the agent role");
  });
});
