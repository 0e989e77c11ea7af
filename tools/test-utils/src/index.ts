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
  /** Body as received, byte for byte (empty when none): for binary and multipart bodies. */
  bodyBytes: Buffer;
}

export interface CannedResponse {
  status?: number;
  json?: unknown;
  /** Raw body, sent as is (for malformed-response tests). No Content-Type unless `headers` gives one. */
  text?: string;
  /** Raw bytes, sent as is (binary responses). No Content-Type unless `headers` gives one. */
  bytes?: Uint8Array;
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
      const bodyBytes = Buffer.concat(chunks);
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        path: url.pathname,
        search: url.search.replace(/^\?/, ""),
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: bodyBytes.toString("utf8"),
        bodyBytes,
      };
      requests.push(recorded);
      const canned = responder(recorded);
      if (canned.reset) {
        req.socket.destroy();
        return;
      }
      const send = () => {
        if (res.destroyed) return;
        const raw = canned.bytes ?? canned.text;
        const body = raw ?? (canned.json === undefined ? "" : JSON.stringify(canned.json));
        const type = raw === undefined ? { "content-type": "application/json" } : {};
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
