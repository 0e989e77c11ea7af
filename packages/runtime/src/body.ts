import { InvalidInputError } from "./errors.ts";
import { isRecord, serializeParam, text } from "./style.ts";

/** `application/json` and the `+json` suffix (`application/vnd.api+json`, `application/merge-patch+json`). */
export const JSON_MEDIA = /[/+]json\b/i;

/** The request media type when the spec names none. */
export const JSON_TYPE = "application/json";

/**
 * The request body encoded for `media`: JSON; form-urlencoded (arrays repeating the key, nested objects as
 * `key[prop]`, dates as ISO 8601); multipart as FormData (Blobs and Files as file parts, each array item a part,
 * objects as JSON parts), whose Content-Type with its boundary fetch sets; `text/*` as text; any other media type
 * takes the bytes as given (string, Blob, ArrayBuffer, typed array or stream): there is no encoding to guess.
 */
export function encodeBody(operationId: string, value: unknown, media: string): BodyInit {
  if (JSON_MEDIA.test(media)) return JSON.stringify(value);
  const fields = Object.entries(value as object);
  if (/urlencoded/i.test(media)) {
    return fields
      .map(([name, item]) => serializeParam(name, item, { in: "query", style: "deepObject" }))
      .filter(Boolean)
      .join("&");
  }
  if (/^multipart\//i.test(media)) {
    const form = new FormData();
    for (const [name, field] of fields) {
      for (const item of [field].flat()) {
        if (item == null) continue;
        form.append(
          name,
          item instanceof Blob ? item : isRecord(item) ? new Blob([text(item)], { type: JSON_TYPE }) : text(item),
        );
      }
    }
    return form;
  }
  if (
    typeof value === "string" ||
    ArrayBuffer.isView(value) ||
    [Blob, ArrayBuffer, ReadableStream].some((type) => value instanceof type)
  ) {
    return value as BodyInit;
  }
  if (/^text\//i.test(media)) return String(value);
  throw new InvalidInputError(operationId, `"body" cannot be sent as ${media}: give bytes or text`);
}
