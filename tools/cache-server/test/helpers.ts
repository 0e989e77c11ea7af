import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { type CacheServer, type CacheServerOptions, createCacheServer } from "../src/server.ts";

export const WRITE_TOKEN = "write-token-for-tests";
export const READ_TOKEN = "read-token-for-tests";

export function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts a server on 127.0.0.1 (ephemeral port) that is closed after the test. */
export async function startServer(
  options: Partial<CacheServerOptions> = {},
): Promise<CacheServer & { url: string; dir: string }> {
  const dir = options.dir ?? temporaryDir("cache-server-");
  const started = await createCacheServer({
    dir,
    tokens: { readWrite: WRITE_TOKEN, readOnly: READ_TOKEN },
    ...options,
  });
  await new Promise<void>((resolve) => started.server.listen(0, "127.0.0.1", resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        started.server.close(() => resolve());
        // fetch keeps connections alive; close() alone would wait for them.
        started.server.closeAllConnections();
      }),
  );
  const { port } = started.server.address() as AddressInfo;
  return { ...started, dir, url: `http://127.0.0.1:${port}` };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
