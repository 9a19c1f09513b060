import { expect } from "vitest";
import type { CountedPage } from "@sanshe/contracts";
import type { as } from "../../../../test/test-app.js";

type Http = ReturnType<typeof as>;

/**
 * Walks a sorted, counted list page by page (`limit` rows each, following next_cursor) and returns
 * the ids in the order served with the total and capped flag of every page.
 */
export async function walkSorted(
  http: Http,
  path: string,
  query: Record<string, string>,
  limit = 2,
): Promise<{ ids: string[]; totals: Array<{ total: number; capped: boolean }> }> {
  const ids: string[] = [];
  const totals: Array<{ total: number; capped: boolean }> = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const params = new URLSearchParams({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const response = await http.get(`${path}?${params.toString()}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<CountedPage<{ id: string }>>();
    ids.push(...page.items.map((item) => item.id));
    totals.push({ total: page.total, capped: page.capped });
    cursor = page.next_cursor;
    pages += 1;
  } while (cursor && pages < 50);
  return { ids, totals };
}

/** The order a sorted list must give: by `key` (NULLs last in both directions), ties by id, the same direction. */
export function expectedOrder<Row extends { id: string }>(
  rows: readonly Row[],
  key: (row: Row) => number | string | null,
  sort: string,
): string[] {
  const direction = sort.startsWith("-") ? -1 : 1;
  return [...rows]
    .sort((a, b) => {
      const x = key(a);
      const y = key(b);
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

/** Asks for the second page of `path` under `sort` with the cursor of the first page under `other`: 400 VALIDATION_FAILED. */
export async function expectForeignCursorRefused(http: Http, path: string, other: string, sort: string): Promise<void> {
  const first = (await http.get(`${path}?limit=1&sort=${other}`)).json<CountedPage<unknown>>();
  expect(first.next_cursor).not.toBeNull();
  const response = await http.get(`${path}?limit=1&sort=${sort}&cursor=${first.next_cursor ?? ""}`);
  expect(response.statusCode).toBe(400);
  expect(response.json<{ code: string }>().code).toBe("VALIDATION_FAILED");
}
