/**
 * Reads a webhook's raw body, whatever the server framework hands over, into bytes of at most `maxBytes`. No `node:`
 * import: a Node `IncomingMessage` is read as what it structurally is, an async iterable of chunks, so this file runs
 * unchanged in browsers, workers and edge runtimes.
 */

/** What {@link readBody} accepts; see `WebhookBody` in webhooks.ts for the public description. */
export type RawBody =
  | string
  | Uint8Array
  | ArrayBuffer
  | Request
  | (AsyncIterable<Uint8Array | string> & { headers?: Record<string, string | string[] | undefined> });

/** The body was larger than the limit; the caller turns it into a `too-large` WebhookError. */
export class BodyTooLarge {
  readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
}

const encoder = new TextEncoder();

export async function readBody(body: RawBody, maxBytes: number): Promise<Uint8Array> {
  if (typeof body === "string") return limited(encoder.encode(body), maxBytes);
  if (body instanceof Uint8Array) return limited(body, maxBytes);
  if (body instanceof ArrayBuffer) return limited(new Uint8Array(body), maxBytes);
  if (isFetchRequest(body)) return readRequest(body, maxBytes);
  if (isAsyncIterable(body)) return readChunks(body, maxBytes);
  throw new TypeError("receiveWebhook: the body must be a string, bytes, a Request or an IncomingMessage");
}

function limited(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes.byteLength > maxBytes) throw new BodyTooLarge(maxBytes);
  return bytes;
}

/** A Fetch API `Request` (also one from another realm or a polyfill): a `headers.get` and a body stream. */
function isFetchRequest(body: object): body is Request {
  const candidate = body as Partial<Request>;
  return typeof candidate.headers?.get === "function" && "body" in candidate && typeof candidate.text === "function";
}

function isAsyncIterable(body: object): body is AsyncIterable<Uint8Array | string> {
  return typeof (body as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === "function";
}

/** A declared `Content-Length` over the limit is refused before a byte is read. */
function declaredTooLarge(length: string | null | undefined, maxBytes: number): boolean {
  return length !== null && length !== undefined && /^\d+$/.test(length.trim()) && Number(length) > maxBytes;
}

async function readRequest(request: Request, maxBytes: number): Promise<Uint8Array> {
  const stream = request.body;
  if (declaredTooLarge(request.headers.get("content-length"), maxBytes)) {
    await stream?.cancel().catch(() => undefined);
    throw new BodyTooLarge(maxBytes);
  }
  if (!stream) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Fetch-style handlers answer without the rest: cancelling tells the platform to stop receiving it.
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

/**
 * A Node `IncomingMessage` (or any async iterable of chunks). Past the limit the rest is read and dropped rather than
 * the stream destroyed: destroying an `IncomingMessage` closes its socket, and the server could no longer answer 413.
 * Memory stays bounded by the limit; the server's own request timeout bounds the time.
 */
async function readChunks(
  source: AsyncIterable<Uint8Array | string> & { headers?: Record<string, string | string[] | undefined> },
  maxBytes: number,
): Promise<Uint8Array> {
  const declared = source.headers?.["content-length"];
  // Nothing read yet: Node then discards the unread body itself once the response is sent.
  if (declaredTooLarge(typeof declared === "string" ? declared : undefined, maxBytes)) throw new BodyTooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    total += bytes.byteLength;
    if (total <= maxBytes) chunks.push(bytes);
  }
  if (total > maxBytes) throw new BodyTooLarge(maxBytes);
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
