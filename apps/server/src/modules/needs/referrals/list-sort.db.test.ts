import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { walkSorted } from "../../../platform/pagination/test/sorted-walk.js";
import { buildUser } from "../../users/test/factories.js";
import { csvBodyRows, exportAudits } from "../../exports/test/exports.js";
import { buildNeed } from "../test/factories.js";
import { referrals } from "../schema.js";

/**
 * The referral list sorts on its allow-listed deadlines, keyset-paginated with ties, counts only what
 * the caller may see, and exports exactly that. The role that gains by breaking it: a district
 * official reaching another district's referrals through a sort, a count or an export.
 */

let t: TestApp;
let official: { http: ReturnType<typeof as>; id: string };
const mine: string[] = [];
const theirs: string[] = [];

const walk = (sort: string) => walkSorted(official.http, "/api/v1/referrals", sort);

beforeAll(async () => {
  t = await createTestApp();
  const user = await buildUser(t.ctx, [{ role: "official", area_code: "410105" }]);
  official = { http: as(t.app, await signIn(t.app, user.login)), id: user.id };
  for (let index = 0; index < 5; index += 1) {
    mine.push((await buildNeed(t.ctx, { area_code: "410105007002", description: `转介排序 ${index}` })).referralId);
  }
  for (let index = 0; index < 2; index += 1) {
    theirs.push((await buildNeed(t.ctx, { area_code: "410103001001", description: "另一个区的转介" })).referralId);
  }
  // Ties on the deadlines: three referrals share one respond_by.
  await t.ctx.db
    .update(referrals)
    .set({ respondBy: new Date("2026-05-01T00:00:00.000Z"), resolveBy: new Date("2026-06-01T00:00:00.000Z") })
    .where(inArray(referrals.id, mine.slice(0, 3)));
});

afterAll(async () => {
  await t.close();
});

describe("referral list sorting, totals and export", () => {
  it.each(["respond_by", "-respond_by", "resolve_by", "-created_at"])("sort=%s walks every row once, in order", async (sort) => {
    const descending = sort.startsWith("-");
    const column = sort.replace(/^-/, "") as "respond_by" | "resolve_by" | "created_at";
    const rows = await t.ctx.db.select().from(referrals).where(inArray(referrals.id, mine));
    const key = (row: (typeof rows)[number]) =>
      ({ respond_by: row.respondBy, resolve_by: row.resolveBy, created_at: row.createdAt })[column].getTime();
    const expected = rows.sort((a, b) => (key(a) - key(b) || (a.id < b.id ? -1 : 1)) * (descending ? -1 : 1)).map((row) => row.id);
    const walked = await walk(sort);
    expect(walked.ids).toEqual(expected);
    expect(walked.totals.every((page) => page.total === mine.length)).toBe(true);
  });

  it("refuses a sort outside the allow-list", async () => {
    const response = await official.http.get("/api/v1/referrals?sort=provider_name");
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe("VALIDATION_FAILED");
  });

  it("exports the caller's referrals only, and audits it", async () => {
    const response = await official.http.get("/api/v1/exports/referrals?format=csv&sort=respond_by");
    expect(response.statusCode, response.body).toBe(200);
    const rows = csvBodyRows(response.body);
    expect(rows.map((row) => row[3]).sort()).toEqual(mine.map((_, index) => `转介排序 ${index}`).sort());
    expect(response.body).not.toContain("另一个区的转介");
    expect(await exportAudits(t.database.db, official.id, "referrals")).toHaveLength(1);
  });
});
