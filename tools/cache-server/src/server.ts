import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { finished, pipeline } from "node:stream/promises";
import { accessOf, type Tokens } from "./auth.ts";
import { DiskStore, isValidHash } from "./store.ts";

/**
 * A remote cache server for Nx (>= 20.8) following Nx's published OpenAPI description of the self-hosted cache:
 * `GET /v1/cache/{hash}` answers 200 with the tar archive or 404; `PUT /v1/cache/{hash}` takes the archive
 * (`Content-Length` required) and answers 200, or 409 when that hash is already stored. Both need
 * `Authorization: Bearer <token>`: 401 when it is missing or unknown, 403 when a read-only token tries to upload.
 *
 * What Nx's client (nx/src/native/cache/http_remote_cache.rs) adds to the description: it treats a PUT's 200 as
 * stored and 403 and 409 as "not stored, carry on", but only if it can read that answer; so those two are sent
 * after the whole body was read (closing the connection mid-upload makes it fail with "Broken pipe" instead, which
 * fails the Nx run). It builds URLs as `${server}/v1/cache/${hash}`, so a server address ending in `/` asks for
 * `//v1/cache/{hash}`, which is served the same.
 */
export interface CacheServerOptions {
  /** Directory holding one file per task hash; created if missing. */
  dir: string;
  tokens: Tokens;
  /** Largest archive accepted, in bytes (413 above it). Default 512 MiB. */
  maxEntryBytes?: number;
}

export const DEFAULT_MAX_ENTRY_BYTES = 512 * 1024 * 1024;

/** Counts per outcome, so tests and operators can see what the cache served. */
export interface CacheStats {
  hits: number;
  misses: number;
  stored: number;
  conflicts: number;
  rejected: number;
}

export interface CacheServer {
  server: Server;
  stats: CacheStats;
}

const ROUTE = /^\/+v1\/cache\/([^/?#]*)(?:\?.*)?$/;

export async function createCacheServer(options: CacheServerOptions): Promise<CacheServer> {
  const store = new DiskStore(options.dir);
  await store.init();
  const maxEntryBytes = options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES;
  const stats: CacheStats = { hits: 0, misses: 0, stored: 0, conflicts: 0, rejected: 0 };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const hash = ROUTE.exec(request.url ?? "")?.[1];
    if (hash === undefined) return reply(response, 404, "Not found");
    if (request.method !== "GET" && request.method !== "PUT") {
      response.setHeader("Allow", "GET, PUT");
      return reply(response, 405, "Method not allowed");
    }
    const access = accessOf(request.headers.authorization, options.tokens);
    if (access === "none") {
      stats.rejected++;
      return reply(response, 401, "Missing or invalid authentication token.");
    }
    if (!isValidHash(hash)) return reply(response, 400, "Invalid hash");

    if (request.method === "GET") {
      const size = await store.size(hash);
      if (size === undefined) {
        stats.misses++;
        return reply(response, 404, "The record was not found");
      }
      stats.hits++;
      response.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": size });
      await pipeline(store.read(hash), response);
      return;
    }

    const declared = request.headers["content-length"];
    if (declared === undefined || !/^\d+$/.test(declared)) return reply(response, 411, "Content-Length required");
    if (Number(declared) > maxEntryBytes) return reply(response, 413, `Archive larger than ${maxEntryBytes} bytes`);
    // Nx goes on after a 403 or 409 only if it reads the answer: read the (bounded) body first, see above.
    if (access !== "read-write") {
      stats.rejected++;
      await discardBody(request);
      return reply(response, 403, "Access forbidden: this token may only read the cache.");
    }
    if (await store.has(hash)) {
      stats.conflicts++;
      await discardBody(request);
      return reply(response, 409, "Cannot override an existing record");
    }
    const result = await store.write(hash, request, Number(declared));
    if (result === "exists") stats.conflicts++;
    if (result === "stored") stats.stored++;
    const answers = {
      stored: [200, "Stored"],
      exists: [409, "Cannot override an existing record"],
      "size-mismatch": [400, "Body length does not match Content-Length"],
    } as const;
    const [status, message] = answers[result];
    return reply(response, status, message);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(`cache-server: ${request.method} failed:`, error instanceof Error ? error.message : error);
      if (!response.headersSent) reply(response, 500, "Internal error");
      else response.destroy();
    });
  });
  // A stalled upload must not hold a connection (and a temp file) forever.
  server.requestTimeout = 5 * 60_000;
  return { server, stats };
}

/** Reads and drops a request body (its length is already bounded by maxEntryBytes). */
async function discardBody(request: IncomingMessage): Promise<void> {
  request.resume();
  await finished(request);
}

/**
 * Answers with a plain-text message (the protocol shows it to the Nx user). When the request body was not read
 * (early 4xx on an upload), the connection is closed instead of draining a body of any size.
 */
function reply(response: ServerResponse, status: number, message: string): void {
  const unread = response.req.method === "PUT" && !response.req.readableEnded;
  response.writeHead(status, {
    // Nx rejects a 401 whose Content-Type is anything but exactly `text/plain` ("Misconfigured remote cache endpoint").
    "Content-Type": "text/plain",
    ...(unread ? { Connection: "close" } : {}),
  });
  response.end(message);
}
