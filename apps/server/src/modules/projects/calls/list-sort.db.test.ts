import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Call, CountedPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { queryRows } from "../../../platform/db/client.js";
import { buildUser } from "../../users/test/factories.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { csvBodyRows, exportAudits } from "../../exports/test/exports.js";
import { crossSortCursor, sortedOrder, walkSorted } from "../../../platform/pagination/test/sorted-walk.js";
import { calls } from "../schema.js";

/**
 * The calls list sorts by creation, publication (drafts last), deadline, budget and title,
 * keyset-paginated with ties, counts only the caller's calls (capped past 10,000) and exports exactly
 * those. The role that gains by breaking it: a district purchaser reading another district's calls and
 * budgets through a sort, a total or an export.
 */

let t: TestApp;
let official: { http: ReturnType<typeof as>; id: string };
type Row = {
  id: string;
  created_at: number;
  published_at: number | null;
  submission_deadline: number;
  total_budget: number;
  title: string;
};
const mine: Row[] = [];

async function client(grants: Parameters<typeof buildUser>[1]) {
  const user = await buildUser(t.ctx, grants);
  return { http: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

async function insertCall(
  areaCode: string,
  values: { title: string; budget: number; created: Date; published: Date | null; deadline: Date },
) {
  const [row] = await t.ctx.db
    .insert(calls)
    .values({
      areaCode,
      ocid: `ocds-test-${values.title}`,
      purchaserName: "金水区民政局",
      mode: values.published ? "venture" : "directed",
      title: values.title,
      description: "排序测试",
      totalBudgetFen: values.budget,
      projectCapFen: 100,
      submissionDeadline: values.deadline,
      status: values.published ? "open" : "draft",
      publishedAt: values.published,
      createdAt: values.created,
    })
    .returning();
  return row as typeof calls.$inferSelect;
}

beforeAll(async () => {
  t = await createTestApp();
  official = await client([{ role: "official", area_code: "410105" }]);
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  // Ties on the budget, the deadline and the creation instant; drafts have no publication date.
  const plans = [
    { title: "排序 C", budget: 300_00, created: day(1), published: day(2), deadline: day(30) },
    { title: "排序 A", budget: 100_00, created: day(1), published: null, deadline: day(20) },
    { title: "排序 E", budget: 300_00, created: day(3), published: day(4), deadline: day(20) },
    { title: "排序 B", budget: 200_00, created: day(4), published: null, deadline: day(40) },
    { title: "排序 D", budget: 100_00, created: day(5), published: day(6), deadline: day(30) },
  ];
  for (const plan of plans) {
    const row = await insertCall("410105007", plan);
    mine.push({
      id: row.id,
      created_at: plan.created.getTime(),
      published_at: plan.published?.getTime() ?? null,
      submission_deadline: plan.deadline.getTime(),
      total_budget: plan.budget,
      title: plan.title,
    });
  }
  await insertCall("410103", { title: "二七区的征集", budget: 999_00, created: day(2), published: day(2), deadline: day(30) });
});

afterAll(async () => {
  await t.close();
});

describe("calls list sorting, totals and export", () => {
  it.each([
    "created_at",
    "-created_at",
    "published_at",
    "-published_at",
    "submission_deadline",
    "-submission_deadline",
    "total_budget",
    "-total_budget",
    "title",
    "-title",
  ])("sort=%s walks every row once, in order, across pages with ties", async (sort) => {
    const column = sort.replace(/^-/, "") as keyof Row;
    const walked = await walkSorted(official.http, "/api/v1/calls", sort);
    expect(walked.ids).toEqual(sortedOrder(mine, sort, (row) => row[column]));
    expect(walked.totals.every((total) => total.total === mine.length && !total.capped)).toBe(true);
  });

  it("the default order is newest first", async () => {
    expect((await walkSorted(official.http, "/api/v1/calls", null)).ids).toEqual(sortedOrder(mine, "-created_at", (row) => row.created_at));
  });

  it.each(["status", "-area_code", "title;drop table calls", "--title"])("refuses sort=%s with 400 VALIDATION_FAILED", async (sort) => {
    const response = await official.http.get(`/api/v1/calls?sort=${encodeURIComponent(sort)}`);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe("VALIDATION_FAILED");
  });

  it("refuses a cursor made under another sort", async () => {
    const refused = await crossSortCursor(official.http, "/api/v1/calls", "-total_budget", "total_budget");
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ code: string }>().code).toBe("VALIDATION_FAILED");
  });

  it("counts under the filters, and stops counting past 10,000", async () => {
    const drafts = (await official.http.get("/api/v1/calls?status=draft&limit=1")).json<CountedPage<Call>>();
    expect(drafts).toMatchObject({ total: 2, capped: false });
    await queryRows(
      t.database.db,
      sql`INSERT INTO ${calls} (area_code, ocid, purchaser_name, mode, title, description, total_budget_fen, project_cap_fen, submission_deadline, status)
          SELECT '410102', 'ocds-cap-' || g, '中原区民政局', 'venture', '封顶 ' || g, '封顶', 100, 100, now(), 'open' FROM generate_series(1, 10001) AS g`,
    );
    const many = await client([{ role: "official", area_code: "410102" }]);
    const page = (await many.http.get("/api/v1/calls?limit=1")).json<CountedPage<Call>>();
    expect(page).toMatchObject({ total: 10_000, capped: true });
    expect((await official.http.get("/api/v1/calls?limit=1")).json<CountedPage<Call>>().total).toBe(mine.length);
  });

  it("exports the caller's filtered calls only, in the list's order, labelled, amounts in yuan, and audits it", async () => {
    const filtered = await official.http.get(`/api/v1/exports/calls?format=csv&mode=venture&sort=total_budget`);
    expect(filtered.statusCode, filtered.body).toBe(200);
    const published = mine.filter((row) => row.published_at !== null);
    const titleOf = (id: string) => published.find((row) => row.id === id)?.title;
    expect(csvBodyRows(filtered.body).map((row) => [row[3], row[4], row[5], row[6]])).toEqual(
      sortedOrder(published, "total_budget", (row) => row.total_budget).map((id) => [
        titleOf(id),
        "公益创投",
        // open, past its deadline: under review
        "评审中",
        ((published.find((row) => row.id === id)?.total_budget ?? 0) / 100).toFixed(2),
      ]),
    );
    const all = await official.http.get("/api/v1/exports/calls?format=csv");
    expect(csvBodyRows(all.body)).toHaveLength(mine.length);
    expect(all.body).not.toContain("二七区的征集");
    expect(await exportAudits(t.database.db, official.id, "calls")).toHaveLength(2);
  });

  it("refuses the export to a role without projects.read", async () => {
    const employer = await buildSocialOrg(t.ctx, "410105");
    const worker = await client([{ role: "social_worker", area_code: "410105007002", organization_id: employer.id }]);
    expect((await worker.http.get("/api/v1/exports/calls?format=csv")).statusCode).toBe(403);
  });
});
