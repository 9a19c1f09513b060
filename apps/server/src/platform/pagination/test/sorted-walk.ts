import { expect } from "vitest";
import type { CountedPage } from "@sanshe/contracts";

type Client = { get(url: string): Promise<{ statusCode: number; body: string; json<T>(): T }> };

/**
 * Walks a sorted list page by page (`limit` rows a page, following next_cursor) and returns every
 * row's id in the order served, with the total of each page. `url` may already carry a query string.
 */
export async function walkSorted<Item extends { id?: string; user_id?: string }>(
  client: Client,
  url: string,
  sort: string | null,
  limit = 2,
): Promise<{ ids: string[]; totals: Array<{ total: number; capped: boolean }> }> {
  const ids: string[] = [];
  const totals: Array<{ total: number; capped: boolean }> = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query = new URLSearchParams({ limit: String(limit), ...(sort ? { sort } : {}), ...(cursor ? { cursor } : {}) });
    const response = await client.get(`${url}${url.includes("?") ? "&" : "?"}${query.toString()}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<CountedPage<Item>>();
    ids.push(...page.items.map((item) => item.id ?? item.user_id ?? ""));
    totals.push({ total: page.total, capped: page.capped });
    cursor = page.next_cursor;
    pages += 1;
  } while (cursor && pages < 50);
  return { ids, totals };
}

/**
 * The ids of `rows` in the order of a sorted list under `sort` (`column` or `-column`): the column's
 * value (from `value`, compared as given: numbers, ISO strings, ASCII text), NULLs last in both
 * directions, ties by id in the sort's direction.
 */
export function sortedOrder<Row extends { id: string }>(
  rows: readonly Row[],
  sort: string,
  value: (row: Row, column: string) => string | number | null,
): string[] {
  const descending = sort.startsWith("-");
  const column = sort.replace(/^-/, "");
  const direction = descending ? -1 : 1;
  return [...rows]
    .sort((a, b) => {
      const x = value(a, column);
      const y = value(b, column);
      if (x !== y) {
        if (x === null || y === null) {
          return x === null ? 1 : -1;
        }
        return (x < y ? -1 : 1) * direction;
      }
      return (a.id < b.id ? -1 : 1) * direction;
    })
    .map((row) => row.id);
}

/** Asks for page 2 of `url` under `sort` with the cursor page 1 gave under `otherSort`: the answer to check (400 expected). */
export async function crossSortCursor(client: Client, url: string, sort: string, otherSort: string) {
  const separator = url.includes("?") ? "&" : "?";
  const first = (await client.get(`${url}${separator}limit=1&sort=${otherSort}`)).json<CountedPage<unknown>>();
  expect(first.next_cursor).not.toBeNull();
  return client.get(`${url}${separator}limit=1&sort=${sort}&cursor=${encodeURIComponent(first.next_cursor ?? "")}`);
}
