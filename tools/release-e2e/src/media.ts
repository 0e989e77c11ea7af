/**
 * The stand-in behind fixtures/consumer/media.html: one endpoint per request or response media type, called from the
 * browser through `createApiClient`. Each request is recorded with its raw bytes, so the test checks what Chromium
 * really sent, not what the runtime meant to send.
 */

export interface MediaRequest {
  method: string;
  /** As sent, percent-encoding included. */
  path: string;
  /** `?...` as sent, "" when none. */
  query: string;
  contentType: string | undefined;
  body: Buffer;
}

export interface MediaReply {
  status: number;
  type?: string;
  body?: string | Uint8Array;
}

/** What GET /media/blobs/{name} answers: bytes no text decoding survives (NUL, 0x80, 0xff, a lone UTF-8 lead). */
export const DOWNLOAD = Uint8Array.of(0x00, 0xde, 0xad, 0xbe, 0xef, 0x80, 0xc3, 0xff);

/** What GET /media/motd answers: non-ASCII, so a wrong charset would show. */
export const MOTD = "Grüße ✓\n";

/** The answer to one recorded request: uploads echo their size as JSON, the page reports it back. */
export function answerMedia({ method, path, body }: MediaRequest): MediaReply {
  const json = (value: unknown): MediaReply => ({ status: 200, type: "application/json", body: JSON.stringify(value) });
  const route = `${method} ${path.replace(/^\/media\/blobs\/[^/]+$/, "/media/blobs/{name}")}`;
  switch (route) {
    case "POST /media/form":
    case "POST /media/users/u%201/avatar":
    case "PUT /media/blobs/{name}":
      return json({ received: body.length });
    case "GET /media/motd":
      return { status: 200, type: "text/plain; charset=utf-8", body: MOTD };
    case "GET /media/blobs/{name}":
      return { status: 200, type: "application/octet-stream", body: DOWNLOAD };
    case "DELETE /media/blobs/{name}":
      return { status: 204 };
    default:
      return { status: 404, type: "application/json", body: JSON.stringify({ error: `no route ${route}` }) };
  }
}
