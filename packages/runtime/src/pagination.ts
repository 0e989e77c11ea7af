/** One page of an offset/count endpoint. */
export interface OffsetPage<Item> {
  items: readonly Item[];
  total: number;
}

/**
 * Walks an offset/count/total endpoint item by item. Stops at `total`, or at an empty page so that a server
 * whose `total` is wrong cannot make it loop for ever.
 */
export async function* paginateOffset<Item>(
  fetchPage: (offset: number) => Promise<OffsetPage<Item>>,
  startOffset = 0,
): AsyncGenerator<Item, void, undefined> {
  let offset = startOffset;
  while (true) {
    const page = await fetchPage(offset);
    yield* page.items;
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return;
  }
}
