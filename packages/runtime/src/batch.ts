/** A failed item of a batch response: `{ error: ... }`. */
export interface BatchItemFailure<E> {
  error: E;
}

/**
 * Splits a batch response into successes and failures, each with the index of its request, so no item is lost
 * and each result can be matched to what was sent.
 */
export function splitBatchResults<Item>(responses: readonly Item[]): {
  succeeded: Array<{ index: number; value: Exclude<Item, { error: unknown }> }>;
  failed: Array<{ index: number; error: Extract<Item, { error: unknown }>["error"] }>;
} {
  const succeeded: Array<{ index: number; value: Exclude<Item, { error: unknown }> }> = [];
  const failed: Array<{ index: number; error: Extract<Item, { error: unknown }>["error"] }> = [];
  responses.forEach((item, index) => {
    if (typeof item === "object" && item !== null && "error" in item) {
      failed.push({ index, error: (item as { error: Extract<Item, { error: unknown }>["error"] }).error });
    } else {
      succeeded.push({ index, value: item as Exclude<Item, { error: unknown }> });
    }
  });
  return { succeeded, failed };
}
