import { expect } from "vitest";
import type { CountedPage } from "@sanshe/contracts";
import type { as } from "./test-app.js";

/** Every page of a counted list, in order. */
export type Walked<Item> = { items: Item[]; ids: string[]; totals: Array<{ total: number; capped: boolean }> };

/**
 * Walks a counted keyset list page by page, following next_cursor (at most 50 pages), as `http`
 * reads it: each page must answer 200. `query` holds the list's parameters (sort, limit, filters).
 */
export async function walkList<Item extends { id: string }>(
  http: ReturnType<typeof as>,
  path: string,
  query: Record<string, string | null | undefined>,
): Promise<Walked<Item>> {
  const walked: Walked<Item> = { items: [], ids: [], totals: [] };
  const fixed = Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  let cursor: string | null = null;
  let pages = 0;
  do {
    const params = new URLSearchParams(cursor ? [...fixed, ["cursor", cursor] as [string, string]] : fixed);
    const response = await http.get(`${path}?${params.toString()}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<CountedPage<Item>>();
    walked.items.push(...page.items);
    walked.ids.push(...page.items.map((item) => item.id));
    walked.totals.push({ total: page.total, capped: page.capped });
    cursor = page.next_cursor;
    pages += 1;
  } while (cursor && pages < 50);
  return walked;
}
