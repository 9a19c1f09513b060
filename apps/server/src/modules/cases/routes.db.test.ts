import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Case, CasePage, CaseStatus } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { auditLog } from "../../platform/audit/schema.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { buildSocialWorker } from "../social-workers/test/factories.js";
import { socialWorkers } from "../social-workers/test/tables.js";
import { buildResident } from "../residents/test/factories.js";
import { seedCases } from "./seed.js";
import { advanceCase, caseIntake as intake, openCase as openCaseAs } from "./test/factories.js";

/**
 * Casework over HTTP: the confidentiality matrix (owner, supervisor, community staff in charge read;
 * everyone else 404), audited reads, the stage machine, closing rules, versions and validation.
 * The clock is fixed at 2026-03-10 10:00 in Shanghai.
 */

const now = new Date("2026-03-10T02:00:00Z");
const communityA = "410105007002";
const communityB = "410105007003";
let t: TestApp;
type Client = ReturnType<typeof as>;
const clients: Record<string, Client> = {};
let residentA: string;
let residentB: string;
let caseId: string;
let orgId: string;

async function client(grants: Parameters<typeof buildUser>[1]): Promise<{ client: Client; id: string }> {
  const user = await buildUser(t.ctx, grants);
  return { client: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

function expectProblem(response: { statusCode: number; json: () => { code: string } }, status: number, code: string) {
  expect({ status: response.statusCode, code: response.json().code }).toEqual({ status, code });
}

async function linkWorker(workerId: string, userId: string, supervisorId: string | null = null) {
  await t.ctx.db.update(socialWorkers).set({ userId, supervisorId }).where(eq(socialWorkers.id, workerId));
}

async function readAudits(id: string): Promise<number> {
  const [row] = await t.ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, "cases.read"), eq(auditLog.entityId, id)));
  return row?.n ?? 0;
}

const openCase = (who = "owner", residentId = residentA): Promise<Case> => openCaseAs(clients[who]!, residentId);

/** Moves an owned case forward with PATCH status steps; returns the final copy. */
const advance = (current: Case, ...steps: string[]): Promise<Case> => advanceCase(clients.owner!, current, ...(steps as CaseStatus[]));

beforeAll(async () => {
  t = await createTestApp({}, { now: () => now });
  const org = await buildSocialOrg(t.ctx, "410105");
  orgId = org.id;
  const worker = (area: string) => [{ role: "social_worker" as const, area_code: area, organization_id: org.id }];
  const owner = await client(worker(communityA));
  const supervisor = await client(worker(communityA));
  const otherWorker = await client(worker(communityA));
  const supervisorRecord = await buildSocialWorker(t.ctx, { organizationId: org.id, areaCode: communityA, level: "senior" });
  const ownerRecord = await buildSocialWorker(t.ctx, { organizationId: org.id, areaCode: communityA });
  const otherRecord = await buildSocialWorker(t.ctx, { organizationId: org.id, areaCode: communityA });
  await linkWorker(supervisorRecord.id, supervisor.id);
  await linkWorker(ownerRecord.id, owner.id, supervisorRecord.id);
  await linkWorker(otherRecord.id, otherWorker.id);
  clients.owner = owner.client;
  clients.supervisor = supervisor.client;
  clients.otherWorker = otherWorker.client;
  clients.unlinkedWorker = (await client(worker(communityA))).client;
  clients.staffA = (await client([{ role: "community_staff", area_code: communityA }])).client;
  clients.staffB = (await client([{ role: "community_staff", area_code: communityB }])).client;
  clients.street = (await client([{ role: "official", area_code: "410105007" }])).client;
  clients.district = (await client([{ role: "official", area_code: "410105" }])).client;
  clients.orgStaff = (await client([{ role: "org_staff", area_code: "410105", organization_id: org.id }])).client;
  clients.resident = (await client([{ role: "resident", area_code: communityA }])).client;
  residentA = (await buildResident(t.ctx, { area_code: communityA, name: "张秀英" })).id;
  residentB = (await buildResident(t.ctx, { area_code: communityB, name: "李建国" })).id;
  caseId = (await openCase()).id;
});

afterAll(async () => {
  await t.close();
});

describe("confidentiality", () => {
  it.each([
    ["owner", 200],
    ["supervisor", 200],
    ["staffA", 200],
    ["otherWorker", 404],
    ["unlinkedWorker", 404],
    ["staffB", 404],
    ["street", 404],
    ["district", 404],
    ["orgStaff", 404],
    ["resident", 404],
  ])("%s reading a case gets %i, and only readers find it in the list", async (who, status) => {
    const response = await clients[who]!.get(`/api/v1/cases/${caseId}`);
    expect(response.statusCode).toBe(status);
    if (status !== 200) {
      expect(response.json().code).toBe("NOT_FOUND");
      return;
    }
    expect(response.json().id).toBe(caseId);
    const list = await clients[who]!.get("/api/v1/cases?limit=200");
    expect(list.json<CasePage>().items.map((item) => item.id)).toContain(caseId);
  });

  it("refuses the list to roles without cases.read", async () => {
    for (const who of ["street", "district", "orgStaff", "resident"]) {
      expectProblem(await clients[who]!.get("/api/v1/cases"), 403, "FORBIDDEN");
    }
  });

  it("hides the case from other workers' and other communities' lists", async () => {
    for (const who of ["otherWorker", "unlinkedWorker", "staffB"]) {
      const list = await clients[who]!.get("/api/v1/cases?limit=200");
      expect(list.statusCode).toBe(200);
      expect(list.json<CasePage>().items.map((item) => item.id)).not.toContain(caseId);
    }
  });

  it("audits every read of a case (one cases.read record per read, no content)", async () => {
    const fresh = await openCase();
    expect(await readAudits(fresh.id)).toBe(0);
    for (const who of ["owner", "supervisor", "staffA", "owner"]) {
      expect((await clients[who]!.get(`/api/v1/cases/${fresh.id}`)).statusCode).toBe(200);
    }
    await clients.otherWorker!.get(`/api/v1/cases/${fresh.id}`);
    expect(await readAudits(fresh.id)).toBe(4);
    const [record] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "cases.read"), eq(auditLog.entityId, fresh.id)))
      .limit(1);
    expect(JSON.stringify(record?.detail ?? {})).not.toContain("跌倒");
  });

  it("lets only the owner write: the supervisor and community staff are refused, others get 404", async () => {
    const current = (await clients.owner!.get(`/api/v1/cases/${caseId}`)).json<Case>();
    const body = { text: "按时服药" };
    expectProblem(await clients.supervisor!.post(`/api/v1/cases/${caseId}/goals`, body), 403, "FORBIDDEN");
    expectProblem(await clients.otherWorker!.post(`/api/v1/cases/${caseId}/goals`, body), 404, "NOT_FOUND");
    expectProblem(await clients.staffA!.post(`/api/v1/cases/${caseId}/goals`, body), 403, "FORBIDDEN");
    const after = (await clients.owner!.get(`/api/v1/cases/${caseId}`)).json<Case>();
    expect(after.version).toBe(current.version);
  });

  it("opens cases only for residents in the worker's scope, and only with a worker record", async () => {
    expectProblem(await clients.owner!.post("/api/v1/cases", { resident_id: residentB, ...intake }), 404, "NOT_FOUND");
    expectProblem(await clients.unlinkedWorker!.post("/api/v1/cases", { resident_id: residentA, ...intake }), 403, "CASE_NO_WORKER");
    expectProblem(await clients.staffA!.post("/api/v1/cases", { resident_id: residentA, ...intake }), 403, "FORBIDDEN");
  });
});

describe("stages", () => {
  it("walks intake → planning → in_service → review → in_service → review → closed", async () => {
    let copy = await openCase();
    expect(copy.status).toBe("intake");
    copy = await advance(copy, "planning");
    const goal = await clients.owner!.post(`/api/v1/cases/${copy.id}/goals`, { text: "每周参加一次康复活动", target_date: "2026-06-30" });
    expect(goal.statusCode).toBe(201);
    copy = goal.json();
    copy = await advance(copy, "in_service");
    const session = await clients.owner!.post(`/api/v1/cases/${copy.id}/sessions`, {
      date: "2026-03-10",
      minutes: 60,
      kind: "home_visit",
      notes: "入户评估",
    });
    expect(session.statusCode, session.body).toBe(201);
    copy = await advance(session.json(), "review");
    const review = await clients.owner!.post(`/api/v1/cases/${copy.id}/reviews`, {
      date: "2026-03-10",
      progress: "有进展",
      decision: "continue",
    });
    expect(review.statusCode).toBe(201);
    copy = review.json();
    expect(copy.status).toBe("in_service");
    copy = await advance(copy, "review");
    const goalId = copy.goals[0]!.id;
    const achieved = await clients.owner!.patch(`/api/v1/cases/${copy.id}/goals/${goalId}`, {
      version: copy.goals[0]!.version,
      data: { status: "achieved" },
    });
    expect(achieved.statusCode).toBe(200);
    copy = achieved.json();
    const closed = await clients.owner!.post(`/api/v1/cases/${copy.id}/close`, { version: copy.version, closing_summary: "目标达成" });
    expect(closed.statusCode, closed.body).toBe(200);
    copy = closed.json();
    expect({ status: copy.status, closed_on: copy.closed_on, sessions: copy.sessions.length, reviews: copy.reviews.length }).toEqual({
      status: "closed",
      closed_on: "2026-03-10",
      sessions: 1,
      reviews: 1,
    });
    // A closed case stays closed.
    expectProblem(
      await clients.owner!.patch(`/api/v1/cases/${copy.id}`, { version: copy.version, data: { status: "in_service" } }),
      409,
      "CASE_STATE",
    );
    expectProblem(await clients.owner!.post(`/api/v1/cases/${copy.id}/goals`, { text: "新目标" }), 409, "CASE_STATE");
  });

  it.each([
    ["intake", "in_service"],
    ["intake", "review"],
    ["planning", "review"],
    ["planning", "intake"],
    ["in_service", "planning"],
  ])("refuses %s → %s with CASE_STATE", async (from, to) => {
    const path = ["planning", "in_service", "review"];
    let copy = await openCase();
    copy = await advance(copy, ...path.slice(0, path.indexOf(from) + 1));
    expect(copy.status).toBe(from);
    expectProblem(
      await clients.owner!.patch(`/api/v1/cases/${copy.id}`, { version: copy.version, data: { status: to } }),
      409,
      "CASE_STATE",
    );
  });

  it("refuses closing through PATCH, sessions before service, reviews and closing outside review", async () => {
    const copy = await openCase();
    expectProblem(
      await clients.owner!.patch(`/api/v1/cases/${copy.id}`, { version: copy.version, data: { status: "closed" } }),
      400,
      "VALIDATION_FAILED",
    );
    expectProblem(
      await clients.owner!.post(`/api/v1/cases/${copy.id}/sessions`, { date: "2026-03-01", minutes: 30, kind: "phone", notes: "电话" }),
      409,
      "CASE_STATE",
    );
    expectProblem(
      await clients.owner!.post(`/api/v1/cases/${copy.id}/reviews`, { date: "2026-03-01", progress: "x", decision: "continue" }),
      409,
      "CASE_STATE",
    );
    expectProblem(
      await clients.owner!.post(`/api/v1/cases/${copy.id}/close`, { version: copy.version, closing_summary: "x" }),
      409,
      "CASE_STATE",
    );
  });

  it("refuses to close with open goals unless a reason is given", async () => {
    let copy = await advance(await openCase(), "planning");
    copy = (await clients.owner!.post(`/api/v1/cases/${copy.id}/goals`, { text: "找到工作" })).json();
    copy = await advance(copy, "in_service", "review");
    expectProblem(
      await clients.owner!.post(`/api/v1/cases/${copy.id}/close`, { version: copy.version, closing_summary: "结案" }),
      409,
      "CASE_OPEN_GOALS",
    );
    const closed = await clients.owner!.post(`/api/v1/cases/${copy.id}/close`, {
      version: copy.version,
      closing_summary: "结案",
      reason: "案主迁出本市",
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json<Case>().closing_reason).toBe("案主迁出本市");
  });
});

describe("versions and validation", () => {
  it("answers a stale version with 409 VERSION_CONFLICT and the current copy", async () => {
    const copy = await openCase();
    const first = await clients.owner!.patch(`/api/v1/cases/${copy.id}`, { version: copy.version, data: { risk_level: "high" } });
    expect(first.statusCode).toBe(200);
    const stale = await clients.owner!.patch(`/api/v1/cases/${copy.id}`, { version: copy.version, data: { risk_level: "low" } });
    expectProblem(stale, 409, "VERSION_CONFLICT");
    expect(stale.json().current.risk_level).toBe("high");
    const withGoal = (await clients.owner!.post(`/api/v1/cases/${copy.id}/goals`, { text: "目标" })).json<Case>();
    const goal = withGoal.goals[0]!;
    expect(
      (await clients.owner!.patch(`/api/v1/cases/${copy.id}/goals/${goal.id}`, { version: goal.version, data: { text: "新" } })).statusCode,
    ).toBe(200);
    expectProblem(
      await clients.owner!.patch(`/api/v1/cases/${copy.id}/goals/${goal.id}`, { version: goal.version, data: { text: "旧" } }),
      409,
      "VERSION_CONFLICT",
    );
  });

  it.each([
    ["negative minutes", { minutes: -5 }],
    ["zero minutes", { minutes: 0 }],
    ["minutes as text", { minutes: "NaN" }],
    ["fractional minutes", { minutes: 1.5 }],
    ["a future date", { date: "2026-03-11" }],
    ["a bad date", { date: "2026-02-30" }],
    ["an unknown kind", { kind: "email" }],
  ])("refuses a session with %s (400)", async (_label, change) => {
    const copy = await advance(await openCase(), "planning", "in_service");
    const response = await clients.owner!.post(`/api/v1/cases/${copy.id}/sessions`, {
      date: "2026-03-09",
      minutes: 30,
      kind: "office",
      notes: "面谈",
      ...change,
    });
    expectProblem(response, 400, "VALIDATION_FAILED");
  });

  it("refuses a review dated in the future and unknown fields", async () => {
    const copy = await advance(await openCase(), "planning", "in_service", "review");
    expectProblem(
      await clients.owner!.post(`/api/v1/cases/${copy.id}/reviews`, { date: "2026-04-01", progress: "x", decision: "continue" }),
      400,
      "VALIDATION_FAILED",
    );
    expectProblem(
      await clients.owner!.post("/api/v1/cases", { resident_id: residentA, ...intake, status: "closed" }),
      400,
      "VALIDATION_FAILED",
    );
  });
});

describe("list", () => {
  it("filters by status, risk level, worker and the resident's name", async () => {
    const copy = await advance(await openCase(), "planning");
    const byStatus = (await clients.owner!.get("/api/v1/cases?status=planning&limit=200")).json<CasePage>();
    expect(byStatus.items.every((item) => item.status === "planning")).toBe(true);
    expect(byStatus.items.map((item) => item.id)).toContain(copy.id);
    const byName = (await clients.staffA!.get(`/api/v1/cases?q=${encodeURIComponent("秀英")}&limit=200`)).json<CasePage>();
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((item) => item.resident_name === "张秀英")).toBe(true);
    const none = (await clients.staffA!.get(`/api/v1/cases?q=${encodeURIComponent("%")}&limit=200`)).json<CasePage>();
    expect(none.items).toEqual([]);
    const byRisk = (await clients.owner!.get("/api/v1/cases?risk_level=low&limit=200")).json<CasePage>();
    expect(byRisk.items.every((item) => item.risk_level === "low")).toBe(true);
    const byWorker = (await clients.supervisor!.get(`/api/v1/cases?worker_id=${copy.worker_id}&limit=200`)).json<CasePage>();
    expect(byWorker.items.length).toBeGreaterThan(0);
    expect(byWorker.items.every((item) => item.worker_id === copy.worker_id)).toBe(true);
  });

  it("pages with a cursor without repeats, in a constant number of queries", async () => {
    for (let n = 0; n < 4; n += 1) {
      await openCase();
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/cases?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await clients.owner!.get(url)).json<CasePage>();
      seen.push(...page.items.map((item) => item.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = (await clients.owner!.get("/api/v1/cases?limit=200")).json<CasePage>();
    expect(seen.length).toBe(all.items.length);
    const count = async (limit: number) => {
      const before = t.database.stats.queries;
      expect((await clients.owner!.get(`/api/v1/cases?limit=${limit}`)).statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    expect(await count(2)).toBe(await count(50));
  });
});

describe("demo seed", () => {
  it("gives the demo-worker account eight cases in every stage, once", async () => {
    const account = await buildUser(t.ctx, [{ role: "social_worker", area_code: communityA, organization_id: orgId }], {
      login: "demo-worker",
    });
    const record = await buildSocialWorker(t.ctx, { organizationId: orgId, areaCode: communityA });
    await linkWorker(record.id, account.id);
    const options = { demoPassword: "x", minFreeBytes: 0, log: () => undefined };
    await seedCases(t.ctx, options);
    await seedCases(t.ctx, options);
    const demo = as(t.app, await signIn(t.app, "demo-worker"));
    const page = (await demo.get("/api/v1/cases?limit=200")).json<CasePage>();
    expect(page.items).toHaveLength(8);
    expect(new Set(page.items.map((item) => item.status))).toEqual(new Set(["intake", "planning", "in_service", "review", "closed"]));
    expect(page.items.every((item) => item.area_code === communityA && item.worker_id === record.id)).toBe(true);
  });
});
