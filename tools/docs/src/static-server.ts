/**
 * A small static server on 127.0.0.1 for one built reference (packages/<api>/reference/). Redoc routes with paths
 * (`/livechat`, `/livechat/...`), so the reference is served at the root of its own port, and a path that is not a
 * file gets index.html (the page then shows that route). Paths cannot leave the folder. Used by
 * `pnpm docs:preview` and by the Chromium test.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".js": "text/javascript",
  ".css": "text/css",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveReference(dir: string, port = 0): Promise<StaticServer> {
  const base = path.resolve(dir);
  const server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      response.writeHead(400, { "content-type": "text/plain" }).end("bad request");
      return;
    }
    const requested = path.resolve(base, `.${pathname}`);
    const inside = requested === base || requested.startsWith(`${base}${path.sep}`);
    const file =
      inside && existsSync(requested) && statSync(requested).isFile() ? requested : path.join(base, "index.html");
    if (!inside || !existsSync(file)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found (run `pnpm docs`)");
      return;
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    response.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
