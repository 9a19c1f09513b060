import { useMemo, useState } from "react";

export type CursorPagination = {
  /** Cursor of the page on screen (undefined for the first page). */
  cursor: string | undefined;
  /** 1-based number of the page on screen. */
  page: number;
  hasPrevious: boolean;
  goNext: (nextCursor: string) => void;
  goPrevious: () => void;
};

/**
 * Keyset pagination from `{ items, next_cursor }` answers: "next" follows next_cursor, "previous"
 * pops a stack of the cursors already visited. When `resetKey` (the filters and page size) changes,
 * the stack is dropped in the same render, so no request goes out with a cursor from other filters.
 */
export function useCursorPagination(resetKey: string): CursorPagination {
  const [state, setState] = useState<{ key: string; stack: string[] }>({ key: resetKey, stack: [] });
  const stack = state.key === resetKey ? state.stack : [];

  return useMemo(
    () => ({
      cursor: stack.at(-1),
      page: stack.length + 1,
      hasPrevious: stack.length > 0,
      goNext: (nextCursor: string) => setState({ key: resetKey, stack: [...stack, nextCursor] }),
      goPrevious: () => setState({ key: resetKey, stack: stack.slice(0, -1) }),
    }),
    [stack, resetKey],
  );
}

/** Page size and cursor pagination of one list; back to the first page when the filters or page size change. */
export type CursorPaging = {
  pagination: CursorPagination;
  pageSize: number;
  setPageSize: (size: number) => void;
};

/**
 * `useCursorPagination` with the page size kept beside it: `filters` is anything JSON-serializable
 * that the list's query depends on (besides cursor and limit).
 */
export function useCursorPaging(filters: unknown, initialPageSize: number): CursorPaging {
  const [pageSize, setPageSize] = useState(initialPageSize);
  const pagination = useCursorPagination(JSON.stringify([filters, pageSize]));
  return { pagination, pageSize, setPageSize };
}
