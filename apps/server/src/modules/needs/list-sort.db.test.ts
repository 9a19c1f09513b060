import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inArray, sql } from "drizzle-orm";
import type { CountedPage, Need } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { walkSorted } from "../../platform/pagination/test/sorted-walk.js";
import { buildUser } from "../users/test/factories.js";
import { buildNeed } from "./test/factories.js";
import { needs } from "./schema.js";

/**
 * The needs list sorts on its allow-listed columns (sort=col / sort=-col) and stays keyset-paginated
 * under every sort: walking small pages gives every row once, in order, ties broken by id and NULLs
 * last. The total counts only what the caller may see. The caller who gains from breaking these is
 * a district official sorting or counting their way into another district's needs.
 */

let t: TestApp;
let district: ReturnType<typeof as>;
const home = "410105007002";
const elsewhere = "410103001001";
const mine: string[] = [];
const theirs: string[] = [];

type Row = { id: string; created_at: string; updated_at: string; urgency: string; closed_at: string | null };

const walk = (sort: string | null, limit = 3) => walkSorted(district, "/api/v1/needs", sort, limit);

async function expectedOrder(sort: string): Promise<string[]> {
  const descending = sort.startsWith("-");
  const column = descending ? sort.slice(1) : sort;
  const rows = (await t.ctx.db.select().from(needs).where(inArray(needs.id, mine))).map((row): Row => ({
    id: row.id,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    urgency: String({ high: 3, normal: 2, low: 1 }[row.urgency]),
    closed_at: row.closedAt?.toISOString() ?? null,
  }));
  const value = (row: Row) => row[column as keyof Row];
  return rows
    .sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === null || y === null) {
        if (x === y) {
          return descending ? (a.id < b.id ? 1 : -1) : a.id < b.id ? -1 : 1;
        }
        return x === null ? 1 : -1; // NULLs last in both directions
      }
      if (x !== y) {
        return (x < y ? -1 : 1) * (descending ? -1 : 1);
      }
      return (a.id < b.id ? -1 : 1) * (descending ? -1 : 1);
    })
    .map((row) => row.id);
}

beforeAll(async () => {
  t = await createTestApp();
  district = as(t.app, await signIn(t.app, (await buildUser(t.ctx, [{ role: "official", area_code: "410105" }])).login));
  const urgencies = ["high", "low", "normal", "high", "normal", "low", "high", "normal"] as const;
  for (const urgency of urgencies) {
    mine.push((await buildNeed(t.ctx, { area_code: home, urgency, description: `排序 ${urgency}` })).need.id);
  }
  for (let index = 0; index < 3; index += 1) {
    theirs.push((await buildNeed(t.ctx, { area_code: elsewhere, urgency: "high", description: "另一个区的需求" })).need.id);
  }
  // Ties: the same instant for half the rows; NULLs: closed_at only on some.
  await t.ctx.db
    .update(needs)
    .set({ updatedAt: new Date("2026-01-01T00:00:00.000Z") })
    .where(inArray(needs.id, mine.slice(0, 4)));
  await t.ctx.db
    .update(needs)
    .set({ closedAt: sql`'2026-02-01T00:00:00Z'::timestamptz` })
    .where(inArray(needs.id, [mine[1] as string, mine[5] as string]));
  await t.ctx.db
    .update(needs)
    .set({ closedAt: new Date("2026-03-01T00:00:00.000Z") })
    .where(inArray(needs.id, [mine[2] as string]));
});

afterAll(async () => {
  await t.close();
});

describe("needs list sorting and totals", () => {
  it.each(["created_at", "-created_at", "updated_at", "-updated_at", "urgency", "-urgency", "closed_at", "-closed_at"])(
    "sort=%s walks every row once, in order, across cursors with ties and NULLs",
    async (sort) => {
      const walked = await walk(sort);
      expect(walked.ids).toEqual(await expectedOrder(sort));
    },
  );

  it("the default order is newest first", async () => {
    expect((await walk(null)).ids).toEqual(await expectedOrder("-created_at"));
  });

  it.each(["description", "-area_code", "created_at;drop table needs", "--created_at", "CREATED_AT"])(
    "refuses sort=%s with 400 VALIDATION_FAILED",
    async (sort) => {
      const response = await district.get(`/api/v1/needs?sort=${encodeURIComponent(sort)}`);
      expect(response.statusCode).toBe(400);
      expect(response.json<{ code: string }>().code).toBe("VALIDATION_FAILED");
    },
  );

  it("refuses a cursor made under another sort", async () => {
    const first = (await district.get("/api/v1/needs?limit=2&sort=urgency")).json<CountedPage<Need>>();
    expect(first.next_cursor).not.toBeNull();
    const response = await district.get(`/api/v1/needs?limit=2&sort=-updated_at&cursor=${first.next_cursor}`);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe("VALIDATION_FAILED");
  });

  it("the total counts the caller's scope only, exactly, on every page and under filters", async () => {
    const walked = await walk("-urgency", 3);
    expect(walked.ids.some((id) => theirs.includes(id))).toBe(false);
    expect(walked.totals.every((total) => total.total === mine.length && !total.capped)).toBe(true);
    const closed = (await district.get(`/api/v1/needs?area=${home}&limit=1`)).json<CountedPage<Need>>();
    expect(closed.total).toBe(mine.length);
    const outside = await district.get(`/api/v1/needs?area=${elsewhere}`);
    expect([200, 404]).toContain(outside.statusCode);
    if (outside.statusCode === 200) {
      expect(outside.json<CountedPage<Need>>()).toMatchObject({ items: [], total: 0, capped: false });
    }
  });
});
