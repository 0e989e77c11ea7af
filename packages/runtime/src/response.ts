import { JSON_MEDIA } from "./body.ts";
import { ResponseParseError } from "./errors.ts";
import type { OperationDescriptor } from "./operation.ts";

/**
 * A success body as its Content-Type says: JSON parsed, text and XML as a string, and a Blob for binary operations;
 * undefined when there is none (204, empty). Without a telling Content-Type the descriptor decides (JSON by
 * default). An HTML page is taken as text only by a text operation: for a JSON one it is a proxy's or login page,
 * and a ResponseParseError says so better than a string where an object was promised.
 */
export async function readSuccess(operation: OperationDescriptor, response: Response): Promise<unknown> {
  const type = response.headers.get("content-type") ?? "";
  const json = JSON_MEDIA.test(type);
  if (!json && operation.response === "binary") {
    const blob = await response.blob();
    return blob.size ? blob : undefined;
  }
  const body = await response.text();
  const asText = !json && (operation.response === "text" || /^text\/(?!html)|xml/i.test(type));
  if (!body || asText) return body || undefined;
  try {
    return JSON.parse(body);
  } catch {
    throw new ResponseParseError(operation.id, response, body);
  }
}
