import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectIndicators } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { buildUser } from "../../users/test/factories.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import type { Ctx } from "../../../platform/ctx.js";
import { applications, calls, fundingLedger, milestones, projectContracts, projectEvaluations } from "../schema.js";

/**
 * Purchase-of-services indicators over a small hand-built dataset on a fixed clock (2026-06-01):
 * exact sums by mode and child area, participation, funding structure, evaluation and on-time shares,
 * scope, and a constant number of statements.
 */

const now = new Date("2026-06-01T04:00:00Z");
let t: TestApp;
const logins: Record<string, string> = {};

async function insertCall(
  ctx: Ctx,
  values: { areaCode: string; mode: "venture" | "directed" | "commissioned"; budget: number; status: "draft" | "open" | "awarded" },
): Promise<string> {
  const id = randomUUID();
  await ctx.db.insert(calls).values({
    id,
    areaCode: values.areaCode,
    ocid: `ocds-test-${id}`,
    purchaserName: "测试购买方",
    mode: values.mode,
    title: "测试项目征集",
    description: "测试",
    totalBudgetFen: values.budget,
    projectCapFen: values.budget,
    submissionDeadline: new Date("2025-01-01T00:00:00Z"),
    status: values.status,
    publishedAt: values.status === "draft" ? null : new Date("2024-12-01T00:00:00Z"),
  });
  return id;
}

async function insertApplication(ctx: Ctx, callId: string, areaCode: string, orgId: string, requested: number, awarded: boolean) {
  const [row] = await ctx.db
    .insert(applications)
    .values({
      areaCode,
      callId,
      orgId,
      title: "测试申报",
      objectives: "测试",
      activities: "测试",
      beneficiaries: "测试",
      beneficiaryCount: 10,
      kpis: [],
      budgetLines: [{ item: "测试", amount_fen: requested }],
      requestedFen: requested,
      status: awarded ? "awarded" : "not_awarded",
      submittedAt: new Date("2024-12-15T00:00:00Z"),
    })
    .returning({ id: applications.id });
  return row?.id as string;
}

async function insertContract(
  ctx: Ctx,
  callId: string,
  applicationId: string,
  areaCode: string,
  orgId: string,
  amount: number,
  paid: number,
  signed: string,
) {
  const [row] = await ctx.db
    .insert(projectContracts)
    .values({
      areaCode,
      callId,
      applicationId,
      orgId,
      title: "测试合同",
      amountFen: amount,
      paidFen: paid,
      periodStart: signed,
      periodEnd: "2027-12-31",
      kpis: [],
      status: "active",
      signedAt: new Date(`${signed}T02:00:00Z`),
    })
    .returning({ id: projectContracts.id });
  return row?.id as string;
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => now });
  const ctx = t.ctx;
  const orgA = await buildSocialOrg(ctx, "410105", { status: "active" });
  const orgB = await buildSocialOrg(ctx, "410105007", { status: "active" });
  const orgD = await buildSocialOrg(ctx, "410103", { status: "active" });
  const call1 = await insertCall(ctx, { areaCode: "410105007", mode: "venture", budget: 1_000_000, status: "awarded" });
  await insertCall(ctx, { areaCode: "410105001", mode: "directed", budget: 500_000, status: "open" });
  await insertCall(ctx, { areaCode: "410105", mode: "commissioned", budget: 999, status: "draft" });
  const call4 = await insertCall(ctx, { areaCode: "410103", mode: "venture", budget: 777, status: "awarded" });
  const call5 = await insertCall(ctx, { areaCode: "410105007", mode: "directed", budget: 300_000, status: "awarded" });
  const appA = await insertApplication(ctx, call1, "410105007", orgA.id, 400_000, true);
  await insertApplication(ctx, call1, "410105007", orgB.id, 350_000, false);
  const appB = await insertApplication(ctx, call5, "410105007", orgB.id, 200_000, true);
  const appD = await insertApplication(ctx, call4, "410103", orgD.id, 777, true);
  const contractA = await insertContract(ctx, call1, appA, "410105007", orgA.id, 400_000, 120_000, "2025-01-01");
  const contractB = await insertContract(ctx, call5, appB, "410105007", orgB.id, 200_000, 0, "2022-01-01");
  await insertContract(ctx, call4, appD, "410103", orgD.id, 777, 0, "2025-01-01");
  const milestone = (position: number, dueOn: string, share: number, acceptedAt: string | null) => ({
    areaCode: "410105007",
    contractId: contractA,
    position,
    title: `阶段${position}`,
    deliverables: "测试",
    dueOn,
    shareBp: share,
    amountFen: (400_000 * share) / 10000,
    status: acceptedAt ? ("accepted" as const) : ("pending" as const),
    acceptedAt: acceptedAt ? new Date(acceptedAt) : null,
  });
  const [m1] = await ctx.db
    .insert(milestones)
    .values([
      // Accepted at 04:00 on the due date in China Standard Time: on time.
      milestone(0, "2025-03-01", 3000, "2025-02-28T20:00:00Z"),
      milestone(1, "2025-06-01", 4000, "2025-06-05T02:00:00Z"),
      milestone(2, "2027-01-01", 3000, null),
    ])
    .returning({ id: milestones.id });
  await ctx.db.insert(fundingLedger).values([
    {
      areaCode: "410105007",
      orgId: orgA.id,
      source: "gov_purchase",
      amountFen: 120_000,
      paidOn: "2025-03-02",
      contractId: contractA,
      milestoneId: m1?.id,
      description: "付款",
    },
    { areaCode: "410105", orgId: orgA.id, source: "donation", amountFen: 50_000, paidOn: "2026-01-01", description: "捐赠" },
    { areaCode: "410105", orgId: orgA.id, source: "foundation", amountFen: 30_000, paidOn: "2022-01-01", description: "三年前" },
    { areaCode: "410103", orgId: orgD.id, source: "donation", amountFen: 999, paidOn: "2026-01-01", description: "区外" },
  ]);
  const weights = { purchaser: 40, beneficiaries: 30, third_party: 30 };
  const evaluator = await buildUser(ctx, [{ role: "evaluator", area_code: "410105" }]);
  logins.evaluator = evaluator.login;
  await ctx.db.insert(projectEvaluations).values([
    { contractId: contractA, areaCode: "410105007", evaluatorId: evaluator.id, weights, totalScore: 85.5, grade: "good", completedAt: now },
    { contractId: contractB, areaCode: "410105007", evaluatorId: evaluator.id, weights, totalScore: 72, grade: "pass", completedAt: now },
  ]);
  logins.district = (await buildUser(ctx, [{ role: "official", area_code: "410105" }])).login;
  logins.street = (await buildUser(ctx, [{ role: "official", area_code: "410105007" }])).login;
  logins.resident = (await buildUser(ctx, [{ role: "resident", area_code: "410105007002" }])).login;
});

afterAll(async () => {
  await t.close();
});

async function who(name: string) {
  return as(t.app, await signIn(t.app, logins[name] as string));
}

async function indicators(name: string, query = ""): Promise<ProjectIndicators> {
  const response = await (await who(name)).get(`/api/v1/projects/indicators${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ProjectIndicators>();
}

describe("project indicators", () => {
  it("computes money, participation, funding, evaluation and on-time shares for a district", async () => {
    const district = await indicators("district");
    expect(district.area.code).toBe("410105");
    expect(district.by_mode).toEqual([
      { mode: "venture", calls: 1, budget_fen: 1_000_000, awarded_fen: 400_000, contracted_fen: 400_000, paid_fen: 120_000 },
      { mode: "directed", calls: 2, budget_fen: 800_000, awarded_fen: 200_000, contracted_fen: 200_000, paid_fen: 0 },
      { mode: "commissioned", calls: 0, budget_fen: 0, awarded_fen: 0, contracted_fen: 0, paid_fen: 0 },
    ]);
    expect(district.totals).toEqual({ calls: 3, budget_fen: 1_800_000, awarded_fen: 600_000, contracted_fen: 600_000, paid_fen: 120_000 });
    expect(district.org_participation).toEqual({ active_orgs: 2, with_contract: 1, share: 0.5 });
    const funding = Object.fromEntries(district.funding_by_source.map((row) => [row.source, row]));
    expect(funding.gov_purchase).toEqual({ source: "gov_purchase", amount_fen: 120_000, share: 0.7059 });
    expect(funding.donation).toEqual({ source: "donation", amount_fen: 50_000, share: 0.2941 });
    expect(funding.foundation?.amount_fen).toBe(0);
    expect(district.evaluations).toEqual({
      evaluated: 2,
      average_score: 78.75,
      by_grade: [
        { grade: "excellent", count: 0 },
        { grade: "good", count: 1 },
        { grade: "pass", count: 1 },
        { grade: "fail", count: 0 },
      ],
    });
    expect(district.milestones).toEqual({ due: 2, on_time: 1, share: 0.5 });
    for (const key of ["calls", "budget_fen", "awarded_fen", "contracted_fen", "paid_fen"] as const) {
      expect(district.children.reduce((sum, child) => sum + child[key], 0)).toBe(district.totals[key]);
    }
    expect(district.children.find((child) => child.code === "410105007")).toMatchObject({ calls: 2, budget_fen: 1_300_000 });
  });

  it("keeps to the scope: evaluators read, street officials see their street only, residents are refused", async () => {
    expect((await indicators("evaluator", "?area=410105")).totals.calls).toBe(3);
    const street = await indicators("street");
    expect(street.area.code).toBe("410105007");
    expect(street.totals.calls).toBe(2);
    expect((await (await who("street")).get("/api/v1/projects/indicators?area=410105")).statusCode).toBe(404);
    expect((await (await who("district")).get("/api/v1/projects/indicators?area=410103")).statusCode).toBe(404);
    expect((await (await who("resident")).get("/api/v1/projects/indicators")).statusCode).toBe(403);
    expect((await (await who("district")).get("/api/v1/projects/indicators?area=x")).statusCode).toBe(400);
  });

  it("uses the same number of statements at every level", async () => {
    const count = async (query: string) => {
      const client = await who("district");
      const before = t.database.stats.queries;
      expect((await client.get(`/api/v1/projects/indicators${query}`)).statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    const district = await count("");
    expect(await count("?area=410105007")).toBe(district);
    expect(await count("?area=410105007002")).toBe(district);
  });
});
