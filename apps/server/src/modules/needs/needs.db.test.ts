import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NeedDetail, NeedCategory, Referral, RoutingRule } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { buildResident } from "../residents/test/factories.js";

/**
 * Needs, routing and referrals over HTTP: routing at creation by street/district/city rules,
 * decline → re-route, reopen, racing accepts, SLA flags on an injected clock, idempotent retries and scope.
 */

let clock = new Date("2026-03-02T02:00:00Z");
const advance = (hours: number) => {
  clock = new Date(clock.getTime() + hours * 3_600_000);
};
let t: TestApp;
type Client = ReturnType<typeof as>;
let residentA: Client;
let residentAId: string;
let residentB: Client;
let staff: Client;
let otherStaff: Client;
let street: Client;
let orgStaff1: Client;
let orgStaff2: Client;
let org1: { id: string };
let org2: { id: string };
let residentRecord: string;
const community = "410105007002";

async function client(grants: Parameters<typeof buildUser>[1]): Promise<{ client: Client; id: string }> {
  const user = await buildUser(t.ctx, grants);
  return { client: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

async function report(who: Client, payload: Record<string, unknown>, headers?: Record<string, string>) {
  return who.post("/api/v1/needs", { description: "需要帮助", ...payload }, headers ? { headers } : undefined);
}

/** Records one service on an accepted referral (completion needs one). */
async function serve(who: Client, referralId: string) {
  const response = await who.post(`/api/v1/referrals/${referralId}/service-records`, {
    served_on: "2026-03-02",
    minutes: 30,
    party_kind: "community",
    party_name: "丰乐社区居委会",
  });
  expect(response.statusCode).toBe(201);
}

function pendingReferral(need: NeedDetail): Referral {
  const referral = need.referrals.find((r) => r.status === "pending");
  if (!referral) {
    throw new Error("no pending referral");
  }
  return referral;
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  org1 = await buildSocialOrg(t.ctx, "410105");
  org2 = await buildSocialOrg(t.ctx, "410105");
  const a = await client([{ role: "resident", area_code: community }]);
  residentA = a.client;
  residentAId = a.id;
  residentB = (await client([{ role: "resident", area_code: community }])).client;
  staff = (await client([{ role: "community_staff", area_code: community }])).client;
  otherStaff = (await client([{ role: "community_staff", area_code: "410105007003" }])).client;
  street = (await client([{ role: "official", area_code: "410105007" }])).client;
  orgStaff1 = (await client([{ role: "org_staff", area_code: "410105", organization_id: org1.id }])).client;
  orgStaff2 = (await client([{ role: "org_staff", area_code: "410105", organization_id: org2.id }])).client;
  const city = (await client([{ role: "official", area_code: "4101" }])).client;
  residentRecord = (await buildResident(t.ctx, { area_code: community, name: "王阿姨", groups: ["elderly_alone"] })).id;
  const rule = (area: string, position: number, data: Record<string, unknown>) =>
    (area === "4101" ? city : street).post("/api/v1/routing-rules", {
      area_code: area,
      position,
      category: null,
      resident_groups: null,
      area_prefix: null,
      tier: "public",
      provider_kind: "community_queue",
      provider_id: null,
      enabled: true,
      ...data,
    });
  for (const response of [
    await rule("410105007", 1, {
      category: "elderly_care",
      resident_groups: ["elderly_alone"],
      tier: "special",
      provider_kind: "organization",
      provider_id: org1.id,
    }),
    await rule("410105007", 2, { category: "elderly_care", tier: "special", provider_kind: "organization", provider_id: org2.id }),
    await rule("4101", 1, { category: "elderly_care", tier: "public" }),
  ]) {
    expect(response.statusCode).toBe(201);
  }
});

afterAll(async () => {
  await t.close();
});

describe("categories and rules", () => {
  it("lists the seeded categories to any signed-in user", async () => {
    const response = await residentA.get("/api/v1/need-categories");
    expect(response.statusCode).toBe(200);
    const codes = response.json<{ items: NeedCategory[] }>().items.map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(["elderly_care", "disability", "counseling", "legal_aid", "repairs"]));
  });

  it("lets a street official manage only rules inside the street, and reads inherited ones", async () => {
    const outside = await street.post("/api/v1/routing-rules", {
      area_code: "410105001",
      position: 1,
      category: null,
      resident_groups: null,
      area_prefix: null,
      tier: "public",
      provider_kind: "community_queue",
      provider_id: null,
      enabled: true,
    });
    expect(outside.statusCode).toBe(404);
    const prefix = await street.post("/api/v1/routing-rules", {
      area_code: "410105007",
      position: 9,
      category: null,
      resident_groups: null,
      area_prefix: "410105001001",
      tier: "public",
      provider_kind: "community_queue",
      provider_id: null,
      enabled: false,
    });
    expect(prefix.json()).toMatchObject({ code: "ROUTING_AREA_OUTSIDE" });
    const list = (await street.get("/api/v1/routing-rules")).json<{ items: RoutingRule[] }>();
    expect(list.items.map((r) => r.area_code)).toEqual(["410105007", "410105007", "4101"]);
    const cityRule = list.items[2] as RoutingRule;
    expect(
      (await street.patch(`/api/v1/routing-rules/${cityRule.id}`, { version: cityRule.version, data: { enabled: false } })).statusCode,
    ).toBe(404);
    expect((await residentA.get("/api/v1/routing-rules")).statusCode).toBe(403);
    const own = list.items[1] as RoutingRule;
    expect(
      (await street.patch(`/api/v1/routing-rules/${own.id}`, { version: own.version + 5, data: { position: 3 } })).json(),
    ).toMatchObject({
      code: "VERSION_CONFLICT",
    });
  });
});

describe("intake and routing", () => {
  it("routes a staff-recorded need by the street rule matching the resident's group and explains it", async () => {
    const response = await report(staff, { category: "elderly_care", resident_id: residentRecord });
    expect(response.statusCode).toBe(201);
    const need = response.json<NeedDetail>();
    expect(need).toMatchObject({ status: "routed", tier: "special", channel: "staff", area_code: community, duplicate_of: null });
    expect(need.routing.rule).not.toBeNull();
    expect(need.routing.explanation).toContain("#1");
    expect(pendingReferral(need)).toMatchObject({ provider_kind: "organization", provider_id: org1.id });
    expect(need.events.map((e) => e.kind)).toEqual(["created", "routed"]);
  });

  it("falls back to the category default tier in the community queue without a matching rule", async () => {
    const need = (await report(residentA, { category: "legal_aid" })).json<NeedDetail>();
    expect(need).toMatchObject({ status: "routed", tier: "professional", channel: "portal", routing: { rule: null } });
    expect(pendingReferral(need).provider_kind).toBe("community_queue");
  });

  it("warns about a duplicate open need of the same category but still creates it", async () => {
    const first = (await report(residentA, { category: "repairs" })).json<NeedDetail>();
    const second = (await report(residentA, { category: "repairs" })).json<NeedDetail>();
    expect(second.id).not.toBe(first.id);
    expect(second.duplicate_of).toBe(first.id);
  });

  it("replays the first answer for a retried POST with the same Idempotency-Key", async () => {
    const headers = { "idempotency-key": "need-retry-0001" };
    const first = await report(residentA, { category: "sanitation" }, headers);
    const retry = await report(residentA, { category: "sanitation" }, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json<NeedDetail>().id).toBe(first.json<NeedDetail>().id);
    const mine = (await residentA.get("/api/v1/needs?category=sanitation")).json<{ items: NeedDetail[] }>();
    expect(mine.items).toHaveLength(1);
  });

  it("refuses unknown categories and staff intake outside their scope", async () => {
    expect((await report(residentA, { category: "nonsense" })).json()).toMatchObject({ code: "NEED_CATEGORY_UNKNOWN" });
    expect((await report(otherStaff, { category: "repairs", resident_id: residentRecord })).statusCode).toBe(404);
    // A community outside their scope is not a form error: it does not exist for them.
    expect((await report(otherStaff, { category: "repairs", area_code: community })).statusCode).toBe(404);
    expect((await report(residentA, { category: "repairs", resident_id: residentRecord })).statusCode).toBe(403);
    expect((await report(orgStaff1, { category: "repairs" })).statusCode).toBe(403);
  });
});

describe("scope", () => {
  it("residents see only their own needs; community staff only their community", async () => {
    const own = (await report(residentB, { category: "health" })).json<NeedDetail>();
    const listA = (await residentA.get("/api/v1/needs?limit=200")).json<{ items: NeedDetail[] }>();
    expect(listA.items.length).toBeGreaterThan(0);
    expect(listA.items.map((n) => n.id)).not.toContain(own.id);
    expect((await residentA.get(`/api/v1/needs/${own.id}`)).statusCode).toBe(404);
    expect((await residentB.get(`/api/v1/needs/${own.id}`)).statusCode).toBe(200);
    expect((await staff.get(`/api/v1/needs/${own.id}`)).statusCode).toBe(200);
    expect((await otherStaff.get(`/api/v1/needs/${own.id}`)).statusCode).toBe(404);
    expect((await otherStaff.get("/api/v1/needs")).json<{ items: unknown[] }>().items).toHaveLength(0);
    expect((await street.get("/api/v1/needs?limit=200")).json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
  });

  it("org staff handle only referrals to their organization (404 otherwise)", async () => {
    const need = (await report(staff, { category: "elderly_care", resident_id: residentRecord })).json<NeedDetail>();
    const referral = pendingReferral(need);
    const inbox1 = (await orgStaff1.get("/api/v1/referrals?inbox=1")).json<{ items: Referral[]; unread: number }>();
    expect(inbox1.items.map((r) => r.id)).toContain(referral.id);
    expect(inbox1.unread).toBeGreaterThan(0);
    expect(inbox1.items.every((r) => r.provider_id === org1.id)).toBe(true);
    const inbox2 = (await orgStaff2.get("/api/v1/referrals?inbox=1")).json<{ items: Referral[] }>();
    expect(inbox2.items.map((r) => r.id)).not.toContain(referral.id);
    expect((await orgStaff2.post(`/api/v1/referrals/${referral.id}/accept`)).statusCode).toBe(404);
    expect((await orgStaff2.get(`/api/v1/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await otherStaff.post(`/api/v1/referrals/${referral.id}/accept`)).statusCode).toBe(404);
    const before = inbox1.unread;
    expect((await orgStaff1.get(`/api/v1/referrals/${referral.id}`)).json()).toMatchObject({ read: true });
    expect((await orgStaff1.get("/api/v1/referrals?inbox=1")).json<{ unread: number }>().unread).toBe(before - 1);
  });
});

describe("referral transitions and closure", () => {
  it("decline re-routes to the next matching rule, then the inherited city rule", async () => {
    const need = (await report(staff, { category: "elderly_care", resident_id: residentRecord })).json<NeedDetail>();
    const first = pendingReferral(need);
    const declined = await orgStaff1.post(`/api/v1/referrals/${first.id}/decline`, { reason: "本周人手不足" });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ status: "declined", decline_reason: "本周人手不足" });
    const afterFirst = (await staff.get(`/api/v1/needs/${need.id}`)).json<NeedDetail>();
    expect(pendingReferral(afterFirst)).toMatchObject({ provider_kind: "organization", provider_id: org2.id });
    expect(afterFirst.routing.explanation).toContain("#2");
    await orgStaff2.post(`/api/v1/referrals/${pendingReferral(afterFirst).id}/decline`, { reason: "不在服务范围" });
    const afterSecond = (await staff.get(`/api/v1/needs/${need.id}`)).json<NeedDetail>();
    expect(pendingReferral(afterSecond)).toMatchObject({ provider_kind: "community_queue" });
    expect(afterSecond).toMatchObject({ tier: "public", status: "routed" });
    expect(afterSecond.referrals.map((r) => r.status)).toEqual(["declined", "declined", "pending"]);
    expect((await orgStaff1.post(`/api/v1/referrals/${first.id}/accept`)).json()).toMatchObject({ code: "REFERRAL_NOT_PENDING" });
  });

  it("community staff route a triage-queue referral by hand, with a reason", async () => {
    const need = (await report(residentA, { category: "legal_aid", description: "讨薪" })).json<NeedDetail>();
    const queued = pendingReferral(need);
    expect(
      (
        await staff.post(`/api/v1/referrals/${queued.id}/reassign`, { provider_kind: "organization", provider_id: need.id, reason: "x" })
      ).json(),
    ).toMatchObject({ code: "PROVIDER_UNKNOWN" });
    const moved = await staff.post(`/api/v1/referrals/${queued.id}/reassign`, {
      provider_kind: "organization",
      provider_id: org2.id,
      reason: "该组织有律师志愿者",
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ provider_id: org2.id, status: "pending" });
    const after = (await staff.get(`/api/v1/needs/${need.id}`)).json<NeedDetail>();
    expect(after.referrals.map((r) => r.status)).toEqual(["cancelled", "pending"]);
    expect(after.routing).toMatchObject({ rule: null, explanation: "社区人工分派：该组织有律师志愿者" });
    expect(
      (
        await staff.post(`/api/v1/referrals/${queued.id}/reassign`, { provider_kind: "organization", provider_id: org2.id, reason: "再次" })
      ).json(),
    ).toMatchObject({ code: "REFERRAL_NOT_PENDING" });
    expect((await orgStaff2.get("/api/v1/referrals?inbox=1")).json<{ items: Referral[] }>().items.map((r) => r.need_id)).toContain(need.id);
  });

  it("double accept racing: exactly one wins", async () => {
    const need = (await report(residentA, { category: "culture_sports" })).json<NeedDetail>();
    const referral = pendingReferral(need);
    const other = (await client([{ role: "community_staff", area_code: community }])).client;
    const answers = await Promise.all([
      staff.post(`/api/v1/referrals/${referral.id}/accept`),
      other.post(`/api/v1/referrals/${referral.id}/accept`),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json()).toMatchObject({ code: "REFERRAL_NOT_PENDING" });
  });

  it("service records, completion, not solved reopens and re-routes, solved closes", async () => {
    const need = (await report(residentA, { category: "neighbor_dispute" })).json<NeedDetail>();
    const referral = pendingReferral(need);
    expect((await staff.post(`/api/v1/referrals/${referral.id}/complete`)).json()).toMatchObject({ code: "REFERRAL_NOT_ACCEPTED" });
    expect((await residentA.post(`/api/v1/needs/${need.id}/confirmation`, { solved: true, rating: 5 })).json()).toMatchObject({
      code: "NEED_NOT_DONE",
    });
    expect((await staff.post(`/api/v1/referrals/${referral.id}/accept`)).statusCode).toBe(200);
    for (const party of ["community", "volunteer"] as const) {
      const record = await staff.post(`/api/v1/referrals/${referral.id}/service-records`, {
        served_on: "2026-03-02",
        minutes: 45,
        party_kind: party,
        party_name: party === "community" ? "丰乐社区居委会" : "志愿者小李",
      });
      expect(record.statusCode).toBe(201);
    }
    expect((await staff.post(`/api/v1/referrals/${referral.id}/complete`)).json()).toMatchObject({ status: "done" });
    const reopened = await residentA.post(`/api/v1/needs/${need.id}/confirmation`, { solved: false, rating: 2, comment: "还在漏水" });
    expect(reopened.statusCode).toBe(200);
    const afterReopen = reopened.json<NeedDetail>();
    expect(afterReopen.status).toBe("routed");
    expect(afterReopen.events.map((e) => e.kind)).toEqual([
      "created",
      "routed",
      "accepted",
      "service",
      "service",
      "completed",
      "reopened",
      "routed",
    ]);
    const second = pendingReferral(afterReopen);
    await staff.post(`/api/v1/referrals/${second.id}/accept`);
    await serve(staff, second.id);
    await staff.post(`/api/v1/referrals/${second.id}/complete`);
    expect((await residentB.post(`/api/v1/needs/${need.id}/confirmation`, { solved: true, rating: 5 })).statusCode).toBe(404);
    const closed = (
      await residentA.post(`/api/v1/needs/${need.id}/confirmation`, { solved: true, rating: 5, comment: "谢谢" })
    ).json<NeedDetail>();
    expect(closed).toMatchObject({ status: "closed", rating: 5 });
  });

  it("staff who did not serve confirm after a recorded call-back; residents' list stays private", async () => {
    const need = (await report(staff, { category: "health", resident_id: residentRecord })).json<NeedDetail>();
    const referral = pendingReferral(need);
    await staff.post(`/api/v1/referrals/${referral.id}/accept`);
    await serve(staff, referral.id);
    await staff.post(`/api/v1/referrals/${referral.id}/complete`);
    const callback = { method: "phone", called_at: clock.toISOString(), answered_by: "王阿姨本人", summary: "血压已测，满意" };
    expect((await staff.post(`/api/v1/needs/${need.id}/confirmation`, { solved: true, rating: 4, callback })).json()).toMatchObject({
      code: "NEED_CONFIRMER_SERVED",
    });
    const colleague = (await client([{ role: "community_staff", area_code: community }])).client;
    const closed = await colleague.post(`/api/v1/needs/${need.id}/confirmation`, { solved: true, rating: 4, callback });
    expect(closed.json()).toMatchObject({ status: "closed", confirmed_by: "callback", rating: null, callback_rating: 4 });
    expect(closed.json<NeedDetail>().callbacks).toEqual([
      expect.objectContaining({ method: "phone", answered_by: "王阿姨本人", solved: true, rating: 4 }),
    ]);
    expect(residentAId).toBeTruthy();
  });
});

describe("query count", () => {
  it("lists needs with a constant number of queries", async () => {
    const count = async (limit: number) => {
      const before = t.database.stats.queries;
      expect((await staff.get(`/api/v1/needs?limit=${limit}`)).statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    expect(await count(2)).toBe(await count(20));
  });
});

describe("service-level clocks", () => {
  it("flags overdue referrals and unconfirmed done needs on the injected clock, never closing them", async () => {
    const late = (await report(residentA, { category: "employment" })).json<NeedDetail>();
    const done = (await report(residentA, { category: "disability" })).json<NeedDetail>();
    const doneReferral = pendingReferral(done);
    await staff.post(`/api/v1/referrals/${doneReferral.id}/accept`);
    await serve(staff, doneReferral.id);
    await staff.post(`/api/v1/referrals/${doneReferral.id}/complete`);
    expect((await staff.get(`/api/v1/needs/${late.id}`)).json<NeedDetail>().overdue).toBe(false);
    advance(49); // employment: respond within 48 hours
    staff = (await client([{ role: "community_staff", area_code: community }])).client;
    const lateNow = (await staff.get(`/api/v1/needs/${late.id}`)).json<NeedDetail>();
    expect(lateNow.overdue).toBe(true);
    expect(pendingReferral(lateNow).overdue).toBe(true);
    expect((await staff.get("/api/v1/needs?overdue=1&limit=200")).json<{ items: NeedDetail[] }>().items.map((n) => n.id)).toContain(
      late.id,
    );
    expect((await staff.get(`/api/v1/needs/${done.id}`)).json<NeedDetail>().confirmation_overdue).toBe(false);
    advance(24 * 6);
    staff = (await client([{ role: "community_staff", area_code: community }])).client;
    const unconfirmed = (await staff.get(`/api/v1/needs/${done.id}`)).json<NeedDetail>();
    expect(unconfirmed).toMatchObject({ status: "done", confirmation_overdue: true });
  });
});
