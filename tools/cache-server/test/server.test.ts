import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bearer, READ_TOKEN, startServer, temporaryDir, WRITE_TOKEN } from "./helpers.ts";

const ARCHIVE = Buffer.from("pretend this is a tar archive \u0000\u0001\u00ff");

/** node:http sends the path as given; fetch would normalise dot segments before the server sees them. */
function rawStatus(url: string, method: string, path: string, token?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = token === undefined ? {} : bearer(token);
    const outgoing = request(url, { method, path, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on("error", reject);
    outgoing.end(method === "PUT" ? ARCHIVE : undefined);
  });
}

async function put(url: string, body: Buffer, token = WRITE_TOKEN): Promise<Response> {
  return fetch(url, {
    method: "PUT",
    body: new Uint8Array(body),
    headers: { ...bearer(token), "content-type": "application/octet-stream" },
  });
}

describe("GET and PUT /v1/cache/{hash} (Nx self-hosted cache protocol)", () => {
  it("stores an archive once and serves the same bytes back", async () => {
    const { url, stats } = await startServer();
    const stored = await put(`${url}/v1/cache/123456`, ARCHIVE);
    expect(stored.status).toBe(200);

    const fetched = await fetch(`${url}/v1/cache/123456`, { headers: bearer(WRITE_TOKEN) });
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("content-type")).toBe("application/octet-stream");
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(ARCHIVE);
    expect(stats).toMatchObject({ stored: 1, hits: 1, misses: 0 });
  });

  it("answers 404 for a hash it does not have", async () => {
    const { url, stats } = await startServer();
    const response = await fetch(`${url}/v1/cache/999`, { headers: bearer(WRITE_TOKEN) });
    expect(response.status).toBe(404);
    expect(stats.misses).toBe(1);
  });

  it("answers 409 to a second upload of a hash and keeps the first archive", async () => {
    const { url, dir } = await startServer();
    expect((await put(`${url}/v1/cache/42`, ARCHIVE)).status).toBe(200);
    const second = await put(`${url}/v1/cache/42`, Buffer.from("other bytes"));
    expect(second.status).toBe(409);
    expect(readFileSync(join(dir, "42"))).toEqual(ARCHIVE);
  });

  it("lets exactly one of two concurrent uploads of the same hash win, leaving no temp files", async () => {
    const { url, dir } = await startServer();
    const big = Buffer.alloc(4 * 1024 * 1024, 7);
    const statuses = await Promise.all([put(`${url}/v1/cache/77`, big), put(`${url}/v1/cache/77`, big)]);
    expect(statuses.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(readdirSync(join(dir, ".incoming"))).toEqual([]);
  });
});

describe("authentication", () => {
  it("answers 401 with a plain-text message without a token or with a wrong one, and stores nothing", async () => {
    const { url, dir } = await startServer();
    const missing = await fetch(`${url}/v1/cache/1`, { method: "PUT", body: new Uint8Array(ARCHIVE) });
    const wrong = await put(`${url}/v1/cache/1`, ARCHIVE, "not-the-token");
    const notBearer = await fetch(`${url}/v1/cache/1`, { headers: { authorization: `Basic ${WRITE_TOKEN}` } });
    for (const response of [missing, wrong, notBearer]) {
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("text/plain");
      expect(await response.text()).toBe("Missing or invalid authentication token.");
    }
    expect(readdirSync(dir)).toEqual([".incoming"]);
  });

  it("lets a read-only token download but answers 403 to its uploads", async () => {
    const { url } = await startServer();
    await put(`${url}/v1/cache/5`, ARCHIVE);
    expect((await fetch(`${url}/v1/cache/5`, { headers: bearer(READ_TOKEN) })).status).toBe(200);
    const upload = await put(`${url}/v1/cache/6`, ARCHIVE, READ_TOKEN);
    expect(upload.status).toBe(403);
    expect((await fetch(`${url}/v1/cache/6`, { headers: bearer(WRITE_TOKEN) })).status).toBe(404);
  });
});

describe("bounds and hostile input", () => {
  it("answers 413 to an archive above the size limit before reading it", async () => {
    const { url, dir } = await startServer({ maxEntryBytes: 1024 });
    const response = await put(`${url}/v1/cache/8`, Buffer.alloc(1025));
    expect(response.status).toBe(413);
    expect(readdirSync(dir)).toEqual([".incoming"]);
    expect((await put(`${url}/v1/cache/8`, Buffer.alloc(1024))).status).toBe(200);
  });

  it("answers 411 to an upload without Content-Length (chunked)", async () => {
    const { url } = await startServer();
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = request(`${url}/v1/cache/9`, { method: "PUT", headers: bearer(WRITE_TOKEN) }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      outgoing.on("error", reject);
      outgoing.write("part one");
      outgoing.end("part two");
    });
    expect(status).toBe(411);
  });

  it.each(["..%2F..%2Fetc%2Fpasswd", "..", "%2E%2E", ".incoming", "abc.def", "%00", "a".repeat(129)])(
    "refuses the hash %j with 400 and writes nothing outside its directory",
    async (hash) => {
      const { url, dir } = await startServer();
      const upload = await rawStatus(url, "PUT", `/v1/cache/${hash}`, WRITE_TOKEN);
      const download = await rawStatus(url, "GET", `/v1/cache/${hash}`, WRITE_TOKEN);
      expect([upload, download]).toEqual([400, 400]);
      expect(readdirSync(dir)).toEqual([".incoming"]);
    },
  );

  it("checks the token before the hash, so probing needs a token", async () => {
    const { url } = await startServer();
    expect(await rawStatus(url, "GET", "/v1/cache/..")).toBe(401);
  });

  it("answers 404 outside /v1/cache/{hash} and 405 to other methods", async () => {
    const { url } = await startServer();
    expect((await fetch(`${url}/v1/cache`, { headers: bearer(WRITE_TOKEN) })).status).toBe(404);
    expect((await fetch(`${url}/v1/cache/1/2`, { headers: bearer(WRITE_TOKEN) })).status).toBe(404);
    const deleted = await fetch(`${url}/v1/cache/1`, { method: "DELETE", headers: bearer(WRITE_TOKEN) });
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get("allow")).toBe("GET, PUT");
  });
});

/** The client Nx itself uses for NX_SELF_HOSTED_REMOTE_CACHE_SERVER (Rust, nx/src/native/cache/http_remote_cache.rs). */
interface NxHttpRemoteCache {
  retrieve(hash: string, cacheDirectory: string): Promise<{ code: number; terminalOutput?: string } | null>;
  /** true: stored (200); false: not stored but fine (403, 409); throws on anything else, which fails the Nx run. */
  store(hash: string, cacheDirectory: string, terminalOutput: string, code: number): Promise<boolean>;
}
const { HttpRemoteCache } = createRequire(import.meta.url)("nx/src/native") as {
  HttpRemoteCache: new () => NxHttpRemoteCache;
};

/** Nx reads the server and token from the environment when its client is created. */
function nxClient(server: string, token: string): NxHttpRemoteCache {
  const saved = [process.env.NX_SELF_HOSTED_REMOTE_CACHE_SERVER, process.env.NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN];
  process.env.NX_SELF_HOSTED_REMOTE_CACHE_SERVER = server;
  process.env.NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN = token;
  try {
    return new HttpRemoteCache();
  } finally {
    for (const [key, value] of [
      ["NX_SELF_HOSTED_REMOTE_CACHE_SERVER", saved[0]],
      ["NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN", saved[1]],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** A task result in an Nx local cache layout (`<cacheDirectory>/<hash>/...`), as Nx's store() reads it. */
function taskOutput(cacheDirectory: string, hash: string, bytes: number): Buffer {
  const content = randomBytes(bytes);
  mkdirSync(join(cacheDirectory, hash, "dist"), { recursive: true });
  writeFileSync(join(cacheDirectory, hash, "dist/index.js"), content);
  return content;
}

describe("with Nx's own client (nx/src/native HttpRemoteCache)", () => {
  // Incompressible and larger than the socket buffers: an answer sent before the body is read reaches Nx as a
  // broken pipe, not as the 403 or 409 it would go on after.
  const LARGE = 16 * 1024 * 1024;

  it("stores a task result, answers a second upload with 409 and restores the result elsewhere", async () => {
    const { url, stats } = await startServer();
    const local = temporaryDir("nx-local-");
    const content = taskOutput(local, "1001", 1000);
    const nx = nxClient(url, WRITE_TOKEN);
    expect(await nx.store("1001", local, "built", 0)).toBe(true);
    expect(await nx.store("1001", local, "built", 0)).toBe(false);

    const elsewhere = temporaryDir("nx-other-");
    const restored = await nx.retrieve("1001", elsewhere);
    expect(restored).toMatchObject({ code: 0, terminalOutput: "built" });
    expect(readFileSync(join(elsewhere, "1001/dist/index.js"))).toEqual(content);
    expect(await nx.retrieve("1002", elsewhere)).toBeNull();
    expect(stats).toMatchObject({ stored: 1, conflicts: 1, hits: 1, misses: 1 });
  });

  it("lets a large upload with the read-only token end in 403 (not stored), which Nx goes on after", async () => {
    const { url, stats } = await startServer();
    const local = temporaryDir("nx-local-");
    taskOutput(local, "2001", LARGE);
    expect(await nxClient(url, READ_TOKEN).store("2001", local, "", 0)).toBe(false);
    expect(stats).toMatchObject({ stored: 0, rejected: 1 });
    expect(await nxClient(url, WRITE_TOKEN).retrieve("2001", local)).toBeNull();
  });

  it("lets a large second upload of a hash end in 409, which Nx goes on after", async () => {
    const { url, stats } = await startServer();
    const local = temporaryDir("nx-local-");
    taskOutput(local, "3001", LARGE);
    const nx = nxClient(url, WRITE_TOKEN);
    expect(await nx.store("3001", local, "", 0)).toBe(true);
    expect(await nx.store("3001", local, "", 0)).toBe(false);
    expect(stats).toMatchObject({ stored: 1, conflicts: 1 });
  });

  it("makes Nx report a wrong token as Unauthorized with the server's message", async () => {
    const { url } = await startServer();
    await expect(nxClient(url, "not-the-token").retrieve("4001", temporaryDir("nx-local-"))).rejects.toThrow(
      "Unauthorized: Missing or invalid authentication token.",
    );
  });

  it("serves a server address ending in / (Nx then asks for //v1/cache/{hash})", async () => {
    const { url, stats } = await startServer();
    const local = temporaryDir("nx-local-");
    taskOutput(local, "5001", 100);
    const nx = nxClient(`${url}/`, WRITE_TOKEN);
    expect(await nx.store("5001", local, "", 0)).toBe(true);
    expect(await nx.retrieve("5001", temporaryDir("nx-other-"))).toMatchObject({ code: 0 });
    // A miss counted as such: the route matched (a path it does not serve would be a plain 404).
    expect(await nx.retrieve("5002", temporaryDir("nx-other-"))).toBeNull();
    expect(stats).toMatchObject({ stored: 1, hits: 1, misses: 1 });
  });
});
