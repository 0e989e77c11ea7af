import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bearer, READ_TOKEN, startServer, WRITE_TOKEN } from "./helpers.ts";

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
