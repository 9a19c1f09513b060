import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { NeedDetail, NotificationPage, Referral } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { auditLog } from "../../../platform/audit/schema.js";
import { systemCtx } from "../../../platform/system.js";
import { buildUser } from "../../users/test/factories.js";
import { buildNeed, reportNeed } from "../test/factories.js";
import { escalateOverdue } from "./service.js";
import { buildApp } from "../../../app.js";

/**
 * Escalation of overdue referrals on an injected clock: nothing before the deadline, once per clock
 * after it, to the street's officials (the district's when the street has none), in the need's
 * history, the audit log and the officials' notifications.
 */

let clock = new Date("2026-03-02T02:00:00Z");
const advance = (hours: number) => {
  clock = new Date(clock.getTime() + hours * 3_600_000);
};
let t: TestApp;
type Client = ReturnType<typeof as>;
let resident: Client;
let staff: Client;
let staffElsewhere: Client;
let streetOfficial: Client;
let streetDeputy: Client;
let districtOfficial: Client;
const community = "410105007002";

async function client(grants: Parameters<typeof buildUser>[1]): Promise<Client> {
  const user = await buildUser(t.ctx, grants);
  return as(t.app, await signIn(t.app, user.login));
}

/** Sessions expire after 30 idle minutes of the injected clock: sign everyone in again after a jump. */
async function refreshSessions() {
  resident = await client([{ role: "resident", area_code: community }]);
  staff = await client([{ role: "community_staff", area_code: community }]);
}

const sweep = () => escalateOverdue(systemCtx(t.database.db, () => clock));

async function inbox(who: Client): Promise<NotificationPage> {
  const response = await who.get("/api/v1/notifications?limit=200");
  expect(response.statusCode).toBe(200);
  return response.json<NotificationPage>();
}

function openReferral(need: NeedDetail): Referral {
  const referral = need.referrals.find((r) => r.status === "pending" || r.status === "accepted");
  if (!referral) {
    throw new Error("no open referral");
  }
  return referral;
}

let need: NeedDetail;

beforeAll(async () => {
  t = await createTestApp({ SANSHE_SESSION_IDLE_MINUTES: "100000", SANSHE_SESSION_MAX_HOURS: "100000" }, { now: () => clock });
  await refreshSessions();
  staffElsewhere = await client([{ role: "community_staff", area_code: "410105001003" }]);
  streetOfficial = await client([{ role: "official", area_code: "410105007" }]);
  streetDeputy = await client([{ role: "official", area_code: "410105007" }]);
  districtOfficial = await client([{ role: "official", area_code: "410105" }]);
  // elderly_care: accept within 24 hours, complete within 7 days; no rule → the community queue.
  need = await reportNeed(resident, { category: "elderly_care", description: "独居老人需要助餐" });
});

afterAll(async () => {
  await t.close();
});

describe("escalation of overdue referrals", () => {
  it("escalates nothing before the deadline", async () => {
    advance(23);
    expect(await sweep()).toEqual({ escalated: 0, notifications: 0 });
    expect((await inbox(streetOfficial)).items).toHaveLength(0);
  });

  it("escalates a pending referral past respond_by once, to each street official, in history and audit", async () => {
    advance(2); // 25 hours: one hour late
    expect(await sweep()).toEqual({ escalated: 1, notifications: 2 });
    for (const official of [streetOfficial, streetDeputy]) {
      const page = await inbox(official);
      expect(page.unread_count).toBe(1);
      expect(page.items).toHaveLength(1);
      expect(page.items[0]).toMatchObject({ kind: "referral_escalated", link: `/needs/${need.id}`, area_code: community, read_at: null });
      expect(page.items[0]?.title).toContain("养老照护");
      expect(page.items[0]?.body).toContain("接单超时");
    }
    expect((await inbox(districtOfficial)).items).toHaveLength(0);
    const detail = (await staff.get(`/api/v1/needs/${need.id}`)).json<NeedDetail>();
    const escalated = detail.events.filter((e) => e.kind === "escalated");
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).toMatchObject({ status: "routed", actor_login: "system" });
    expect(escalated[0]?.reason).toContain("接单超时");
    expect(escalated[0]?.reason).toContain("1 小时");
    const referral = openReferral(detail);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "referrals.escalate"), eq(auditLog.entityId, referral.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toMatchObject({ need: need.id, clock: "respond", level: "street", recipients: 2, late_minutes: 60 });
  });

  it("does nothing new on a second sweep", async () => {
    advance(1);
    expect(await sweep()).toEqual({ escalated: 0, notifications: 0 });
    expect((await inbox(streetOfficial)).items).toHaveLength(1);
  });

  it("escalates the resolve clock separately once the referral is accepted and late", async () => {
    await refreshSessions();
    const referral = openReferral((await staff.get(`/api/v1/needs/${need.id}`)).json<NeedDetail>());
    expect((await staff.post(`/api/v1/referrals/${referral.id}/accept`)).statusCode).toBe(200);
    expect(await sweep()).toEqual({ escalated: 0, notifications: 0 });
    advance(24 * 7); // resolve_by was 7 days after routing
    const [first, second] = await Promise.all([sweep(), sweep()]);
    expect(first.escalated + second.escalated).toBe(1);
    expect(await sweep()).toEqual({ escalated: 0, notifications: 0 });
    const page = await inbox(streetOfficial);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]?.body).toContain("办结超时");
    await refreshSessions();
    const detail = (await staff.get(`/api/v1/needs/${need.id}`)).json<NeedDetail>();
    expect(detail.events.filter((e) => e.kind === "escalated").map((e) => e.reason?.slice(0, 4))).toEqual(["接单超时", "办结超时"]);
    const clocks = await t.database.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, "referrals.escalate"), eq(auditLog.entityId, referral.id)));
    expect(clocks.map((row) => row.detail["clock"]).sort()).toEqual(["resolve", "respond"]);
  });

  it("goes to the district's officials when the street has none", async () => {
    const other = await reportNeed(staffElsewhere, { category: "elderly_care", description: "老人行动不便", area_code: "410105001003" });
    advance(25);
    expect(await sweep()).toEqual({ escalated: 1, notifications: 1 });
    const district = await inbox(districtOfficial);
    expect(district.items.map((n) => n.link)).toEqual([`/needs/${other.id}`]);
    expect((await inbox(streetOfficial)).items).toHaveLength(2);
  });

  it("runs in the server on the configured interval only when asked, and stops on close", async () => {
    await buildNeed(t.ctx, { category: "health", description: "需要测血压", area_code: community });
    advance(25); // health: accept within 24 hours
    const before = (await inbox(streetOfficial)).items.length;
    const server = await buildApp({ config: t.config, database: t.database, logger: false, now: () => clock, escalationIntervalMs: 20 });
    await server.ready();
    let after = before;
    for (let attempt = 0; attempt < 100 && after === before; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = (await inbox(streetOfficial)).items.length;
    }
    await server.close();
    expect(after).toBe(before + 1);
    expect(await sweep()).toEqual({ escalated: 0, notifications: 0 });
  });
});
