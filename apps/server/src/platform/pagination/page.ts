/**
 * A `{ items, next_cursor }` page from rows fetched with `limit + 1`: the extra row only says that
 * more follow; the cursor is made from the last row shown.
 */
export function pageOf<Row, Item>(
  rows: readonly Row[],
  limit: number,
  present: (row: Row) => Item,
  cursorOf: (last: Row) => string,
): { items: Item[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map((row) => present(row)), next_cursor: rows.length > limit && last ? cursorOf(last) : null };
}
