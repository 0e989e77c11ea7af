import { JSON_MEDIA } from "./body.ts";
import { ResponseParseError } from "./errors.ts";
import type { OperationDescriptor } from "./operation.ts";

/**
 * A success body as its Content-Type says: JSON parsed, text and XML as a string, and a Blob for binary operations;
 * undefined for 204/205 and for operations documented without content. An empty body where the spec documents JSON
 * is a ResponseParseError (a proxy or a broken server, not "no result"). Without a telling Content-Type the descriptor decides (JSON by
 * default). An HTML page is taken as text only by a text operation: for a JSON one it is a proxy's or login page,
 * and a ResponseParseError says so better than a string where an object was promised.
 */
export async function readSuccess(operation: OperationDescriptor, response: Response): Promise<unknown> {
  const type = response.headers.get("content-type") ?? "";
  // 204 and 205 never have content; any other success of an operation documented with content must have some.
  const mayBeEmpty = operation.response === "none" || response.status === 204 || response.status === 205;
  const json = JSON_MEDIA.test(type);
  if (!json && operation.response === "binary") {
    const blob = await response.blob();
    // An empty file is still a file: only a success documented without content resolves to undefined.
    return blob.size || !mayBeEmpty ? blob : undefined;
  }
  const body = await response.text();
  if (!body) {
    if (mayBeEmpty) return undefined;
    if (operation.response === "text") return "";
    throw new ResponseParseError(operation.id, response, "");
  }
  const asText = !json && (operation.response === "text" || /^text\/(?!html)|xml/i.test(type));
  if (asText) return body;
  try {
    return JSON.parse(body);
  } catch {
    throw new ResponseParseError(operation.id, response, body);
  }
}
