import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NeedDetail, NeedsDashboard, Referral } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { buildUser } from "../../users/test/factories.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";

/**
 * The needs dashboard over a small dataset built through the real needs service (report, route,
 * decline, accept, service records, complete, confirm) on an injected clock: exact medians, shares,
 * averages and overdue counts, drill-down sums, scope, and a constant number of statements.
 */

const t0 = new Date("2026-03-02T02:00:00Z");
let clock = t0;
const at = (hours: number) => {
  clock = new Date(t0.getTime() + hours * 3_600_000);
};
let t: TestApp;
const logins: Record<string, string> = {};
let org: { id: string; name: string };
const communityA = "410105007002";
const communityB = "410105007003";
const ids: Record<string, string> = {};

/** A freshly signed-in client (sessions may lapse while the clock moves). */
async function who(name: string) {
  return as(t.app, await signIn(t.app, logins[name] as string));
}

async function report(name: string, payload: Record<string, unknown>): Promise<NeedDetail> {
  const response = await (await who(name)).post("/api/v1/needs", { description: `测试需求：${name} 的描述`, ...payload });
  expect(response.statusCode).toBe(201);
  return response.json<NeedDetail>();
}

async function referralOf(needId: string, status: Referral["status"] = "pending"): Promise<string> {
  const need = (await (await who("district")).get(`/api/v1/needs/${needId}`)).json<NeedDetail>();
  const referral = need.referrals.find((r) => r.status === status);
  if (!referral) {
    throw new Error(`no ${status} referral`);
  }
  return referral.id;
}

async function act(name: string, path: string, body?: unknown) {
  const response = await (await who(name)).post(path, body);
  expect(response.statusCode, response.body).toBeLessThan(300);
}

async function dashboard(name: string, query = ""): Promise<NeedsDashboard> {
  const response = await (await who(name)).get(`/api/v1/needs/dashboard${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<NeedsDashboard>();
}

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  org = await buildSocialOrg(t.ctx, "410105");
  const grants = {
    residentA: [{ role: "resident" as const, area_code: communityA }],
    staffA: [{ role: "community_staff" as const, area_code: communityA }],
    staffB: [{ role: "community_staff" as const, area_code: communityB }],
    otherStaff: [{ role: "community_staff" as const, area_code: "410105001003" }],
    street: [{ role: "official" as const, area_code: "410105007" }],
    district: [{ role: "official" as const, area_code: "410105" }],
    evaluator: [{ role: "evaluator" as const, area_code: "410105" }],
    orgStaff: [{ role: "org_staff" as const, area_code: "410105", organization_id: org.id }],
  };
  for (const [name, grant] of Object.entries(grants)) {
    logins[name] = (await buildUser(t.ctx, grant)).login;
  }
  // Health needs in the street go to the organization first (tier special).
  const rule = await (
    await who("street")
  ).post("/api/v1/routing-rules", {
    area_code: "410105007",
    position: 1,
    category: "health",
    resident_groups: null,
    area_prefix: null,
    tier: "special",
    provider_kind: "organization",
    provider_id: org.id,
    enabled: true,
  });
  expect(rule.statusCode).toBe(201);

  at(0);
  ids.n1 = (await report("residentA", { category: "repairs" })).id;
  ids.n2 = (await report("staffA", { category: "health", area_code: communityA })).id;
  ids.n3 = (await report("staffB", { category: "repairs", area_code: communityB })).id;
  ids.n4 = (await report("staffB", { category: "legal_aid", area_code: communityB })).id;
  ids.n6 = (await report("staffB", { category: "health", area_code: communityB })).id;
  ids.n5 = (await report("otherStaff", { category: "repairs", area_code: "410105001003" })).id;
  at(1);
  await act("orgStaff", `/api/v1/referrals/${await referralOf(ids.n6)}/decline`, { reason: "人手不足" });
  at(2);
  await act("staffA", `/api/v1/referrals/${await referralOf(ids.n1)}/accept`);
  await act("staffA", `/api/v1/referrals/${await referralOf(ids.n1, "accepted")}/service-records`, {
    served_on: "2026-03-02",
    minutes: 30,
    party_kind: "community",
    party_name: "社区居委会",
  });
  at(3);
  await act("staffB", `/api/v1/referrals/${await referralOf(ids.n3)}/accept`);
  at(4);
  await act("orgStaff", `/api/v1/referrals/${await referralOf(ids.n2)}/accept`);
  await act("orgStaff", `/api/v1/referrals/${await referralOf(ids.n2, "accepted")}/service-records`, {
    served_on: "2026-03-02",
    minutes: 45,
    party_kind: "organization",
    party_name: org.name,
  });
});

afterAll(async () => {
  await t.close();
});

describe("needs dashboard", () => {
  it("flags overdue referrals against the injected clock", async () => {
    at(4);
    expect((await dashboard("street")).totals.overdue_referrals).toBe(0);
    at(30); // the re-routed health referral (24 h from hour 1) is late; legal aid (48 h) not yet
    const late = await dashboard("street");
    expect(late.totals.overdue_referrals).toBe(1);
    expect(late.children.find((c) => c.code === communityB)?.overdue).toBe(1);
  });

  it("computes every metric of a street exactly", async () => {
    at(48);
    await act("staffA", `/api/v1/referrals/${await referralOf(ids.n1 as string, "accepted")}/complete`);
    await act("residentA", `/api/v1/needs/${ids.n1}/confirmation`, { solved: true, rating: 5 });
    at(72);
    await act("staffB", `/api/v1/referrals/${await referralOf(ids.n3 as string, "accepted")}/service-records`, {
      served_on: "2026-03-05",
      minutes: 20,
      party_kind: "community",
      party_name: "社区居委会",
    });
    await act("staffB", `/api/v1/referrals/${await referralOf(ids.n3 as string, "accepted")}/complete`);
    at(96);
    await act("orgStaff", `/api/v1/referrals/${await referralOf(ids.n2 as string, "accepted")}/complete`);
    // No account to confirm with (recorded by staff without a resident): a colleague calls back at once.
    await act("staffA", `/api/v1/needs/${ids.n2}/confirmation`, {
      solved: true,
      rating: 3,
      callback: { method: "phone", called_at: clock.toISOString(), answered_by: "居民本人", summary: "已上门测量" },
    });

    const board = await dashboard("street");
    expect(board.area).toEqual({ code: "410105007", name: expect.any(String), level: "street" });
    expect(board.path.map((p) => p.code)).toEqual(["410105007"]);
    expect(board.totals).toEqual({
      total: 5,
      open: 3,
      closed: 2,
      overdue_referrals: 2,
      median_respond_hours: 3,
      median_resolve_days: 3,
      closed_by_resident: 1,
      closed_by_callback: 1,
      closed_by_staff: 0,
      resident_confirmation_share: 0.5,
      average_rating: 5,
      rated: 1,
      average_callback_rating: 3,
      callback_rated: 1,
    });
    expect(board.by_status.filter((s) => s.count > 0)).toEqual([
      { status: "routed", count: 2 },
      { status: "done", count: 1 },
      { status: "closed", count: 2 },
    ]);
    const repairs = board.by_category.find((c) => c.category === "repairs");
    expect(repairs).toMatchObject({
      total: 2,
      open: 1,
      statuses: [
        { status: "done", count: 1 },
        { status: "closed", count: 1 },
      ],
    });
    expect(board.by_category.map((c) => c.category).sort()).toEqual(["health", "legal_aid", "repairs"]);
    expect(board.by_tier.filter((tier) => tier.total > 0)).toEqual([
      { tier: "public", total: 3, open: 2, closed: 1, average_rating: 5 },
      { tier: "special", total: 1, open: 0, closed: 1, average_rating: null },
      { tier: "professional", total: 1, open: 1, closed: 0, average_rating: null },
    ]);
    expect(board.providers).toEqual([
      {
        provider_kind: "community_queue",
        provider_id: null,
        name: null,
        referrals: 4,
        accepted: 2,
        done: 2,
        overdue: 2,
        declined: 0,
        minutes: 50,
        average_rating: 5,
      },
      {
        provider_kind: "organization",
        provider_id: org.id,
        name: org.name,
        referrals: 2,
        accepted: 1,
        done: 1,
        overdue: 0,
        declined: 1,
        minutes: 45,
        average_rating: null,
      },
    ]);
    expect(board.recent_closures.map((c) => [c.id, c.rating, c.confirmed_by, c.closed_at])).toEqual([
      [ids.n2, 3, "callback", new Date(t0.getTime() + 96 * 3_600_000).toISOString()],
      [ids.n1, 5, "resident", new Date(t0.getTime() + 48 * 3_600_000).toISOString()],
    ]);
    expect(board.recent_closures[1]).toMatchObject({ category: "repairs", area_code: communityA, excerpt: "测试需求：residentA 的描述" });
  });

  it("lists every child area; children add up to the parent and the medians interpolate", async () => {
    at(96);
    const street = await dashboard("street");
    const a = street.children.find((c) => c.code === communityA);
    expect(a).toMatchObject({ level: "community", total: 2, open: 0, closed: 2, overdue: 0, median_resolve_days: 3, average_rating: 5 });
    expect(street.children.find((c) => c.code === communityB)).toMatchObject({
      total: 3,
      open: 3,
      closed: 0,
      overdue: 2,
      median_resolve_days: 3,
      average_rating: null,
    });
    const community = await dashboard("street", `?area=${communityA}`);
    expect(community.totals).toMatchObject({ total: 2, median_respond_hours: 3, median_resolve_days: 3, resident_confirmation_share: 0.5 });
    expect(community.children).toEqual([]);
    expect(community.path.map((p) => p.code)).toEqual(["410105007", communityA]);

    const district = await dashboard("district");
    expect(district.totals).toMatchObject({ total: 6, open: 4, closed: 2, overdue_referrals: 3 });
    expect(district.children.length).toBeGreaterThan(2);
    for (const key of ["total", "open", "closed", "overdue"] as const) {
      expect(district.children.reduce((sum, child) => sum + child[key], 0)).toBe(
        key === "overdue" ? district.totals.overdue_referrals : district.totals[key],
      );
    }
    expect(district.children.find((c) => c.code === "410105007")).toMatchObject({ total: 5, open: 3, closed: 2, overdue: 2 });
    const sumStreet = street.children.reduce((sum, child) => sum + child.total, 0);
    expect(sumStreet).toBe(street.totals.total);
    const evaluator = await dashboard("evaluator", "?area=410105007");
    expect(evaluator.totals).toEqual(street.totals);
    expect(evaluator.recent_closures.map((c) => c.excerpt)).toEqual([null, null]);
  });

  it("filters by reporting period", async () => {
    expect((await dashboard("street", "?from=2026-03-02&to=2026-03-02")).totals.total).toBe(5);
    const later = await dashboard("street", "?from=2026-03-03");
    expect(later.totals).toMatchObject({
      total: 0,
      overdue_referrals: 0,
      median_respond_hours: null,
      median_resolve_days: null,
      average_rating: null,
      resident_confirmation_share: null,
    });
    // A period that holds every need gives the same numbers as no period (referrals reached through their needs).
    const all = await dashboard("street");
    const whole = await dashboard("street", "?from=2026-01-01");
    expect(all.totals.median_respond_hours).not.toBeNull();
    expect(whole.totals).toEqual(all.totals);
    expect(whole.children).toEqual(all.children);
    expect(whole.providers).toEqual(all.providers);
    expect(later.recent_closures).toEqual([]);
    const street = await who("street");
    for (const bad of ["?from=2026-03-05&to=2026-03-01", "?from=2023-02-29", "?to=2026-3-1", "?area=41010500700x", "?area='%20OR%201=1"]) {
      const response = await street.get(`/api/v1/needs/dashboard${bad}`);
      expect({ bad, status: response.statusCode }).toEqual({ bad, status: 400 });
    }
  });

  it("keeps to the actor's scope: 404 outside, 403 without the permission", async () => {
    expect((await (await who("street")).get("/api/v1/needs/dashboard?area=410105001")).statusCode).toBe(404);
    expect((await (await who("street")).get("/api/v1/needs/dashboard?area=410105")).statusCode).toBe(404);
    expect((await (await who("staffB")).get(`/api/v1/needs/dashboard?area=${communityA}`)).statusCode).toBe(404);
    expect((await dashboard("staffB")).totals.total).toBe(3);
    for (const name of ["residentA", "orgStaff"]) {
      const response = await (await who(name)).get("/api/v1/needs/dashboard");
      expect(response.statusCode).toBe(403);
      expect(response.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("filters the needs list by area for the dashboard's links", async () => {
    const list = await (await who("district")).get("/api/v1/needs?area=410105001&limit=50");
    expect(list.json<{ items: NeedDetail[] }>().items.map((n) => n.id)).toEqual([ids.n5]);
  });

  it("uses the same number of statements at every level", async () => {
    const count = async (name: string, query: string) => {
      const client = await who(name);
      const before = t.database.stats.queries;
      expect((await client.get(`/api/v1/needs/dashboard${query}`)).statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    const district = await count("district", "");
    expect(await count("district", "?area=410105007")).toBe(district);
    expect(await count("district", `?area=${communityA}`)).toBe(district);
  });
});
