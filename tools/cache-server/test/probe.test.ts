import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { preTasksExecution } from "../src/nx-plugin.ts";
import { probeRemoteCache } from "../src/probe.ts";
import { READ_TOKEN, startServer, WRITE_TOKEN } from "./helpers.ts";

const SERVER = "NX_SELF_HOSTED_REMOTE_CACHE_SERVER";
const TOKEN = "NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN";
const saved = { server: process.env[SERVER], token: process.env[TOKEN] };

afterEach(() => {
  for (const [key, value] of [
    [SERVER, saved.server],
    [TOKEN, saved.token],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe("probeRemoteCache", () => {
  it("accepts a server that answers a miss, with either token, and a trailing slash in the address", async () => {
    const { url } = await startServer();
    expect(await probeRemoteCache(url, WRITE_TOKEN)).toBeUndefined();
    expect(await probeRemoteCache(`${url}/`, READ_TOKEN)).toBeUndefined();
  });

  it("names a rejected token without showing it", async () => {
    const { url } = await startServer();
    const reason = await probeRemoteCache(url, "secret-but-wrong");
    expect(reason).toBe(`${url} rejected the access token (HTTP 401)`);
    expect(await probeRemoteCache(url, undefined)).toBe(`${url} rejected the access token (HTTP 401)`);
  });

  it("reports a server that is down, answers errors, or an address that is not a URL", async () => {
    const down = await closedPortUrl();
    expect(await probeRemoteCache(down, WRITE_TOKEN)).toBe(`${down} is unreachable`);
    const broken = createServer((_, response) => response.writeHead(502).end());
    await new Promise<void>((resolve) => broken.listen(0, "127.0.0.1", resolve));
    const brokenUrl = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
    try {
      expect(await probeRemoteCache(brokenUrl, WRITE_TOKEN)).toBe(`${brokenUrl} answered HTTP 502`);
    } finally {
      broken.closeAllConnections();
      broken.close();
    }
    expect(await probeRemoteCache("not a url", WRITE_TOKEN)).toBe("the server address is not a valid URL");
  });
});

describe("the Nx plugin's preTasksExecution", () => {
  it("changes nothing when no remote cache is configured or the server is healthy", async () => {
    delete process.env[SERVER];
    expect(await preTasksExecution()).toEqual({});
    const { url } = await startServer();
    process.env[SERVER] = url;
    process.env[TOKEN] = WRITE_TOKEN;
    expect(await preTasksExecution()).toEqual({});
    expect(process.env[SERVER]).toBe(url);
  });

  it("switches the remote cache off (empty value) when the token is wrong or the server is down", async () => {
    const { url } = await startServer();
    process.env[SERVER] = url;
    process.env[TOKEN] = "wrong";
    expect(await preTasksExecution()).toEqual({ [SERVER]: "" });
    expect(process.env[SERVER]).toBe("");

    process.env[SERVER] = await closedPortUrl();
    expect(await preTasksExecution()).toEqual({ [SERVER]: "" });
  });
});
