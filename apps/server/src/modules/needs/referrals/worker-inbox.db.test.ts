import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Case, NeedDetail, Referral, RoutingRule } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { auditLog } from "../../../platform/audit/schema.js";
import { buildUser } from "../../users/test/factories.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { buildSocialWorker } from "../../social-workers/test/factories.js";
import { socialWorkers } from "../../social-workers/test/tables.js";
import { buildResident } from "../../residents/test/factories.js";

/**
 * A social worker's personal inbox (rules routing to a social worker), its transitions, provider
 * names without N+1, and opening a case from a referral with the confidentiality of its existence.
 */

const clock = new Date("2026-03-02T02:00:00Z");
const community = "410105007002";
let t: TestApp;
type Client = ReturnType<typeof as>;
let workerA: Client;
let workerB: Client;
let staff: Client;
let street: Client;
let residentUser: Client;
let recordA: { id: string; name: string };
let recordB: { id: string; name: string };
let outsideRecord: { id: string };
let residentId: string;

type Inbox = { items: Referral[]; unread: number; next_cursor: string | null };

async function client(grants: Parameters<typeof buildUser>[1]): Promise<{ client: Client; id: string }> {
  const user = await buildUser(t.ctx, grants);
  return { client: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

function expectProblem(response: { statusCode: number; body: string; json: () => { code: string } }, status: number, code: string) {
  expect({ status: response.statusCode, code: response.json().code }, response.body).toEqual({ status, code });
}

async function record(name: string, area: string, userId: string | null): Promise<{ id: string; name: string }> {
  const { id } = await buildSocialWorker(t.ctx, { organizationId: (await buildSocialOrg(t.ctx, "410105")).id, areaCode: area, name });
  await t.ctx.db.update(socialWorkers).set({ userId }).where(eq(socialWorkers.id, id));
  return { id, name };
}

/** Staff record a counseling need for the resident; returns it (routed at once). */
async function counselingNeed(description: string): Promise<NeedDetail> {
  const response = await staff.post("/api/v1/needs", { category: "counseling", description, resident_id: residentId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function inbox(who: Client, query = ""): Promise<Inbox> {
  const response = await who.get(`/api/v1/referrals?inbox=1${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function referralOf(needId: string, status = "pending"): Promise<Referral> {
  const need = (await staff.get(`/api/v1/needs/${needId}`)).json<NeedDetail>();
  const referral = need.referrals.find((item) => item.status === status);
  if (!referral) {
    throw new Error(`no ${status} referral`);
  }
  return referral;
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  const agency = await buildSocialOrg(t.ctx, "410105");
  const workerGrants = [{ role: "social_worker" as const, area_code: community, organization_id: agency.id }];
  const a = await client(workerGrants);
  const b = await client(workerGrants);
  workerA = a.client;
  workerB = b.client;
  staff = (await client([{ role: "community_staff", area_code: community }])).client;
  street = (await client([{ role: "official", area_code: "410105007" }])).client;
  residentUser = (await client([{ role: "resident", area_code: community }])).client;
  recordA = await record("李社工", community, a.id);
  recordB = await record("赵社工", community, b.id);
  outsideRecord = await record("外区社工", "410103001001", null);
  residentId = (await buildResident(t.ctx, { area_code: community, name: "陈阿姨" })).id;
});

afterAll(async () => {
  await t.close();
});

const rule = (position: number, data: Record<string, unknown>) =>
  street.post("/api/v1/routing-rules", {
    area_code: "410105007",
    position,
    category: "counseling",
    resident_groups: null,
    area_prefix: null,
    tier: "professional",
    provider_kind: "social_worker",
    provider_id: null,
    enabled: true,
    ...data,
  });

describe("routing rules naming a social worker", () => {
  it("accept a social worker in the owner's scope and refuse unknown or outside ones", async () => {
    expectProblem(await rule(1, { provider_id: outsideRecord.id }), 400, "PROVIDER_UNKNOWN");
    expectProblem(await rule(1, { provider_id: "00000000-0000-4000-8000-000000000000" }), 400, "PROVIDER_UNKNOWN");
    expectProblem(await rule(1, { provider_id: null }), 400, "PROVIDER_UNKNOWN");
    const first = await rule(1, { provider_id: recordA.id });
    expect(first.statusCode, first.body).toBe(201);
    const second = await rule(2, { provider_id: recordB.id });
    expect(second.statusCode, second.body).toBe(201);
    const created = second.json<RoutingRule>();
    const moved = await street.patch(`/api/v1/routing-rules/${created.id}`, {
      version: created.version,
      data: { provider_id: outsideRecord.id },
    });
    expectProblem(moved, 400, "PROVIDER_UNKNOWN");
  });
});

describe("the social worker's personal inbox", () => {
  it("shows only referrals addressed to that worker, with names, descriptions and the unread count", async () => {
    const first = await counselingNeed("儿子失业后情绪低落，需要心理疏导");
    const second = await counselingNeed("丧偶后失眠，希望有人陪伴倾诉");
    expect(first.routing.explanation).toContain("李社工");
    const mine = await inbox(workerA);
    expect(mine.items.map((item) => item.need_id).sort()).toEqual([first.id, second.id].sort());
    expect(mine.unread).toBe(2);
    const latest = mine.items.find((item) => item.need_id === second.id);
    expect(latest).toMatchObject({
      provider_kind: "social_worker",
      provider_id: recordA.id,
      provider_name: "李社工",
      description: "丧偶后失眠，希望有人陪伴倾诉",
      case: null,
    });
    const other = await inbox(workerB);
    expect(other).toMatchObject({ items: [], unread: 0 });
    const referral = latest as Referral;
    expect((await workerB.get(`/api/v1/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await workerB.post(`/api/v1/referrals/${referral.id}/accept`)).statusCode).toBe(404);
    const opened = await workerA.get(`/api/v1/referrals/${referral.id}`);
    expect(opened.json<Referral>()).toMatchObject({ read: true, provider_name: "李社工" });
    expect((await inbox(workerA)).unread).toBe(1);
  });

  it("lets the worker accept, record service and complete; a decline re-routes to the next worker", async () => {
    const need = await counselingNeed("独居老人抑郁倾向，需要定期心理支持");
    const referral = await referralOf(need.id);
    const accepted = await workerA.post(`/api/v1/referrals/${referral.id}/accept`);
    expect(accepted.json<Referral>()).toMatchObject({ status: "accepted" });
    const service = await workerA.post(`/api/v1/referrals/${referral.id}/service-records`, {
      served_on: "2026-03-02",
      minutes: 60,
      party_kind: "social_worker",
      party_name: "李社工",
    });
    expect(service.statusCode, service.body).toBe(201);
    const done = await workerA.post(`/api/v1/referrals/${referral.id}/complete`);
    expect(done.json<Referral>()).toMatchObject({ status: "done" });
    expect((await staff.get(`/api/v1/needs/${need.id}`)).json<NeedDetail>().status).toBe("done");

    const declinedNeed = await counselingNeed("青少年厌学，家长求助");
    const pending = await referralOf(declinedNeed.id);
    const declined = await workerA.post(`/api/v1/referrals/${pending.id}/decline`, { reason: "本周个案已满" });
    expect(declined.json<Referral>()).toMatchObject({ status: "declined", decline_reason: "本周个案已满" });
    const next = await referralOf(declinedNeed.id);
    expect(next).toMatchObject({ provider_kind: "social_worker", provider_id: recordB.id, provider_name: "赵社工" });
    const other = await inbox(workerB);
    expect(other.items.map((item) => item.id)).toEqual([next.id]);
    expect(other.unread).toBe(1);
    expect((await inbox(workerA)).items.map((item) => item.id)).not.toContain(next.id);
  });

  it("presents provider names with a constant number of queries", async () => {
    const count = async (who: Client, url: string) => {
      const before = t.database.stats.queries;
      const response = await who.get(url);
      expect(response.statusCode).toBe(200);
      return { queries: t.database.stats.queries - before, size: response.json<Inbox>().items.length };
    };
    const oneA = await count(workerA, "/api/v1/referrals?inbox=1&limit=1");
    const manyA = await count(workerA, "/api/v1/referrals?inbox=1&limit=50");
    expect(manyA.size).toBeGreaterThan(3);
    expect(manyA.queries).toBe(oneA.queries);
    const oneStreet = await count(street, "/api/v1/referrals?limit=1");
    const manyStreet = await count(street, "/api/v1/referrals?limit=50");
    expect(manyStreet.size).toBeGreaterThan(4);
    expect(manyStreet.queries).toBe(oneStreet.queries);
  });
});

describe("a case from a referral", () => {
  let need: NeedDetail;
  let referral: Referral;
  let opened: Case;

  beforeAll(async () => {
    need = await counselingNeed("母亲照护压力大，情绪崩溃");
    referral = await referralOf(need.id);
  });

  it("is refused while the referral is pending, and for someone else's referral (404)", async () => {
    expectProblem(await workerA.post(`/api/v1/referrals/${referral.id}/case`, { risk_level: "low" }), 409, "REFERRAL_NOT_ACCEPTED");
    expect((await workerA.post(`/api/v1/referrals/${referral.id}/accept`)).statusCode).toBe(200);
    expectProblem(await workerB.post(`/api/v1/referrals/${referral.id}/case`, { risk_level: "low" }), 404, "NOT_FOUND");
    expectProblem(await staff.post(`/api/v1/referrals/${referral.id}/case`, { risk_level: "low" }), 403, "FORBIDDEN");
  });

  it("opens once with the need's resident and community, audited; a second time answers 409 with the case", async () => {
    const response = await workerA.post(`/api/v1/referrals/${referral.id}/case`, { risk_level: "medium", risks: "照护者耗竭" });
    expect(response.statusCode, response.body).toBe(201);
    opened = response.json<Case>();
    expect(opened).toMatchObject({
      resident_id: residentId,
      resident_name: "陈阿姨",
      area_code: community,
      worker_id: recordA.id,
      referral_id: referral.id,
      need_id: need.id,
      presenting_problem: "母亲照护压力大，情绪崩溃",
      status: "intake",
      is_owner: true,
    });
    const again = await workerA.post(`/api/v1/referrals/${referral.id}/case`, { risk_level: "low" });
    expectProblem(again, 409, "CASE_EXISTS");
    expect(again.json<{ existing_id: string }>().existing_id).toBe(opened.id);
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "cases.open"), eq(auditLog.entityId, opened.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.detail).toMatchObject({ referral_id: referral.id, need_id: need.id });
    const file = await workerA.get(`/api/v1/cases/${opened.id}`);
    expect(file.json<Case>()).toMatchObject({ need_id: need.id, referral_id: referral.id });
  });

  it("shows that the case exists only to those who may read it", async () => {
    const caseOf = async (who: Client) =>
      (await who.get(`/api/v1/needs/${need.id}`)).json<NeedDetail>().referrals.find((item) => item.id === referral.id)?.case;
    expect(await caseOf(workerA)).toEqual({ id: opened.id, status: "intake" });
    expect(await caseOf(staff)).toEqual({ id: opened.id, status: "intake" });
    expect(await caseOf(street)).toBeNull();
    // Another social worker was never sent this need: it does not exist for them.
    expect((await workerB.get(`/api/v1/needs/${need.id}`)).statusCode).toBe(404);
    const inInbox = (await inbox(workerA)).items.find((item) => item.id === referral.id);
    expect(inInbox?.case).toEqual({ id: opened.id, status: "intake" });
    const official = (await street.get(`/api/v1/referrals?limit=100`)).json<Inbox>().items.find((item) => item.id === referral.id);
    expect(official?.case).toBeNull();
    expect(JSON.stringify((await street.get(`/api/v1/needs/${need.id}`)).json())).not.toContain(opened.id);
  });

  it("is refused for a need without a resident record, and POST /cases takes no referral", async () => {
    const reported = await residentUser.post("/api/v1/needs", { category: "counseling", description: "我最近压力很大" });
    expect(reported.statusCode, reported.body).toBe(201);
    const own = await referralOf(reported.json<NeedDetail>().id);
    expect((await workerA.post(`/api/v1/referrals/${own.id}/accept`)).statusCode).toBe(200);
    expectProblem(await workerA.post(`/api/v1/referrals/${own.id}/case`, { risk_level: "low" }), 409, "CASE_REFERRAL_NO_RESIDENT");
    const direct = await workerA.post("/api/v1/cases", {
      resident_id: residentId,
      referral_id: referral.id,
      presenting_problem: "x",
      risk_level: "low",
    });
    expectProblem(direct, 400, "VALIDATION_FAILED");
  });
});
