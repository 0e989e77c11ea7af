/**
 * Per-call overhead of a generated method vs bare openapi-fetch vs a plain `fetch`, all in this process against
 * the same stubbed `fetch` (no network), so what is measured is the client code itself. Rounds alternate between
 * the contenders so that machine drift hits them alike.
 *
 * A generated method gives every attempt an abortable timeout (60 s by default), and in Node a Request that follows
 * an AbortSignal costs ~2-3 µs on its own. So the method is compared with bare openapi-fetch twice: as is, and
 * given the same timeout signal (the same work). Target: <= 1.10x openapi-fetch doing the same work; the ratio to
 * plain bare openapi-fetch is printed next to it, and `timeoutMs: 0` (no timeout) shows the method without the
 * signal.
 */
import { createLiveChatConfigurationClient, type paths } from "@chat-sdk/livechat-configuration";
import createClient from "openapi-fetch";

const CALLS = Number(process.env.BENCH_CALLS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const BASE = "https://api.livechatinc.com/v3.5/configuration";
const TOKEN = "dal:bench-token";
const body = { id: "smith@example.com", name: "Agent Smith" };
const stubFetch = async (_request: Request) =>
  new Response('{"id":"smith@example.com"}', { status: 200, headers: { "content-type": "application/json" } });

const plain = async () => {
  const response = await stubFetch(
    new Request(`${BASE}/action/create_agent`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  return response.json();
};
const bare = createClient<paths>({ baseUrl: BASE, fetch: stubFetch, headers: { Authorization: `Bearer ${TOKEN}` } });
const viaOpenapiFetch = () => bare.POST("/action/create_agent", { body });
const viaOpenapiFetchWithTimeout = async () => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    return await bare.POST("/action/create_agent", { body, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
};
const sdk = createLiveChatConfigurationClient({ auth: { accessToken: TOKEN }, fetch: stubFetch });
const viaGenerated = () => sdk.createAgent(body);
const viaGeneratedNoTimeout = () => sdk.createAgent(body, { timeoutMs: 0 });

const contenders = {
  "plain fetch": plain,
  "bare openapi-fetch": viaOpenapiFetch,
  "openapi-fetch+timeout": viaOpenapiFetchWithTimeout,
  "generated method": viaGenerated,
  "generated, no timeout": viaGeneratedNoTimeout,
};
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));

async function time(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) await call();
  return ((performance.now() - start) * 1000) / CALLS; // µs per call
}

for (const call of Object.values(contenders)) await time(call); // warm-up: JIT and caches
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, call] of Object.entries(contenders)) samples[name]?.push(await time(call));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const result = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
const bareUs = result["bare openapi-fetch"] as number;
const sameWorkUs = result["openapi-fetch+timeout"] as number;
console.log(`per-call time, median of ${ROUNDS} rounds x ${CALLS} calls (stubbed fetch):`);
for (const [name, us] of Object.entries(result)) {
  const vsBare = `${(us / bareUs).toFixed(2)}x bare`;
  console.log(
    `  ${name.padEnd(22)} ${us.toFixed(2).padStart(8)} µs   ${vsBare}   ${(us / sameWorkUs).toFixed(2)}x same work`,
  );
}
const sameWork = (result["generated method"] as number) / sameWorkUs;
const noTimeout = (result["generated, no timeout"] as number) / bareUs;
console.log(`generated method / openapi-fetch with the same timeout: ${sameWork.toFixed(2)}x (target <= 1.10x)`);
console.log(`generated method without timeout / bare openapi-fetch: ${noTimeout.toFixed(2)}x (target <= 1.10x)`);
const ok = sameWork <= 1.1 && noTimeout <= 1.1;
console.log(ok ? "✔ within targets" : "✖ over target");
process.exitCode = ok ? 0 : 1;
