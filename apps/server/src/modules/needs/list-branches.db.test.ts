import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq, sql, type SQL } from "drizzle-orm";
import type { Need, Referral } from "@sanshe/contracts";
import { as, createTestApp, signIn, testPassword, type TestApp } from "../../../test/test-app.js";
import { seedDemo } from "../../platform/seed.js";
import { loadActor } from "../../platform/auth/actor.js";
import { users } from "../../platform/auth/index.js";
import { modules } from "../registry.js";
import { needVisible } from "./queries.js";
import { referralHandled } from "./referrals/queries.js";
import { needs, referrals } from "./schema.js";
import { inScope } from "../../platform/scope/index.js";

/**
 * The needs and referral lists merge one newest-first branch per scope prefix, own report and
 * provider (platform/scope newestFirstIds). Walked page by page with a small page size, every demo
 * role's list must give exactly the rows, in exactly the order, of one plain query with the branches
 * OR-ed (the form the lists had before), with filters and across cursors, in two statements a page.
 */

let t: TestApp;
const logins = ["demo-city", "demo-district", "demo-street", "demo-community", "demo-org", "demo-worker", "demo-resident"] as const;
const cookies = new Map<string, string>();

type PageOf<T> = { items: T[]; next_cursor: string | null };

async function walk<T extends { id: string }>(login: string, path: string): Promise<{ ids: string[]; pages: number; queries: number }> {
  const client = as(t.app, cookies.get(login) as string);
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  const before = t.database.stats.queries;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const response = await client.get(`${path}${separator}limit=7${cursor ? `&cursor=${cursor}` : ""}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<PageOf<T>>();
    ids.push(...page.items.map((item) => item.id));
    cursor = page.next_cursor;
    pages += 1;
  } while (cursor && pages < 200);
  return { ids, pages, queries: t.database.stats.queries - before };
}

async function actorCtxOf(login: string) {
  const [user] = await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.login, login));
  const actor = await loadActor(t.ctx.db, user?.id as string);
  expect(actor).not.toBeNull();
  return { ...t.ctx, actor: actor as NonNullable<typeof actor> };
}

async function plainNeeds(login: string, extra?: SQL): Promise<string[]> {
  const ctx = await actorCtxOf(login);
  const rows = await t.ctx.db
    .select({ id: needs.id })
    .from(needs)
    .where(extra ? sql`${needVisible(ctx)} AND ${extra}` : needVisible(ctx))
    .orderBy(desc(needs.createdAt), desc(needs.id));
  return rows.map((row) => row.id);
}

async function plainReferrals(login: string, inbox: boolean): Promise<string[]> {
  const ctx = await actorCtxOf(login);
  const visible = inbox
    ? referralHandled(ctx)
    : sql`(${referralHandled(ctx)} OR ${inScope(referrals.areaCode, ctx.actor.scope("needs.read"))})`;
  const rows = await t.ctx.db
    .select({ id: referrals.id })
    .from(referrals)
    .where(visible)
    .orderBy(desc(referrals.createdAt), desc(referrals.id));
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx, modules, { demoPassword: testPassword, minFreeBytes: 0, log: () => undefined });
  for (const login of logins) {
    cookies.set(login, await signIn(t.app, login));
  }
  // Needs the reporter sees as their own, and one a resident reports in their own name.
  const community = as(t.app, cookies.get("demo-community") as string);
  for (const description of ["楼道灯坏了", "垃圾清运不及时", "独居老人需要探访"]) {
    const response = await community.post("/api/v1/needs", { category: "sanitation", description, area_code: "410105007002" });
    expect(response.statusCode, response.body).toBe(201);
  }
  const resident = await as(t.app, cookies.get("demo-resident") as string).post("/api/v1/needs", {
    category: "elderly_care",
    description: "希望上门助餐",
  });
  expect(resident.statusCode, resident.body).toBe(201);
});

afterAll(async () => {
  await t.close();
});

describe("newest-first lists merged from branches", () => {
  it.each(logins)("%s: needs, page by page, equal the plain query", async (login) => {
    const expected = await plainNeeds(login);
    const walked = await walk<Need>(login, "/api/v1/needs");
    expect(walked.ids).toEqual(expected);
    // Session, page and its capped total per request, whatever the number of branches.
    expect(walked.queries).toBeLessThanOrEqual(3 * walked.pages);
  });

  it.each(["demo-street", "demo-community", "demo-org"])("%s: needs filtered by status and area equal the plain query", async (login) => {
    expect((await walk<Need>(login, "/api/v1/needs?status=closed")).ids).toEqual(await plainNeeds(login, eq(needs.status, "closed")));
    expect((await walk<Need>(login, "/api/v1/needs?area=410105007")).ids).toEqual(
      await plainNeeds(login, inScope(needs.areaCode, ["410105007"])),
    );
  });

  it.each(logins.filter((login) => login !== "demo-resident"))(
    "%s: referrals and the inbox, page by page, equal the plain query",
    async (login) => {
      const inbox = await walk<Referral>(login, "/api/v1/referrals?inbox=1");
      expect(inbox.ids).toEqual(await plainReferrals(login, true));
      const all = await walk<Referral>(login, "/api/v1/referrals");
      expect(all.ids).toEqual(await plainReferrals(login, false));
      // Session, page and unread count, then one batch each for provider names and cases: a constant.
      expect(all.queries).toBeLessThanOrEqual(8 * all.pages);
    },
  );

  it("the unread count is the inbox's pending referrals not yet opened", async () => {
    const ctx = await actorCtxOf("demo-worker");
    const [row] = await t.ctx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(referrals)
      .where(sql`${referralHandled(ctx)} AND ${referrals.status} = 'pending' AND ${referrals.readAt} IS NULL`);
    const response = await as(t.app, cookies.get("demo-worker") as string).get("/api/v1/referrals?inbox=1&limit=1");
    expect(response.json<{ unread: number }>().unread).toBe(row?.count);
    expect(row?.count).toBeGreaterThan(0);
  });
});
