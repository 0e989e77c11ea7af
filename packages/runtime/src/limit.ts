import { ResponseTooLargeError } from "./errors.ts";

/**
 * The response with its body read into memory, or a ResponseTooLargeError as soon as it passes `maxBytes`: a
 * declared Content-Length over the limit is refused before reading, and a streamed body is cut off (and its
 * connection released) at the first chunk past it. Only used when the caller sets `maxResponseBytes`.
 */
export async function limitResponse(response: Response, maxBytes: number, operationId: string): Promise<Response> {
  const tooLarge = () => new ResponseTooLargeError(operationId, response.status, maxBytes);
  if (Number(response.headers.get("content-length") ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return response;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  const { status, statusText, headers } = response;
  return new Response(chunks.length > 0 ? new Blob(chunks as BlobPart[]) : null, { status, statusText, headers });
}
