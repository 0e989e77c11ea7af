import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Raw query string without `?` (still percent-encoded). */
  search: string;
  /** Decoded query parameters (last value wins). */
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  /** Body as text ("" when none). */
  body: string;
}

export interface CannedResponse {
  status?: number;
  json?: unknown;
  /** Raw body, sent as is (for malformed-response tests). */
  text?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (for timeout tests). */
  delayMs?: number;
  /** Destroy the connection instead of answering (a connection reset). */
  reset?: boolean;
}

export interface RecordingServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Sets the response for the following requests (default: 200 `{}`). */
  reply(response: CannedResponse | ((request: RecordedRequest) => CannedResponse)): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that records every request and answers with a canned response. */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let responder: (request: RecordedRequest) => CannedResponse = () => ({ status: 200, json: {} });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        path: url.pathname,
        search: url.search.replace(/^\?/, ""),
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const canned = responder(recorded);
      if (canned.reset) {
        req.socket.destroy();
        return;
      }
      const send = () => {
        if (res.destroyed) return;
        const body = canned.text ?? (canned.json === undefined ? "" : JSON.stringify(canned.json));
        const type = canned.text === undefined ? { "content-type": "application/json" } : {};
        res.writeHead(canned.status ?? 200, { ...type, ...canned.headers });
        res.end(body);
      };
      if (canned.delayMs) timers.add(setTimeout(send, canned.delayMs));
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply(response) {
      responder = typeof response === "function" ? response : () => response;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
export * from "./spec.ts";
export { useRecordingServer } from "./use-server.ts";
