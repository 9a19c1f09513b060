import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Application, CountedPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { queryRows } from "../../../platform/db/client.js";
import { buildUser } from "../../users/test/factories.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { csvBodyRows, exportAudits } from "../../exports/test/exports.js";
import { crossSortCursor, sortedOrder, walkSorted } from "../../../platform/pagination/test/sorted-walk.js";
import { applications, calls } from "../schema.js";

/**
 * GET /applications lists the applications the caller reads across calls, sorted by submission,
 * amount requested and final score (unscored last), keyset-paginated with ties, counted (capped past
 * 10,000), and GET /exports/applications exports exactly those. The role that gains by breaking it: a
 * district official reading another district's applicants and amounts through a sort, a total or an export.
 */

let t: TestApp;
let official: { http: ReturnType<typeof as>; id: string };
type Row = { id: string; call: string; submitted_at: number; requested: number; final_score: number | null; title: string };
const mine: Row[] = [];
let firstCall = "";

async function client(grants: Parameters<typeof buildUser>[1]) {
  const user = await buildUser(t.ctx, grants);
  return { http: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

async function insertCall(areaCode: string, title: string): Promise<string> {
  const [row] = await t.ctx.db
    .insert(calls)
    .values({
      areaCode,
      ocid: `ocds-test-${title}`,
      purchaserName: "金水区民政局",
      mode: "venture",
      title,
      description: "排序测试",
      totalBudgetFen: 1_000_000_00,
      projectCapFen: 500_000_00,
      submissionDeadline: new Date("2026-01-31T00:00:00Z"),
      status: "open",
      publishedAt: new Date("2026-01-01T00:00:00Z"),
    })
    .returning({ id: calls.id });
  return (row as { id: string }).id;
}

async function insertApplication(areaCode: string, callId: string, orgId: string, values: Omit<Row, "id" | "call">): Promise<string> {
  const [row] = await t.ctx.db
    .insert(applications)
    .values({
      areaCode,
      callId,
      orgId,
      title: values.title,
      objectives: "目标",
      activities: "活动",
      beneficiaries: "老人",
      beneficiaryCount: 10,
      kpis: [],
      budgetLines: [],
      requestedFen: values.requested,
      status: values.final_score === null ? "submitted" : "awarded",
      submittedAt: new Date(values.submitted_at),
      finalScore: values.final_score,
    })
    .returning({ id: applications.id });
  return (row as { id: string }).id;
}

beforeAll(async () => {
  t = await createTestApp();
  official = await client([{ role: "official", area_code: "410105" }]);
  const calls = [await insertCall("410105007", "金水征集一"), await insertCall("410105", "金水征集二")];
  firstCall = calls[0] as string;
  const day = (n: number) => Date.UTC(2026, 0, n);
  // Ties on the amount, the submission instant and the score; unscored applications have no score.
  const plans = [
    { call: 0, title: "申报 A", requested: 300_00, submitted_at: day(2), final_score: 80 },
    { call: 0, title: "申报 B", requested: 100_00, submitted_at: day(2), final_score: null },
    { call: 0, title: "申报 C", requested: 300_00, submitted_at: day(5), final_score: 75.5 },
    { call: 1, title: "申报 D", requested: 200_00, submitted_at: day(3), final_score: 80 },
    { call: 1, title: "申报 E", requested: 100_00, submitted_at: day(7), final_score: null },
  ];
  for (const plan of plans) {
    const org = await buildSocialOrg(t.ctx, "410105");
    const call = calls[plan.call] as string;
    mine.push({ ...plan, call, id: await insertApplication(plan.call === 0 ? "410105007" : "410105", call, org.id, plan) });
  }
  const elsewhere = await insertCall("410103", "二七征集");
  const theirs = await buildSocialOrg(t.ctx, "410103");
  await insertApplication("410103", elsewhere, theirs.id, {
    title: "二七区的申报",
    requested: 999_00,
    submitted_at: day(4),
    final_score: null,
  });
});

afterAll(async () => {
  await t.close();
});

describe("applications list sorting, totals and export", () => {
  it.each(["submitted_at", "-submitted_at", "requested", "-requested", "final_score", "-final_score"])(
    "sort=%s walks every row once, in order, across pages with ties",
    async (sort) => {
      const column = sort.replace(/^-/, "") as "submitted_at" | "requested" | "final_score";
      const walked = await walkSorted(official.http, "/api/v1/applications", sort);
      expect(walked.ids).toEqual(sortedOrder(mine, sort, (row) => row[column]));
      expect(walked.totals.every((total) => total.total === mine.length && !total.capped)).toBe(true);
    },
  );

  it("the default order is the latest submitted first, and each row names its call", async () => {
    const page = (await official.http.get("/api/v1/applications?limit=1")).json<CountedPage<Application>>();
    expect(page.items.map((item) => [item.id, item.call_title])).toEqual([[mine[4]?.id, "金水征集二"]]);
  });

  it.each(["org_name", "-status", "requested;drop table applications"])("refuses sort=%s with 400 VALIDATION_FAILED", async (sort) => {
    const response = await official.http.get(`/api/v1/applications?sort=${encodeURIComponent(sort)}`);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe("VALIDATION_FAILED");
  });

  it("refuses a cursor made under another sort", async () => {
    const refused = await crossSortCursor(official.http, "/api/v1/applications", "final_score", "requested");
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ code: string }>().code).toBe("VALIDATION_FAILED");
  });

  it("counts under the filters, and stops counting past 10,000", async () => {
    const ofCall = (await official.http.get(`/api/v1/applications?call_id=${firstCall}&limit=1`)).json<CountedPage<Application>>();
    expect(ofCall).toMatchObject({ total: 3, capped: false });
    const scored = (await official.http.get("/api/v1/applications?status=awarded&limit=1")).json<CountedPage<Application>>();
    expect(scored.total).toBe(3);
    // One application of one organization to each of 10,001 calls (one per call and organization).
    const applicant = await buildSocialOrg(t.ctx, "410102");
    await queryRows(
      t.database.db,
      sql`WITH made AS (
            INSERT INTO ${calls} (area_code, ocid, purchaser_name, mode, title, description, total_budget_fen, project_cap_fen, submission_deadline, status)
            SELECT '410102', 'ocds-cap-' || g, '中原区民政局', 'venture', '封顶 ' || g, '封顶', 100, 100, now(), 'open' FROM generate_series(1, 10001) AS g
            RETURNING id
          )
          INSERT INTO ${applications} (area_code, call_id, org_id, title, objectives, activities, beneficiaries, beneficiary_count, kpis, budget_lines, requested_fen, status, submitted_at)
          SELECT '410102', made.id, ${applicant.id}::uuid, '封顶', '目标', '活动', '老人', 1, '[]'::jsonb, '[]'::jsonb, 100, 'submitted', now() FROM made`,
    );
    const many = await client([{ role: "official", area_code: "410102" }]);
    expect((await many.http.get("/api/v1/applications?limit=1")).json<CountedPage<Application>>()).toMatchObject({
      total: 10_000,
      capped: true,
    });
    expect((await official.http.get("/api/v1/applications?limit=1")).json<CountedPage<Application>>().total).toBe(mine.length);
  });

  it("exports the caller's filtered applications only, in the list's order, amounts in yuan, and audits it", async () => {
    const filtered = await official.http.get(`/api/v1/exports/applications?format=csv&call_id=${firstCall}&sort=-requested`);
    expect(filtered.statusCode, filtered.body).toBe(200);
    const ofCall = mine.filter((row) => row.call === firstCall);
    expect(csvBodyRows(filtered.body).map((row) => [row[1], row[3], row[4]])).toEqual(
      sortedOrder(ofCall, "-requested", (row) => row.requested).map((id) => {
        const row = ofCall.find((candidate) => candidate.id === id) as Row;
        return ["金水征集一", row.title, (row.requested / 100).toFixed(2)];
      }),
    );
    const all = await official.http.get("/api/v1/exports/applications?format=csv");
    expect(csvBodyRows(all.body)).toHaveLength(mine.length);
    expect(all.body).not.toContain("二七区的申报");
    expect(await exportAudits(t.database.db, official.id, "applications")).toHaveLength(2);
  });

  it("refuses the list's export to a role without projects.read", async () => {
    const employer = await buildSocialOrg(t.ctx, "410105");
    const worker = await client([{ role: "social_worker", area_code: "410105007002", organization_id: employer.id }]);
    expect((await worker.http.get("/api/v1/exports/applications?format=csv")).statusCode).toBe(403);
  });
});
