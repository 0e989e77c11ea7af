import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bearer, temporaryDir } from "./helpers.ts";

const CLI = join(import.meta.dirname, "../src/cli.ts");
const SECRET = "cli-test-secret-token";

/** Starts the CLI; resolves with its URL once it prints the listening line, or with its exit code and output. */
function startCli(args: string[], env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env } });
  let output = "";
  const ready = new Promise<{ url?: string; code?: number | null; output: string }>((resolve) => {
    const collect = (chunk: Buffer) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ url, output });
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("close", (code) => resolve({ code, output }));
  });
  return { child, ready };
}

describe("cache-server CLI", () => {
  it("serves the cache on 127.0.0.1 with the token from the environment and never prints the token", async () => {
    const dir = temporaryDir("cache-cli-");
    const { child, ready } = startCli(["--dir", dir, "--port", "0"], { CACHE_SERVER_TOKEN: SECRET });
    const started = await ready;
    try {
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const stored = await fetch(`${started.url}/v1/cache/1`, {
        method: "PUT",
        body: "archive",
        headers: bearer(SECRET),
      });
      expect(stored.status).toBe(200);
      expect((await fetch(`${started.url}/v1/cache/1`)).status).toBe(401);
    } finally {
      child.kill("SIGTERM");
    }
    const exited = await ready;
    expect(exited.output).not.toContain(SECRET);
  });

  it.each([
    [["--port", "0"], { CACHE_SERVER_TOKEN: SECRET }, "--dir is required"],
    [["--dir", "x"], {}, "CACHE_SERVER_TOKEN is not set"],
    [["--dir", "x", "--port", "70000"], { CACHE_SERVER_TOKEN: SECRET }, "--port must be an integer"],
    [["--dir", "x"], { CACHE_SERVER_TOKEN: SECRET, CACHE_SERVER_READ_TOKEN: SECRET }, "must differ"],
  ])("refuses to start with %j and exits 2", async (args, env, message) => {
    const { ready } = startCli(args, env);
    const result = await ready;
    expect(result.code).toBe(2);
    expect(result.output).toContain(message);
    expect(result.output).not.toContain(SECRET);
  });
});
