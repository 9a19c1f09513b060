import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { ContractDetail, LedgerEntry, LedgerSummary, MilestoneReport, Page } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { auditLog } from "../../../platform/audit/schema.js";
import { buildUser } from "../../users/test/factories.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { notifications } from "../../notifications/test/tables.js";
import { fundingLedger, projectContracts } from "../schema.js";
import { buildAwardedApplication, buildCall, buildReferredNeed } from "../test/contract-fixtures.js";

/**
 * Contracts over HTTP: validation at signing (amount, shares, dates, once), evidence of progress
 * reports, accept → ledger + paid, return → notification, the double-approval race, the cap, other
 * income and totals by source and year, scope and query counts.
 */

let clock = new Date("2026-03-15T02:00:00Z");
let t: TestApp;
type Client = ReturnType<typeof as>;
let street: Client;
let district: Client;
let otherDistrict: Client;
let community: Client;
let orgStaff: Client;
let otherOrgStaff: Client;
let orgStaffIds: string[];
let org: { id: string };
let otherOrg: { id: string };
const streetArea = "410105007";

async function client(grants: Parameters<typeof buildUser>[1]): Promise<{ client: Client; id: string }> {
  const user = await buildUser(t.ctx, grants);
  return { client: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

const milestonesOf = (shares: number[], dues: string[] = []) =>
  shares.map((share_bp, index) => ({
    title: `节点 ${index + 1}`,
    deliverables: "服务记录与总结",
    due_on: dues[index] ?? `2026-0${index + 4}-30`,
    share_bp,
  }));

async function awarded(overrides: Parameters<typeof buildAwardedApplication>[3] = {}, callOverrides: Parameters<typeof buildCall>[2] = {}) {
  const call = await buildCall(t.ctx, streetArea, callOverrides);
  return buildAwardedApplication(t.ctx, call, org.id, overrides);
}

async function sign(applicationId: string, body: Record<string, unknown> = {}, who: Client = street) {
  return who.post(`/api/v1/applications/${applicationId}/contract`, {
    amount_fen: 30_000_01,
    period_start: "2026-03-01",
    period_end: "2026-12-31",
    milestones: milestonesOf([3333, 3333, 3334]),
    ...body,
  });
}

async function signed(body: Record<string, unknown> = {}): Promise<ContractDetail> {
  const application = await awarded();
  const response = await sign(application.id, body);
  expect(response.statusCode).toBe(201);
  return response.json<ContractDetail>();
}

async function reportOn(contract: ContractDetail, position: number, body: Record<string, unknown> = {}) {
  const milestone = contract.milestones[position - 1];
  return orgStaff.post(`/api/v1/contracts/${contract.id}/milestones/${milestone?.id}/reports`, { summary: "完成探访 120 人次", ...body });
}

async function reported(contract: ContractDetail, position: number): Promise<MilestoneReport> {
  // A report needs evidence: a referral of the call's category in its area, served by the organization.
  const need = await buildReferredNeed(t.ctx, { areaCode: "410105007002", orgId: org.id });
  const response = await reportOn(contract, position, { referral_ids: [need.referralId] });
  expect(response.statusCode).toBe(201);
  return response.json<MilestoneReport>();
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  org = await buildSocialOrg(t.ctx, "410105");
  otherOrg = await buildSocialOrg(t.ctx, "410105");
  street = (await client([{ role: "official", area_code: streetArea }])).client;
  district = (await client([{ role: "official", area_code: "410105" }])).client;
  otherDistrict = (await client([{ role: "official", area_code: "410103" }])).client;
  community = (await client([{ role: "community_staff", area_code: "410105007002" }])).client;
  const staffA = await client([{ role: "org_staff", area_code: "410105", organization_id: org.id }]);
  const staffB = await client([{ role: "org_staff", area_code: "410105", organization_id: org.id }]);
  orgStaff = staffA.client;
  orgStaffIds = [staffA.id, staffB.id];
  otherOrgStaff = (await client([{ role: "org_staff", area_code: "410105", organization_id: otherOrg.id }])).client;
});

afterAll(async () => {
  await t.close();
});

describe("signing a contract", () => {
  it("computes milestone amounts in fen with the remainder on the last one, and audits", async () => {
    const contract = await signed();
    expect(contract.milestones.map((m) => m.amount_fen)).toEqual([999_900, 999_900, 1_000_201]);
    expect(contract.milestones.reduce((sum, m) => sum + m.amount_fen, 0)).toBe(30_000_01);
    expect(contract).toMatchObject({ status: "active", paid_fen: 0, remaining_fen: 30_000_01, title: "银龄守护计划", org_id: org.id });
    expect(contract.kpis).toEqual([{ name: "探访人次", target: 500, unit: "人次" }]);
    const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, contract.id));
    expect(audits.map((a) => a.action)).toContain("projects.contract_create");
  });

  it("signs once: a second contract for the application is 409 with the existing id", async () => {
    const application = await awarded();
    const first = await sign(application.id);
    const second = await sign(application.id);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: "CONTRACT_EXISTS", existing_id: first.json<ContractDetail>().id });
  });

  it("refuses shares that do not sum to 10000, dates outside the period, an inverted period and amounts above the request or cap", async () => {
    const application = await awarded({ requestedFen: 60_000_00 }, { projectCapFen: 50_000_00 });
    const cases: [Record<string, unknown>, number, string][] = [
      [{ milestones: milestonesOf([5000, 4000]) }, 400, "CONTRACT_SHARES_NOT_WHOLE"],
      [{ milestones: milestonesOf([5000, 5000], ["2026-04-30", "2027-01-01"]) }, 400, "CONTRACT_MILESTONE_OUTSIDE_PERIOD"],
      [{ period_start: "2026-12-31", period_end: "2026-03-01" }, 400, "VALIDATION_FAILED"],
      [{ amount_fen: 50_000_01 }, 400, "CONTRACT_AMOUNT_OVER_CAP"],
      [{ milestones: [] }, 400, "VALIDATION_FAILED"],
    ];
    for (const [body, status, code] of cases) {
      const response = await sign(application.id, body);
      expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([status, code]);
    }
    const small = await awarded();
    const over = await sign(small.id, { amount_fen: 40_000_01 });
    expect(over.json<{ code: string }>().code).toBe("CONTRACT_AMOUNT_OVER_REQUEST");
    const notAwarded = await awarded({ status: "not_awarded" });
    expect((await sign(notAwarded.id)).json<{ code: string }>().code).toBe("CONTRACT_APPLICATION_NOT_AWARDED");
  });

  it("answers 404 to purchasers outside the call's area and 403 to organizations", async () => {
    const application = await awarded();
    expect((await sign(application.id, {}, community)).statusCode).toBe(404);
    expect((await sign(application.id, {}, otherDistrict)).statusCode).toBe(404);
    expect((await sign(application.id, {}, orgStaff)).statusCode).toBe(403);
  });
});

describe("progress reports", () => {
  it("accepts the organization's own referrals, service records and attachments, and suggests beneficiaries", async () => {
    const contract = await signed();
    const a = await buildReferredNeed(t.ctx, { areaCode: "410105007002", orgId: org.id });
    const b = await buildReferredNeed(t.ctx, { areaCode: "410105007002", orgId: org.id });
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(200, 1)]);
    const upload = await orgStaff.post(`/api/v1/contracts/${contract.id}/attachments?name=签到表.pdf`, pdf, {
      headers: { "content-type": "application/pdf" },
    });
    expect(upload.statusCode).toBe(201);
    const attachment = upload.json<{ id: string; content_type: string }>();
    expect(attachment.content_type).toBe("application/pdf");
    const candidates = await orgStaff.get(`/api/v1/contracts/${contract.id}/evidence-candidates`);
    expect(candidates.json<{ items: { id: string }[] }>().items.map((r) => r.id)).toEqual(
      expect.arrayContaining([a.referralId, b.referralId]),
    );

    const response = await reportOn(contract, 1, {
      referral_ids: [a.referralId],
      service_record_ids: [a.serviceRecordId, b.serviceRecordId],
      attachment_ids: [attachment.id],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<MilestoneReport>().evidence.beneficiaries_reached).toBe(2);
    const detail = (await orgStaff.get(`/api/v1/contracts/${contract.id}`)).json<ContractDetail>();
    expect(detail.milestones[0]?.status).toBe("reported");
    expect(detail.attachments.map((x) => x.id)).toEqual([attachment.id]);
    const download = await street.get(`/api/v1/contracts/${contract.id}/attachments/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect((await otherOrgStaff.get(`/api/v1/contracts/${contract.id}/attachments/${attachment.id}`)).statusCode).toBe(404);
    // A second report while one is pending is refused.
    expect((await reportOn(contract, 1)).json<{ code: string }>().code).toBe("MILESTONE_NOT_REPORTABLE");
  });

  it("refuses evidence that is another organization's or another contract's", async () => {
    const contract = await signed();
    const other = await signed();
    const foreign = await buildReferredNeed(t.ctx, { areaCode: "410105007002", orgId: otherOrg.id });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 2)]);
    const otherAttachment = (
      await orgStaff.post(`/api/v1/contracts/${other.id}/attachments`, png, { headers: { "content-type": "image/png" } })
    ).json<{ id: string }>();
    const cases: [Record<string, unknown>, string][] = [
      [{ referral_ids: [foreign.referralId] }, "referral_ids"],
      [{ service_record_ids: [foreign.serviceRecordId] }, "service_record_ids"],
      [{ attachment_ids: [otherAttachment.id] }, "attachment_ids"],
    ];
    for (const [body, kind] of cases) {
      const response = await reportOn(contract, 1, body);
      expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([400, "MILESTONE_EVIDENCE_INVALID"]);
      expect(response.json<{ detail: string }>().detail).toContain(kind);
    }
    const fake = await orgStaff.post(`/api/v1/contracts/${contract.id}/attachments`, Buffer.from("%PNG not really"), {
      headers: { "content-type": "image/png" },
    });
    expect(fake.json<{ code: string }>().code).toBe("CONTRACT_ATTACHMENT_TYPE_REFUSED");
    const huge = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await orgStaff.post(`/api/v1/contracts/${contract.id}/attachments`, huge, {
      headers: { "content-type": "application/pdf" },
    });
    expect(tooLarge.statusCode).toBe(413);
    const own = await buildReferredNeed(t.ctx, { areaCode: "410105007002", orgId: org.id });
    expect(await reportOn(contract, 1, { service_record_ids: [own.serviceRecordId] }).then((r) => r.statusCode)).toBe(201);
    const foreignReport = await otherOrgStaff.post(`/api/v1/contracts/${contract.id}/milestones/${contract.milestones[1]?.id}/reports`, {
      summary: "冒名报告",
    });
    expect(foreignReport.statusCode).toBe(404);
  });
});

describe("evidence (issue 13, finding 4)", () => {
  it("refuses a report without evidence: people reached alone is a claim, not evidence", async () => {
    const contract = await signed();
    for (const body of [{}, { beneficiaries_reached: 120 }, { referral_ids: [], service_record_ids: [], attachment_ids: [] }]) {
      const response = await reportOn(contract, 1, body);
      expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([422, "MILESTONE_EVIDENCE_REQUIRED"]);
    }
    const detail = (await street.get(`/api/v1/contracts/${contract.id}`)).json<ContractDetail>();
    expect(detail.milestones[0]).toMatchObject({ status: "pending", reports: [] });
    expect(await t.ctx.db.select().from(fundingLedger).where(eq(fundingLedger.contractId, contract.id))).toHaveLength(0);
  });

  it("shows the purchaser which evidence lies outside the call's categories or area", async () => {
    // The call answers elderly_care in 南阳新村街道 (410105007).
    const contract = await signed();
    const inside = await buildReferredNeed(t.ctx, { areaCode: "410105007002", orgId: org.id });
    const wrongCategory = await buildReferredNeed(t.ctx, { areaCode: "410105007002", orgId: org.id, category: "legal_aid" });
    const wrongArea = await buildReferredNeed(t.ctx, { areaCode: "410105001001", orgId: org.id });
    const response = await reportOn(contract, 1, {
      referral_ids: [inside.referralId, wrongCategory.referralId],
      service_record_ids: [wrongArea.serviceRecordId],
    });
    expect(response.statusCode).toBe(201);
    const expected = [
      { kind: "referral", id: inside.referralId, category: "elderly_care", outside_call: false, outside_reasons: [] },
      { kind: "referral", id: wrongCategory.referralId, category: "legal_aid", outside_call: true, outside_reasons: ["category"] },
      {
        kind: "service_record",
        id: wrongArea.serviceRecordId,
        need_id: wrongArea.needId,
        area_code: "410105001001",
        outside_call: true,
        outside_reasons: ["area"],
      },
    ];
    expect(response.json<MilestoneReport>().evidence_items).toMatchObject(expected);
    const seenByPurchaser = (await street.get(`/api/v1/contracts/${contract.id}`)).json<ContractDetail>();
    expect(seenByPurchaser.milestones[0]?.reports[0]?.evidence_items).toMatchObject(expected);
    const decided = await street.post(`/api/v1/milestone-reports/${response.json<MilestoneReport>().id}/decision`, {
      decision: "return",
      reason: "法律援助和其他街道的服务不在本项目范围",
    });
    expect(decided.json<MilestoneReport>().evidence_items.filter((item) => item.outside_call)).toHaveLength(2);
  });
});

describe("decisions", () => {
  it("accept writes a gov_purchase ledger row and raises paid_fen in one go", async () => {
    const contract = await signed();
    const report = await reported(contract, 1);
    const response = await street.post(`/api/v1/milestone-reports/${report.id}/decision`, { decision: "accept" });
    expect(response.statusCode).toBe(200);
    expect(response.json<MilestoneReport>().outcome).toBe("accepted");
    const detail = (await street.get(`/api/v1/contracts/${contract.id}`)).json<ContractDetail>();
    expect(detail).toMatchObject({ paid_fen: 999_900, remaining_fen: 2_000_101 });
    expect(detail.milestones[0]?.status).toBe("accepted");
    const ledger = await t.ctx.db.select().from(fundingLedger).where(eq(fundingLedger.contractId, contract.id));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      source: "gov_purchase",
      orgId: org.id,
      amountFen: 999_900,
      paidOn: "2026-03-15",
      milestoneId: contract.milestones[0]?.id,
      areaCode: streetArea,
    });
    const again = await street.post(`/api/v1/milestone-reports/${report.id}/decision`, { decision: "return", reason: "再看看" });
    expect([again.statusCode, again.json<{ code: string }>().code]).toEqual([409, "MILESTONE_REPORT_DECIDED"]);
  });

  it("return needs a reason, marks the milestone returned, notifies the organization's staff; it may report again", async () => {
    const contract = await signed();
    const report = await reported(contract, 2);
    const noReason = await street.post(`/api/v1/milestone-reports/${report.id}/decision`, { decision: "return" });
    expect(noReason.statusCode).toBe(400);
    const response = await street.post(`/api/v1/milestone-reports/${report.id}/decision`, { decision: "return", reason: "缺少签到表" });
    expect(response.json<MilestoneReport>()).toMatchObject({ outcome: "returned", decision_reason: "缺少签到表" });
    const sent = await t.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "milestone_returned"), eq(notifications.link, `/contracts/${contract.id}`)));
    expect(sent.map((n) => n.recipientId).sort()).toEqual([...orgStaffIds].sort());
    clock = new Date(clock.getTime() + 60_000);
    await reported(contract, 2);
    const detail = (await orgStaff.get(`/api/v1/contracts/${contract.id}`)).json<ContractDetail>();
    expect(detail.milestones[1]?.reports.map((r) => r.outcome)).toEqual(["returned", "pending"]);
    expect(detail.paid_fen).toBe(0);
  });

  it("two approvals at once pay once: one 200, one 409, one ledger row", async () => {
    const contract = await signed();
    const report = await reported(contract, 1);
    const responses = await Promise.all([
      street.post(`/api/v1/milestone-reports/${report.id}/decision`, { decision: "accept" }),
      district.post(`/api/v1/milestone-reports/${report.id}/decision`, { decision: "accept" }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((r) => r.statusCode === 409)?.json<{ code: string }>().code).toBe("MILESTONE_REPORT_DECIDED");
    const ledger = await t.ctx.db.select().from(fundingLedger).where(eq(fundingLedger.contractId, contract.id));
    expect(ledger).toHaveLength(1);
    const [row] = await t.ctx.db.select().from(projectContracts).where(eq(projectContracts.id, contract.id));
    expect(row?.paidFen).toBe(999_900);
  });

  it("never pays above the contract amount (stable code, and the database check behind it)", async () => {
    const contract = await signed();
    const report = await reported(contract, 1);
    // Something else already paid most of the contract (simulated drift): the decision must refuse.
    await t.ctx.db.update(projectContracts).set({ paidFen: 25_000_00 }).where(eq(projectContracts.id, contract.id));
    const response = await street.post(`/api/v1/milestone-reports/${report.id}/decision`, { decision: "accept" });
    expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([409, "LEDGER_OVER_CONTRACT"]);
    expect(await t.ctx.db.select().from(fundingLedger).where(eq(fundingLedger.contractId, contract.id))).toHaveLength(0);
    await expect(
      t.ctx.db.update(projectContracts).set({ paidFen: 30_000_02 }).where(eq(projectContracts.id, contract.id)),
    ).rejects.toThrow();
  });

  it("only the purchaser decides: organizations get 403, other purchasers 404", async () => {
    const contract = await signed();
    const report = await reported(contract, 1);
    expect((await orgStaff.post(`/api/v1/milestone-reports/${report.id}/decision`, { decision: "accept" })).statusCode).toBe(403);
    expect((await community.post(`/api/v1/milestone-reports/${report.id}/decision`, { decision: "accept" })).statusCode).toBe(404);
    expect((await otherDistrict.post(`/api/v1/milestone-reports/${report.id}/decision`, { decision: "accept" })).statusCode).toBe(404);
  });
});

describe("funding ledger", () => {
  it("lets an organization record other income, but never gov_purchase", async () => {
    const response = await orgStaff.post(
      "/api/v1/funding-ledger",
      { source: "donation", amount_fen: 5_000_00, paid_on: "2025-06-01", description: "爱心企业捐赠" },
      { headers: { "idempotency-key": "ledger-donation-0001" } },
    );
    expect(response.statusCode).toBe(201);
    expect(response.json<LedgerEntry>()).toMatchObject({ org_id: org.id, area_code: "410105", source: "donation" });
    const replay = await orgStaff.post(
      "/api/v1/funding-ledger",
      { source: "donation", amount_fen: 5_000_00, paid_on: "2025-06-01", description: "爱心企业捐赠" },
      { headers: { "idempotency-key": "ledger-donation-0001" } },
    );
    expect(replay.json<LedgerEntry>().id).toBe(response.json<LedgerEntry>().id);
    const gov = await orgStaff.post("/api/v1/funding-ledger", {
      source: "gov_purchase",
      amount_fen: 1,
      paid_on: "2025-06-01",
      description: "x",
    });
    expect(gov.statusCode).toBe(400);
    const foreign = await orgStaff.post("/api/v1/funding-ledger", {
      org_id: otherOrg.id,
      source: "donation",
      amount_fen: 1,
      paid_on: "2025-06-01",
      description: "x",
    });
    expect(foreign.statusCode).toBe(404);
    expect(
      (await street.post("/api/v1/funding-ledger", { source: "donation", amount_fen: 1, paid_on: "2025-06-01", description: "x" }))
        .statusCode,
    ).toBe(403);
  });

  it("totals by source and year in one query; organizations see only their own rows", async () => {
    await orgStaff.post("/api/v1/funding-ledger", {
      source: "foundation",
      amount_fen: 2_000_00,
      paid_on: "2026-02-01",
      description: "基金会",
    });
    await otherOrgStaff.post("/api/v1/funding-ledger", { source: "donation", amount_fen: 999, paid_on: "2026-02-01", description: "别家" });
    const before = t.database.stats.queries;
    const summary = await orgStaff.get(`/api/v1/funding-ledger/summary?org_id=${org.id}`);
    const used = t.database.stats.queries - before;
    expect(summary.statusCode).toBe(200);
    const body = summary.json<LedgerSummary>();
    const gov = (
      await t.ctx.db
        .select()
        .from(fundingLedger)
        .where(and(eq(fundingLedger.orgId, org.id), eq(fundingLedger.source, "gov_purchase")))
    )
      .map((r) => r.amountFen)
      .reduce((a, b) => a + b, 0);
    expect(body.rows).toEqual(
      expect.arrayContaining([
        { year: 2025, source: "donation", amount_fen: 5_000_00, entries: 1 },
        { year: 2026, source: "foundation", amount_fen: 2_000_00, entries: 1 },
      ]),
    );
    expect(body.total_fen).toBe(5_000_00 + 2_000_00 + gov);
    // Session lookup + the grouped query (+ nothing per row).
    expect(used).toBeLessThanOrEqual(3);
    const foreign = (await otherOrgStaff.get(`/api/v1/funding-ledger/summary?org_id=${org.id}`)).json<LedgerSummary>();
    expect(foreign.total_fen).toBe(0);
    const area = (await district.get("/api/v1/funding-ledger/summary?area=410105007")).json<LedgerSummary>();
    expect(area.by_source.map((s) => s.source)).toEqual(["gov_purchase"]);
    expect((await district.get("/api/v1/funding-ledger/summary")).statusCode).toBe(400);
  });

  it("pages the ledger by keyset with a constant number of statements", async () => {
    for (let i = 0; i < 5; i += 1) {
      await orgStaff.post("/api/v1/funding-ledger", {
        source: "self_income",
        amount_fen: 100 + i,
        paid_on: `2024-01-0${i + 1}`,
        description: "收费",
      });
    }
    const seen: string[] = [];
    const counts: number[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const before = t.database.stats.queries;
      const page: Page<LedgerEntry> = (await orgStaff.get(`/api/v1/funding-ledger?limit=3${cursor ? `&cursor=${cursor}` : ""}`)).json<
        Page<LedgerEntry>
      >();
      counts.push(t.database.stats.queries - before);
      seen.push(...page.items.map((i) => i.id));
      expect(page.items.every((i) => i.org_id === org.id)).toBe(true);
      cursor = page.next_cursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(counts).size).toBe(1);
    const other = (await otherOrgStaff.get("/api/v1/funding-ledger?limit=200")).json<Page<LedgerEntry>>();
    expect(other.items.every((i) => i.org_id === otherOrg.id)).toBe(true);
  });
});

describe("contract lists", () => {
  it("scopes lists by role, searches, filters and pages with a constant number of statements", async () => {
    const titled = await signed({ title: "专项检索合同" });
    const search = (await street.get(`/api/v1/contracts?q=${encodeURIComponent("专项检索")}`)).json<Page<ContractDetail>>();
    expect(search.items.map((c) => c.id)).toEqual([titled.id]);
    expect((await street.get("/api/v1/contracts?status=closed")).json<Page<ContractDetail>>().items).toEqual([]);
    const counts: number[] = [];
    let cursor: string | null = "";
    let total = 0;
    while (cursor !== null) {
      const before = t.database.stats.queries;
      const page: Page<ContractDetail> = (await district.get(`/api/v1/contracts?limit=4${cursor ? `&cursor=${cursor}` : ""}`)).json<
        Page<ContractDetail>
      >();
      counts.push(t.database.stats.queries - before);
      total += page.items.length;
      cursor = page.next_cursor;
    }
    expect(total).toBeGreaterThan(8);
    expect(new Set(counts).size).toBe(1);
    expect((await community.get("/api/v1/contracts")).json<Page<ContractDetail>>().items).toEqual([]);
    expect((await otherDistrict.get("/api/v1/contracts")).json<Page<ContractDetail>>().items).toEqual([]);
    expect((await otherOrgStaff.get("/api/v1/contracts")).json<Page<ContractDetail>>().items).toEqual([]);
    expect((await orgStaff.get("/api/v1/contracts?limit=200")).json<Page<ContractDetail>>().items.length).toBe(total);
    expect((await otherOrgStaff.get(`/api/v1/contracts/${titled.id}`)).statusCode).toBe(404);
  });
});
