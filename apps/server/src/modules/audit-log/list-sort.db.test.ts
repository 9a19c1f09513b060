import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { AuditPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { auditLog } from "../../platform/audit/schema.js";
import { buildUser } from "../users/test/factories.js";
import { walkSorted } from "../../platform/pagination/test/sorted-walk.js";

/**
 * The audit log sorts by time both ways, keyset-paginated across pages with ties (ties by id), and
 * counts only the auditor's scope, capped at 10,000. The role that gains by breaking it: a district
 * auditor learning from a total or a page how much happened in another district.
 */

let t: TestApp;
let auditor: ReturnType<typeof as>;
/** The auditor's rows (in 金水区 or platform-wide): id and time. */
const mine: Array<{ id: bigint; at: number }> = [];

/** The auditor's test rows, every page, ids as numbers (the log's ids are bigserials). */
async function walk(sort: string | null) {
  const walked = await walkSorted(auditor, "/api/v1/audit-log?action=sorttest.", sort);
  return { ids: walked.ids.map((id) => BigInt(id)), totals: walked.totals };
}

beforeAll(async () => {
  t = await createTestApp();
  const user = await buildUser(t.ctx, [{ role: "auditor", area_code: "410105" }]);
  auditor = as(t.app, await signIn(t.app, user.login));
  // Five rows of the auditor's scope with two pairs of equal times (ties go by id), and one of 二七区.
  const times = ["2026-03-02T01:00:00Z", "2026-03-01T01:00:00Z", "2026-03-02T01:00:00Z", "2026-03-03T01:00:00Z", "2026-03-01T01:00:00Z"];
  const areas = ["410105007002", "410105", "", "410105007003", "410105007002"];
  for (const [index, at] of times.entries()) {
    const [row] = await t.ctx.db
      .insert(auditLog)
      .values({ action: "sorttest.create", outcome: "success", areaCode: areas[index] as string, at: new Date(at) })
      .returning({ id: auditLog.id });
    mine.push({ id: (row as { id: bigint }).id, at: Date.parse(at) });
  }
  await t.ctx.db
    .insert(auditLog)
    .values({ action: "sorttest.create", outcome: "success", areaCode: "410103001001", at: new Date(times[0] as string) });
});

afterAll(async () => {
  await t.close();
});

describe("audit log sorting and totals", () => {
  it.each([null, "-at", "at"])("sort=%s walks every row of the scope once, in time order with ties by id", async (sort) => {
    const descending = sort !== "at";
    const expected = [...mine].sort((a, b) => (a.at - b.at || (a.id < b.id ? -1 : 1)) * (descending ? -1 : 1)).map((row) => row.id);
    const walked = await walk(sort);
    expect(walked.ids).toEqual(expected);
    expect(walked.totals.every((page) => page.total === mine.length)).toBe(true);
  });

  it("refuses a sort outside the allow-list and a cursor made under another sort with VALIDATION_FAILED", async () => {
    const unknown = await auditor.get("/api/v1/audit-log?sort=action");
    expect({ status: unknown.statusCode, code: unknown.json<{ code: string }>().code }).toEqual({ status: 400, code: "VALIDATION_FAILED" });
    const first = (await auditor.get("/api/v1/audit-log?limit=1&action=sorttest.&sort=at")).json<AuditPage>();
    expect(first.next_cursor).not.toBeNull();
    const crossed = await auditor.get(`/api/v1/audit-log?limit=1&action=sorttest.&sort=-at&cursor=${first.next_cursor}`);
    expect({ status: crossed.statusCode, code: crossed.json<{ code: string }>().code }).toEqual({ status: 400, code: "VALIDATION_FAILED" });
  });

  it("caps the total at 10,000 when more records match, counting only the auditor's scope", async () => {
    await t.ctx.db.execute(
      sql`INSERT INTO audit_log (action, outcome, area_code) SELECT 'bulktest.create', 'success', '410105007002' FROM generate_series(1, 10001)`,
    );
    await t.ctx.db.execute(
      sql`INSERT INTO audit_log (action, outcome, area_code) SELECT 'bulktest.create', 'success', '410103001001' FROM generate_series(1, 10)`,
    );
    const capped = (await auditor.get("/api/v1/audit-log?limit=1&action=bulktest.")).json<AuditPage>();
    expect({ total: capped.total, capped: capped.capped }).toEqual({ total: 10000, capped: true });
    const district = (await auditor.get("/api/v1/audit-log?limit=1&action=sorttest.&area_code=410105007002")).json<AuditPage>();
    expect({ total: district.total, capped: district.capped }).toEqual({ total: 2, capped: false });
  });
});
