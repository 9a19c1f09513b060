import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { walkSorted } from "../../../platform/pagination/test/sorted-walk.js";
import { buildUser } from "../../users/test/factories.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { csvBodyRows, exportAudits } from "../../exports/test/exports.js";
import { buildContract } from "../test/contract-fixtures.js";
import { projectContracts } from "../schema.js";

/**
 * The contracts list sorts by amount, end of period and signing, keyset-paginated with ties, counts
 * only the caller's contracts and exports exactly those. The role that gains by breaking it: a
 * district purchaser reading another district's contract amounts through a sort, a total or an export.
 */

let t: TestApp;
let official: { http: ReturnType<typeof as>; id: string };
const mine: Array<{ id: string; amount: number; end: string; signed: number }> = [];

const walk = (sort: string) => walkSorted(official.http, "/api/v1/contracts", sort);

beforeAll(async () => {
  t = await createTestApp();
  const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
  official = { http: as(t.app, await signIn(t.app, user.login)), id: user.id };
  const org = await buildSocialOrg(t.ctx, "410105");
  const amounts = [30_000_00, 10_000_00, 30_000_00, 20_000_00, 10_000_00];
  const ends = ["2026-12-31", "2026-06-30", "2026-06-30", "2027-03-31", "2026-12-31"];
  for (const [index, amount] of amounts.entries()) {
    const contract = await buildContract(t.ctx, "410105007", org.id);
    const signedAt = new Date(Date.UTC(2026, 0, 1 + index));
    await t.ctx.db
      .update(projectContracts)
      .set({ amountFen: amount, periodEnd: ends[index], signedAt, title: `排序合同 ${index}` })
      .where(eq(projectContracts.id, contract.id));
    mine.push({ id: contract.id, amount, end: ends[index] as string, signed: signedAt.getTime() });
  }
  const elsewhere = await buildSocialOrg(t.ctx, "410103");
  const theirs = await buildContract(t.ctx, "410103001", elsewhere.id);
  await t.ctx.db.update(projectContracts).set({ title: "二七区的合同" }).where(eq(projectContracts.id, theirs.id));
});

afterAll(async () => {
  await t.close();
});

describe("contracts list sorting, totals and export", () => {
  it.each(["amount", "-amount", "period_end", "-period_end", "-signed_at"])("sort=%s walks every row once, in order", async (sort) => {
    const descending = sort.startsWith("-");
    const column = sort.replace(/^-/, "");
    const key = (row: (typeof mine)[number]) =>
      column === "amount" ? row.amount : column === "period_end" ? Date.parse(row.end) : row.signed;
    const expected = [...mine].sort((a, b) => (key(a) - key(b) || (a.id < b.id ? -1 : 1)) * (descending ? -1 : 1)).map((row) => row.id);
    const walked = await walk(sort);
    expect(walked.ids).toEqual(expected);
    expect(walked.totals.every((page) => page.total === mine.length)).toBe(true);
  });

  it("refuses a sort outside the allow-list", async () => {
    const response = await official.http.get("/api/v1/contracts?sort=org_name");
    expect(response.statusCode).toBe(400);
  });

  it("exports the caller's filtered contracts only, amounts in yuan, and audits it", async () => {
    const response = await official.http.get(`/api/v1/exports/contracts?format=csv&q=${encodeURIComponent("排序合同 1")}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(csvBodyRows(response.body).map((row) => [row[2], row[4]])).toEqual([["排序合同 1", "10000.00"]]);
    const all = await official.http.get("/api/v1/exports/contracts?format=csv");
    expect(csvBodyRows(all.body)).toHaveLength(mine.length);
    expect(all.body).not.toContain("二七区的合同");
    expect(await exportAudits(t.database.db, official.id, "contracts")).toHaveLength(2);
  });
});
