/**
 * Debian's Chromium, headless, on a fresh profile with no background traffic (as tools/release-e2e/src/chromium.ts),
 * driven over the DevTools protocol: `open` loads a page and returns a session that evaluates JavaScript in it and
 * takes screenshots. Redoc renders operations lazily and collapses tags, so the test has to act like a reader (expand,
 * scroll) before it reads the page. `stopAll` ends every browser started here with its process group.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { headlessChromium } from "@chat-sdk/test-utils/chromium";

const browsers = new Set<{ child: ChildProcess; profile: string }>();

export interface PageSession {
  /** Loads `url` in the page and waits for its load event. */
  goto(url: string): Promise<void>;
  evaluate<T>(expression: string): Promise<T>;
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

export async function open(url: string): Promise<PageSession> {
  const { binary, args: flags, profile } = headlessChromium("docs-chromium-");
  const args = [
    ...flags,
    "--window-size=1280,2000",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
    "about:blank",
  ];
  const child = spawn(binary, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  const browser = { child, profile };
  browsers.add(browser);
  const port = await new Promise<string>((resolve, reject) => {
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`no DevTools port from Chromium: ${stderr}`)), 30_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk;
      const match = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`Chromium exited with ${code}: ${stderr}`)));
  });
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    type: string;
    webSocketDebuggerUrl: string;
  }[];
  const page = targets.find((target) => target.type === "page");
  if (!page) throw new Error("Chromium opened no page");
  const socket = new WebSocket(page.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let loaded: () => void = () => {};
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as {
      id?: number;
      method?: string;
      result?: unknown;
      error?: { message: string };
    };
    if (message.method === "Page.loadEventFired") loaded();
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  };
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  const goto = async (target: string) => {
    const load = new Promise<void>((resolve) => {
      loaded = resolve;
    });
    await send("Page.navigate", { url: target });
    await load;
  };
  await send("Page.enable");
  await goto(url);
  return {
    goto,
    async evaluate<T>(expression: string) {
      const result = (await send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true })) as {
        result: { value: T };
        exceptionDetails?: { text: string };
      };
      if (result.exceptionDetails) throw new Error(`page script failed: ${result.exceptionDetails.text}`);
      return result.result.value;
    },
    async screenshot() {
      const result = (await send("Page.captureScreenshot", { format: "png" })) as { data: string };
      return Buffer.from(result.data, "base64");
    },
    async close() {
      socket.close();
      stop(browser);
    },
  };
}

function stop(browser: { child: ChildProcess; profile: string }): void {
  try {
    if (browser.child.pid && browser.child.exitCode === null) process.kill(-browser.child.pid, "SIGKILL");
  } catch {
    // already gone
  }
  browsers.delete(browser);
  rmSync(browser.profile, { recursive: true, force: true });
}

export function stopAll(): void {
  for (const browser of [...browsers]) stop(browser);
}
