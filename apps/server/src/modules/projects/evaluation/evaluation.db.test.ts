import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContractDetail, MilestoneReport, Page, ProjectEvaluation } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { buildUser } from "../../users/test/factories.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { buildAwardedApplication, buildCall, buildReferredNeed } from "../test/contract-fixtures.js";

/**
 * Closing and the multi-party evaluation over HTTP: closing rules, evaluator eligibility, the
 * beneficiaries' satisfaction from residents' ratings (category, area, organization and period),
 * weights and grade, the no-ratings rule, and what every demo role reads.
 */

const clock = new Date("2026-03-15T02:00:00Z");
let t: TestApp;
type Client = ReturnType<typeof as>;
const roles: Record<string, Client> = {};
let evaluatorId: string;
let otherEvaluatorId: string;
let officialId: string;
let org: { id: string };
let otherOrg: { id: string };
const streetArea = "410105007";
const communityArea = "410105007002";

async function client(grants: Parameters<typeof buildUser>[1]): Promise<{ client: Client; id: string }> {
  const user = await buildUser(t.ctx, grants);
  return { client: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

const role = (name: string): Client => {
  const found = roles[name];
  if (!found) {
    throw new Error(`no client ${name}`);
  }
  return found;
};

async function contractWithAcceptedMilestones(accept: boolean, targetArea = communityArea): Promise<ContractDetail> {
  const call = await buildCall(t.ctx, streetArea, { targetAreaCodes: [targetArea], needCategories: ["elderly_care"] });
  const application = await buildAwardedApplication(t.ctx, call, org.id);
  const response = await role("street").post(`/api/v1/applications/${application.id}/contract`, {
    amount_fen: 20_000_00,
    period_start: "2025-03-01",
    period_end: "2025-12-31",
    milestones: [
      { title: "中期", deliverables: "中期报告", due_on: "2025-06-30", share_bp: 5000 },
      { title: "结项", deliverables: "结项报告", due_on: "2025-12-31", share_bp: 5000 },
    ],
  });
  expect(response.statusCode).toBe(201);
  const contract = response.json<ContractDetail>();
  if (accept) {
    for (const milestone of contract.milestones) {
      const report = await role("org").post(`/api/v1/contracts/${contract.id}/milestones/${milestone.id}/reports`, {
        summary: "按期完成",
        ...(await signInSheet(contract.id)),
      });
      const decision = await role("street").post(`/api/v1/milestone-reports/${report.json<MilestoneReport>().id}/decision`, {
        decision: "accept",
      });
      expect(decision.statusCode).toBe(200);
    }
  }
  return (await role("street").get(`/api/v1/contracts/${contract.id}`)).json<ContractDetail>();
}

/** Evidence for a milestone report (a report without any is refused): a sign-in sheet uploaded to the contract. */
async function signInSheet(contractId: string): Promise<{ attachment_ids: string[] }> {
  const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(200, 1)]);
  const upload = await role("org").post(`/api/v1/contracts/${contractId}/attachments?name=签到表.pdf`, pdf, {
    headers: { "content-type": "application/pdf" },
  });
  expect(upload.statusCode).toBe(201);
  return { attachment_ids: [upload.json<{ id: string }>().id] };
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  org = await buildSocialOrg(t.ctx, "410105");
  otherOrg = await buildSocialOrg(t.ctx, "410105");
  roles.street = (await client([{ role: "official", area_code: streetArea }])).client;
  roles.community = (await client([{ role: "community_staff", area_code: communityArea }])).client;
  roles.district = (await client([{ role: "official", area_code: "410105" }])).client;
  const city = await client([{ role: "official", area_code: "4101" }]);
  roles.city = city.client;
  officialId = city.id;
  roles.org = (await client([{ role: "org_staff", area_code: "410105", organization_id: org.id }])).client;
  roles.otherOrg = (await client([{ role: "org_staff", area_code: "410105", organization_id: otherOrg.id }])).client;
  const evaluator = await client([{ role: "evaluator", area_code: "4101" }]);
  roles.evaluator = evaluator.client;
  evaluatorId = evaluator.id;
  const otherEvaluator = await client([{ role: "evaluator", area_code: "410103" }]);
  roles.otherEvaluator = otherEvaluator.client;
  otherEvaluatorId = otherEvaluator.id;
  roles.worker = (await client([{ role: "social_worker", area_code: communityArea, organization_id: otherOrg.id }])).client;
  roles.resident = (await client([{ role: "resident", area_code: communityArea }])).client;
});

afterAll(async () => {
  await t.close();
});

describe("closing and evaluation", () => {
  it("computes satisfaction from matching ratings, weights the three parties, grades and closes", async () => {
    const contract = await contractWithAcceptedMilestones(true);
    const inPeriod = new Date("2025-07-01T04:00:00Z");
    await buildReferredNeed(t.ctx, { areaCode: communityArea, orgId: org.id, rating: 5, closedAt: inPeriod });
    await buildReferredNeed(t.ctx, { areaCode: communityArea, orgId: org.id, rating: 4, closedAt: inPeriod });
    // Not counted: after the period, another organization, another category, outside the target area.
    await buildReferredNeed(t.ctx, { areaCode: communityArea, orgId: org.id, rating: 1, closedAt: new Date("2026-01-05T04:00:00Z") });
    await buildReferredNeed(t.ctx, { areaCode: communityArea, orgId: otherOrg.id, rating: 1, closedAt: inPeriod });
    await buildReferredNeed(t.ctx, { areaCode: communityArea, orgId: org.id, rating: 1, closedAt: inPeriod, category: "disability" });
    await buildReferredNeed(t.ctx, { areaCode: "410105007003", orgId: org.id, rating: 1, closedAt: inPeriod });
    // The honest loop: a rating staff recorded from a call-back is shown apart, never scored; a need the
    // organization declined (someone else served it, rated 1) is never credited to it.
    await buildReferredNeed(t.ctx, { areaCode: communityArea, orgId: org.id, rating: 1, closedAt: inPeriod, ratingSource: "callback" });
    await buildReferredNeed(t.ctx, { areaCode: communityArea, orgId: org.id, rating: 1, closedAt: inPeriod, declined: true });

    expect((await role("evaluator").get(`/api/v1/contracts/${contract.id}`)).statusCode).toBe(404);
    const candidates = (await role("street").get(`/api/v1/contracts/${contract.id}/evaluator-candidates`)).json<{
      items: { id: string }[];
    }>();
    expect(candidates.items.map((c) => c.id)).toEqual([evaluatorId]);
    const close = (body: Record<string, unknown>) => role("street").post(`/api/v1/contracts/${contract.id}/closing`, body);
    expect((await close({ action: "close", evaluator_id: evaluatorId, version: contract.version - 1 })).json<{ code: string }>().code).toBe(
      "VERSION_CONFLICT",
    );
    for (const id of [otherEvaluatorId, officialId]) {
      const refused = await close({ action: "close", evaluator_id: id, version: contract.version });
      expect(refused.json<{ code: string }>().code).toBe("EVALUATION_EVALUATOR_INVALID");
    }
    const closed = await close({ action: "close", evaluator_id: evaluatorId, version: contract.version });
    expect(closed.statusCode).toBe(200);
    const closing = closed.json<ContractDetail>();
    expect(closing.status).toBe("closing");
    expect(closing.evaluation).toMatchObject({
      beneficiary_score: 90,
      beneficiary_ratings: 2,
      callback_ratings: 1,
      callback_average_rating: 1,
      weights: { purchaser: 40, beneficiaries: 30, third_party: 30 },
    });
    expect((await close({ action: "close", evaluator_id: evaluatorId, version: closing.version })).json<{ code: string }>().code).toBe(
      "CONTRACT_NOT_ACTIVE",
    );

    // The evaluator now reads the contract; nobody else may write their part.
    expect((await role("evaluator").get(`/api/v1/contracts/${contract.id}`)).statusCode).toBe(200);
    expect((await role("evaluator").get("/api/v1/contracts")).json<Page<ContractDetail>>().items.map((c) => c.id)).toEqual([contract.id]);
    const thirdParty = (body: Record<string, unknown>, who = role("evaluator")) =>
      who.put(`/api/v1/contracts/${contract.id}/evaluation/third-party`, body);
    const evaluation = (await role("evaluator").get(`/api/v1/contracts/${contract.id}/evaluation`)).json<ProjectEvaluation>();
    const part = { score: 70, comment: "指标基本完成", version: evaluation.version };
    expect((await thirdParty({ ...part, kpi_results: [] })).json<{ code: string }>().code).toBe("EVALUATION_KPIS_MISMATCH");
    expect((await thirdParty({ ...part, kpi_results: [{ name: "探访人次", achieved: 480 }] }, role("otherEvaluator"))).statusCode).toBe(
      404,
    );
    const third = await thirdParty({ ...part, kpi_results: [{ name: "探访人次", achieved: 480 }] });
    expect(third.statusCode).toBe(200);
    expect(third.json<ProjectEvaluation>()).toMatchObject({
      third_party_score: 70,
      kpi_results: [{ name: "探访人次", target: 500, achieved: 480, unit: "人次" }],
      total_score: null,
    });
    expect(
      (await role("org").put(`/api/v1/contracts/${contract.id}/evaluation/purchaser`, { score: 100, comment: "自评", version: 2 }))
        .statusCode,
    ).toBe(403);
    const purchaser = await role("street").put(`/api/v1/contracts/${contract.id}/evaluation/purchaser`, {
      score: 80,
      comment: "服务规范",
      version: third.json<ProjectEvaluation>().version,
    });
    expect(purchaser.statusCode).toBe(200);
    // 0.4 × 80 + 0.3 × 90 + 0.3 × 70 = 80 → good (良好).
    expect(purchaser.json<ProjectEvaluation>()).toMatchObject({ total_score: 80, grade: "good" });
    const final = (await role("org").get(`/api/v1/contracts/${contract.id}`)).json<ContractDetail>();
    expect(final.status).toBe("closed");
    expect(final.closed_at).not.toBeNull();
    const late = await role("street").put(`/api/v1/contracts/${contract.id}/evaluation/purchaser`, {
      score: 10,
      comment: "改分",
      version: purchaser.json<ProjectEvaluation>().version,
    });
    expect(late.json<{ code: string }>().code).toBe("EVALUATION_COMPLETED");
  });

  it("refuses to close with open milestones; terminating works and without ratings the weights are redistributed", async () => {
    // The call targets a community where the organization served no rated need.
    const contract = await contractWithAcceptedMilestones(false, "410105007001");
    const close = (body: Record<string, unknown>) => role("street").post(`/api/v1/contracts/${contract.id}/closing`, body);
    expect((await close({ action: "close", evaluator_id: evaluatorId, version: contract.version })).json<{ code: string }>().code).toBe(
      "CONTRACT_MILESTONES_OPEN",
    );
    expect((await close({ action: "terminate", evaluator_id: evaluatorId, version: contract.version })).statusCode).toBe(400);
    const terminated = await close({
      action: "terminate",
      reason: "机构无法继续履约",
      evaluator_id: evaluatorId,
      version: contract.version,
    });
    expect(terminated.json<ContractDetail>()).toMatchObject({
      status: "terminated",
      evaluation: { beneficiary_ratings: 0, beneficiary_score: null },
    });
    expect(terminated.json<ContractDetail>().evaluation?.applied_weights).toEqual({
      purchaser: 57.14,
      beneficiaries: 0,
      third_party: 42.86,
    });
    const report = await role("org").post(`/api/v1/contracts/${contract.id}/milestones/${contract.milestones[0]?.id}/reports`, {
      summary: "终止后补报",
    });
    expect(report.json<{ code: string }>().code).toBe("CONTRACT_NOT_ACTIVE");
    const first = await role("street").put(`/api/v1/contracts/${contract.id}/evaluation/purchaser`, {
      score: 95,
      comment: "好",
      version: 1,
    });
    const second = await role("evaluator").put(`/api/v1/contracts/${contract.id}/evaluation/third-party`, {
      score: 85,
      comment: "较好",
      kpi_results: [{ name: "探访人次", achieved: 200 }],
      version: first.json<ProjectEvaluation>().version,
    });
    // (95 × 40 + 85 × 30) ÷ 70 = 90.71 → excellent (优秀).
    expect(second.json<ProjectEvaluation>()).toMatchObject({ total_score: 90.71, grade: "excellent" });
    expect((await role("street").get(`/api/v1/contracts/${contract.id}`)).json<ContractDetail>().status).toBe("terminated");
  });
});

describe("scope for every demo role", () => {
  it("reads a street contract exactly as the role allows (404 outside scope, 403 without projects.read)", async () => {
    const contract = await contractWithAcceptedMilestones(false);
    const expected: Record<string, number> = {
      street: 200,
      district: 200,
      city: 200,
      org: 200,
      community: 404,
      otherOrg: 404,
      evaluator: 404,
      otherEvaluator: 404,
      worker: 403,
      resident: 403,
    };
    for (const [name, status] of Object.entries(expected)) {
      const detail = await role(name).get(`/api/v1/contracts/${contract.id}`);
      const evaluation = await role(name).get(`/api/v1/contracts/${contract.id}/evaluation`);
      expect([name, detail.statusCode]).toEqual([name, status]);
      expect([name, evaluation.statusCode]).toEqual([name, status === 200 ? 404 : status]);
      const ledger = await role(name).get(`/api/v1/funding-ledger?contract_id=${contract.id}`);
      expect([name, ledger.statusCode]).toEqual([name, status === 403 ? 403 : 200]);
    }
    const report = await role("org").post(`/api/v1/contracts/${contract.id}/milestones/${contract.milestones[0]?.id}/reports`, {
      summary: "报告",
      ...(await signInSheet(contract.id)),
    });
    const reportId = report.json<MilestoneReport>().id;
    for (const name of ["community", "otherEvaluator"]) {
      const decision = await role(name).post(`/api/v1/milestone-reports/${reportId}/decision`, { decision: "accept" });
      expect([name, decision.statusCode]).toEqual([name, name === "community" ? 404 : 403]);
    }
    for (const name of ["district", "city", "evaluator", "otherOrg"]) {
      const candidates = await role(name).get(`/api/v1/contracts/${contract.id}/evaluator-candidates`);
      expect([name, candidates.statusCode]).toEqual([
        name,
        name === "district" || name === "city" ? 200 : name === "otherOrg" || name === "evaluator" ? 403 : 404,
      ]);
    }
  });
});
