import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Contract, CountedPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { buildUser } from "../../users/test/factories.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { buildContract } from "../test/contract-fixtures.js";
import { milestones, projectContracts, projectEvaluations } from "../schema.js";

/**
 * GET /contracts?awaiting= is what the 首页 to-dos open: milestones to accept on the purchaser's own
 * contracts, evaluations waiting for this evaluator's score. The roles that gain by breaking it: a
 * purchaser of another district, a second evaluator, an organization reading what waits for others.
 */

let t: TestApp;
type Client = ReturnType<typeof as>;
let district: Client;
let otherDistrict: Client;
let evaluator: Client;
let otherEvaluator: Client;
let orgStaff: Client;
const ids: Record<"reported" | "reportedElsewhere" | "quiet" | "toEvaluate" | "evaluated", string> = {
  reported: "",
  reportedElsewhere: "",
  quiet: "",
  toEvaluate: "",
  evaluated: "",
};

async function client(grants: Parameters<typeof buildUser>[1]): Promise<{ http: Client; id: string }> {
  const user = await buildUser(t.ctx, grants);
  return { http: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

async function milestone(contractId: string, areaCode: string, status: "pending" | "reported") {
  await t.ctx.db.insert(milestones).values({
    areaCode,
    contractId,
    position: 1,
    title: "第一阶段",
    deliverables: "服务台账",
    dueOn: "2026-06-30",
    shareBp: 5000,
    amountFen: 20_000_00,
    status,
  });
}

async function evaluation(contractId: string, areaCode: string, evaluatorId: string, thirdPartyScore: number | null) {
  await t.ctx.db.update(projectContracts).set({ status: "closing" }).where(eq(projectContracts.id, contractId));
  await t.ctx.db.insert(projectEvaluations).values({
    contractId,
    areaCode,
    evaluatorId,
    thirdPartyScore,
    weights: { purchaser: 30, beneficiaries: 30, third_party: 40 },
  });
}

async function awaiting(http: Client, kind: string): Promise<string[]> {
  const response = await http.get(`/api/v1/contracts?awaiting=${kind}`);
  expect(response.statusCode, response.body).toBe(200);
  return response
    .json<CountedPage<Contract>>()
    .items.map((item) => item.id)
    .sort();
}

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildSocialOrg(t.ctx, "410105");
  const elsewhere = await buildSocialOrg(t.ctx, "410103");
  district = (await client([{ role: "official", area_code: "410105" }])).http;
  otherDistrict = (await client([{ role: "official", area_code: "410103" }])).http;
  const mine = await client([{ role: "evaluator", area_code: "4101" }]);
  evaluator = mine.http;
  const other = await client([{ role: "evaluator", area_code: "4101" }]);
  otherEvaluator = other.http;
  orgStaff = (await client([{ role: "org_staff", area_code: "410105", organization_id: org.id }])).http;

  ids.reported = (await buildContract(t.ctx, "410105007", org.id)).id;
  await milestone(ids.reported, "410105007", "reported");
  ids.quiet = (await buildContract(t.ctx, "410105007", org.id)).id;
  await milestone(ids.quiet, "410105007", "pending");
  ids.reportedElsewhere = (await buildContract(t.ctx, "410103001", elsewhere.id)).id;
  await milestone(ids.reportedElsewhere, "410103001", "reported");
  ids.toEvaluate = (await buildContract(t.ctx, "410105007", org.id)).id;
  await evaluation(ids.toEvaluate, "410105007", mine.id, null);
  ids.evaluated = (await buildContract(t.ctx, "410105007", org.id)).id;
  await evaluation(ids.evaluated, "410105007", mine.id, 88);
});

afterAll(async () => {
  await t.close();
});

describe("contracts awaiting the reader", () => {
  it("lists the purchaser's own contracts with a reported milestone, never another district's", async () => {
    expect(await awaiting(district, "milestones")).toEqual([ids.reported]);
    expect(await awaiting(otherDistrict, "milestones")).toEqual([ids.reportedElsewhere]);
  });

  it("lists closing contracts waiting for this evaluator's score only", async () => {
    expect(await awaiting(evaluator, "evaluation")).toEqual([ids.toEvaluate]);
    expect(await awaiting(otherEvaluator, "evaluation")).toEqual([]);
    expect(await awaiting(district, "evaluation")).toEqual([]);
  });

  it("shows an organization nothing to accept on the purchaser's behalf", async () => {
    expect(await awaiting(orgStaff, "milestones")).toEqual([]);
  });

  it("refuses an unknown awaiting value", async () => {
    const response = await district.get("/api/v1/contracts?awaiting=payments");
    expect({ status: response.statusCode, code: response.json<{ code: string }>().code }).toEqual({
      status: 400,
      code: "VALIDATION_FAILED",
    });
  });
});
