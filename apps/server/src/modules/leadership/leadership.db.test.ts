import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type {
  LeadershipGroup,
  LeadershipGroupPage,
  PlanDetail,
  PlanPage,
  PlanTarget,
  ProgressReportPage,
} from "@sanshe/contracts/leadership";
import type { NotificationPage } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { queryRows } from "../../platform/db/client.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { buildSocialWorker } from "../social-workers/test/factories.js";
import { buildStandardFacilities } from "../communities/test/factories.js";
import { buildOccurrence, buildTask } from "../admin-tasks/test/rows.js";
import { buildNeed } from "../needs/test/factories.js";
import { serviceRecords } from "../needs/test/tables.js";
import { cases, caseSessions } from "../cases/test/tables.js";
import { escalateOverdueTargets } from "./escalation.js";
import { buildLeadershipGroup, buildPlan, buildTarget } from "./test/factories.js";

/**
 * Leadership groups, responsibilities and plans over HTTP on an injected clock: scope for every role
 * (its area, the levels above and below; 404 elsewhere, 403 for a reader who may not write), versions,
 * the computed indicators against plain SQL, progress reports, overdue escalation once, bad input.
 */

let clock = new Date("2026-03-02T01:00:00Z");
let t: TestApp;
type Client = ReturnType<typeof as>;
const clients: Record<string, Client> = {};
const logins: Record<string, string> = {};
const userIds: Record<string, string> = {};
const departmentId = "6f1d2c3b-0000-4000-8000-00000000d001";

const district = "410105";
const street = "410105007";
const community = "410105007002";
const otherStreet = "410105001";
const otherDistrict = "410103";

async function one<T>(query: ReturnType<typeof sql>): Promise<T | undefined> {
  const [row] = await queryRows<Record<string, T>>(t.database.db, query);
  return row ? Object.values(row)[0] : undefined;
}

/** A service record of `minutes` in a community on a date (needs). */
async function service(areaCode: string, servedOn: string, minutes: number): Promise<void> {
  const { referralId } = await buildNeed(t.ctx, { area_code: areaCode });
  await t.ctx.db
    .insert(serviceRecords)
    .values({ areaCode, referralId, servedOn, minutes, partyKind: "community", partyName: "社区居委会" });
}

/** A case session of `minutes` in a community on a date (cases). */
async function session(areaCode: string, date: string, minutes: number): Promise<void> {
  const [row] = await t.ctx.db
    .insert(cases)
    .values({
      areaCode,
      residentId: randomUUID(),
      workerId: randomUUID(),
      presentingProblem: "测试",
      riskLevel: "low",
      openedOn: "2025-01-01",
    })
    .returning({ id: cases.id });
  await t.ctx.db.insert(caseSessions).values({ caseId: (row as { id: string }).id, date, minutes, kind: "office", notes: "测试" });
}

/** A target as its plan's page shows it. */
async function targetOf(who: Client, planId: string, targetId: string): Promise<PlanTarget | undefined> {
  const response = await who.get(`/api/v1/plans/${planId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PlanDetail>().targets.find((target) => target.id === targetId);
}

/**
 * The administrative share of an area over [from, to] in percent, computed independently in plain SQL
 * over the tables: occurrences not cancelled (logged minutes, else the task's estimate) against service
 * records and case sessions.
 */
async function shareBySql(area: string, from: string, to: string): Promise<{ admin: number; service: number; percent: number | null }> {
  const [row] = await queryRows<{ admin: number; service: number }>(
    t.database.db,
    sql`SELECT
      (SELECT coalesce(sum(coalesce(o.logged_minutes, t.hours_per_occurrence * 60)), 0)
         FROM admin_task_occurrences o JOIN admin_tasks t ON t.id = o.task_id
        WHERE o.area_code LIKE ${`${area}%`} AND o.due_on BETWEEN ${from}::date AND ${to}::date AND o.status <> 'cancelled')::float8 AS admin,
      ((SELECT coalesce(sum(minutes), 0) FROM service_records
         WHERE area_code LIKE ${`${area}%`} AND served_on BETWEEN ${from}::date AND ${to}::date)
       + (SELECT coalesce(sum(s.minutes), 0) FROM case_sessions s JOIN cases c ON c.id = s.case_id
         WHERE c.area_code LIKE ${`${area}%`} AND s.date BETWEEN ${from}::date AND ${to}::date))::float8 AS service`,
  );
  const admin = Number(row?.admin ?? 0);
  const service = Number(row?.service ?? 0);
  return { admin, service, percent: admin + service > 0 ? (admin * 100) / (admin + service) : null };
}

async function client(key: string, grants: Parameters<typeof buildUser>[1]): Promise<void> {
  const created = await buildUser(t.ctx, grants);
  userIds[key] = created.id;
  logins[key] = created.login;
  clients[key] = as(t.app, await signIn(t.app, created.login));
}

/** Signs everyone in again (sessions expire when the clock jumps). */
async function refreshSessions(): Promise<void> {
  for (const [key, login] of Object.entries(logins)) {
    clients[key] = as(t.app, await signIn(t.app, login));
  }
}

const groups: Record<string, string> = {};
const plans: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  await client("city", [{ role: "official", area_code: "4101" }]);
  await client("district", [{ role: "official", area_code: district }]);
  await client("street", [{ role: "official", area_code: street }]);
  await client("community", [{ role: "community_staff", area_code: community }]);
  await client("resident", [{ role: "resident", area_code: community }]);
  await client("evaluator", [{ role: "evaluator", area_code: "4101" }]);
  // A department's staff: the membership is written directly (the departments registry is another module's).
  const departmentUser = await buildUser(t.ctx, [{ role: "community_staff", area_code: community }]);
  await t.database.db.execute(
    sql`INSERT INTO departments (id, area_code, name) VALUES (${departmentId}, ${district}, '金水区大数据管理局')`,
  );
  await t.database.db.execute(
    sql`UPDATE memberships SET role = 'department', area_code = ${district}, organization_id = ${departmentId} WHERE user_id = ${departmentUser.id}`,
  );
  userIds.department = departmentUser.id;
  logins.department = departmentUser.login;
  clients.department = as(t.app, await signIn(t.app, departmentUser.login));

  for (const [key, area] of Object.entries({ district, street, otherStreet, otherDistrict, community: "" })) {
    if (area) {
      groups[key] = (await buildLeadershipGroup(t.ctx, area)).id;
      plans[key] = (await buildPlan(t.ctx, area, { year: 2025 })).id;
    }
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("scope", () => {
  // Who reads which group: their area, the levels above it and below it.
  const visible: Record<string, string[]> = {
    city: ["district", "street", "otherStreet", "otherDistrict"],
    district: ["district", "street", "otherStreet"],
    street: ["district", "street"],
    community: ["district", "street"],
    department: ["district", "street", "otherStreet"],
  };

  it("lists and reads exactly the groups and plans of the area, its ancestors and descendants, for every reading role", async () => {
    for (const [role, expected] of Object.entries(visible)) {
      const who = clients[role]!;
      const page = (await who.get("/api/v1/leadership-groups?limit=200")).json<LeadershipGroupPage>();
      expect(page.items.map((g) => g.id).sort(), role).toEqual(expected.map((key) => groups[key]).sort());
      const planPage = (await who.get("/api/v1/plans?limit=200")).json<PlanPage>();
      expect(planPage.items.map((p) => p.id).sort(), role).toEqual(expected.map((key) => plans[key]).sort());
      for (const key of Object.keys(groups)) {
        const status = expected.includes(key) ? 200 : 404;
        expect((await who.get(`/api/v1/leadership-groups/${groups[key]}`)).statusCode, `${role} group ${key}`).toBe(status);
        expect((await who.get(`/api/v1/plans/${plans[key]}`)).statusCode, `${role} plan ${key}`).toBe(status);
      }
    }
  });

  it("refuses roles without leadership.read", async () => {
    for (const role of ["resident", "evaluator"]) {
      expect((await clients[role]!.get("/api/v1/leadership-groups")).statusCode).toBe(403);
      expect((await clients[role]!.get(`/api/v1/plans/${plans.district}`)).statusCode).toBe(403);
    }
  });

  it("filters by area to that area and below, and answers an out-of-scope area with no rows", async () => {
    const own = (await clients.street!.get(`/api/v1/leadership-groups?area=${street}`)).json<LeadershipGroupPage>();
    expect(own.items.map((g) => g.id)).toEqual([groups.street]);
    const other = await clients.street!.get(`/api/v1/leadership-groups?area=${otherDistrict}`);
    expect(other.statusCode).toBe(200);
    expect(other.json<LeadershipGroupPage>().items).toEqual([]);
  });

  it("lets managers write only in their jurisdiction: 403 on a level above they read, 404 outside", async () => {
    const patch = (who: string, key: string) =>
      clients[who]!.patch(`/api/v1/leadership-groups/${groups[key]}`, { version: 1, leader_title: "组长" });
    expect((await patch("street", "district")).statusCode).toBe(403);
    expect((await patch("street", "otherStreet")).statusCode).toBe(404);
    expect((await patch("district", "otherDistrict")).statusCode).toBe(404);
    expect((await patch("community", "street")).statusCode).toBe(403);
    expect((await patch("department", "district")).statusCode).toBe(403);
    const ok = await patch("district", "street");
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<LeadershipGroup>().version).toBe(2);
    const create = (who: string, area: string) =>
      clients[who]!.post("/api/v1/leadership-groups", { area_code: area, name: `小组 ${who}`, leader_name: "组长" });
    expect((await create("street", district)).statusCode).toBe(404);
    expect((await create("district", otherDistrict)).statusCode).toBe(404);
    expect((await create("city", otherDistrict)).statusCode).toBe(201);
  });
});

describe("groups and responsibilities", () => {
  it("creates a group with members, edits it with versions (409 with the current copy) and keeps a responsibility list", async () => {
    const district = clients.district!;
    const body = {
      area_code: otherStreet,
      name: "  经八路街道社区减负工作领导小组 ",
      leader_name: "张三",
      in_charge_name: "李四",
      lead_department_name: "街道社会事务办",
      lead_department_id: departmentId,
      members: [
        { name: "张三", role: "leader" },
        { name: "阿依·古丽", title: "副主任", unit: "街道办", role: "deputy" },
      ],
    };
    const created = await district.post("/api/v1/leadership-groups", body, { headers: { "idempotency-key": "group-create-0001" } });
    expect(created.statusCode, created.body).toBe(201);
    const group = created.json<LeadershipGroup>();
    expect(group.name).toBe("经八路街道社区减负工作领导小组");
    expect(group.members.map((m) => [m.name, m.role])).toEqual([
      ["张三", "leader"],
      ["阿依·古丽", "deputy"],
    ]);
    const replay = await district.post("/api/v1/leadership-groups", body, { headers: { "idempotency-key": "group-create-0001" } });
    expect(replay.json<LeadershipGroup>().id).toBe(group.id);
    const duplicate = await district.post("/api/v1/leadership-groups", { area_code: otherStreet, name: group.name, leader_name: "王五" });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<{ code: string }>().code).toBe("LEADERSHIP_GROUP_EXISTS");

    const edited = await district.patch(`/api/v1/leadership-groups/${group.id}`, {
      version: 1,
      members: [{ name: "王五", role: "member" }],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<LeadershipGroup>().members.map((m) => m.name)).toEqual(["王五"]);
    const stale = await district.patch(`/api/v1/leadership-groups/${group.id}`, { version: 1, leader_name: "赵六" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string; current: LeadershipGroup }>()).toMatchObject({ code: "VERSION_CONFLICT", current: { version: 2 } });

    const duty = await district.post(`/api/v1/leadership-groups/${group.id}/responsibilities`, {
      department_name: "街道党政办",
      duty: "统一报表",
      catalog_item_id: "6f1d2c3b-0000-4000-8000-0000000000c1",
      deadline: "2026-09-30",
    });
    expect(duty.statusCode, duty.body).toBe(201);
    const dutyId = duty.json<{ id: string }>().id;
    expect((await district.patch(`/api/v1/leadership-responsibilities/${dutyId}`, { version: 1, duty: "统一报表和台账" })).statusCode).toBe(
      200,
    );
    expect((await district.patch(`/api/v1/leadership-responsibilities/${dutyId}`, { version: 1, duty: "x" })).statusCode).toBe(409);
    // The street of another jurisdiction neither reads nor removes it.
    expect((await clients.street!.get(`/api/v1/leadership-groups/${group.id}/responsibilities`)).statusCode).toBe(404);
    expect((await clients.street!.delete(`/api/v1/leadership-responsibilities/${dutyId}`)).statusCode).toBe(404);
    const list = await clients.department!.get(`/api/v1/leadership-groups/${group.id}/responsibilities`);
    expect(list.json<{ items: Array<{ duty: string; deadline: string }> }>().items).toMatchObject([
      { duty: "统一报表和台账", deadline: "2026-09-30" },
    ]);
    expect((await district.delete(`/api/v1/leadership-responsibilities/${dutyId}`)).statusCode).toBe(204);
    const audit = await one<number>(sql`SELECT count(*)::int FROM audit_log WHERE action LIKE 'leadership.%' AND entity_id = ${dutyId}`);
    expect(audit).toBe(3);
  });
});

describe("plans and computed progress", () => {
  let plan: PlanDetail;
  const targetIds: Record<string, string> = {};

  beforeAll(async () => {
    // Three communities of 经八路街道: population declared, two with all six facilities, three certified workers and one without a certificate.
    const communities = (
      await queryRows<{ code: string }>(
        t.database.db,
        sql`SELECT code FROM areas WHERE level = 'community' AND code LIKE ${`${otherStreet}%`} ORDER BY code LIMIT 3`,
      )
    ).map((row) => row.code);
    expect(communities).toHaveLength(3);
    for (const [index, code] of communities.entries()) {
      await t.database.db.execute(
        sql`INSERT INTO community_profiles (area_code, population) VALUES (${code}, ${[2500, 1800, 700][index]})`,
      );
    }
    await buildStandardFacilities(t.ctx, communities[0]!);
    await buildStandardFacilities(t.ctx, communities[1]!);
    await buildStandardFacilities(t.ctx, communities[2]!, ["culture_station"]);
    const org = await buildSocialOrg(t.ctx, district, { serviceAreas: [district] });
    await buildSocialWorker(t.ctx, { organizationId: org.id, areaCode: district, communities: [communities[0]!, communities[1]!] });
    await buildSocialWorker(t.ctx, { organizationId: org.id, areaCode: district, communities: [communities[1]!] });
    await buildSocialWorker(t.ctx, { organizationId: org.id, areaCode: district, communities: [communities[2]!] });
    await buildSocialWorker(t.ctx, { organizationId: org.id, areaCode: district, communities: [communities[2]!], certificateNo: null });
    await buildSocialWorker(t.ctx, { organizationId: org.id, areaCode: district, communities: [communities[0]!], status: "left" });
    // Administrative and service time in 经八路's communities. In 2026 up to today (2 March): 90 minutes
    // logged, a 120-minute estimate, a cancelled occurrence; outside: an occurrence of 2025 (the 2025
    // plan's), one due after today, and one in 南阳新村. Services: a record and a case session, and a
    // record after today.
    const task = await buildTask(t.ctx, {
      departmentId,
      kind: "report",
      hours: 2,
      fundingFen: 0,
      startsOn: "2025-12-01",
      endsOn: "2026-12-31",
      targets: [...communities.map((areaCode) => ({ areaCode })), { areaCode: community }],
    });
    await buildOccurrence(t.ctx, task, communities[0]!, "2026-01-31", { loggedMinutes: 90 });
    await buildOccurrence(t.ctx, task, communities[1]!, "2026-02-28");
    await buildOccurrence(t.ctx, task, communities[2]!, "2026-02-15", { status: "cancelled" });
    await buildOccurrence(t.ctx, task, communities[0]!, "2025-12-31", { loggedMinutes: 500 });
    await buildOccurrence(t.ctx, task, communities[1]!, "2026-03-31");
    await buildOccurrence(t.ctx, task, community, "2026-01-31", { loggedMinutes: 400 });
    await service(communities[0]!, "2026-01-10", 60);
    await session(communities[1]!, "2026-02-20", 30);
    await service(communities[2]!, "2026-04-02", 999);

    const created = await clients.district!.post(
      "/api/v1/plans",
      { area_code: otherStreet, year: 2026, title: "经八路街道2026年社区减负实施方案" },
      { headers: { "idempotency-key": "plan-create-0001" } },
    );
    expect(created.statusCode, created.body).toBe(201);
    plan = created.json<PlanDetail>();
    const targets = {
      share: {
        title: "行政事务占比低于30%",
        indicator: "administrative_share_max",
        target_value: 30,
        owner_name: "区民政局",
        due_on: "2026-12-31",
      },
      workers: {
        title: "每千人持证社工2名",
        indicator: "social_workers_per_1000",
        target_value: 2,
        owner_name: "区民政局",
        due_on: "2026-12-31",
      },
      facilities: {
        title: "三室两栏一站达标90%",
        indicator: "standard_facilities_rate",
        target_value: 90,
        owner_name: "区住建局",
        due_on: "2026-03-10",
      },
      manual: {
        title: "统一报表",
        indicator: "manual",
        target_value: 10,
        owner_name: "区大数据局",
        owner_department_id: departmentId,
        due_on: "2026-03-10",
      },
      done: { title: "已达标", indicator: "manual", target_value: 1, owner_name: "区司法局", due_on: "2026-03-10" },
    };
    for (const [key, body] of Object.entries(targets)) {
      const response = await clients.district!.post(`/api/v1/plans/${plan.id}/targets`, body);
      expect(response.statusCode, response.body).toBe(201);
      targetIds[key] = response.json<PlanTarget>().id;
    }
  });

  it("computes social workers per 1,000 residents and 三室两栏一站 compliance as plain SQL does", async () => {
    const detail = (await clients.street!.get(`/api/v1/plans/${plan.id}`)).json<PlanDetail>();
    // A street official of 南阳新村 does not read 经八路's plan: use the district's view.
    expect(detail).toMatchObject({ code: "NOT_FOUND" });
    const view = (await clients.district!.get(`/api/v1/plans/${plan.id}`)).json<PlanDetail>();
    const byId = new Map(view.targets.map((target) => [target.id, target]));
    const perThousand = await one<number>(sql`
      SELECT (SELECT count(DISTINCT w.id) FROM social_worker_communities sc JOIN social_workers w ON w.id = sc.worker_id
              WHERE sc.area_code LIKE ${`${otherStreet}%`} AND w.status = 'active' AND w.certificate_no IS NOT NULL) * 1000.0
           / (SELECT sum(population) FROM community_profiles WHERE area_code LIKE ${`${otherStreet}%`})`);
    const compliance = await one<number>(sql`
      SELECT 100.0 * count(*) FILTER (WHERE n = 6) / count(*) FROM (
        SELECT a.code, count(DISTINCT f.type) FILTER (WHERE f.type IN ('activity_room','reading_room','meeting_room','notice_board','newspaper_board','culture_station')) AS n
        FROM areas a LEFT JOIN facilities f ON f.area_code = a.code
        WHERE a.level = 'community' AND a.code LIKE ${`${otherStreet}%`} GROUP BY a.code) AS c`);
    const workers = byId.get(targetIds.workers!)!;
    expect(workers.computed_value).toBeCloseTo(Number(perThousand), 3);
    expect(workers).toMatchObject({ source: "computed", unit: "per_1000", current_value: workers.computed_value, status: "on_track" });
    const facilities = byId.get(targetIds.facilities!)!;
    expect(facilities.computed_value).toBeCloseTo(Number(compliance), 3);
    expect(facilities.computed_value).toBeLessThan(90);
  });

  it("computes the administrative share over the plan's year up to today, in percent, as plain SQL does", async () => {
    const view = (await clients.district!.get(`/api/v1/plans/${plan.id}`)).json<PlanDetail>();
    const share = view.targets.find((target) => target.id === targetIds.share)!;
    const expected = await shareBySql(otherStreet, "2026-01-01", "2026-03-02");
    expect(expected).toMatchObject({ admin: 210, service: 90 });
    expect(share.computed_value).toBeCloseTo(expected.percent!, 3);
    expect(share).toMatchObject({
      unit: "percent",
      comparison: "at_most",
      source: "computed",
      current_value: share.computed_value,
      status: "on_track",
      can_report: false,
    });
    expect(share.progress).toBeCloseTo(30 / expected.percent!, 3);
    // A single target's answer (PATCH) computes it over the same year.
    const edited = await clients.district!.patch(`/api/v1/plan-targets/${targetIds.share}`, { version: share.version, title: share.title });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<PlanTarget>().computed_value).toBe(share.computed_value);
    // The 2025 plan of the same street: the whole of 2025 (its one occurrence, no services).
    const lastYear = await buildTarget(
      t.ctx,
      { id: plans.otherStreet!, areaCode: otherStreet },
      {
        indicator: "administrative_share_max",
        comparison: "at_most",
        targetValue: 30,
      },
    );
    const previous = await targetOf(clients.district!, plans.otherStreet!, lastYear.id);
    expect(previous?.computed_value).toBeCloseTo((await shareBySql(otherStreet, "2025-01-01", "2025-12-31")).percent!, 3);
    expect(previous?.computed_value).toBe(100);
    // An area without administrative or service hours, and a plan whose year has not begun: no value, not 0 %.
    const empty = await buildTarget(
      t.ctx,
      { id: plans.otherDistrict!, areaCode: otherDistrict },
      {
        indicator: "administrative_share_max",
        comparison: "at_most",
        targetValue: 30,
      },
    );
    expect(await targetOf(clients.city!, plans.otherDistrict!, empty.id)).toMatchObject({
      computed_value: null,
      current_value: null,
      source: "none",
    });
    const nextYear = await buildPlan(t.ctx, otherStreet, { year: 2027, status: "draft" });
    const future = await buildTarget(t.ctx, nextYear, { indicator: "administrative_share_max", comparison: "at_most", targetValue: 30 });
    expect(await targetOf(clients.district!, nextYear.id, future.id)).toMatchObject({
      computed_value: null,
      source: "none",
    });
  });

  it("takes reports from owners and managers, keeps the history, refuses computed targets and others", async () => {
    const report = await clients.department!.post(`/api/v1/plan-targets/${targetIds.manual}/progress`, { value: 4, note: "4个街道上线" });
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json<PlanTarget>()).toMatchObject({ reported_value: 4, current_value: 4, source: "reported", progress: 0.4 });
    clock = new Date(clock.getTime() + 60_000);
    await clients.district!.post(`/api/v1/plan-targets/${targetIds.manual}/progress`, { value: 6, note: null });
    const history = (await clients.district!.get(`/api/v1/plan-targets/${targetIds.manual}/progress`)).json<ProgressReportPage>();
    expect(history.items.map((item) => item.value)).toEqual([6, 4]);
    for (const key of ["workers", "share"]) {
      const computed = await clients.district!.post(`/api/v1/plan-targets/${targetIds[key]}/progress`, { value: 25 });
      expect(computed.statusCode, key).toBe(409);
      expect(computed.json<{ code: string }>().code, key).toBe("PLAN_TARGET_COMPUTED");
    }
    const reports = await one<number>(
      sql`SELECT count(*)::int FROM leadership_progress_reports WHERE target_id IN (${targetIds.workers}::uuid, ${targetIds.share}::uuid)`,
    );
    expect(reports).toBe(0);
    // The department owns the manual target only; another reader of the district is no owner.
    const notOwner = await clients.department!.post(`/api/v1/plan-targets/${targetIds.done}/progress`, { value: 1 });
    expect(notOwner.statusCode).toBe(403);
    expect(notOwner.json<{ code: string }>().code).toBe("PLAN_TARGET_NOT_OWNER");
    await clients.district!.post(`/api/v1/plan-targets/${targetIds.done}/progress`, { value: 1 });
  });

  it("edits plans and targets with versions", async () => {
    const stale = await clients.district!.patch(`/api/v1/plans/${plan.id}`, { version: 9, title: "x" });
    expect(stale.statusCode).toBe(409);
    const published = await clients.district!.patch(`/api/v1/plans/${plan.id}`, { version: plan.version, status: "published" });
    expect(published.json<PlanDetail>()).toMatchObject({ status: "published", version: plan.version + 1, targets_count: 5 });
    const target = await clients.district!.patch(`/api/v1/plan-targets/${targetIds.workers}`, { version: 1, target_value: 1 });
    expect(target.json<PlanTarget>()).toMatchObject({ target_value: 1, version: 2 });
    expect((await clients.district!.patch(`/api/v1/plan-targets/${targetIds.workers}`, { version: 1, target_value: 3 })).statusCode).toBe(
      409,
    );
    const duplicate = await clients.district!.post("/api/v1/plans", { area_code: otherStreet, year: 2026, title: "重复" });
    expect(duplicate.json<{ code: string }>().code).toBe("PLAN_EXISTS");
  });

  it("escalates overdue targets once to the plan's officials and the level above, not achieved ones", async () => {
    let view = (await clients.district!.get(`/api/v1/plans/${plan.id}`)).json<PlanDetail>();
    expect(view.targets.find((x) => x.id === targetIds.manual)?.status).toBe("on_track");
    clock = new Date("2026-03-11T01:00:00Z");
    await refreshSessions();
    view = (await clients.district!.get(`/api/v1/plans/${plan.id}`)).json<PlanDetail>();
    const status = (key: string) => view.targets.find((x) => x.id === targetIds[key])?.status;
    expect([status("manual"), status("facilities"), status("done")]).toEqual(["overdue", "overdue", "achieved"]);
    // A street official of 经八路 and the district official are told; the city is two levels above the street.
    await client("otherStreet", [{ role: "official", area_code: otherStreet }]);
    const first = await escalateOverdueTargets(t.ctx);
    expect(first.escalated).toBe(2);
    expect((await escalateOverdueTargets(t.ctx)).escalated).toBe(0);
    const inbox = async (who: string) =>
      (await clients[who]!.get("/api/v1/notifications?limit=200"))
        .json<NotificationPage>()
        .items.filter((n) => n.kind === "plan_target_escalated").length;
    expect(await inbox("otherStreet")).toBe(2);
    expect(await inbox("district")).toBe(2);
    expect(await inbox("city")).toBe(0);
    expect(await inbox("street")).toBe(0);
    view = (await clients.district!.get(`/api/v1/plans/${plan.id}`)).json<PlanDetail>();
    expect(view.targets.find((x) => x.id === targetIds.manual)?.escalated_at).toBe(clock.toISOString());
    expect(view.targets.find((x) => x.id === targetIds.done)?.escalated_at).toBeNull();
    // Draft plans do not escalate.
    const draft = await buildPlan(t.ctx, otherStreet, { year: 2024, status: "draft" });
    await buildTarget(t.ctx, draft, { dueOn: "2024-01-01" });
    expect((await escalateOverdueTargets(t.ctx)).escalated).toBe(0);
  });
});

describe("bad input", () => {
  it("answers 400 for malformed bodies and writes nothing", async () => {
    const before = await one<number>(sql`SELECT count(*)::int FROM leadership_groups`);
    const district = clients.district!;
    const bad: unknown[] = [
      { area_code: community, name: "社区级", leader_name: "x" },
      { area_code: street, name: "名称\u0000", leader_name: "x" },
      { area_code: street, name: "ok", leader_name: "x", __proto__: { role: "admin" }, status: "x" },
      { area_code: street, name: "", leader_name: "x" },
      { area_code: street, name: "x".repeat(121), leader_name: "x" },
      { area_code: street, name: "ok", leader_name: "x", members: [{ name: "a", role: "boss" }] },
      { area_code: "41010", name: "ok", leader_name: "x" },
    ];
    for (const body of bad) {
      const response = await district.post("/api/v1/leadership-groups", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(
      (await district.post("/api/v1/leadership-groups", { area_code: "410199999", name: "无此区划", leader_name: "x" })).statusCode,
    ).toBe(404);
    expect(await one<number>(sql`SELECT count(*)::int FROM leadership_groups`)).toBe(before);
    const plan = plans.district!;
    for (const body of [
      { title: "x", indicator: "manual", target_value: -1, owner_name: "x", due_on: "2026-12-31" },
      { title: "x", indicator: "manual", target_value: "1,000", owner_name: "x", due_on: "2026-12-31" },
      { title: "x", indicator: "manual", target_value: "1e309", owner_name: "x", due_on: "2026-12-31" },
      { title: "x", indicator: "manual", target_value: 1, owner_name: "x", due_on: "2023-02-29" },
      { title: "x", indicator: "headcount", target_value: 1, owner_name: "x", due_on: "2026-12-31" },
      { title: "x", indicator: "manual", target_value: 1, comparison: "equal", owner_name: "x", due_on: "2026-12-31" },
    ]) {
      const response = await district.post(`/api/v1/plans/${plan}/targets`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await district.post("/api/v1/plans", { area_code: district, year: 1999, title: "x" })).statusCode).toBe(400);
    expect((await district.get("/api/v1/plans?year=abc")).statusCode).toBe(400);
    expect((await district.get("/api/v1/plans?cursor=%27%3B--")).statusCode).toBe(200);
    expect((await district.get("/api/v1/plans/not-a-uuid")).statusCode).toBe(400);
  });
});
