import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { answerMedia, type MediaRequest } from "./media.ts";

export interface ApiRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface Site {
  url: string;
  apiRequests: ApiRequest[];
  /** Requests to /media/* (media.html's runtime calls), raw bytes and all. */
  mediaRequests: MediaRequest[];
  /** Resolves with the first JSON body POSTed to /report/<page> (that browser page's result). */
  report(page: string): Promise<unknown>;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript" };

/**
 * One origin on 127.0.0.1 for the consumer: its page and node_modules (for the browser), and a stand-in for both
 * APIs (for Node and the browser alike), so no CORS is involved.
 */
export async function startSite(root: string): Promise<Site> {
  const apiRequests: ApiRequest[] = [];
  const mediaRequests: MediaRequest[] = [];
  // One pending report per page, made by whichever comes first: the test waiting for it or the page posting it.
  const reports = new Map<string, { promise: Promise<unknown>; resolve(value: unknown): void }>();
  const report = (page: string) => {
    let entry = reports.get(page);
    if (!entry) {
      let resolve: (value: unknown) => void = () => {};
      const promise = new Promise<unknown>((done) => {
        resolve = done;
      });
      entry = { promise, resolve };
      reports.set(page, entry);
    }
    return entry;
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const body = bytes.toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (url.pathname.startsWith("/report/")) {
      report(url.pathname.slice("/report/".length)).resolve(JSON.parse(body));
      return json(200, {});
    }
    if (url.pathname.startsWith("/media/")) {
      const request: MediaRequest = {
        method: req.method ?? "",
        path: url.pathname,
        query: url.search,
        contentType: req.headers["content-type"],
        body: bytes,
      };
      mediaRequests.push(request);
      const reply = answerMedia(request);
      res.writeHead(reply.status, reply.type ? { "content-type": reply.type } : {});
      return res.end(reply.body);
    }
    if (url.pathname.startsWith("/action/") || url.pathname.startsWith("/api/")) {
      apiRequests.push({ method: req.method ?? "", path: url.pathname, headers: req.headers, body });
      if (url.pathname === "/action/create_agent") return json(200, { id: JSON.parse(body).id });
      if (url.pathname === "/api/v1/livechat/queue") {
        return json(200, { queue: [{ chats: 1 }], count: 1, offset: 0, total: 7, success: true });
      }
      return json(404, { error: { type: "not_found", message: "Not found" } });
    }
    const file = path.join(root, url.pathname === "/" ? "index.html" : decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return json(403, {});
    try {
      const content = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(content);
    } catch {
      json(404, {});
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiRequests,
    mediaRequests,
    report: (page) => report(page).promise,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
