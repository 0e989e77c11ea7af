#!/usr/bin/env node
import { parseArgs } from "node:util";
import { createCacheServer, DEFAULT_MAX_ENTRY_BYTES } from "./server.ts";

const USAGE = `Usage: node tools/cache-server/src/cli.ts --dir <directory> [--port 4873] [--host 127.0.0.1] [--max-entry-mb 512]

Environment:
  CACHE_SERVER_TOKEN        required; bearer token that may read and write (Nx: NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN)
  CACHE_SERVER_READ_TOKEN   optional; bearer token that may only read (uploads with it get 403)`;

function fail(message: string): never {
  console.error(`cache-server: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: { dir?: string; port?: string; host?: string; "max-entry-mb"?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      dir: { type: "string" },
      port: { type: "string", default: "4873" },
      host: { type: "string", default: "127.0.0.1" },
      "max-entry-mb": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.dir) fail("--dir is required");
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail("--port must be an integer between 0 and 65535");
const maxEntryMb = values["max-entry-mb"] === undefined ? undefined : Number(values["max-entry-mb"]);
if (maxEntryMb !== undefined && !(maxEntryMb > 0)) fail("--max-entry-mb must be a positive number");

// Tokens come from the environment only, so they never appear in `ps` output, and are never printed.
const readWrite = process.env.CACHE_SERVER_TOKEN;
if (!readWrite) fail("CACHE_SERVER_TOKEN is not set");
const readOnly = process.env.CACHE_SERVER_READ_TOKEN || undefined;
if (readOnly === readWrite) fail("CACHE_SERVER_READ_TOKEN must differ from CACHE_SERVER_TOKEN");

const { server } = await createCacheServer({
  dir: values.dir,
  tokens: { readWrite, readOnly },
  maxEntryBytes: maxEntryMb === undefined ? DEFAULT_MAX_ENTRY_BYTES : Math.floor(maxEntryMb * 1024 * 1024),
});
server.listen(port, values.host, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${address.address}:${address.port}` : String(address);
  // Tests read this line to learn an ephemeral port.
  console.log(`cache-server listening on http://${shown} (storage: ${values.dir})`);
});
const stop = () => server.close(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
