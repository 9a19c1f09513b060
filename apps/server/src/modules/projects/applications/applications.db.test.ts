import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import type {
  Application,
  ApplicationAttachment,
  ApplicationDetail,
  ApplicationResult,
  CallDetail,
  CreditRecord,
  MyReview,
  Ranking,
} from "@sanshe/contracts";
import type { TestApp } from "../../../../test/test-app.js";
import { auditLog } from "../../../platform/audit/schema.js";
import { notifications } from "../../notifications/test/tables.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { applicationBody, callDraft, client, pdf, projectsTestApp, type Client } from "../test/calls-fixtures.js";
import { milestoneReports, milestones, projectContracts, projectEvaluations } from "../schema.js";

/** Applications, documents, conflict-of-interest, scoring, award, the applicant's result and credit records, over HTTP. */

let t: TestApp;
let clock: { now: Date };
let street: Client;
let community: Client;
let otherStreet: Client;
let district: Client;
let evaluator: Client;
let resident: Client;
const staff: Record<string, Client> = {};
const orgs: Record<string, string> = {};

const docx = () =>
  Buffer.concat([Buffer.from("PK\x03\x04\x14\x00\x06\x00", "latin1"), Buffer.from("word/document.xml"), Buffer.alloc(400, 1)]);
const xlsx = () =>
  Buffer.concat([Buffer.from("PK\x03\x04\x14\x00\x06\x00", "latin1"), Buffer.from("xl/workbook.xml"), Buffer.alloc(400, 1)]);

beforeAll(async () => {
  ({ t, clock } = await projectsTestApp());
  const specs: Record<string, Parameters<typeof buildSocialOrg>[2] & { home: string }> = {
    local: { home: "410105007002", grade: "3A" },
    serving: { home: "410103", grade: "4A", category: "charity", serviceAreas: ["410105007002"] },
    distant: { home: "410105007003", grade: "5A" },
    suspended: { home: "410105007002", grade: "5A", status: "suspended" },
    low: { home: "410105007002", grade: "2A" },
    ungraded: { home: "410105007002" },
    sports: { home: "410105007002", grade: "4A", category: "culture_sports" },
    late: { home: "410105007002", grade: "3A" },
  };
  for (const [key, { home, ...overrides }] of Object.entries(specs)) {
    const org = await buildSocialOrg.registered(t.ctx, home, overrides);
    orgs[key] = org.id;
    staff[key] = await client(t, [{ role: "org_staff", area_code: home, organization_id: org.id }]);
  }
  street = await client(t, [{ role: "official", area_code: "410105007" }]);
  community = await client(t, [{ role: "community_staff", area_code: "410105007002" }]);
  otherStreet = await client(t, [{ role: "official", area_code: "410105001" }]);
  district = await client(t, [{ role: "official", area_code: "410105" }]);
  evaluator = await client(t, [{ role: "evaluator", area_code: "4101" }]);
  resident = await client(t, [{ role: "resident", area_code: "410105007002" }]);
});

afterAll(async () => {
  await t.close();
});

async function openCall(overrides: Parameters<typeof callDraft>[1] = {}): Promise<CallDetail> {
  const created = await street.post("/api/v1/calls", callDraft(clock.now, overrides));
  expect(created.statusCode, created.body).toBe(201);
  const published = await street.post(`/api/v1/calls/${created.json<CallDetail>().id}/publish`, { version: 1 });
  expect(published.statusCode, published.body).toBe(200);
  return published.json<CallDetail>();
}

const apply = (who: Client, callId: string, overrides: Record<string, unknown> = {}) =>
  who.post(`/api/v1/calls/${callId}/applications`, applicationBody(overrides));

const upload = (who: Client, applicationId: string, docType: string, bytes: Buffer, contentType = "application/pdf") =>
  who.post(`/api/v1/applications/${applicationId}/attachments?doc_type=${docType}&name=${encodeURIComponent("方案.pdf")}`, bytes, {
    headers: { "content-type": contentType },
  });

describe("eligibility", () => {
  it("checks each rule against the registry: status, grade, category and local presence", async () => {
    const call = await openCall({ min_org_grade: "3A", eligible_org_categories: ["comprehensive", "charity"] });
    expect((await apply(staff.local!, call.id)).statusCode).toBe(201);
    expect((await apply(staff.serving!, call.id)).statusCode).toBe(201);
    const refusals: Array<[string, string]> = [
      ["distant", "local_presence"],
      ["suspended", "status"],
      ["low", "min_grade"],
      ["ungraded", "min_grade"],
      ["sports", "category"],
    ];
    for (const [key, rule] of refusals) {
      const response = await apply(staff[key]!, call.id);
      expect(response.statusCode, key).toBe(422);
      expect(response.json()).toMatchObject({ code: "APPLICATION_NOT_ELIGIBLE" });
      expect(response.json().detail).toContain(rule);
    }
    // Without the presence rule a distant organization may apply.
    const open = await openCall({ require_local_presence: false });
    expect((await apply(staff.distant!, open.id)).statusCode).toBe(201);
  });

  it("checks the budget lines against the amount requested and the cap, and refuses non-applicants", async () => {
    const call = await openCall();
    expect((await apply(staff.local!, call.id, { requested_fen: 9_000_000 })).json()).toMatchObject({ code: "APPLICATION_BUDGET" });
    const overCap = { budget_lines: [{ item: "全部", amount_fen: 25_000_000 }], requested_fen: 25_000_000 };
    expect((await apply(staff.local!, call.id, overCap)).json()).toMatchObject({ code: "APPLICATION_BUDGET" });
    for (const who of [street, evaluator, community, resident]) {
      expect((await apply(who, call.id)).statusCode).toBe(403);
    }
    expect((await apply(staff.local!, call.id, { org_id: orgs.serving })).statusCode).toBe(403);
  });
});

describe("from application to award", () => {
  let call: CallDetail;
  let first: ApplicationDetail;
  let second: ApplicationDetail;
  let third: ApplicationDetail;
  let plan: ApplicationAttachment;

  it("applies once per call (409 APPLICATION_EXISTS), audited", async () => {
    call = await openCall({ reviewer_ids: [evaluator.id, district.id] });
    const created = await apply(staff.local!, call.id, {
      budget_lines: [
        { item: "人员费用", amount_fen: 15_000_000 },
        { item: "活动物资", amount_fen: 5_000_000 },
      ],
      requested_fen: 20_000_000,
    });
    expect(created.statusCode, created.body).toBe(201);
    first = created.json<ApplicationDetail>();
    expect(first).toMatchObject({
      status: "submitted",
      complete: false,
      missing_documents: ["plan", "budget"],
      credit: null,
      my_review: null,
    });
    const again = await apply(staff.local!, call.id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "APPLICATION_EXISTS" });
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "applications.submit"), eq(auditLog.entityId, first.id)));
    expect(audited).toHaveLength(1);
  });

  it("withdraws before the deadline and re-submits the same application", async () => {
    const created = (await apply(staff.serving!, call.id)).json<ApplicationDetail>();
    const stale = await staff.serving!.post(`/api/v1/applications/${created.id}/withdraw`, { version: 99 });
    expect(stale.json()).toMatchObject({ code: "VERSION_CONFLICT" });
    const withdrawn = await staff.serving!.post(`/api/v1/applications/${created.id}/withdraw`, { version: created.version });
    expect(withdrawn.json<ApplicationDetail>()).toMatchObject({ status: "withdrawn" });
    expect(
      (await staff.serving!.post(`/api/v1/applications/${created.id}/withdraw`, { version: created.version + 1 })).json(),
    ).toMatchObject({
      code: "APPLICATION_WRONG_STATUS",
    });
    expect((await staff.local!.post(`/api/v1/applications/${created.id}/withdraw`, { version: created.version + 1 })).statusCode).toBe(404);
    const again = await apply(staff.serving!, call.id, {
      budget_lines: [{ item: "全部", amount_fen: 15_000_000 }],
      requested_fen: 15_000_000,
    });
    expect(again.statusCode).toBe(201);
    second = again.json<ApplicationDetail>();
    expect(second).toMatchObject({ id: created.id, status: "submitted", withdrawn_at: null, requested_fen: 15_000_000 });
    third = (await apply(staff.late!, call.id)).json<ApplicationDetail>();
  });

  it("stores documents judged by their bytes, at most 10 MB, and marks the application complete", async () => {
    const created = await upload(staff.local!, first.id, "plan", pdf(), "application/octet-stream");
    expect(created.statusCode, created.body).toBe(201);
    plan = created.json<ApplicationAttachment>();
    expect(plan).toMatchObject({ doc_type: "plan", content_type: "application/pdf", original_name: "方案.pdf" });
    const fake = await upload(staff.local!, first.id, "budget", Buffer.from("<html>not a pdf</html>"));
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ code: "APPLICATION_ATTACHMENT_TYPE" });
    const zip = await upload(staff.local!, first.id, "budget", Buffer.from("PK\x03\x04 plain zip", "latin1"));
    expect(zip.statusCode).toBe(415);
    const large = await upload(staff.local!, first.id, "budget", pdf(10 * 1024 * 1024));
    expect(large.statusCode).toBe(413);
    expect((await upload(staff.local!, first.id, "budget", xlsx())).json()).toMatchObject({
      content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect((await upload(staff.serving!, second.id, "plan", docx())).json()).toMatchObject({
      content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(
      (
        await upload(
          staff.serving!,
          second.id,
          "budget",
          Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(50)]),
          "image/png",
        )
      ).statusCode,
    ).toBe(201);
    expect((await upload(staff.serving!, first.id, "plan", pdf())).statusCode).toBe(404);
    expect((await upload(street, first.id, "plan", pdf())).statusCode).toBe(403);
    const detail = (await staff.local!.get(`/api/v1/applications/${first.id}`)).json<ApplicationDetail>();
    expect(detail).toMatchObject({ complete: true, missing_documents: [] });
    expect(detail.attachments).toHaveLength(2);
  });

  it("serves documents as attachments under a server-made name, to the applicant and purchaser; the panel only after the deadline", async () => {
    const url = `/api/v1/applications/${first.id}/attachments/${plan.id}`;
    for (const who of [staff.local!, street, district]) {
      const response = await who.get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-disposition"]).toBe(`attachment; filename="plan-${plan.id}.pdf"`);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.rawPayload.equals(pdf())).toBe(true);
    }
    for (const [name, who] of Object.entries({ serving: staff.serving!, evaluator, otherStreet, community })) {
      expect((await who.get(url)).statusCode, name).toBe(404);
      expect((await who.get(`/api/v1/applications/${first.id}`)).statusCode).toBe(404);
    }
    expect((await resident.get(url)).statusCode).toBe(403);
    expect((await staff.local!.get(`/api/v1/applications/${second.id}/attachments/${plan.id}`)).statusCode).toBe(404);
  });

  it("lists only one's own application to an organization, all of them to the purchaser, in three queries (with the session)", async () => {
    const own = (await staff.local!.get(`/api/v1/calls/${call.id}/applications`)).json<{ items: Application[] }>();
    expect(own.items.map((a) => a.id)).toEqual([first.id]);
    const before = t.database.stats.queries;
    const all = (await street.get(`/api/v1/calls/${call.id}/applications`)).json<{ items: Application[] }>();
    expect(t.database.stats.queries - before).toBe(3);
    expect(all.items.map((a) => a.id).sort()).toEqual([first.id, second.id, third.id].sort());
    expect((await evaluator.get(`/api/v1/calls/${call.id}/applications`)).json<{ items: Application[] }>().items).toEqual([]);
    expect((await evaluator.put(`/api/v1/applications/${first.id}/declaration`, { conflicted: false })).json()).toMatchObject({
      code: "CALL_STILL_OPEN",
    });
    expect((await street.get(`/api/v1/calls/${call.id}/ranking`)).json()).toMatchObject({ code: "CALL_STILL_OPEN" });
  });

  it("changes nothing after the deadline", async () => {
    clock.now = new Date(clock.now.getTime() + 11 * 86_400_000);
    const late = await apply(staff.low!, call.id);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: "CALL_DEADLINE_PASSED" });
    expect((await staff.local!.post(`/api/v1/applications/${first.id}/withdraw`, { version: first.version })).json()).toMatchObject({
      code: "CALL_DEADLINE_PASSED",
    });
    expect((await upload(staff.late!, third.id, "plan", pdf())).json()).toMatchObject({ code: "CALL_DEADLINE_PASSED" });
  });

  it("lets panel members declare conflicts; a conflicted reviewer never scores; weighted scores per reviewer", async () => {
    const [c1, c2, c3] = call.criteria.map((c) => c.id) as [string, string, string];
    const full = (a: number, b: number, c: number) => ({
      scores: [
        { criterion_id: c1, score: a, comment: `需求契合 ${a}` },
        { criterion_id: c2, score: b },
        { criterion_id: c3, score: c },
      ],
    });
    expect((await evaluator.put(`/api/v1/applications/${first.id}/scores`, full(80, 70, 90))).json()).toMatchObject({
      code: "REVIEW_DECLARATION_REQUIRED",
    });
    expect((await evaluator.put(`/api/v1/applications/${first.id}/declaration`, { conflicted: false })).statusCode).toBe(200);
    const scored = await evaluator.put(`/api/v1/applications/${first.id}/scores`, full(80, 70, 90));
    expect(scored.statusCode, scored.body).toBe(200);
    // 40×80 + 35×70 + 25×90 = 7900 → 79
    expect(scored.json<MyReview>().weighted_score).toBe(79);
    expect(
      (await evaluator.put(`/api/v1/applications/${first.id}/scores`, { scores: [{ criterion_id: first.id, score: 5 }] })).json(),
    ).toMatchObject({
      code: "REVIEW_CRITERION_UNKNOWN",
    });
    expect(
      (await evaluator.put(`/api/v1/applications/${first.id}/scores`, { scores: [{ criterion_id: c1, score: 101 }] })).statusCode,
    ).toBe(400);

    expect((await district.put(`/api/v1/applications/${first.id}/declaration`, { conflicted: true })).statusCode).toBe(400);
    const conflicted = await district.put(`/api/v1/applications/${first.id}/declaration`, { conflicted: true, reason: "曾任该机构理事" });
    expect(conflicted.json<MyReview>().declaration).toMatchObject({ conflicted: true, reason: "曾任该机构理事" });
    expect((await district.put(`/api/v1/applications/${first.id}/scores`, full(10, 10, 10))).json()).toMatchObject({
      code: "REVIEW_CONFLICTED",
    });
    expect((await district.put(`/api/v1/applications/${first.id}/declaration`, { conflicted: false })).json()).toMatchObject({
      code: "REVIEW_DECLARATION_FINAL",
    });

    await evaluator.put(`/api/v1/applications/${second.id}/declaration`, { conflicted: false });
    expect((await evaluator.put(`/api/v1/applications/${second.id}/scores`, full(50, 50, 50))).json<MyReview>().weighted_score).toBe(50);
    await district.put(`/api/v1/applications/${second.id}/declaration`, { conflicted: false });
    // A partial scoring does not count towards the final score.
    const partial = await district.put(`/api/v1/applications/${second.id}/scores`, { scores: [{ criterion_id: c1, score: 100 }] });
    expect(partial.json<MyReview>().weighted_score).toBeNull();

    // The panel sees the applicant's credit record and only its own review.
    const panelView = (await district.get(`/api/v1/applications/${first.id}`)).json<ApplicationDetail>();
    expect(panelView.credit).toMatchObject({ org_id: orgs.local, total: 0 });
    expect(panelView.my_review?.scores).toEqual([]);
    expect((await district.get(`/api/v1/calls/${call.id}/applications`)).json<{ items: Application[] }>().items).toHaveLength(3);

    const ranking = (await street.get(`/api/v1/calls/${call.id}/ranking`)).json<Ranking>();
    expect(ranking.items.map((r) => [r.application_id, r.final_score, r.reviewers_scored, r.conflicts, r.complete])).toEqual([
      [first.id, 79, 1, 1, true],
      [second.id, 50, 1, 0, true],
      [third.id, null, 0, 0, false],
    ]);
    expect((await evaluator.get(`/api/v1/calls/${call.id}/ranking`)).statusCode).toBe(403);
    expect((await staff.local!.get(`/api/v1/applications/${first.id}/result`)).json()).toMatchObject({ code: "APPLICATION_WRONG_STATUS" });
  });

  it("awards within the rules, stores final scores, notifies applicants and shows each its own result", async () => {
    const current = (await street.get(`/api/v1/calls/${call.id}`)).json<CallDetail>();
    const award = (ids: string[], justification = "综合得分最高，方案切合辖区需求。") =>
      street.post(`/api/v1/calls/${call.id}/award`, { version: current.version, application_ids: ids, justification });
    expect(
      (await street.post(`/api/v1/calls/${call.id}/award`, { version: current.version, application_ids: [first.id] })).statusCode,
    ).toBe(400);
    expect((await award([first.id], "  ")).statusCode).toBe(400);
    expect((await award([third.id])).json()).toMatchObject({
      code: "REVIEW_AWARD_INVALID",
      detail: expect.stringContaining("incomplete_or_not_submitted"),
    });
    expect((await award([first.id, second.id])).json()).toMatchObject({
      code: "REVIEW_AWARD_INVALID",
      detail: expect.stringContaining("total_budget"),
    });
    expect(
      (
        await community.post(`/api/v1/calls/${call.id}/award`, {
          version: current.version,
          application_ids: [first.id],
          justification: "x",
        })
      ).statusCode,
    ).toBe(404);
    const done = await award([first.id]);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<CallDetail>()).toMatchObject({ status: "awarded" });
    const listed = (await street.get(`/api/v1/calls/${call.id}/applications`)).json<{ items: Application[] }>().items;
    expect(Object.fromEntries(listed.map((a) => [a.id, [a.status, a.final_score]]))).toEqual({
      [first.id]: ["awarded", 79],
      [second.id]: ["not_awarded", 50],
      [third.id]: ["not_awarded", null],
    });
    const sent = await t.database.db
      .select()
      .from(notifications)
      .where(inArray(notifications.recipientId, [staff.local!.id, staff.serving!.id, staff.late!.id]));
    expect(sent.map((n) => [n.recipientId, n.kind]).sort()).toEqual(
      [
        [staff.local!.id, "application_awarded"],
        [staff.serving!.id, "application_not_awarded"],
        [staff.late!.id, "application_not_awarded"],
      ].sort(),
    );
    expect((await award([first.id])).statusCode).toBe(409);
    expect(
      (
        await evaluator.put(`/api/v1/applications/${first.id}/scores`, { scores: [{ criterion_id: call.criteria[0]!.id, score: 1 }] })
      ).json(),
    ).toMatchObject({
      code: "CALL_WRONG_STATUS",
    });

    const result = (await staff.local!.get(`/api/v1/applications/${first.id}/result`)).json<ApplicationResult>();
    expect(result).toMatchObject({ status: "awarded", final_score: 79, decision_reason: "综合得分最高，方案切合辖区需求。" });
    expect(result.criteria.map((c) => c.average_score)).toEqual([80, 70, 90]);
    expect(result.criteria[0]!.comments).toEqual(["需求契合 80"]);
    expect(JSON.stringify(result)).not.toContain(evaluator.id);
    const loser = (await staff.serving!.get(`/api/v1/applications/${second.id}/result`)).json<ApplicationResult>();
    // The partial scores of a reviewer show in the averages but not in the final score.
    expect(loser).toMatchObject({ status: "not_awarded", final_score: 50 });
    expect((await staff.local!.get(`/api/v1/applications/${second.id}/result`)).statusCode).toBe(404);
    expect((await evaluator.get(`/api/v1/applications/${first.id}/result`)).statusCode).toBe(404);
    expect((await street.get(`/api/v1/applications/${first.id}/result`)).statusCode).toBe(200);
  });

  it("computes the credit record from contracts, milestones, reports and evaluations", async () => {
    const db = t.database.db;
    const contract = async (applicationId: string, status: "active" | "closed") => {
      const [row] = await db
        .insert(projectContracts)
        .values({
          areaCode: "410105007",
          callId: call.id,
          applicationId,
          orgId: orgs.local!,
          title: `合同 ${status}`,
          amountFen: 20_000_000,
          periodStart: "2026-01-01",
          periodEnd: "2026-12-31",
          kpis: [],
          status,
          signedAt: new Date("2026-01-01T00:00:00Z"),
        })
        .returning();
      return row!;
    };
    const closed = await contract(first.id, "closed");
    const active = await contract(second.id, "active");
    const milestone = async (
      contractId: string,
      position: number,
      dueOn: string,
      status: "pending" | "accepted",
      acceptedAt: Date | null = null,
    ) => {
      const [row] = await db
        .insert(milestones)
        .values({
          areaCode: "410105007",
          contractId,
          position,
          title: `节点 ${position}`,
          deliverables: "报告",
          dueOn,
          shareBp: 5000,
          amountFen: 1,
          status,
          acceptedAt,
        })
        .returning();
      return row!;
    };
    const onTime = await milestone(closed.id, 1, "2026-03-31", "accepted", new Date("2026-03-30T02:00:00Z"));
    await milestone(closed.id, 2, "2026-06-30", "accepted", new Date("2026-07-05T02:00:00Z"));
    await milestone(active.id, 1, "2026-04-30", "pending");
    await milestone(active.id, 2, "2099-01-01", "pending");
    await db.insert(milestoneReports).values([
      {
        areaCode: "410105007",
        milestoneId: onTime.id,
        summary: "初稿",
        evidence: { referral_ids: [], service_record_ids: [], beneficiaries_reached: 0, attachment_ids: [] },
        outcome: "returned",
        submittedAt: new Date(),
      },
      {
        areaCode: "410105007",
        milestoneId: onTime.id,
        summary: "终稿",
        evidence: { referral_ids: [], service_record_ids: [], beneficiaries_reached: 0, attachment_ids: [] },
        outcome: "accepted",
        submittedAt: new Date(),
      },
    ]);
    await db.insert(projectEvaluations).values({
      contractId: closed.id,
      areaCode: "410105007",
      evaluatorId: evaluator.id,
      weights: { purchaser: 40, beneficiaries: 30, third_party: 30 },
      totalScore: 84.5,
      grade: "good",
      completedAt: new Date(),
    });

    const before = t.database.stats.queries;
    const record = (await street.get(`/api/v1/social-orgs/${orgs.local}/credit`)).json<CreditRecord>();
    // Session, visibility, contracts and the ratings of the organization's work: four statements.
    expect(t.database.stats.queries - before).toBe(4);
    expect(record.ratings).toEqual({ residents: { count: 0, average: null }, callbacks: { count: 0, average: null } });
    expect(record).toMatchObject({
      completed: 1,
      total: 2,
      overdue_milestones: 2,
      returned_reports: 1,
      grades: { excellent: 0, good: 1, pass: 0, fail: 0 },
    });
    const byId = Object.fromEntries(record.projects.map((p) => [p.contract_id, p]));
    expect(byId[closed.id]).toMatchObject({
      status: "closed",
      grade: "good",
      total_score: 84.5,
      overdue_milestones: 1,
      returned_reports: 1,
    });
    expect(byId[active.id]).toMatchObject({ status: "active", grade: null, overdue_milestones: 1, returned_reports: 0 });
    expect((await staff.local!.get(`/api/v1/social-orgs/${orgs.local}/credit`)).statusCode).toBe(200);
    expect((await otherStreet.get(`/api/v1/social-orgs/${orgs.local}/credit`)).statusCode).toBe(404);
    expect((await staff.serving!.get(`/api/v1/social-orgs/${orgs.local}/credit`)).statusCode).toBe(404);
    expect((await resident.get(`/api/v1/social-orgs/${orgs.local}/credit`)).statusCode).toBe(403);
    const open = await t.app.inject({ method: "GET", url: `/api/v1/public/social-orgs/${orgs.local}/credit` });
    expect(open.json()).toEqual({
      completed: 1,
      total: 2,
      overdue_milestones: 2,
      returned_reports: 1,
      grades: { excellent: 0, good: 1, pass: 0, fail: 0 },
    });
    expect((await t.app.inject({ method: "GET", url: `/api/v1/public/social-orgs/${orgs.suspended}/credit` })).statusCode).toBe(404);
    // The panel's view carries the same record.
    expect((await district.get(`/api/v1/applications/${first.id}`)).json<ApplicationDetail>().credit).toMatchObject({
      total: 2,
      completed: 1,
    });
  });
});
