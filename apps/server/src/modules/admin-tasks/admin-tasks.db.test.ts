import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { AdminTaskDetail, Occurrence, Refusal } from "@sanshe/contracts/admin-tasks";
import type { NotificationPage, Page } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { queryRows } from "../../platform/db/client.js";
import { buildUser } from "../users/test/factories.js";
import { escalateOverdueAdmissions } from "./escalation.js";
import { startDueTasks } from "./start.js";
import { buildDepartment } from "./test/factories.js";

/**
 * Admission (准入) end to end over HTTP on an injected clock: a department applies, the decision
 * deadline counts working days, the street returns it for funding, the department resubmits, the
 * street admits; the start job queues occurrences and credits each community once (费随事转); the
 * community logs time; the street takes it back and it leaves the queue; overdue applications are
 * escalated once; unfunded tasks need a recorded exception and show their debt; communities refuse
 * demands never admitted; and every role sees only its own part.
 */

let clock = new Date("2026-03-02T01:00:00Z"); // Monday 09:00 in Beijing
const logins: Record<string, string> = {};
/** Moves the clock to 09:00 of a day in Beijing and signs everyone in again (sessions expire). */
async function setDay(day: string): Promise<void> {
  clock = new Date(`${day}T01:00:00Z`);
  for (const [key, login] of Object.entries(logins)) {
    c[key] = as(t.app, await signIn(t.app, login));
  }
}
let t: TestApp;
type Client = ReturnType<typeof as>;
const fengle = "410105007002";
const qunying = "410105007003";
const tiyu = "410105001003"; // 经八路街道
const c: Record<string, Client> = {};
const ids: Record<string, string> = {};

async function user(key: string, grants: Parameters<typeof buildUser>[1]): Promise<void> {
  const created = await buildUser(t.ctx, grants);
  ids[key] = created.id;
  logins[key] = created.login;
  c[key] = as(t.app, await signIn(t.app, created.login));
}

async function inbox(who: Client): Promise<NotificationPage> {
  return (await who.get("/api/v1/notifications?limit=200")).json<NotificationPage>();
}

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await queryRows<Record<string, T>>(t.database.db, query);
  return Object.values(row ?? {})[0] as T;
}

const application = (overrides: Record<string, unknown> = {}) => ({
  title: "居民信息采集周报",
  legal_basis: "《社区工作事项准入管理办法》",
  kind: "report",
  target_communities: [fengle, qunying],
  frequency: "weekly",
  hours_per_occurrence: 2,
  funding_fen_per_community: 0,
  starts_on: "2026-03-09",
  ends_on: "2026-04-06",
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
  ids.d1 = await buildDepartment(t.ctx, "410105", "金水区测试民政局");
  ids.d2 = await buildDepartment(t.ctx, "410105", "金水区测试卫健委");
  await user("dept", [{ role: "department", area_code: "410105", organization_id: ids.d1 }]);
  await user("dept2", [{ role: "department", area_code: "410105", organization_id: ids.d2 }]);
  await user("street", [{ role: "official", area_code: "410105007" }]);
  await user("otherStreet", [{ role: "official", area_code: "410105001" }]);
  await user("district", [{ role: "official", area_code: "410105" }]);
  await user("city", [{ role: "official", area_code: "4101" }]);
  await user("staff", [{ role: "community_staff", area_code: fengle }]);
  await user("sibling", [{ role: "community_staff", area_code: qunying }]);
  await user("otherStaff", [{ role: "community_staff", area_code: tiyu }]);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("department accounts", () => {
  it("show their department's name on the membership, and a department role needs a department", async () => {
    const me = (await c.dept!.get("/api/v1/me")).json<{ memberships: Array<{ organization_name: string | null }> }>();
    expect(me.memberships[0]?.organization_name).toBe("金水区测试民政局");
    await expect(buildUser(t.ctx, [{ role: "department", area_code: "410105", organization_id: null }])).rejects.toThrow();
    // a department account's scope is its department's area
    await expect(buildUser(t.ctx, [{ role: "department", area_code: "410105007", organization_id: ids.d1! }])).rejects.toThrow();
  });

  it("lists departments of the area and above; districts register them", async () => {
    const seen = (await c.street!.get("/api/v1/departments?limit=100")).json<Page<{ name: string }>>();
    expect(seen.items.map((d) => d.name)).toContain("金水区测试民政局");
    const created = await c.district!.post("/api/v1/departments", { area_code: "410105", name: "金水区测试住建局" });
    expect(created.statusCode, created.body).toBe(201);
    expect(
      (await c.district!.post("/api/v1/departments", { area_code: "410105", name: "金水区测试住建局" })).json<{ code: string }>().code,
    ).toBe("DEPARTMENT_NAME_TAKEN");
    expect((await c.street!.post("/api/v1/departments", { area_code: "410105007", name: "x" })).statusCode).toBe(403);
    expect((await c.district!.post("/api/v1/departments", { area_code: "410103", name: "x" })).statusCode).toBe(404);
    const department = created.json<{ id: string; version: number }>();
    const renamed = await c.district!.patch(`/api/v1/departments/${department.id}`, { name: "金水区测试城管局", version: 1 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await c.district!.patch(`/api/v1/departments/${department.id}`, { active: false, version: 1 })).statusCode).toBe(409);
  });
});

describe("admission", () => {
  let task: AdminTaskDetail;

  it("a department applies; the decision is due ten working days later", async () => {
    const response = await c.dept!.post("/api/v1/admin-tasks", application(), { headers: { "idempotency-key": "apply-task-0001" } });
    expect(response.statusCode, response.body).toBe(201);
    task = response.json<AdminTaskDetail>();
    expect(task.status).toBe("submitted");
    expect(task.area_code).toBe("410105007");
    expect(task.decision_due_on).toBe("2026-03-16");
    expect(task.targets.map((target) => target.area_code)).toEqual([fengle, qunying]);
    expect(task.department_name).toBe("金水区测试民政局");
    // a retry with the same key answers the same task
    const again = await c.dept!.post("/api/v1/admin-tasks", application(), { headers: { "idempotency-key": "apply-task-0001" } });
    expect(again.json<AdminTaskDetail>().id).toBe(task.id);
    expect(Number(await one(sql`SELECT count(*) FROM admin_tasks WHERE title = '居民信息采集周报'`))).toBe(1);
    expect((await inbox(c.street!)).items.some((n) => n.kind === "admin_task_submitted")).toBe(true);
  });

  it("refuses targets outside the department's area, bad periods and a department not the caller's", async () => {
    const outside = await c.dept!.post("/api/v1/admin-tasks", application({ target_communities: ["410103001001"] }));
    expect(outside.statusCode).toBe(422);
    expect(outside.json<{ code: string }>().code).toBe("ADMIN_TASK_TARGET_INVALID");
    expect((await c.dept!.post("/api/v1/admin-tasks", application({ target_communities: ["410105007"] }))).statusCode).toBe(422);
    expect((await c.dept!.post("/api/v1/admin-tasks", application({ ends_on: "2026-03-01" }))).statusCode).toBe(400);
    const foreign = await c.dept!.post("/api/v1/admin-tasks", application({ department_id: ids.d2 }));
    expect(foreign.json<{ code: string }>().code).toBe("ADMIN_TASK_DEPARTMENT");
    expect((await c.street!.post("/api/v1/admin-tasks", application())).statusCode).toBe(403);
  });

  it("each role sees only its part", async () => {
    expect((await c.dept!.get(`/api/v1/admin-tasks/${task.id}`)).statusCode).toBe(200);
    expect((await c.dept2!.get(`/api/v1/admin-tasks/${task.id}`)).statusCode).toBe(404);
    expect((await c.dept2!.get("/api/v1/admin-tasks")).json<Page<unknown>>().items).toHaveLength(0);
    expect((await c.street!.get(`/api/v1/admin-tasks/${task.id}`)).statusCode).toBe(200);
    expect((await c.district!.get(`/api/v1/admin-tasks/${task.id}`)).statusCode).toBe(200);
    expect((await c.city!.get(`/api/v1/admin-tasks/${task.id}`)).statusCode).toBe(200);
    expect((await c.otherStreet!.get(`/api/v1/admin-tasks/${task.id}`)).statusCode).toBe(404);
    // community staff see admitted tasks only
    expect((await c.staff!.get(`/api/v1/admin-tasks/${task.id}`)).statusCode).toBe(404);
    const listed = (await c.street!.get("/api/v1/admin-tasks?status=submitted&area=410105007")).json<Page<{ id: string }>>();
    expect(listed.items.map((item) => item.id)).toContain(task.id);
    expect((await c.street!.get("/api/v1/admin-tasks?area=410103")).json<Page<unknown>>().items).toHaveLength(0);
  });

  it("only a reviewer of the task's area decides; the department never decides its own", async () => {
    const body = { decision: "return", reason: "请补充经费", version: task.version };
    expect((await c.dept!.post(`/api/v1/admin-tasks/${task.id}/decision`, body)).statusCode).toBe(403);
    expect((await c.city!.post(`/api/v1/admin-tasks/${task.id}/decision`, body)).statusCode).toBe(403);
    expect((await c.staff!.post(`/api/v1/admin-tasks/${task.id}/decision`, body)).statusCode).toBe(403);
    expect((await c.otherStreet!.post(`/api/v1/admin-tasks/${task.id}/decision`, body)).statusCode).toBe(404);
  });

  it("admitting an unfunded task needs the exception; a stale version is 409", async () => {
    const unfunded = await c.street!.post(`/api/v1/admin-tasks/${task.id}/decision`, {
      decision: "admit",
      reason: "同意",
      version: task.version,
    });
    expect(unfunded.statusCode).toBe(422);
    expect(unfunded.json<{ code: string }>().code).toBe("ADMIN_TASK_UNFUNDED");
    const stale = await c.street!.post(`/api/v1/admin-tasks/${task.id}/decision`, { decision: "return", reason: "x", version: 99 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string }>().code).toBe("VERSION_CONFLICT");
  });

  it("returned for funding, resubmitted with a new deadline, admitted; a second decision is 409", async () => {
    const returned = await c.street!.post(`/api/v1/admin-tasks/${task.id}/decision`, {
      decision: "return",
      reason: "请随事转费",
      version: task.version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    task = returned.json<AdminTaskDetail>();
    expect(task.status).toBe("returned");
    expect((await inbox(c.dept!)).items.some((n) => n.kind === "admin_task_decided")).toBe(true);
    expect(
      (await c.street!.post(`/api/v1/admin-tasks/${task.id}/decision`, { decision: "admit", reason: "x", version: task.version })).json<{
        code: string;
      }>().code,
    ).toBe("ADMIN_TASK_DECIDED");

    await setDay("2026-03-06"); // Friday
    const resubmitted = await c.dept!.post(`/api/v1/admin-tasks/${task.id}/resubmit`, {
      funding_fen_per_community: 100_000,
      version: task.version,
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    task = resubmitted.json<AdminTaskDetail>();
    expect(task.status).toBe("submitted");
    expect(task.decision_due_on).toBe("2026-03-20");
    expect((await c.dept2!.post(`/api/v1/admin-tasks/${task.id}/resubmit`, { version: task.version })).statusCode).toBe(404);

    const admitted = await c.street!.post(`/api/v1/admin-tasks/${task.id}/decision`, {
      decision: "admit",
      reason: "经费到位，同意准入",
      version: task.version,
    });
    expect(admitted.statusCode, admitted.body).toBe(200);
    task = admitted.json<AdminTaskDetail>();
    expect(task.status).toBe("admitted");
    expect(task.started_at).toBeNull(); // starts on the 9th
    expect(
      (await c.street!.post(`/api/v1/admin-tasks/${task.id}/decision`, { decision: "reject", reason: "x", version: task.version })).json<{
        code: string;
      }>().code,
    ).toBe("ADMIN_TASK_DECIDED");
    expect((await c.dept!.post(`/api/v1/admin-tasks/${task.id}/withdraw`, { version: task.version })).statusCode).toBe(409);
  });

  it("starts on its day: occurrences queued and each community credited once", async () => {
    await setDay("2026-03-09");
    expect((await startDueTasks(t.ctx)).started).toBe(1);
    expect((await startDueTasks(t.ctx)).started).toBe(0);
    const ledger = await queryRows<{ area_code: string; amount_fen: string }>(
      t.database.db,
      sql`SELECT area_code, amount_fen::text FROM funding_ledger WHERE admin_task_id = ${task.id} ORDER BY area_code`,
    );
    expect(ledger).toEqual([
      { area_code: fengle, amount_fen: "100000" },
      { area_code: qunying, amount_fen: "100000" },
    ]);
    const detail = (await c.staff!.get(`/api/v1/admin-tasks/${task.id}`)).json<AdminTaskDetail>();
    expect(detail.started_at).not.toBeNull();
    expect(detail.targets.every((target) => target.credited_fen === 100_000)).toBe(true);
    expect(detail.debt_fen).toBe(0);
    task = detail;
  });

  it("the community works its queue and logs time", async () => {
    const queue = (await c.staff!.get("/api/v1/community-queue")).json<Page<Occurrence>>();
    expect(queue.items.map((o) => o.due_on)).toEqual(["2026-03-16", "2026-03-23", "2026-03-30", "2026-04-06"]);
    expect(queue.items.every((o) => o.area_code === fengle)).toBe(true);
    const first = queue.items[0]!;
    expect((await c.otherStaff!.post(`/api/v1/community-queue/${first.id}/complete`, { hours: 1, version: 1 })).statusCode).toBe(404);
    expect((await c.street!.post(`/api/v1/community-queue/${first.id}/complete`, { hours: 1, version: 1 })).statusCode).toBe(403);
    expect((await c.staff!.post(`/api/v1/community-queue/${first.id}/complete`, { hours: 1, version: 9 })).statusCode).toBe(409);
    const done = await c.staff!.post(`/api/v1/community-queue/${first.id}/complete`, { hours: 1.5, version: first.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<Occurrence>().logged_hours).toBe(1.5);
    const twice = await c.staff!.post(`/api/v1/community-queue/${first.id}/complete`, { hours: 1, version: first.version + 1 });
    expect(twice.json<{ code: string }>().code).toBe("ADMIN_TASK_OCCURRENCE_STATE");
    // the street sees both communities' queues; another street none
    expect((await c.street!.get("/api/v1/community-queue?limit=100")).json<Page<Occurrence>>().items).toHaveLength(8);
    expect((await c.otherStreet!.get("/api/v1/community-queue")).json<Page<Occurrence>>().items).toHaveLength(0);
    expect((await c.dept!.get("/api/v1/community-queue?limit=100")).json<Page<Occurrence>>().items).toHaveLength(8);
    expect((await c.dept2!.get("/api/v1/community-queue")).json<Page<Occurrence>>().items).toHaveLength(0);
  });

  it("the street takes it back from 丰乐社区: its open occurrences leave the queue", async () => {
    await setDay("2026-03-20");
    const body = {
      communities: [fengle],
      assignee_kind: "street_office",
      assignee_name: "街道党政办",
      reason: "由街道统一办理",
      version: task.version,
    };
    expect((await c.staff!.post(`/api/v1/admin-tasks/${task.id}/take-back`, body)).statusCode).toBe(403);
    expect((await c.otherStreet!.post(`/api/v1/admin-tasks/${task.id}/take-back`, body)).statusCode).toBe(404);
    const taken = await c.street!.post(`/api/v1/admin-tasks/${task.id}/take-back`, body);
    expect(taken.statusCode, taken.body).toBe(200);
    task = taken.json<AdminTaskDetail>();
    expect(task.targets.find((target) => target.area_code === fengle)).toMatchObject({ status: "taken_back", assignee_name: "街道党政办" });
    expect(task.targets.find((target) => target.area_code === qunying)?.status).toBe("active");
    const queue = (await c.staff!.get("/api/v1/community-queue")).json<Page<Occurrence>>();
    // the done one stays; the open ones due from today are cancelled
    expect(queue.items.map((o) => [o.due_on, o.status])).toEqual([["2026-03-16", "done"]]);
    expect((await c.staff!.get("/api/v1/community-queue?status=cancelled")).json<Page<Occurrence>>().items).toHaveLength(3);
    expect((await c.sibling!.get("/api/v1/community-queue")).json<Page<Occurrence>>().items).toHaveLength(4);
    expect((await inbox(c.staff!)).items.some((n) => n.kind === "admin_task_taken_back")).toBe(true);
    const again = await c.street!.post(`/api/v1/admin-tasks/${task.id}/take-back`, { ...body, version: task.version });
    expect(again.json<{ code: string }>().code).toBe("ADMIN_TASK_NOTHING_TO_TAKE_BACK");
  });
});

describe("escalation", () => {
  it("escalates an overdue application once, to the reviewers and the district", async () => {
    await setDay("2026-04-01"); // Wednesday
    const applied = await c.dept!.post("/api/v1/admin-tasks", application({ title: "逾期未审事项", target_communities: [fengle] }));
    const task = applied.json<AdminTaskDetail>();
    expect(task.decision_due_on).toBe("2026-04-15");
    await setDay("2026-04-15");
    expect((await escalateOverdueAdmissions(t.ctx)).escalated).toBe(0);
    await setDay("2026-04-16");
    const result = await escalateOverdueAdmissions(t.ctx);
    expect(result.escalated).toBe(1);
    expect((await escalateOverdueAdmissions(t.ctx)).escalated).toBe(0);
    expect((await c.street!.get(`/api/v1/admin-tasks/${task.id}`)).json<AdminTaskDetail>().escalated_at).not.toBeNull();
    expect((await inbox(c.district!)).items.filter((n) => n.kind === "admin_task_escalated")).toHaveLength(1);
    expect((await inbox(c.street!)).items.filter((n) => n.kind === "admin_task_escalated")).toHaveLength(1);
    expect((await inbox(c.city!)).items.filter((n) => n.kind === "admin_task_escalated")).toHaveLength(0);
    expect(Number(await one(sql`SELECT count(*) FROM audit_log WHERE action = 'admin_tasks.escalate' AND entity_id = ${task.id}`))).toBe(1);
  });
});

describe("district-level tasks and the unfunded exception", () => {
  it("a task on two streets is the district's: the street reads but cannot decide; admitted unfunded it owes its cost", async () => {
    await setDay("2026-05-04");
    const applied = await c.dept!.post(
      "/api/v1/admin-tasks",
      application({
        title: "跨街道数据采集",
        kind: "data_collection",
        frequency: "monthly",
        target_communities: [fengle, tiyu],
        starts_on: "2026-05-04",
        ends_on: "2026-08-04",
        hours_per_occurrence: 3,
      }),
    );
    expect(applied.statusCode, applied.body).toBe(201);
    const task = applied.json<AdminTaskDetail>();
    expect(task.area_code).toBe("410105");
    expect((await c.street!.get(`/api/v1/admin-tasks/${task.id}`)).statusCode).toBe(200);
    expect(
      (
        await c.street!.post(`/api/v1/admin-tasks/${task.id}/decision`, {
          decision: "admit",
          reason: "x",
          unfunded_exception: "y",
          version: task.version,
        })
      ).statusCode,
    ).toBe(403);
    const admitted = await c.district!.post(`/api/v1/admin-tasks/${task.id}/decision`, {
      decision: "admit",
      reason: "区政府决定",
      unfunded_exception: "区常务会决定先行实施",
      version: task.version,
    });
    expect(admitted.statusCode, admitted.body).toBe(200);
    const detail = admitted.json<AdminTaskDetail>();
    // started at once (starts today): 3 monthly occurrences × 3 h × 5000 fen × 2 communities
    expect(detail.started_at).not.toBeNull();
    expect(detail.unfunded_exception).toBe("区常务会决定先行实施");
    expect(detail.debt_fen).toBe(3 * 3 * 5000 * 2);
    expect(Number(await one(sql`SELECT count(*) FROM funding_ledger WHERE admin_task_id = ${task.id}`))).toBe(0);
    // 经八路's official takes back its own community only
    const taken = await c.otherStreet!.post(`/api/v1/admin-tasks/${task.id}/take-back`, {
      assignee_kind: "social_worker_post",
      assignee_name: "经八路街道社工站",
      reason: "社工站承接",
      version: detail.version,
    });
    expect(taken.statusCode, taken.body).toBe(200);
    const after = taken.json<AdminTaskDetail>();
    expect(after.targets.map((target) => [target.area_code, target.status])).toEqual(
      [
        [tiyu, "taken_back"],
        [fengle, "active"],
      ].sort(),
    );
    expect(after.debt_fen).toBe(3 * 3 * 5000);
  });
});

describe("refusal of demands never admitted", () => {
  let submitted: AdminTaskDetail;

  it("a community sees non-admitted tasks on it and refuses one once", async () => {
    await setDay("2026-06-01");
    submitted = (
      await c.dept!.post("/api/v1/admin-tasks", application({ title: "未准入的摊派", target_communities: [fengle, qunying] }))
    ).json<AdminTaskDetail>();
    const unadmitted = (await c.staff!.get("/api/v1/community-queue/unadmitted")).json<Page<{ id: string }>>();
    expect(unadmitted.items.map((item) => item.id)).toContain(submitted.id);
    const refused = await c.staff!.post("/api/v1/community-queue/refusals", { task_id: submitted.id, note: "未经准入" });
    expect(refused.statusCode, refused.body).toBe(201);
    expect(refused.json<Refusal>()).toMatchObject({
      area_code: fengle,
      department_id: ids.d1,
      task_id: submitted.id,
      received_on: "2026-06-01",
    });
    const twice = await c.staff!.post("/api/v1/community-queue/refusals", { task_id: submitted.id, note: null });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ code: string }>().code).toBe("ADMIN_TASK_ALREADY_REFUSED");
    expect(
      (await c.staff!.get("/api/v1/community-queue/unadmitted")).json<Page<{ id: string }>>().items.map((item) => item.id),
    ).not.toContain(submitted.id);
    // the sibling community still can
    expect(
      (await c.sibling!.get("/api/v1/community-queue/unadmitted")).json<Page<{ id: string }>>().items.map((item) => item.id),
    ).toContain(submitted.id);
    expect((await inbox(c.street!)).items.some((n) => n.kind === "admin_task_refused")).toBe(true);
    // a community the task does not target: 404
    expect((await c.otherStaff!.post("/api/v1/community-queue/refusals", { task_id: submitted.id })).statusCode).toBe(404);
  });

  it("an admitted task cannot be refused", async () => {
    const admittedId = await one<string>(sql`SELECT id::text FROM admin_tasks WHERE title = '居民信息采集周报'`);
    const response = await c.sibling!.post("/api/v1/community-queue/refusals", { task_id: admittedId });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ code: string }>().code).toBe("ADMIN_TASK_NOT_REFUSABLE");
  });

  it("an off-system demand is refused against its department; refusals are listed by role", async () => {
    const response = await c.staff!.post(
      "/api/v1/community-queue/refusals",
      { department_id: ids.d2, title: "微信群下派的台账", kind: "inspection", received_on: "2026-05-28", note: null },
      { headers: { "idempotency-key": "refuse-offline-01" } },
    );
    expect(response.statusCode, response.body).toBe(201);
    const replay = await c.staff!.post(
      "/api/v1/community-queue/refusals",
      { department_id: ids.d2, title: "微信群下派的台账", kind: "inspection", received_on: "2026-05-28", note: null },
      { headers: { "idempotency-key": "refuse-offline-01" } },
    );
    expect(replay.json<Refusal>().id).toBe(response.json<Refusal>().id);
    expect((await c.staff!.get("/api/v1/community-queue/refusals")).json<Page<Refusal>>().items).toHaveLength(2);
    expect((await c.sibling!.get("/api/v1/community-queue/refusals")).json<Page<Refusal>>().items).toHaveLength(0);
    expect((await c.street!.get("/api/v1/community-queue/refusals")).json<Page<Refusal>>().items).toHaveLength(2);
    expect((await c.otherStreet!.get("/api/v1/community-queue/refusals")).json<Page<Refusal>>().items).toHaveLength(0);
    expect((await c.dept!.get("/api/v1/community-queue/refusals")).json<Page<Refusal>>().items.map((r) => r.department_id)).toEqual([
      ids.d1,
    ]);
    expect((await c.dept2!.get("/api/v1/community-queue/refusals")).json<Page<Refusal>>().items.map((r) => r.department_id)).toEqual([
      ids.d2,
    ]);
    // a department refuses nothing
    expect((await c.dept!.post("/api/v1/community-queue/refusals", { task_id: submitted.id })).statusCode).toBe(403);
  });

  it("the department withdraws what is still undecided", async () => {
    const current = (await c.dept!.get(`/api/v1/admin-tasks/${submitted.id}`)).json<AdminTaskDetail>();
    const withdrawn = await c.dept!.post(`/api/v1/admin-tasks/${submitted.id}/withdraw`, { version: current.version });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<AdminTaskDetail>().status).toBe("withdrawn");
    expect(
      (await c.sibling!.get("/api/v1/community-queue/unadmitted")).json<Page<{ id: string }>>().items.map((item) => item.id),
    ).not.toContain(submitted.id);
  });
});
