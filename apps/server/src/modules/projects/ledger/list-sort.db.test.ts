import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { CountedPage, LedgerEntry } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { queryRows } from "../../../platform/db/client.js";
import { buildUser } from "../../users/test/factories.js";
import { csvBodyRows, exportAudits } from "../../exports/test/exports.js";
import { crossSortCursor, sortedOrder, walkSorted } from "../../../platform/pagination/test/sorted-walk.js";
import { fundingLedger } from "../schema.js";

/**
 * The funding ledger sorts by payment date and amount, keyset-paginated with ties, counts only the
 * caller's rows (capped past 10,000), and its export follows the list's filters and sort. The role that
 * gains by breaking it: a district official reading another district's money through a sort, a total
 * or an export.
 */

let t: TestApp;
let official: { http: ReturnType<typeof as>; id: string };
type Row = { id: string; paid_on: string; amount: number; direction: "in" | "out"; description: string };
const mine: Row[] = [];
const fengle = "410105007002";

async function client(grants: Parameters<typeof buildUser>[1]) {
  const user = await buildUser(t.ctx, grants);
  return { http: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

async function insertEntry(areaCode: string, values: Omit<Row, "id">): Promise<string> {
  const [row] = await t.ctx.db
    .insert(fundingLedger)
    .values({
      areaCode,
      holderKind: "community",
      direction: values.direction,
      source: values.direction === "in" ? "donation" : null,
      purpose: values.direction === "out" ? "activity" : null,
      amountFen: values.amount,
      paidOn: values.paid_on,
      description: values.description,
    })
    .returning({ id: fundingLedger.id });
  return (row as { id: string }).id;
}

beforeAll(async () => {
  t = await createTestApp();
  official = await client([{ role: "official", area_code: "410105" }]);
  // Ties on the date and on the amount.
  const plans: Array<Omit<Row, "id">> = [
    { paid_on: "2025-03-01", amount: 300_00, direction: "in", description: "台账 A" },
    { paid_on: "2025-01-15", amount: 100_00, direction: "out", description: "台账 B" },
    { paid_on: "2025-03-01", amount: 200_00, direction: "in", description: "台账 C" },
    { paid_on: "2025-02-10", amount: 300_00, direction: "in", description: "台账 D" },
    { paid_on: "2025-01-15", amount: 50_00, direction: "out", description: "台账 E" },
  ];
  for (const plan of plans) {
    mine.push({ ...plan, id: await insertEntry(fengle, plan) });
  }
  await insertEntry("410103001001", { paid_on: "2025-02-01", amount: 999_00, direction: "in", description: "二七区的台账" });
});

afterAll(async () => {
  await t.close();
});

describe("funding ledger sorting, totals and export", () => {
  it.each(["paid_on", "-paid_on", "amount", "-amount"])("sort=%s walks every row once, in order, across pages with ties", async (sort) => {
    const column = sort.replace(/^-/, "") as "paid_on" | "amount";
    const walked = await walkSorted(official.http, "/api/v1/funding-ledger", sort);
    expect(walked.ids).toEqual(sortedOrder(mine, sort, (row) => row[column]));
    expect(walked.totals.every((total) => total.total === mine.length && !total.capped)).toBe(true);
  });

  it("the default order is the latest payment first", async () => {
    const walked = await walkSorted(official.http, "/api/v1/funding-ledger", null);
    expect(walked.ids).toEqual(sortedOrder(mine, "-paid_on", (row) => row.paid_on));
  });

  it.each(["description", "-created_at", "amount;drop table funding_ledger"])(
    "refuses sort=%s with 400 VALIDATION_FAILED",
    async (sort) => {
      const response = await official.http.get(`/api/v1/funding-ledger?sort=${encodeURIComponent(sort)}`);
      expect(response.statusCode).toBe(400);
      expect(response.json<{ code: string }>().code).toBe("VALIDATION_FAILED");
    },
  );

  it("refuses a cursor made under another sort", async () => {
    const refused = await crossSortCursor(official.http, "/api/v1/funding-ledger", "-amount", "-paid_on");
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ code: string }>().code).toBe("VALIDATION_FAILED");
  });

  it("counts under the filters, and stops counting past 10,000", async () => {
    const out = (await official.http.get("/api/v1/funding-ledger?direction=out&limit=1")).json<CountedPage<LedgerEntry>>();
    expect(out).toMatchObject({ total: 2, capped: false });
    await queryRows(
      t.database.db,
      sql`INSERT INTO ${fundingLedger} (area_code, holder_kind, direction, source, amount_fen, paid_on, description)
          SELECT '410102001001', 'community', 'in', 'donation', g, '2025-01-01', '封顶' FROM generate_series(1, 10001) AS g`,
    );
    const many = await client([{ role: "official", area_code: "410102" }]);
    expect((await many.http.get("/api/v1/funding-ledger?limit=1")).json<CountedPage<LedgerEntry>>()).toMatchObject({
      total: 10_000,
      capped: true,
    });
    expect((await official.http.get("/api/v1/funding-ledger?limit=1")).json<CountedPage<LedgerEntry>>().total).toBe(mine.length);
  });

  it("exports the list's filters in the list's sort, only the caller's rows, and audits it", async () => {
    const filtered = await official.http.get("/api/v1/exports/funding-ledger?format=csv&direction=in&sort=-amount");
    expect(filtered.statusCode, filtered.body).toBe(200);
    const incoming = mine.filter((row) => row.direction === "in");
    expect(csvBodyRows(filtered.body).map((row) => [row[7], row[6]])).toEqual(
      sortedOrder(incoming, "-amount", (row) => row.amount).map((id) => {
        const row = incoming.find((candidate) => candidate.id === id) as Row;
        return [row.description, (row.amount / 100).toFixed(2)];
      }),
    );
    const all = await official.http.get("/api/v1/exports/funding-ledger?format=csv");
    expect(csvBodyRows(all.body)).toHaveLength(mine.length);
    expect(all.body).not.toContain("二七区的台账");
    expect(await exportAudits(t.database.db, official.id, "funding-ledger")).toEqual([
      { action: "exports.funding-ledger", detail: expect.objectContaining({ filter: { direction: "in", sort: "-amount" } }) as unknown },
      { action: "exports.funding-ledger", detail: expect.objectContaining({ filter: {} }) as unknown },
    ]);
  });
});
