import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { dashboardProviderLimit, type NeedsDashboard } from "@sanshe/contracts";
import { queryRows } from "../../../platform/db/client.js";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { buildUser } from "../../users/test/factories.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { systemCtx } from "../../../platform/system.js";
import { escalateOverdue, foldReferralDeadlines } from "../escalation/service.js";

/**
 * The roll-ups (ADR 0011) against the live computation: random needs and referrals written straight to
 * the tables (several communities in two districts, categories, statuses, ratings, reporting days on
 * both sides of China midnight), then the dashboard at community, street, district and city level,
 * with and without a period, must equal plain SQL over needs and referrals — counts exactly, medians
 * exactly for a street or a community and within the histogram's 9 % above — before and after
 * multi-row updates (status changes, closures with ratings, reopening, re-routing, a new tier).
 * Overdue referrals (totals, children, providers) are compared with plain SQL over referrals at the
 * injected clock: deadlines on earlier days come from referral_deadline_rollups, folded or not, and
 * today's are counted live, on either side of the clock and of China midnight.
 */

let t: TestApp;
let official: ReturnType<typeof as>;
let otherCommunity: string;
/** The dashboard's clock: 2026-03-20 10:00 China time, inside the random referrals' deadlines. */
let clock = new Date("2026-03-20T02:00:00Z");
/** The community queue (null) and three organizations. */
const providers: Array<string | null> = [null];
const communities = ["410105007002", "410105007003", "410105001003"];
const categories = ["repairs", "health", "legal_aid", "elderly_care"];
const statuses = ["new", "routed", "accepted", "in_service", "done", "closed", "reopened"] as const;
const tiers = ["public", "special", "professional"] as const;

/** A small seeded generator, so a failure can be replayed. */
let state = 20_261_128;
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

async function addNeeds(count: number) {
  const all = [...communities, otherCommunity];
  const rows = Array.from({ length: count }, () => {
    const status = pick(statuses);
    // Reported 2026-01-15 … 2026-04-14 (China time); a quarter of them right at a China midnight or just before.
    const dayIndex = Math.floor(random() * 90) - 15;
    const edge = random();
    const created = new Date(
      Date.UTC(2026, 2, 1 + dayIndex, 0, 0, 0) - 8 * 3_600_000 + (edge < 0.15 ? 0 : edge < 0.25 ? -1 : Math.floor(random() * 86_400_000)),
    );
    const done = status === "done" || status === "closed" ? new Date(created.getTime() + Math.floor(random() * 12 * 86_400_000)) : null;
    const closed = status === "closed";
    return sql`(${pick(all)}, ${pick(categories)}, ${"随机需求"}, 'normal', 'staff', ${status}, ${pick(tiers)},
      ${created.toISOString()}::timestamptz, ${done?.toISOString() ?? null}::timestamptz,
      ${closed || status === "reopened" ? (random() < 0.8 ? 1 + Math.floor(random() * 5) : null) : null}::smallint,
      ${closed ? done?.toISOString() : null}::timestamptz, ${closed ? pick(["resident", "callback", "staff", null]) : null},
      ${closed && random() < 0.5 ? 1 + Math.floor(random() * 5) : null}::smallint)`;
  });
  const needs = await queryRows<{ id: string; area_code: string; created_at: string }>(
    t.database.db,
    sql`INSERT INTO needs (area_code, category, description, urgency, channel, status, tier, created_at, done_at, rating, closed_at, confirmed_by,
                           callback_rating)
        VALUES ${sql.join(rows, sql`, `)} RETURNING id, area_code, created_at`,
  );
  // One or two referrals each; accepted ones with an acceptance 0–72 hours after the referral.
  const referralRows = needs.flatMap((need) =>
    Array.from({ length: random() < 0.3 ? 2 : 1 }, () => {
      const created = new Date(new Date(need.created_at).getTime() + Math.floor(random() * 3_600_000));
      const status = pick(["pending", "accepted", "declined", "done"] as const);
      const accepted =
        status === "accepted" || status === "done" ? new Date(created.getTime() + Math.floor(random() * 72 * 3_600_000)) : null;
      const provider = pick(providers);
      return sql`(${need.id}, ${need.area_code}, ${provider ? "organization" : "community_queue"}, ${provider}::uuid, ${status}, ${new Date(created.getTime() + 86_400_000).toISOString()}::timestamptz,
        ${new Date(created.getTime() + 7 * 86_400_000).toISOString()}::timestamptz, ${accepted?.toISOString() ?? null}::timestamptz,
        ${created.toISOString()}::timestamptz)`;
    }),
  );
  await t.database.db.execute(
    sql`INSERT INTO referrals (need_id, area_code, provider_kind, provider_id, status, respond_by, resolve_by, accepted_at, created_at)
        VALUES ${sql.join(referralRows, sql`, `)}`,
  );
}

type Oracle = {
  facts: Array<{ category: string; status: string; tier: string; count: number; rated: number; rating_sum: number }>;
  byResident: number;
  byStaff: number;
  byCallback: number;
  callbackRated: number;
  callbackRatingSum: number;
  respond: number | null;
  resolve: number | null;
  children: Array<{ code: string; total: number; open: number; closed: number; rating: number | null; resolve: number | null }>;
  providers: Array<Record<string, unknown>>;
  /** Overdue referrals at the clock, by child area (the area itself at community level). */
  overdue: Map<string, number>;
};

/** The live computation in plain SQL: what the dashboard computed before the roll-ups. */
async function oracle(code: string, from?: string, to?: string): Promise<Oracle> {
  const period = sql.join(
    [
      sql`n.area_code LIKE ${`${code}%`}`,
      ...(from ? [sql`n.created_at >= ${`${from}T00:00:00+08:00`}::timestamptz`] : []),
      ...(to ? [sql`n.created_at < ${`${to}T00:00:00+08:00`}::timestamptz + interval '1 day'`] : []),
    ],
    sql` AND `,
  );
  const childLength = [2, 4, 6, 9, 12].find((length) => length > code.length) ?? 12;
  const db = t.database.db;
  const at = sql`${clock.toISOString()}::timestamptz`;
  const late = sql`((r.status = 'pending' AND r.respond_by < ${at}) OR (r.status = 'accepted' AND r.resolve_by < ${at}))`;
  const overdue = await queryRows<{ child: string; count: number }>(
    db,
    sql`SELECT substr(r.area_code, 1, ${childLength}) AS child, count(*)::int AS count
        FROM referrals AS r JOIN needs AS n ON n.id = r.need_id WHERE ${period} AND ${late} GROUP BY 1`,
  );
  const facts = await queryRows<Oracle["facts"][number]>(
    db,
    sql`SELECT n.category, n.status, n.tier, count(*)::int AS count, count(n.rating) FILTER (WHERE n.status = 'closed')::int AS rated,
               coalesce(sum(n.rating) FILTER (WHERE n.status = 'closed'), 0)::int AS rating_sum
        FROM needs AS n WHERE ${period} GROUP BY 1, 2, 3`,
  );
  const [summary] = await queryRows<{
    by_resident: number;
    by_staff: number;
    by_callback: number;
    callback_rated: number;
    callback_rating_sum: number;
    respond: number | null;
    resolve: number | null;
  }>(
    db,
    sql`SELECT
      (SELECT count(*)::int FROM needs AS n WHERE ${period} AND n.status = 'closed' AND n.confirmed_by = 'callback') AS by_callback,
      (SELECT count(*)::int FROM needs AS n WHERE ${period} AND n.status = 'closed' AND n.callback_rating IS NOT NULL) AS callback_rated,
      (SELECT coalesce(sum(n.callback_rating), 0)::int FROM needs AS n WHERE ${period} AND n.status = 'closed') AS callback_rating_sum,
      (SELECT count(*)::int FROM needs AS n WHERE ${period} AND n.status = 'closed' AND n.confirmed_by = 'resident') AS by_resident,
      (SELECT count(*)::int FROM needs AS n WHERE ${period} AND n.status = 'closed' AND n.confirmed_by = 'staff') AS by_staff,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.accepted_at - r.created_at) / 3600)
        FROM referrals AS r JOIN needs AS n ON n.id = r.need_id WHERE ${period} AND r.accepted_at IS NOT NULL) AS respond,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n.done_at - n.created_at) / 86400)
        FROM needs AS n WHERE ${period} AND n.done_at IS NOT NULL) AS resolve`,
  );
  const children = await queryRows<Oracle["children"][number]>(
    db,
    sql`SELECT a.code, coalesce(m.total, 0)::int AS total, coalesce(m.open, 0)::int AS open, coalesce(m.closed, 0)::int AS closed,
               m.rating, m.resolve
        FROM areas AS a LEFT JOIN (
          SELECT substr(n.area_code, 1, ${childLength}) AS child, count(*) AS total, count(*) FILTER (WHERE n.status <> 'closed') AS open,
                 count(*) FILTER (WHERE n.status = 'closed') AS closed, avg(n.rating) FILTER (WHERE n.status = 'closed')::float8 AS rating,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n.done_at - n.created_at) / 86400) AS resolve
          FROM needs AS n WHERE ${period} GROUP BY 1) AS m ON m.child = a.code
        WHERE a.parent_code = ${code} ORDER BY a.code`,
  );
  const providers = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT r.provider_kind, r.provider_id, count(*)::int AS referrals,
               count(*) FILTER (WHERE r.accepted_at IS NOT NULL OR r.status IN ('accepted', 'done'))::int AS accepted,
               count(*) FILTER (WHERE r.status = 'done')::int AS done,
               count(*) FILTER (WHERE ${late})::int AS overdue,
               count(*) FILTER (WHERE r.status = 'declined')::int AS declined, coalesce(sum(r.service_minutes), 0)::int AS minutes,
               avg(n.rating) FILTER (WHERE r.status = 'done' AND n.status = 'closed')::float8 AS rating
        FROM referrals AS r JOIN needs AS n ON n.id = r.need_id
        WHERE ${period} GROUP BY r.provider_kind, r.provider_id ORDER BY count(*) DESC, r.provider_kind, r.provider_id`,
  );
  return {
    overdue: new Map(overdue.map((row) => [row.child, Number(row.count)])),
    providers,
    facts,
    byResident: Number(summary?.by_resident ?? 0),
    byStaff: Number(summary?.by_staff ?? 0),
    byCallback: Number(summary?.by_callback ?? 0),
    callbackRated: Number(summary?.callback_rated ?? 0),
    callbackRatingSum: Number(summary?.callback_rating_sum ?? 0),
    respond: summary?.respond === null || summary?.respond === undefined ? null : Number(summary.respond),
    resolve: summary?.resolve === null || summary?.resolve === undefined ? null : Number(summary.resolve),
    children,
  };
}

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** An exact median rounded to 0.1, or one within the histogram's 9 % (plus the rounding). */
function expectMedian(actual: number | null, exact: number | null, approximate: boolean, what: string) {
  if (exact === null || !approximate) {
    expect(actual, what).toBe(round(exact, 1));
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - exact), `${what}: ${actual} vs ${exact}`).toBeLessThanOrEqual(exact * 0.0906 + 0.05);
}

async function compare(code: string, from?: string, to?: string) {
  const query = new URLSearchParams({ area: code, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const response = await official.get(`/api/v1/needs/dashboard?${query.toString()}`);
  expect(response.statusCode, response.body).toBe(200);
  const board = response.json<NeedsDashboard>();
  const expected = await oracle(code, from, to);
  const label = `${code} ${from ?? "…"}–${to ?? "…"}`;
  const sum = (filter: (fact: Oracle["facts"][number]) => boolean, key: "count" | "rated" | "rating_sum" = "count") =>
    expected.facts.filter(filter).reduce((total, fact) => total + fact[key], 0);
  const total = sum(() => true);
  const closed = sum((fact) => fact.status === "closed");
  const rated = sum(() => true, "rated");
  expect(board.approximate_medians).toBe(code.length <= 6);
  expect({ label, ...board.totals, median_respond_hours: 0, median_resolve_days: 0 }).toEqual({
    label,
    total,
    open: total - closed,
    closed,
    overdue_referrals: [...expected.overdue.values()].reduce((sum, count) => sum + count, 0),
    median_respond_hours: 0,
    median_resolve_days: 0,
    closed_by_resident: expected.byResident,
    closed_by_callback: expected.byCallback,
    closed_by_staff: expected.byStaff,
    resident_confirmation_share: closed > 0 ? round(expected.byResident / closed, 4) : null,
    average_rating: rated > 0 ? round(sum(() => true, "rating_sum") / rated, 2) : null,
    rated,
    average_callback_rating: expected.callbackRated > 0 ? round(expected.callbackRatingSum / expected.callbackRated, 2) : null,
    callback_rated: expected.callbackRated,
  });
  expect(board.by_status).toEqual(statuses.map((status) => ({ status, count: sum((fact) => fact.status === status) })));
  expect(
    [...board.by_category]
      .sort((a, b) => (a.category < b.category ? -1 : 1))
      .map((entry) => [entry.category, entry.total, entry.open, entry.statuses]),
  ).toEqual(
    [...new Set(expected.facts.map((fact) => fact.category))]
      .sort()
      .map((category) => [
        category,
        sum((fact) => fact.category === category),
        sum((fact) => fact.category === category && fact.status !== "closed"),
        statuses
          .map((status) => ({ status, count: sum((fact) => fact.category === category && fact.status === status) }))
          .filter((entry) => entry.count > 0),
      ]),
  );
  for (const tier of board.by_tier) {
    const of = (fact: Oracle["facts"][number]) => fact.tier === tier.tier;
    const tierRated = sum(of, "rated");
    expect(tier).toEqual({
      tier: tier.tier,
      total: sum(of),
      open: sum((fact) => of(fact) && fact.status !== "closed"),
      closed: sum((fact) => of(fact) && fact.status === "closed"),
      average_rating: tierRated > 0 ? round(sum(of, "rating_sum") / tierRated, 2) : null,
    });
  }
  const approximate = code.length <= 6;
  expectMedian(board.totals.median_respond_hours, expected.respond, approximate, `${label} respond`);
  expectMedian(board.totals.median_resolve_days, expected.resolve, approximate, `${label} resolve`);
  expect(board.children.map((child) => [child.code, child.total, child.open, child.closed, child.average_rating, child.overdue])).toEqual(
    expected.children.map((child) => [
      child.code,
      child.total,
      child.open,
      child.closed,
      round(child.rating, 2),
      expected.overdue.get(child.code) ?? 0,
    ]),
  );
  // The first providers by referrals, and how many there are in all.
  expect(board.providers_total).toBe(expected.providers.length);
  expect(board.providers.map(({ name: _name, ...provider }) => provider)).toEqual(
    expected.providers
      .slice(0, dashboardProviderLimit)
      .map((provider) => ({ ...provider, average_rating: round(provider.rating as number | null, 2), rating: undefined }))
      .map(({ rating: _rating, ...provider }) => provider),
  );
  for (const [index, child] of board.children.entries()) {
    expectMedian(child.median_resolve_days, expected.children[index]?.resolve ?? null, approximate, `${label} child ${child.code}`);
  }
  return board;
}

const levels = () => ["4101", "410105", "410105007", "410105007003", otherCommunity.slice(0, 6)];
// Whole months, partial months at either end, single days, open ends (roll-up grains month and day).
const periods: Array<[string | undefined, string | undefined]> = [
  [undefined, undefined],
  ["2026-03-05", undefined],
  ["2026-02-01", undefined],
  [undefined, "2026-03-10"],
  [undefined, "2026-02-28"],
  ["2026-03-04", "2026-03-04"],
  ["2026-03-08", "2026-03-15"],
  ["2026-03-01", "2026-03-31"],
  ["2026-01-20", "2026-04-02"],
  ["2026-02-01", "2026-03-31"],
];

beforeAll(async () => {
  // The clock moves a day forward in one test: the official's session must outlive it.
  t = await createTestApp({ SANSHE_SESSION_IDLE_MINUTES: "10000", SANSHE_SESSION_MAX_HOURS: "1000" }, { now: () => clock });
  const [other] = await queryRows<{ code: string }>(
    t.database.db,
    sql`SELECT code FROM areas WHERE level = 'community' AND code LIKE '4101%' AND code NOT LIKE '410105%' ORDER BY code LIMIT 1`,
  );
  otherCommunity = other?.code as string;
  official = as(t.app, await signIn(t.app, (await buildUser(t.ctx, [{ role: "official", area_code: "4101" }])).login));
  // More organizations than the dashboard lists, so that the city's list is cut.
  for (let index = 0; index < dashboardProviderLimit + 10; index += 1) {
    providers.push((await buildSocialOrg(t.ctx, "410105")).id);
  }
  await addNeeds(400);
});

afterAll(async () => {
  await t.close();
});

describe("needs dashboard roll-ups", () => {
  it("equal the live computation at every level, with and without a period", async () => {
    for (const code of levels()) {
      for (const [from, to] of periods) {
        await compare(code, from, to);
      }
    }
    // The city's provider list was cut to the first ones.
    const city = await compare("4101", undefined, undefined);
    expect(city.providers_total).toBeGreaterThan(dashboardProviderLimit);
    expect(city.providers).toHaveLength(dashboardProviderLimit);
  }, 120_000);

  it("follow status changes, closures, reopening, ratings and re-routing", async () => {
    const db = t.database.db;
    // Accept pending referrals of one community (a multi-row update), then their needs.
    await db.execute(sql`UPDATE referrals SET status = 'accepted', accepted_at = created_at + interval '5 hours'
                         WHERE status = 'pending' AND area_code = ${communities[0]}`);
    await db.execute(sql`UPDATE needs SET status = 'accepted' WHERE status IN ('new', 'routed') AND area_code = ${communities[0]}`);
    // Done needs close with a rating, half confirmed by the resident.
    await db.execute(sql`UPDATE needs SET status = 'closed', closed_at = done_at, rating = 4,
                         confirmed_by = CASE WHEN random() < 0.5 THEN 'resident' ELSE 'callback' END,
                         callback_rating = CASE WHEN random() < 0.5 THEN 3 END WHERE status = 'done'`);
    // Some closed needs are reopened (the resident said not solved: done_at cleared, rating kept).
    await db.execute(sql`UPDATE needs SET status = 'reopened', done_at = NULL, closed_at = NULL, confirmed_by = NULL
                         WHERE id IN (SELECT id FROM needs WHERE status = 'closed' ORDER BY id LIMIT 25)`);
    // Re-routing: their pending referrals declined, a new one each, the need routed at another tier.
    await db.execute(sql`UPDATE referrals SET status = 'declined' WHERE status = 'pending' AND area_code = ${communities[1]}`);
    await db.execute(sql`INSERT INTO referrals (need_id, area_code, provider_kind, status, respond_by, resolve_by, accepted_at, created_at)
                         SELECT id, area_code, 'community_queue', 'accepted', now(), now(), created_at + interval '30 minutes', created_at
                         FROM needs WHERE status = 'reopened'`);
    await db.execute(sql`UPDATE needs SET status = 'routed', tier = 'professional' WHERE status = 'reopened'`);
    // A rating corrected, a need finished in no time, a referral withdrawn, and updates that change nothing counted.
    await db.execute(sql`UPDATE needs SET rating = 2 WHERE id = (SELECT id FROM needs WHERE status = 'closed' ORDER BY id LIMIT 1)`);
    await db.execute(
      sql`UPDATE needs SET status = 'done', done_at = created_at WHERE id = (SELECT id FROM needs WHERE status = 'in_service' ORDER BY id LIMIT 1)`,
    );
    await db.execute(sql`DELETE FROM referrals WHERE id = (SELECT id FROM referrals WHERE accepted_at IS NOT NULL ORDER BY id LIMIT 1)`);
    await db.execute(sql`UPDATE needs SET version = version + 1, description = description || '。'`);
    // Service records add minutes to their referrals (the service_minutes trigger updates referrals).
    await db.execute(sql`INSERT INTO service_records (area_code, referral_id, served_on, minutes, party_kind, party_name)
                         SELECT area_code, id, '2026-03-02', 45, 'community', '社区' FROM referrals WHERE status IN ('accepted', 'done')`);
    // Re-routing to another provider and a referral done whose need is closed later.
    await db.execute(sql`UPDATE referrals SET provider_kind = 'organization', provider_id = ${providers[1]}::uuid
                         WHERE id IN (SELECT id FROM referrals WHERE provider_id IS NULL ORDER BY id LIMIT 10)`);
    await db.execute(sql`UPDATE referrals SET status = 'done' WHERE status = 'accepted' AND area_code = ${communities[2]}`);
    await db.execute(sql`UPDATE needs SET status = 'closed', rating = 5, closed_at = now(), done_at = created_at + interval '2 days', confirmed_by = 'staff'
                         WHERE id IN (SELECT need_id FROM referrals WHERE status = 'done' AND area_code = ${communities[2]}) AND status <> 'closed'`);
    await addNeeds(60);
    for (const code of levels()) {
      for (const [from, to] of periods) {
        await compare(code, from, to);
      }
    }
    const [empty] = await queryRows<{ negative: number }>(
      db,
      sql`SELECT (SELECT count(*) FROM need_rollups WHERE needs < 0 OR rated < 0) + (SELECT count(*) FROM need_duration_rollups WHERE count < 0)
            + (SELECT count(*) FROM referral_rollups WHERE referrals < 0 OR rated < 0 OR minutes < 0) AS negative`,
    );
    expect(Number(empty?.negative)).toBe(0);
  }, 120_000);

  it("count overdue referrals due today live and earlier days from the roll-up, folded or not", async () => {
    const db = t.database.db;
    const compareAll = async () => {
      for (const code of levels()) {
        for (const [from, to] of [periods[0], periods[7]] as Array<[string | undefined, string | undefined]>) {
          await compare(code, from, to);
        }
      }
    };
    const pastRows = async () => {
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM referral_deadline_rollups WHERE day < ${"2026-03-21"}::date AND day > '-infinity'::date`,
      );
      return Number(row?.n);
    };
    // Open referrals due right around China midnight and around the clock (2026-03-20 10:00), pending
    // (respond_by) and accepted (resolve_by), for every community and provider.
    const midnight = Date.parse("2026-03-20T00:00:00+08:00");
    const deadlines = [
      midnight - 1,
      midnight,
      midnight + 1,
      clock.getTime() - 1,
      clock.getTime(),
      clock.getTime() + 60_000,
      midnight + 86_400_000 - 1,
    ];
    const needRows = await queryRows<{ id: string; area_code: string }>(db, sql`SELECT id, area_code FROM needs ORDER BY id LIMIT 28`);
    const rows = needRows.map((need, index) => {
      const due = new Date(deadlines[index % deadlines.length] as number).toISOString();
      const pending = index % 2 === 0;
      const provider = providers[index % providers.length];
      return sql`(${need.id}, ${need.area_code}, ${provider ? "organization" : "community_queue"}, ${provider}::uuid,
        ${pending ? "pending" : "accepted"}, ${pending ? due : "2026-03-01T00:00:00Z"}::timestamptz,
        ${pending ? "2026-04-30T00:00:00Z" : due}::timestamptz, ${pending ? null : "2026-03-02T00:00:00Z"}::timestamptz, '2026-03-01T00:00:00Z')`;
    });
    await db.execute(sql`INSERT INTO referrals (need_id, area_code, provider_kind, provider_id, status, respond_by, resolve_by, accepted_at, created_at)
                         VALUES ${sql.join(rows, sql`, `)}`);
    await compareAll();
    // Accept some pending ones due today (their deadline moves to resolve_by), decline, finish and
    // reassign others, and change a deadline.
    const today = sql`respond_by >= ${new Date(midnight).toISOString()}::timestamptz AND respond_by < ${new Date(midnight + 86_400_000).toISOString()}::timestamptz`;
    await db.execute(sql`UPDATE referrals SET status = 'accepted', accepted_at = ${clock.toISOString()}::timestamptz, resolve_by = respond_by + interval '1 hour'
                         WHERE status = 'pending' AND ${today} AND area_code = ${communities[0]}`);
    await db.execute(sql`UPDATE referrals SET status = 'declined' WHERE status = 'pending' AND ${today} AND area_code = ${communities[1]}`);
    await db.execute(sql`UPDATE referrals SET status = 'done'
                         WHERE id IN (SELECT id FROM referrals WHERE status = 'accepted' AND resolve_by < ${clock.toISOString()}::timestamptz ORDER BY id LIMIT 5)`);
    await db.execute(sql`UPDATE referrals SET provider_kind = 'organization', provider_id = ${providers[2]}::uuid
                         WHERE id IN (SELECT id FROM referrals WHERE status IN ('pending', 'accepted') AND provider_id IS NULL ORDER BY id LIMIT 12)`);
    await db.execute(sql`UPDATE referrals SET respond_by = respond_by + interval '1 day'
                         WHERE id IN (SELECT id FROM referrals WHERE status = 'pending' ORDER BY id LIMIT 6)`);
    await compareAll();
    // A day later, before any fold: yesterday's deadlines are read from the roll-up's day rows.
    clock = new Date("2026-03-21T01:00:00Z");
    expect(await pastRows()).toBeGreaterThan(0);
    await compareAll();
    // The escalation sweep folds them into one row per community and provider.
    await escalateOverdue(systemCtx(db, () => clock));
    expect(await pastRows()).toBe(0);
    await compareAll();
    // Changes to referrals whose deadline day was folded write rows for that day again; a second fold takes them.
    await db.execute(sql`UPDATE referrals SET status = 'accepted', accepted_at = ${clock.toISOString()}::timestamptz
                         WHERE id IN (SELECT id FROM referrals WHERE status = 'pending' AND respond_by < ${"2026-03-10"}::date ORDER BY id LIMIT 8)`);
    await db.execute(sql`UPDATE referrals SET status = 'cancelled'
                         WHERE id IN (SELECT id FROM referrals WHERE status = 'accepted' AND resolve_by < ${"2026-03-10"}::date ORDER BY id LIMIT 8)`);
    expect(await pastRows()).toBeGreaterThan(0);
    await compareAll();
    expect(await foldReferralDeadlines(systemCtx(db, () => clock))).toBeGreaterThan(0);
    expect(await pastRows()).toBe(0);
    await compareAll();
    const [negative] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM referral_deadline_rollups WHERE referrals < 0 OR (day = '-infinity'::date AND referrals = 0)`,
    );
    expect(Number(negative?.n)).toBe(0);
  }, 180_000);

  it("rebuilt by the migration's backfill, equal what the triggers kept", async () => {
    const db = t.database.db;
    const snapshot = async () => ({
      needs: await queryRows(
        db,
        sql`SELECT area_code, grain, day::text, category, status, tier, needs, rated, rating_sum, by_resident, by_staff FROM need_rollups
            WHERE needs <> 0 OR rated <> 0 OR rating_sum <> 0 OR by_resident <> 0 OR by_staff <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
      ),
      providers: await queryRows(
        db,
        sql`SELECT * FROM referral_rollups WHERE referrals <> 0 OR accepted <> 0 OR minutes <> 0 OR rated <> 0 OR rating_sum <> 0 ORDER BY 1, 2, 3, 4`,
      ),
      durations: await queryRows(
        db,
        sql`SELECT area_code, measure, grain, day::text, bucket, count FROM need_duration_rollups WHERE count <> 0 ORDER BY 1, 2, 3, 4, 5`,
      ),
      // Days before the clock's date as one, whether folded or not.
      deadlines: await queryRows(
        db,
        sql`SELECT area_code, provider_kind, provider_key, CASE WHEN day < ${"2026-03-21"}::date THEN '-infinity' ELSE day::text END AS day,
                   sum(referrals)::int AS referrals
            FROM referral_deadline_rollups GROUP BY 1, 2, 3, 4 HAVING sum(referrals) <> 0 ORDER BY 1, 2, 3, 4`,
      ),
    });
    const kept = await snapshot();
    expect(kept.needs.length).toBeGreaterThan(100);
    expect(kept.deadlines.length).toBeGreaterThan(10);
    const migration = readFileSync(new URL("../../../../../../db/migrations/0021_dashboard_rollups.sql", import.meta.url), "utf8");
    const backfill = migration
      .split("--> statement-breakpoint")
      .map((statement) => statement.replace(/^(\s*--.*\n)+/, "").trim())
      .filter((statement) => /^INSERT INTO (need|referral)_/.test(statement));
    expect(backfill).toHaveLength(4);
    const deadlines = readFileSync(new URL("../../../../../../db/migrations/0025_referral_deadline_rollups.sql", import.meta.url), "utf8")
      .split("--> statement-breakpoint")
      .map((statement) => statement.replace(/^(\s*--.*\n)+/, "").trim())
      .filter((statement) => statement.startsWith("INSERT INTO referral_deadline_rollups"));
    expect(deadlines).toHaveLength(1);
    backfill.push(...deadlines);
    await db.execute(sql`DELETE FROM need_rollups`);
    await db.execute(sql`DELETE FROM referral_rollups`);
    await db.execute(sql`DELETE FROM need_duration_rollups`);
    await db.execute(sql`DELETE FROM referral_deadline_rollups`);
    for (const statement of backfill) {
      await db.execute(sql.raw(statement));
    }
    expect(await snapshot()).toEqual(kept);
  });
});
