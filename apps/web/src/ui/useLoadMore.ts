import { useState } from "react";

type PageLike<Item> = { items: Item[]; next_cursor: string | null };

/**
 * "Load more" over a keyset-paginated list: keeps the rows already shown and the cursor of the page
 * being fetched. Pass the query's result to `items()`; call `reset()` when the filters change.
 */
export function useLoadMore<Item>() {
  const [cursors, setCursors] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<Item[]>([]);
  return {
    cursor: cursors.at(-1),
    /** Rows to show: the earlier pages plus the current one (not a placeholder of the previous query). */
    items(page: PageLike<Item> | undefined, isPlaceholder: boolean): Item[] {
      return isPlaceholder ? loaded : [...loaded, ...(page?.items ?? [])];
    },
    /** Keeps the rows shown and fetches the page after them. */
    loadMore(shown: Item[], next: string | null | undefined): void {
      if (next) {
        setLoaded(shown);
        setCursors([...cursors, next]);
      }
    },
    reset(): void {
      setCursors([]);
      setLoaded([]);
    },
  };
}
