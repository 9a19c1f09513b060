import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Workload } from "@sanshe/contracts/admin-tasks";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { queryRows } from "../../../platform/db/client.js";
import { buildUser } from "../../users/test/factories.js";
import { buildNeed } from "../../needs/test/factories.js";
import { serviceRecords } from "../../needs/test/tables.js";
import { cases, caseSessions } from "../../cases/test/tables.js";
import { buildDepartment, buildMember, buildOccurrence, buildRefusal, buildTask } from "../test/rows.js";

/**
 * The workload picture against rows written straight into the tables: a district (金水区) with two
 * streets and three communities, two departments, admitted, unadmitted and taken-back tasks, service
 * records and case sessions, January to March 2026.
 */

const district = "410105";
const nanyang = "410105007";
const jingba = "410105001";
const fengle = "410105007002";
const qunying = "410105007003";
const tiyu = "410105001003";
const period = "from=2026-01-01&to=2026-03-31";

let t: TestApp;
let departmentA: string;
let departmentB: string;
type Client = ReturnType<typeof as>;
const clients: Record<string, Client> = {};

async function client(grants: Parameters<typeof buildUser>[1]): Promise<Client> {
  return as(t.app, await signIn(t.app, (await buildUser(t.ctx, grants)).login));
}

async function service(areaCode: string, servedOn: string, minutes: number): Promise<void> {
  const { referralId } = await buildNeed(t.ctx, { area_code: areaCode });
  await t.ctx.db
    .insert(serviceRecords)
    .values({ areaCode, referralId, servedOn, minutes, partyKind: "community", partyName: "社区居委会" });
}

async function session(areaCode: string, date: string, minutes: number): Promise<void> {
  const [row] = await t.ctx.db
    .insert(cases)
    .values({
      areaCode,
      residentId: randomUUID(),
      workerId: randomUUID(),
      presentingProblem: "测试",
      riskLevel: "low",
      openedOn: "2026-01-01",
    })
    .returning({ id: cases.id });
  await t.ctx.db.insert(caseSessions).values({ caseId: (row as { id: string }).id, date, minutes, kind: "office", notes: "测试" });
}

beforeAll(async () => {
  t = await createTestApp();
  const ctx = t.ctx;
  departmentA = await buildDepartment(ctx, district, "金水区民政局");
  departmentB = await buildDepartment(ctx, district, "金水区统计局");
  // T1: monthly report, funded, on three communities; taken back from 群英 on 10 February.
  const t1 = await buildTask(ctx, {
    departmentId: departmentA,
    kind: "report",
    hours: 2,
    fundingFen: 100_000,
    startsOn: "2026-01-01",
    endsOn: "2026-12-31",
    targets: [{ areaCode: fengle }, { areaCode: qunying, takenBackAt: new Date("2026-02-10T10:00:00+08:00") }, { areaCode: tiyu }],
  });
  // T2: inspection, admitted without funding, February and March, on 丰乐.
  const t2 = await buildTask(ctx, {
    departmentId: departmentB,
    kind: "inspection",
    hours: 1.5,
    fundingFen: 0,
    startsOn: "2026-02-01",
    endsOn: "2026-03-31",
    targets: [{ areaCode: fengle }],
  });
  // T3: a meeting task that ended before the period.
  const t3 = await buildTask(ctx, {
    departmentId: departmentB,
    kind: "meeting",
    hours: 3,
    fundingFen: 5_000,
    startsOn: "2025-06-01",
    endsOn: "2025-12-31",
    targets: [{ areaCode: fengle }],
  });
  // T4: never admitted; 群英 refuses it.
  const t4 = await buildTask(ctx, {
    departmentId: departmentA,
    kind: "data_collection",
    hours: 4,
    fundingFen: 0,
    startsOn: "2026-01-15",
    endsOn: "2026-06-30",
    status: "submitted",
    targets: [{ areaCode: qunying }],
  });
  // Another district's task, to stay out of every figure.
  const elsewhere = await buildTask(ctx, {
    departmentId: departmentA,
    areaCode: "410103",
    kind: "report",
    hours: 5,
    fundingFen: 0,
    startsOn: "2026-01-01",
    endsOn: "2026-03-31",
    targets: [{ areaCode: "410103001001" }],
  });

  await buildOccurrence(ctx, t1, fengle, "2026-01-31", { loggedMinutes: 90 });
  await buildOccurrence(ctx, t1, fengle, "2026-02-28");
  await buildOccurrence(ctx, t1, fengle, "2026-03-31");
  await buildOccurrence(ctx, t1, qunying, "2026-01-31", { loggedMinutes: 200 });
  await buildOccurrence(ctx, t1, qunying, "2026-02-28", { status: "cancelled" });
  await buildOccurrence(ctx, t1, tiyu, "2026-01-31");
  await buildOccurrence(ctx, t1, tiyu, "2026-02-28", { loggedMinutes: 0 });
  await buildOccurrence(ctx, t2, fengle, "2026-02-15", { loggedMinutes: 60 });
  await buildOccurrence(ctx, t2, fengle, "2026-03-15");
  await buildOccurrence(ctx, t3, fengle, "2025-12-15", { loggedMinutes: 180 });
  await buildOccurrence(ctx, elsewhere, "410103001001", "2026-01-31", { loggedMinutes: 300 });

  await buildRefusal(ctx, { areaCode: qunying, departmentId: departmentA, taskId: t4, createdAt: new Date("2026-02-05T09:00:00+08:00") });
  await buildRefusal(ctx, { areaCode: tiyu, departmentId: departmentB, createdAt: new Date("2026-03-20T09:00:00+08:00") });
  await buildRefusal(ctx, { areaCode: fengle, departmentId: departmentB, createdAt: new Date("2025-12-20T09:00:00+08:00") });
  // 00:30 on 1 April in Shanghai is still 31 March in UTC: outside the period.
  await buildRefusal(ctx, { areaCode: fengle, departmentId: departmentB, createdAt: new Date("2026-04-01T00:30:00+08:00") });

  await service(fengle, "2026-01-10", 120);
  await service(fengle, "2026-02-20", 60);
  await service(qunying, "2026-03-05", 300);
  await service(fengle, "2026-04-02", 999);
  await session(fengle, "2026-03-10", 45);
  await session(tiyu, "2026-01-20", 30);

  clients.city = await client([{ role: "official", area_code: "4101" }]);
  clients.district = await client([{ role: "official", area_code: district }]);
  clients.street = await client([{ role: "official", area_code: nanyang }]);
  clients.community = await client([{ role: "community_staff", area_code: fengle }]);
  clients.resident = await client([{ role: "resident", area_code: fengle }]);
  clients.department = as(t.app, await signIn(t.app, (await buildMember(ctx, "department", district, departmentA)).login));
  clients.org = as(t.app, await signIn(t.app, (await buildMember(ctx, "org_staff", district, randomUUID())).login));
});

afterAll(async () => {
  await t.close();
});

async function workload(who: Client, area: string, query = period): Promise<Workload> {
  const response = await who.get(`/api/v1/workload?area=${area}&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Workload>();
}

/** The administrative share of an area computed independently, in plain SQL over the tables. */
async function shareBySql(area: string): Promise<{ admin: number; service: number; share: number }> {
  const [row] = await queryRows<{ admin: number; service: number }>(
    t.database.db,
    sql.raw(`SELECT
      (SELECT coalesce(sum(coalesce(o.logged_minutes, t.hours_per_occurrence * 60)), 0)
         FROM admin_task_occurrences o JOIN admin_tasks t ON t.id = o.task_id
        WHERE o.area_code LIKE '${area}%' AND o.due_on BETWEEN '2026-01-01' AND '2026-03-31' AND o.status <> 'cancelled')::float8 AS admin,
      ((SELECT coalesce(sum(minutes), 0) FROM service_records
         WHERE area_code LIKE '${area}%' AND served_on BETWEEN '2026-01-01' AND '2026-03-31')
       + (SELECT coalesce(sum(s.minutes), 0) FROM case_sessions s JOIN cases c ON c.id = s.case_id
         WHERE c.area_code LIKE '${area}%' AND s.date BETWEEN '2026-01-01' AND '2026-03-31'))::float8 AS service`),
  );
  const admin = Number(row?.admin ?? 0);
  const service = Number(row?.service ?? 0);
  return { admin, service, share: admin + service > 0 ? admin / (admin + service) : 0 };
}

describe("the workload picture", () => {
  it("computes the administrative share of the area and of each child as plain SQL does", async () => {
    const picture = await workload(clients.district!, district);
    const expected = await shareBySql(district);
    expect(expected).toMatchObject({ admin: 800, service: 555 });
    expect(picture.administrative_share).toBeCloseTo(expected.share, 10);
    expect(picture.administrative_hours).toBeCloseTo(800 / 60, 2);
    expect(picture.service_hours).toBeCloseTo(555 / 60, 2);
    expect(picture.children.length).toBeGreaterThan(2);
    for (const child of picture.children) {
      const bySql = await shareBySql(child.area_code);
      expect(child.administrative_share, child.area_code).toBeCloseTo(bySql.share, 10);
      expect(child.administrative_hours, child.area_code).toBeCloseTo(Math.round((bySql.admin / 60) * 100) / 100, 2);
    }
    expect(picture.children.find((child) => child.area_code === jingba)?.administrative_share).toBeCloseTo(0.8, 10);
    const street = await workload(clients.street!, nanyang);
    expect(street.administrative_share).toBeCloseTo((await shareBySql(nanyang)).share, 10);
    for (const child of street.children) {
      expect(child.administrative_share, child.area_code).toBeCloseTo((await shareBySql(child.area_code)).share, 10);
    }
  });

  it("counts tasks imposed, funded and unfunded, reports, inspections, meetings, refusals and take-backs", async () => {
    const picture = await workload(clients.district!, district);
    expect(picture).toMatchObject({
      area_code: district,
      area_name: "金水区",
      from: "2026-01-01",
      to: "2026-03-31",
      tasks_imposed: 2,
      funded: 1,
      unfunded: 1,
      reports: 6,
      inspections: 2,
      meetings: 0,
      refused: 2,
      taken_back: 1,
    });
    expect(picture.communities).toBeGreaterThan(100);
    expect(picture.children.find((child) => child.area_code === jingba)).toMatchObject({
      tasks_imposed: 1,
      funded: 1,
      unfunded: 0,
      reports: 2,
      refused: 1,
      taken_back: 0,
    });
    expect(picture.children.find((child) => child.area_code === nanyang)).toMatchObject({
      area_name: "南阳新村街道",
      tasks_imposed: 2,
      reports: 4,
      inspections: 2,
      refused: 1,
      taken_back: 1,
    });
  });

  it("gives one row per month with the same figures", async () => {
    const picture = await workload(clients.district!, district);
    expect(picture.by_month.map((row) => row.month)).toEqual(["2026-01", "2026-02", "2026-03"]);
    const [january, february, march] = picture.by_month;
    expect(january).toMatchObject({ administrative_hours: 6.83, service_hours: 2.5, tasks_imposed: 1, reports: 3, refused: 0 });
    expect(january?.administrative_share).toBeCloseTo(410 / 560, 10);
    expect(february).toMatchObject({
      administrative_hours: 3,
      service_hours: 1,
      tasks_imposed: 2,
      inspections: 1,
      refused: 1,
      taken_back: 1,
    });
    expect(march).toMatchObject({ administrative_hours: 3.5, service_hours: 5.75, tasks_imposed: 2, funded: 1, unfunded: 1, refused: 1 });
    // Months with nothing still have their row.
    const year = await workload(clients.district!, district, "from=2025-11-15&to=2026-02-10");
    expect(year.by_month.map((row) => row.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    // November: no occurrence is due, but the meeting task T3 runs (until 31 December).
    expect(year.by_month[0]).toMatchObject({ administrative_hours: 0, administrative_share: 0, tasks_imposed: 1, meetings: 0 });
    expect(year.by_month[1]).toMatchObject({ administrative_hours: 3, meetings: 1, tasks_imposed: 1, refused: 1 });
    // 群英's target was taken back on 10 February: T1 still counts in February for 群英 until then.
    const qunyingFeb = await workload(clients.district!, qunying, "from=2026-02-11&to=2026-02-28");
    expect(qunyingFeb.tasks_imposed).toBe(0);
    expect((await workload(clients.district!, qunying, "from=2026-02-01&to=2026-02-28")).tasks_imposed).toBe(1);
  });

  it("draws figure 3-1 from the communities with any hours, by tenths of administrative share", async () => {
    const picture = await workload(clients.district!, district);
    expect(picture.histogram).toHaveLength(10);
    expect(picture.histogram[0]).toEqual({ band: "0.0-0.1", from: 0, to: 0.1, communities: 0 });
    expect(picture.histogram[9]?.band).toBe("0.9-1.0");
    const counts = Object.fromEntries(
      picture.histogram.filter((band) => band.communities > 0).map((band) => [band.band, band.communities]),
    );
    // 丰乐 480/705 = 0.68, 群英 200/500 = 0.4, 体育 120/150 = 0.8; the other communities have no hours.
    expect(counts).toEqual({ "0.4-0.5": 1, "0.6-0.7": 1, "0.8-0.9": 1 });
  });

  it("names the departments that impose the most, by administrative hours", async () => {
    const picture = await workload(clients.district!, district);
    expect(picture.departments).toEqual([
      {
        department_id: departmentA,
        department_name: "金水区民政局",
        tasks_imposed: 1,
        unfunded: 0,
        refused: 1,
        administrative_hours: 10.83,
      },
      { department_id: departmentB, department_name: "金水区统计局", tasks_imposed: 1, unfunded: 1, refused: 1, administrative_hours: 2.5 },
    ]);
  });

  it("answers a community for itself, with no child rows", async () => {
    const own = await workload(clients.community!, fengle);
    expect(own.children).toEqual([]);
    expect(own.administrative_share).toBeCloseTo(480 / 705, 10);
    expect(own.communities).toBe(1);
    expect(own.histogram.find((band) => band.band === "0.6-0.7")?.communities).toBe(1);
  });

  it("keeps to the scope: 404 outside it, 403 without workload.read", async () => {
    for (const [who, area] of [
      ["community", qunying],
      ["community", nanyang],
      ["street", jingba],
      ["street", district],
      ["district", "410103"],
    ] as const) {
      const response = await clients[who]!.get(`/api/v1/workload?area=${area}&${period}`);
      expect(response.statusCode, `${who} ${area}`).toBe(404);
      expect(response.headers["content-type"]).toContain("application/problem+json");
    }
    for (const who of ["department", "org", "resident"]) {
      const response = await clients[who]!.get(`/api/v1/workload?area=${district}&${period}`);
      expect(response.statusCode, who).toBe(403);
      expect((await clients[who]!.get(`/api/v1/workload/export.xlsx?area=${district}&${period}`)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: "GET", url: `/api/v1/workload?area=${district}&${period}` })).statusCode).toBe(401);
    expect((await workload(clients.city!, district)).administrative_share).toBeGreaterThan(0);
  });

  it("refuses a bad period or area with a clear problem", async () => {
    const inverted = await clients.district!.get(`/api/v1/workload?area=${district}&from=2026-03-01&to=2026-02-01`);
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json()).toMatchObject({ code: "WORKLOAD_PERIOD_INVERTED" });
    const long = await clients.district!.get(`/api/v1/workload?area=${district}&from=2023-01-01&to=2026-01-01`);
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: "WORKLOAD_PERIOD_TOO_LONG" });
    expect((await clients.district!.get(`/api/v1/workload?area=${district}&from=2023-01-01&to=2025-12-31`)).statusCode).toBe(200);
    const unknown = await clients.district!.get(`/api/v1/workload?area=410105999999&${period}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: "NOT_FOUND" });
    for (const query of [
      `area=x&${period}`,
      `area=${district}&from=2026-02-30&to=2026-03-01`,
      `area=${district}`,
      `area=${district}&${period}&extra=1`,
    ]) {
      const response = await clients.district!.get(`/api/v1/workload?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toMatchObject({ code: "VALIDATION_FAILED" });
    }
  });

  it("uses the same number of statements at every level and whatever the data", async () => {
    const count = async (who: Client, area: string) => {
      const before = t.database.stats.queries;
      expect((await who.get(`/api/v1/workload?area=${area}&${period}`)).statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    const atDistrict = await count(clients.district!, district);
    expect(await count(clients.district!, nanyang)).toBe(atDistrict);
    expect(await count(clients.community!, fengle)).toBe(atDistrict);
    expect(await count(clients.city!, "4101")).toBe(atDistrict);
    expect(atDistrict).toBeLessThanOrEqual(9);
  });

  it("exports the child rows, months and departments as a spreadsheet with Chinese headers", async () => {
    const response = await clients.district!.get(`/api/v1/workload/export.xlsx?area=${district}&${period}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(response.headers["content-disposition"]).toContain("attachment");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["下级区划", "按月", "部门", "行政占比分布"]);
    const children = workbook.getWorksheet("下级区划")!;
    expect(children.getRow(1).getCell(1).value).toBe("区划代码");
    expect(children.getRow(1).getCell(5).value).toBe("行政事务占比");
    const values = children.getSheetValues().slice(2) as unknown[][];
    const street = values.find((row) => row[1] === nanyang);
    expect(street?.[2]).toBe("南阳新村街道");
    expect(workbook.getWorksheet("按月")!.rowCount).toBe(4);
    expect(workbook.getWorksheet("部门")!.getRow(2).getCell(1).value).toBe("金水区民政局");
    const outside = await clients.street!.get(`/api/v1/workload/export.xlsx?area=${district}&${period}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.headers["content-type"]).toContain("application/problem+json");
  });
});
