import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { CreditRecord, NeedDetail, NeedsDashboard, Referral } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { queryRows } from "../../platform/db/client.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { buildResident } from "../residents/test/factories.js";

/**
 * The honest loop (issue 13): every rule tried by the role that gains by breaking it. Staff closing a
 * resident's need alone, the community queue closing its own referral, a provider rating itself, a
 * decliner getting the need back, completion without evidence, the catch-all rule flattening tiers,
 * codes in explanations; and the dashboard and credit figures recomputed in plain SQL.
 */

let clock = new Date("2026-03-02T02:00:00Z");
const advanceHours = (hours: number) => {
  clock = new Date(clock.getTime() + hours * 3_600_000);
};
let t: TestApp;
type Client = ReturnType<typeof as>;
const community = "410105007002";
let resident: Client;
let otherResident: Client;
let staff: Client;
let colleague: Client;
let orgStaff1: Client;
let orgStaff2: Client;
let org1: { id: string };
let org2: { id: string };

const logins = new Map<string, string>();

async function client(grants: Parameters<typeof buildUser>[1], name?: string): Promise<Client> {
  const user = await buildUser(t.ctx, grants);
  if (name) {
    logins.set(name, user.login);
  }
  return as(t.app, await signIn(t.app, user.login));
}

/** Sessions expire when idle: after the clock jumps days ahead everyone signs in again. */
async function signInAgain(): Promise<void> {
  const again = async (name: string) => as(t.app, await signIn(t.app, logins.get(name) as string));
  resident = await again("resident");
  otherResident = await again("otherResident");
  staff = await again("staff");
  colleague = await again("colleague");
  orgStaff1 = await again("orgStaff1");
  orgStaff2 = await again("orgStaff2");
}

async function need(id: string, who: Client = staff): Promise<NeedDetail> {
  const response = await who.get(`/api/v1/needs/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<NeedDetail>();
}

function open(detail: NeedDetail): Referral {
  const referral = detail.referrals.find((r) => r.status === "pending" || r.status === "accepted");
  if (!referral) {
    throw new Error("no open referral");
  }
  return referral;
}

async function ok(response: { statusCode: number; body: string }) {
  expect(response.statusCode, response.body).toBeLessThan(300);
}

/** The provider accepts, records one service and completes the open referral. */
async function serveAndComplete(provider: Client, needId: string): Promise<Referral> {
  const referral = open(await need(needId));
  await ok(await provider.post(`/api/v1/referrals/${referral.id}/accept`));
  await ok(
    await provider.post(`/api/v1/referrals/${referral.id}/service-records`, {
      served_on: "2026-03-02",
      minutes: 40,
      party_kind: "organization",
      party_name: "服务方",
    }),
  );
  await ok(await provider.post(`/api/v1/referrals/${referral.id}/complete`));
  return referral;
}

const callback = () => ({ method: "phone", called_at: clock.toISOString(), answered_by: "居民本人", summary: "已解决，满意" });

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  org1 = await buildSocialOrg(t.ctx, "410105");
  org2 = await buildSocialOrg(t.ctx, "410105");
  resident = await client([{ role: "resident", area_code: community }], "resident");
  otherResident = await client([{ role: "resident", area_code: community }], "otherResident");
  staff = await client([{ role: "community_staff", area_code: community }], "staff");
  colleague = await client([{ role: "community_staff", area_code: community }], "colleague");
  orgStaff1 = await client([{ role: "org_staff", area_code: "410105", organization_id: org1.id }], "orgStaff1");
  orgStaff2 = await client([{ role: "org_staff", area_code: "410105", organization_id: org2.id }], "orgStaff2");
  const street = await client([{ role: "official", area_code: "410105007" }]);
  const city = await client([{ role: "official", area_code: "4101" }]);
  const rule = (who: Client, area: string, position: number, data: Record<string, unknown>) =>
    who.post("/api/v1/routing-rules", {
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
    await rule(street, "410105007", 1, {
      category: "legal_aid",
      tier: "professional",
      provider_kind: "organization",
      provider_id: org1.id,
    }),
    await rule(street, "410105007", 2, {
      category: "legal_aid",
      tier: "professional",
      provider_kind: "organization",
      provider_id: org2.id,
    }),
    await rule(street, "410105007", 3, { category: "elderly_care", resident_groups: ["elderly_alone"], tier: "special" }),
    await rule(street, "410105007", 4, {
      category: "counseling",
      tier: "professional",
      provider_kind: "organization",
      provider_id: org2.id,
    }),
    // The city catch-all (category and groups empty, tier public): it must not flatten the tiers.
    await rule(city, "4101", 9, { confirm_catch_all: true }),
  ]) {
    expect(response.statusCode, response.body).toBe(201);
  }
});

afterAll(async () => {
  await t.close();
});

describe("confirmation", () => {
  it("staff cannot close a resident's own need: a call-back is required, only after the wait, and never by whoever served", async () => {
    const reported = (await resident.post("/api/v1/needs", { category: "counseling", description: "家人情绪低落" })).json<NeedDetail>();
    await serveAndComplete(orgStaff2, reported.id);
    advanceHours(0.001);
    // Two seconds after "done", five stars, no call-back: refused.
    expect((await staff.post(`/api/v1/needs/${reported.id}/confirmation`, { solved: true, rating: 5 })).json()).toMatchObject({
      code: "NEED_CALLBACK_REQUIRED",
    });
    // With a call-back, but the resident has an account and three days to answer.
    const early = await staff.post(`/api/v1/needs/${reported.id}/confirmation`, { solved: true, rating: 5, callback: callback() });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: "NEED_CALLBACK_TOO_EARLY" });
    const waiting = await need(reported.id);
    expect(waiting.status).toBe("done");
    expect(new Date(waiting.callback_allowed_from as string).getTime() - new Date(waiting.updated_at).getTime()).toBeGreaterThan(
      2.9 * 86_400_000,
    );
    // The provider cannot confirm (or rate) its own work, whatever it sends.
    expect((await orgStaff2.post(`/api/v1/needs/${reported.id}/confirmation`, { solved: true, rating: 5 })).statusCode).toBe(403);
    // Another resident cannot either.
    expect((await otherResident.post(`/api/v1/needs/${reported.id}/confirmation`, { solved: true, rating: 5 })).statusCode).toBe(404);
    advanceHours(3 * 24 + 1);
    await signInAgain();
    // A call-back in the future is refused.
    const future = { ...callback(), called_at: new Date(clock.getTime() + 3_600_000).toISOString() };
    expect(
      (await staff.post(`/api/v1/needs/${reported.id}/confirmation`, { solved: true, rating: 4, callback: future })).json(),
    ).toMatchObject({ code: "NEED_CALLBACK_IN_FUTURE" });
    const closed = await staff.post(`/api/v1/needs/${reported.id}/confirmation`, { solved: true, rating: 4, callback: callback() });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<NeedDetail>()).toMatchObject({ status: "closed", confirmed_by: "callback", rating: null, callback_rating: 4 });
    expect(closed.json<NeedDetail>().referrals.find((r) => r.status === "done")).toMatchObject({ rating: 4, rating_source: "callback" });
    // Rated once: a second confirmation is refused.
    expect((await resident.post(`/api/v1/needs/${reported.id}/confirmation`, { solved: true, rating: 1 })).json()).toMatchObject({
      code: "NEED_NOT_DONE",
    });
  });

  it("the resident confirms their own need at once, without a call-back (and may not send one)", async () => {
    const reported = (await resident.post("/api/v1/needs", { category: "counseling", description: "想找人聊聊" })).json<NeedDetail>();
    await serveAndComplete(orgStaff2, reported.id);
    expect(
      (await resident.post(`/api/v1/needs/${reported.id}/confirmation`, { solved: true, rating: 5, callback: callback() })).json(),
    ).toMatchObject({ code: "NEED_CALLBACK_NOT_ALLOWED" });
    const closed = (await resident.post(`/api/v1/needs/${reported.id}/confirmation`, { solved: true, rating: 5 })).json<NeedDetail>();
    expect(closed).toMatchObject({ status: "closed", confirmed_by: "resident", rating: 5, callback_rating: null, callbacks: [] });
    expect(closed.referrals.find((r) => r.status === "done")).toMatchObject({ rating: 5, rating_source: "resident" });
  });

  it("one person cannot close a need alone through the community queue", async () => {
    // Recorded by staff for an anonymous caller (no account: a call-back is allowed at once).
    const recorded = (
      await staff.post("/api/v1/needs", {
        category: "repairs",
        description: "单元门禁损坏",
        area_code: community,
        contact: { name: "张先生", phone: "13800000001" },
      })
    ).json<NeedDetail>();
    const queued = open(recorded);
    expect(queued.provider_kind).toBe("community_queue");
    await ok(await staff.post(`/api/v1/referrals/${queued.id}/accept`));
    // Done with no evidence: refused.
    expect((await staff.post(`/api/v1/referrals/${queued.id}/complete`)).json()).toMatchObject({ code: "REFERRAL_NO_SERVICE_RECORD" });
    await ok(
      await staff.post(`/api/v1/referrals/${queued.id}/service-records`, {
        served_on: "2026-03-05",
        minutes: 20,
        party_kind: "community",
        party_name: "丰乐社区居委会",
      }),
    );
    await ok(await staff.post(`/api/v1/referrals/${queued.id}/complete`));
    expect((await need(recorded.id)).callback_allowed_from).not.toBeNull();
    // The one who served cannot confirm, even with a call-back.
    expect(
      (await staff.post(`/api/v1/needs/${recorded.id}/confirmation`, { solved: true, rating: 5, callback: callback() })).json(),
    ).toMatchObject({ code: "NEED_CONFIRMER_SERVED" });
    // A colleague who did not serve it calls back and closes it: recorded and shown.
    const closed = (
      await colleague.post(`/api/v1/needs/${recorded.id}/confirmation`, { solved: true, rating: 3, callback: callback() })
    ).json<NeedDetail>();
    expect(closed).toMatchObject({ status: "closed", confirmed_by: "callback" });
    expect(closed.callbacks).toEqual([
      expect.objectContaining({ method: "phone", answered_by: "居民本人", summary: "已解决，满意", solved: true, rating: 3 }),
    ]);
    expect(closed.events.at(-1)).toMatchObject({ kind: "confirmed", status: "closed" });
  });
});

describe("the resident's own account", () => {
  it("a linked account reports as the register's resident: group rules fire and the need carries the record", async () => {
    const account = await buildUser(t.ctx, [{ role: "resident", area_code: community }]);
    const record = await buildResident(t.ctx, { area_code: community, name: "独居的李奶奶", groups: ["elderly_alone"] });
    const before = as(t.app, await signIn(t.app, account.login));
    // Unlinked: no record, so the group rule cannot fire (the finding).
    const unlinked = (await before.post("/api/v1/needs", { category: "elderly_care", description: "需要助餐" })).json<NeedDetail>();
    expect(unlinked.resident_id).toBeNull();
    expect(unlinked.routing.explanation).not.toContain("独居老人");
    const linked = await staff.put(`/api/v1/resident-accounts/${account.id}/link`, { resident_id: record.id });
    expect(linked.statusCode, linked.body).toBe(200);
    const reported = (await before.post("/api/v1/needs", { category: "elderly_care", description: "需要每周探访" })).json<NeedDetail>();
    expect(reported.resident_id).toBe(record.id);
    expect(reported.routing.explanation).toContain("独居老人");
    expect(reported.tier).toBe("special");
  });
});

describe("routing", () => {
  it("after not solved, the need never goes back to a provider that declined or failed it", async () => {
    const reported = (await resident.post("/api/v1/needs", { category: "legal_aid", description: "工资被拖欠" })).json<NeedDetail>();
    const first = open(reported);
    expect(first.provider_id).toBe(org1.id);
    await ok(await orgStaff1.post(`/api/v1/referrals/${first.id}/decline`, { reason: "律师本周不在" }));
    const second = open(await need(reported.id));
    expect(second.provider_id).toBe(org2.id);
    await serveAndComplete(orgStaff2, reported.id);
    const reopened = (
      await resident.post(`/api/v1/needs/${reported.id}/confirmation`, { solved: false, rating: 1, comment: "仍未拿到工资" })
    ).json<NeedDetail>();
    expect(reopened.status).toBe("routed");
    // Neither the decliner (org1) nor the provider that failed it (org2): the community queue.
    expect(open(reopened)).toMatchObject({ provider_kind: "community_queue", provider_id: null });
    expect(reopened.referrals.map((r) => [r.provider_id, r.status, r.rating])).toEqual([
      [org1.id, "declined", null],
      [org2.id, "failed", 1],
      [null, "pending", null],
    ]);
    // The provider that failed keeps its rating of 1 (given by the resident), and is not shown the need again.
    const inbox = (await orgStaff1.get("/api/v1/referrals?inbox=1&limit=200")).json<{ items: Referral[] }>().items;
    expect(inbox.filter((r) => r.need_id === reported.id && r.status === "pending")).toEqual([]);
  });

  it("the city catch-all keeps each category's tier; every tier can be reached", async () => {
    const tiers: Record<string, string> = {};
    for (const category of ["housekeeping", "culture_sports", "repairs", "counseling", "elderly_care"]) {
      const created = (await resident.post("/api/v1/needs", { category, description: `测试 ${category}` })).json<NeedDetail>();
      tiers[category] = created.tier;
    }
    expect(tiers).toEqual({
      housekeeping: "personalized",
      culture_sports: "developmental",
      repairs: "public",
      counseling: "professional",
      elderly_care: "special",
    });
  });

  it("explains routing with labels in the reader's language, never codes", async () => {
    const created = (await resident.post("/api/v1/needs", { category: "housekeeping", description: "找钟点工" })).json<NeedDetail>();
    expect(created.routing.explanation).toContain("家政便民");
    expect(created.routing.explanation).toContain("个性化服务");
    const english = await resident.get(`/api/v1/needs/${created.id}`, { headers: { "accept-language": "en" } });
    const explanation = english.json<NeedDetail>().routing.explanation;
    expect(explanation).toContain("Housekeeping");
    expect(explanation).toContain("personalized service");
    expect(`${created.routing.explanation} ${explanation}`).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  });
});

describe("figures", () => {
  it("the dashboard's confirmation figures equal plain SQL over the needs", async () => {
    const street = await client([{ role: "official", area_code: "410105007" }]);
    const board = (await street.get(`/api/v1/needs/dashboard?area=${community}`)).json<NeedsDashboard>();
    const [expected] = await queryRows<Record<string, number | null>>(
      t.database.db,
      sql`SELECT count(*) FILTER (WHERE status = 'closed')::int AS closed,
                 count(*) FILTER (WHERE status = 'closed' AND confirmed_by = 'resident')::int AS by_resident,
                 count(*) FILTER (WHERE status = 'closed' AND confirmed_by = 'callback')::int AS by_callback,
                 count(*) FILTER (WHERE status = 'closed' AND rating IS NOT NULL)::int AS rated,
                 round(avg(rating) FILTER (WHERE status = 'closed'), 2)::float8 AS average_rating,
                 count(*) FILTER (WHERE status = 'closed' AND callback_rating IS NOT NULL)::int AS callback_rated,
                 round(avg(callback_rating) FILTER (WHERE status = 'closed'), 2)::float8 AS average_callback_rating
          FROM needs WHERE area_code = ${community}`,
    );
    expect(expected?.by_resident).toBeGreaterThan(0);
    expect(expected?.by_callback).toBeGreaterThan(0);
    expect(board.totals).toMatchObject({
      closed: expected?.closed,
      closed_by_resident: expected?.by_resident,
      closed_by_callback: expected?.by_callback,
      closed_by_staff: 0,
      rated: expected?.rated,
      average_rating: expected?.average_rating,
      callback_rated: expected?.callback_rated,
      average_callback_rating: expected?.average_callback_rating,
    });
  });

  it("an organization's credit record counts the residents' own ratings of work it did, call-backs apart, never declined needs", async () => {
    const official = await client([{ role: "official", area_code: "410105" }]);
    for (const org of [org1, org2]) {
      const record = (await official.get(`/api/v1/social-orgs/${org.id}/credit`)).json<CreditRecord>();
      const [expected] = await queryRows<{
        residents: number;
        resident_avg: number | null;
        callbacks: number;
        callback_avg: number | null;
      }>(
        t.database.db,
        sql`SELECT count(*) FILTER (WHERE r.rating_source = 'resident')::int AS residents,
                   round(avg(r.rating) FILTER (WHERE r.rating_source = 'resident'), 2)::float8 AS resident_avg,
                   count(*) FILTER (WHERE r.rating_source <> 'resident')::int AS callbacks,
                   round(avg(r.rating) FILTER (WHERE r.rating_source <> 'resident'), 2)::float8 AS callback_avg
            FROM referrals r
            WHERE r.provider_kind = 'organization' AND r.provider_id = ${org.id} AND r.status IN ('done', 'failed')
              AND r.rating IS NOT NULL AND EXISTS (SELECT 1 FROM service_records s WHERE s.referral_id = r.id)`,
      );
      expect(record.ratings).toEqual({
        residents: { count: expected?.residents, average: expected?.resident_avg },
        callbacks: { count: expected?.callbacks, average: expected?.callback_avg },
      });
    }
    // org1 only declined: nothing to its credit.
    const declinedOnly = (await official.get(`/api/v1/social-orgs/${org1.id}/credit`)).json<CreditRecord>();
    expect(declinedOnly.ratings.residents.count).toBe(0);
  });
});
