/**
 * One Node process of `pnpm bench`'s per-call benchmark (see call-overhead.bench.ts, which runs it on every Node it
 * finds). Plain JavaScript because Node 20 cannot run TypeScript. Prints one JSON object: per contender, the time of
 * a call in µs for each round, and the heap held per call with 10,000 calls in flight for each sample.
 *
 * Every contender sends the same LiveChat `create_agent` call to a stubbed `fetch` (no network), so what differs is
 * the client code. Each round runs the contenders in a fresh random order.
 */
import { createLiveChatConfigurationClient } from "@chat-sdk/livechat-configuration";
import createClient from "openapi-fetch";

const CALLS = Number(process.env.BENCH_CALLS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const IN_FLIGHT = 10_000;
const MEMORY_SAMPLES = Number(process.env.BENCH_MEMORY_SAMPLES ?? 5);
const BASE = "https://api.livechatinc.com/v3.5/configuration";
const TOKEN = "dal:bench-token";
const body = { id: "smith@example.com", name: "Agent Smith" };

/** The stub answers at once, or (for the memory test) only when `release()` is called. */
let hold;
const answer = () =>
  new Response('{"id":"smith@example.com"}', { status: 200, headers: { "content-type": "application/json" } });
// A held call keeps its Request, as a real fetch does until it answers.
const stubFetch = (request) =>
  hold ? new Promise((resolve) => hold.push({ request, answer: () => resolve(answer()) })) : answer();

const bare = createClient({ baseUrl: BASE, fetch: stubFetch, headers: { Authorization: `Bearer ${TOKEN}` } });
const sdk = createLiveChatConfigurationClient({ auth: { accessToken: TOKEN }, fetch: stubFetch });
const contenders = {
  "plain fetch": async () =>
    (
      await stubFetch(
        new Request(`${BASE}/action/create_agent`, {
          method: "POST",
          headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
          body: JSON.stringify(body),
        }),
      )
    ).json(),
  "bare openapi-fetch": () => bare.POST("/action/create_agent", { body }),
  // Like with like: what a user of bare openapi-fetch writes to get the same 60 s timeout.
  "openapi-fetch + timeout": () => bare.POST("/action/create_agent", { body, signal: AbortSignal.timeout(60_000) }),
  "generated method": () => sdk.createAgent(body),
  "generated, timeoutMs: 0": () => sdk.createAgent(body, { timeoutMs: 0 }),
};
const names = Object.keys(contenders);

function shuffled(list) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

async function timeOf(call) {
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) await call();
  return ((performance.now() - start) * 1000) / CALLS;
}

/** Heap bytes held per pending call: IN_FLIGHT calls started, their responses held back, then measured. */
async function heapPerCall(call) {
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  hold = [];
  const pending = [];
  for (let i = 0; i < IN_FLIGHT; i++) pending.push(call());
  await new Promise((resolve) => setTimeout(resolve, 0));
  globalThis.gc();
  const during = process.memoryUsage().heapUsed;
  const release = hold;
  hold = undefined;
  for (const held of release) held.answer();
  await Promise.all(pending);
  return (during - before) / IN_FLIGHT;
}

const time = Object.fromEntries(names.map((name) => [name, []]));
const memory = Object.fromEntries(names.map((name) => [name, []]));
for (const name of names) await timeOf(contenders[name]); // warm-up: JIT and caches
for (let round = 0; round < ROUNDS; round++) {
  for (const name of shuffled(names)) time[name].push(await timeOf(contenders[name]));
}
for (let sample = 0; sample < MEMORY_SAMPLES; sample++) {
  for (const name of shuffled(names)) memory[name].push(await heapPerCall(contenders[name]));
}
process.stdout.write(
  JSON.stringify({ node: process.version, calls: CALLS, rounds: ROUNDS, inFlight: IN_FLIGHT, time, memory }),
);
