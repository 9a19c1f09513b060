import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { auditLog } from "../../platform/audit/schema.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { socialWorkers } from "../social-workers/test/tables.js";
import { buildSocialWorker } from "../social-workers/test/factories.js";
import { needs, referrals } from "../needs/test/tables.js";
import { cases } from "../cases/test/tables.js";
import { residents } from "./schema.js";
import { buildResident, makeIdNumber, makePhone } from "./test/factories.js";

/**
 * Residents over HTTP (QUALITY.md §1 scope, §2 personal information): masking, audited unmask,
 * sensitive groups, one ID number per city without leaks, moves, concurrency, search.
 * 丰乐社区 410105007002 and 南阳新村社区 410105007001 are in 南阳新村街道 (410105007); 410103 is 二七区.
 */

const fengle = "410105007002";
const other = "410105007001";
const erqiCommunity = "410103001001";

let t: TestApp;
let staff: ReturnType<typeof as>;
let otherStaff: ReturnType<typeof as>;
let erqiStaff: ReturnType<typeof as>;
let street: ReturnType<typeof as>;
let district: ReturnType<typeof as>;
let worker: ReturnType<typeof as>;
let workerRecordId: string;

/** A referral of a need of `residentId` addressed to the test worker (status and last change given). */
async function referToWorker(residentId: string, status: "pending" | "accepted" | "done" | "declined" = "accepted", at = new Date()) {
  const [need] = await t.database.db
    .insert(needs)
    .values({
      areaCode: fengle,
      residentId,
      category: "elderly_care",
      description: "需要探访",
      urgency: "normal",
      channel: "staff",
      status: "routed",
      tier: "special",
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: needs.id });
  await t.database.db.insert(referrals).values({
    areaCode: fengle,
    needId: need!.id,
    providerKind: "social_worker",
    providerId: workerRecordId,
    status,
    respondBy: at,
    resolveBy: at,
    createdAt: at,
    updatedAt: at,
  });
}

/** A case of `residentId` owned by the test worker. */
async function openCaseForWorker(residentId: string) {
  await t.database.db.insert(cases).values({
    areaCode: fengle,
    residentId,
    workerId: workerRecordId,
    presentingProblem: "独居",
    riskLevel: "low",
    openedOn: "2026-01-05",
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildSocialOrg(t.ctx, "410105");
  const login = async (grants: Parameters<typeof buildUser>[1]) => as(t.app, await signIn(t.app, (await buildUser(t.ctx, grants)).login));
  staff = await login([{ role: "community_staff", area_code: fengle }]);
  otherStaff = await login([{ role: "community_staff", area_code: other }]);
  erqiStaff = await login([{ role: "community_staff", area_code: erqiCommunity }]);
  street = await login([{ role: "official", area_code: "410105007" }]);
  district = await login([{ role: "official", area_code: "410105" }]);
  const workerUser = await buildUser(t.ctx, [{ role: "social_worker", area_code: fengle, organization_id: org.id }]);
  worker = as(t.app, await signIn(t.app, workerUser.login));
  workerRecordId = (await buildSocialWorker(t.ctx, { organizationId: org.id, areaCode: "410105", communities: [fengle] })).id;
  await t.database.db.update(socialWorkers).set({ userId: workerUser.id }).where(eq(socialWorkers.id, workerRecordId));
});

afterAll(async () => {
  await t.close();
});

async function create(client: ReturnType<typeof as>, body: Record<string, unknown>) {
  return client.post("/api/v1/residents", { name: "测试居民", id_number: makeIdNumber(), area_code: fengle, ...body });
}

describe("residents: create and masking", () => {
  it("registers with name, ID number and community, deriving gender and birth date", async () => {
    const idNumber = makeIdNumber("1990-03-08", "female");
    const response = await staff.post("/api/v1/residents", { name: "李秀英", id_number: idNumber, area_code: fengle });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      name: "李秀英",
      gender: "female",
      birth_date: "1990-03-08",
      area_code: fengle,
      version: 1,
      can_unmask: true,
    });
    expect(body.id_number_masked).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(response.body).not.toContain(idNumber);
  });

  it("shows ID and phone masked in the list and the detail", async () => {
    const idNumber = makeIdNumber();
    const phone = "13800000005";
    const created = (await create(staff, { name: "王建国", id_number: idNumber, phone })).json();
    expect(created.phone_masked).toBe("138****0005");
    const detail = await staff.get(`/api/v1/residents/${created.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain(idNumber);
    expect(detail.body).not.toContain(phone);
    const list = await staff.get(`/api/v1/residents?q=${encodeURIComponent("王建国")}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ id_number_masked: `410105********${idNumber.slice(-4)}`, phone_masked: "138****0005" });
    expect(list.body).not.toContain(idNumber);
    expect(list.body).not.toContain(phone);
  });

  it("stores neither the ID number nor the phone in plaintext", async () => {
    const idNumber = makeIdNumber();
    const phone = "13912345678";
    const created = (await create(staff, { id_number: idNumber, phone })).json();
    const rows = await t.database.db.execute(sql`SELECT row_to_json(r)::text AS raw FROM residents r WHERE id = ${created.id}`);
    const raw = JSON.stringify(rows);
    expect(raw).toContain(created.id);
    expect(raw).not.toContain(idNumber);
    expect(raw).not.toContain(phone);
    expect(raw).not.toContain(idNumber.slice(6, 14) + idNumber.slice(14));
    const [row] = await t.database.db.select().from(residents).where(eq(residents.id, created.id));
    expect(row?.idNumberEnc).toMatch(/^v1:/);
    expect(row?.idNumberBidx).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a 15-digit legacy ID number with ID_NUMBER_LEGACY", async () => {
    const response = await create(staff, { id_number: "410105800517123" });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].code).toBe("ID_NUMBER_LEGACY");
  });

  it("refuses a community outside the caller's scope", async () => {
    const response = await create(staff, { area_code: other });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("SCOPE_EXCEEDED");
  });

  it("refuses writes by officials and social workers", async () => {
    expect((await create(street, { area_code: other })).statusCode).toBe(403);
    expect((await create(worker, {})).statusCode).toBe(403);
  });
});

describe("residents: one ID number per city", () => {
  it("answers 409 RESIDENT_EXISTS without naming another community", async () => {
    const idNumber = makeIdNumber();
    const first = await otherStaff.post("/api/v1/residents", { name: "赵敏", id_number: idNumber, area_code: other });
    expect(first.statusCode).toBe(201);
    const second = await staff.post("/api/v1/residents", { name: "赵敏", id_number: idNumber, area_code: fengle });
    expect(second.statusCode).toBe(409);
    const problem = second.json();
    expect(problem.code).toBe("RESIDENT_EXISTS");
    expect(problem.existing_id).toBeUndefined();
    expect(second.body).not.toContain(other);
    expect(second.body).not.toContain("南阳新村社区");
    expect(second.body).not.toContain(first.json().id);
  });

  it("names the existing record when it lies in the caller's scope", async () => {
    const idNumber = makeIdNumber();
    const first = (await create(staff, { id_number: idNumber })).json();
    const second = await create(staff, { id_number: idNumber });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: "RESIDENT_EXISTS", existing_id: first.id });
  });

  it("treats full-width digits and a lowercase x as the same ID number", async () => {
    let idNumber = makeIdNumber();
    while (!idNumber.endsWith("X")) {
      idNumber = makeIdNumber();
    }
    expect((await create(staff, { id_number: idNumber })).statusCode).toBe(201);
    const fullWidth = idNumber
      .slice(0, 17)
      .replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)))
      .concat("x");
    const again = await create(staff, { id_number: fullWidth });
    expect(again.statusCode).toBe(409);
  });
});

describe("residents: unmask", () => {
  it("returns the values to community staff and audits fields and purpose, never the value", async () => {
    const idNumber = makeIdNumber();
    const phone = makePhone();
    const created = (await create(staff, { id_number: idNumber, phone })).json();
    const response = await staff.post(`/api/v1/residents/${created.id}/unmask`, {
      fields: ["id_number", "phone"],
      purpose: "核实低保申请",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id_number: idNumber, phone });
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "residents.unmask"), eq(auditLog.entityId, created.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.detail).toEqual({ fields: ["id_number", "phone"], purpose: "核实低保申请" });
    expect(rows[0]?.areaCode).toBe(fengle);
    const everything = JSON.stringify(await t.database.db.select({ detail: auditLog.detail, entityId: auditLog.entityId }).from(auditLog));
    expect(everything).not.toContain(idNumber);
    expect(everything).not.toContain(phone);
  });

  it("never stores the answer for Idempotency-Key replay and audits every call", async () => {
    const idNumber = makeIdNumber();
    const created = (await create(staff, { id_number: idNumber })).json();
    const options = { headers: { "idempotency-key": `unmask-${created.id}` } };
    const body = { fields: ["id_number"], purpose: "上门核实" };
    const first = await staff.post(`/api/v1/residents/${created.id}/unmask`, body, options);
    const second = await staff.post(`/api/v1/residents/${created.id}/unmask`, body, options);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(second.headers["idempotent-replayed"]).toBeUndefined();
    const stored = await t.database.db.execute(sql`SELECT coalesce(response_body::text, '') AS body FROM idempotency_keys`);
    expect(JSON.stringify(stored)).not.toContain(idNumber);
    const audits = await t.database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, "residents.unmask"), eq(auditLog.entityId, created.id)));
    expect(audits).toHaveLength(2);
  });

  it("lets a street official unmask in the street", async () => {
    const created = (await create(staff, { phone: makePhone() })).json();
    const response = await street.post(`/api/v1/residents/${created.id}/unmask`, { fields: ["phone"], purpose: "走访联系" });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json())).toEqual(["phone"]);
  });

  it("refuses a social worker with 403 and another community with 404", async () => {
    const created = (await create(staff, {})).json();
    const body = { fields: ["id_number"], purpose: "服务需要" };
    const byWorker = await worker.post(`/api/v1/residents/${created.id}/unmask`, body);
    expect(byWorker.statusCode).toBe(403);
    const byOther = await otherStaff.post(`/api/v1/residents/${created.id}/unmask`, body);
    expect(byOther.statusCode).toBe(404);
    expect(byOther.json().code).toBe("NOT_FOUND");
    const byDistrict = await district.post(`/api/v1/residents/${created.id}/unmask`, body);
    expect(byDistrict.statusCode).toBe(403);
  });

  it("requires a purpose", async () => {
    const created = (await create(staff, {})).json();
    const response = await staff.post(`/api/v1/residents/${created.id}/unmask`, { fields: ["id_number"] });
    expect(response.statusCode).toBe(400);
  });
});

describe("residents: sensitive groups", () => {
  it("shows disabled, low income and minor only to roles that may unmask", async () => {
    const created = (await create(staff, { name: "孙桂兰", groups: ["elderly_alone", "disabled", "low_income"] })).json();
    expect(created.groups).toEqual(["disabled", "elderly_alone", "low_income"]);
    await referToWorker(created.id);
    const asWorker = await worker.get(`/api/v1/residents/${created.id}`);
    expect(asWorker.statusCode).toBe(200);
    expect(asWorker.json()).toMatchObject({ groups: ["elderly_alone"], can_unmask: false });
    const listed = await worker.get(`/api/v1/residents?q=${encodeURIComponent("孙桂兰")}`);
    expect(listed.json().items[0].groups).toEqual(["elderly_alone"]);
    const filtered = await worker.get(`/api/v1/residents?group=disabled`);
    expect(filtered.statusCode).toBe(200);
    expect(filtered.json().items).toHaveLength(0);
    const byStaff = await staff.get(`/api/v1/residents?group=disabled`);
    expect(byStaff.json().items.map((item: { id: string }) => item.id)).toContain(created.id);
    const byStreet = await street.get(`/api/v1/residents/${created.id}`);
    expect(byStreet.json().groups).toEqual(["disabled", "elderly_alone", "low_income"]);
  });
});

describe("residents: social workers read the residents they serve only (issue 14.6)", () => {
  it("hides the community's other residents from list, count, detail, households and export", async () => {
    const unserved = (await create(staff, { name: "服务范围外居民" })).json();
    const referred = (await create(staff, { name: "服务范围转介居民" })).json();
    const withCase = (await create(staff, { name: "服务范围个案居民" })).json();
    const longAgo = (await create(staff, { name: "服务范围旧转介居民" })).json();
    const recentDone = (await create(staff, { name: "服务范围新结案居民" })).json();
    await referToWorker(referred.id, "pending");
    await openCaseForWorker(withCase.id);
    await referToWorker(longAgo.id, "done", new Date(Date.now() - 91 * 86_400_000));
    await referToWorker(recentDone.id, "done", new Date(Date.now() - 30 * 86_400_000));
    const q = encodeURIComponent("服务范围");
    const served = [referred.id, withCase.id, recentDone.id].sort();

    const listed = (await worker.get(`/api/v1/residents?q=${q}&limit=200`)).json().items.map((item: { id: string }) => item.id);
    expect(listed.sort()).toEqual(served);
    expect((await worker.get(`/api/v1/residents/count?q=${q}`)).json().count).toBe(3);
    expect((await worker.get(`/api/v1/residents/${unserved.id}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/v1/residents/${longAgo.id}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/v1/residents/${referred.id}`)).statusCode).toBe(200);
    const csv = await worker.get(`/api/v1/exports/residents?format=csv&q=${q}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("服务范围转介居民");
    expect(csv.body).not.toContain("服务范围外居民");
    expect(csv.body).not.toContain("服务范围旧转介居民");
    // Community staff still read everyone in their community.
    expect((await staff.get(`/api/v1/residents/count?q=${q}`)).json().count).toBe(5);
  });

  it("shows a household only through a served member, with only the members served", async () => {
    const household = (await staff.post("/api/v1/households", { area_code: fengle, address: "丰乐社区 9 号楼 1 单元 101" })).json();
    expect(household.id).toBeDefined();
    const head = (await create(staff, { name: "户主未服务", household_id: household.id, relation_to_head: "head" })).json();
    const member = (await create(staff, { name: "家人已服务", household_id: household.id, relation_to_head: "child" })).json();
    expect((await worker.get(`/api/v1/households/${household.id}`)).statusCode).toBe(404);
    await referToWorker(member.id);
    const detail = await worker.get(`/api/v1/households/${household.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain("家人已服务");
    expect(detail.body).not.toContain("户主未服务");
    expect(head.id).toBeDefined();
  });
});

describe("residents: org staff read the residents their organization serves, masked (issue 14.6)", () => {
  it("lists referred residents and residents in their workers' cases, masked, and nobody else", async () => {
    const serving = await buildSocialOrg(t.ctx, "410105");
    const orgStaff = as(
      t.app,
      await signIn(t.app, (await buildUser(t.ctx, [{ role: "org_staff", area_code: "410105", organization_id: serving.id }])).login),
    );
    const orgWorker = await buildSocialWorker(t.ctx, { organizationId: serving.id, areaCode: "410105", communities: [fengle] });
    const referred = (
      await create(staff, { name: "机构服务转介居民", phone: "13800000077", groups: ["disabled", "elderly_alone"] })
    ).json();
    const inCase = (await create(staff, { name: "机构服务个案居民" })).json();
    const unserved = (await create(staff, { name: "机构服务范围外居民" })).json();
    const [need] = await t.database.db
      .insert(needs)
      .values({
        areaCode: fengle,
        residentId: referred.id,
        category: "elderly_care",
        description: "助餐",
        urgency: "normal",
        channel: "staff",
        status: "routed",
        tier: "special",
      })
      .returning({ id: needs.id });
    const now = new Date();
    await t.database.db.insert(referrals).values({
      areaCode: fengle,
      needId: need!.id,
      providerKind: "organization",
      providerId: serving.id,
      status: "accepted",
      respondBy: now,
      resolveBy: now,
    });
    await t.database.db.insert(cases).values({
      areaCode: fengle,
      residentId: inCase.id,
      workerId: orgWorker.id,
      presentingProblem: "独居",
      riskLevel: "low",
      openedOn: "2026-01-05",
    });

    const q = encodeURIComponent("机构服务");
    const listed = await orgStaff.get(`/api/v1/residents?q=${q}&limit=200`);
    expect(listed.statusCode).toBe(200);
    expect(
      listed
        .json()
        .items.map((item: { id: string }) => item.id)
        .sort(),
    ).toEqual([referred.id, inCase.id].sort());
    expect((await orgStaff.get(`/api/v1/residents/count?q=${q}`)).json().count).toBe(2);
    const detail = await orgStaff.get(`/api/v1/residents/${referred.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ phone_masked: "138****0077", groups: ["elderly_alone"], can_unmask: false });
    expect(detail.body).not.toContain("13800000077");
    expect((await orgStaff.get(`/api/v1/residents/${unserved.id}`)).statusCode).toBe(404);
    expect((await orgStaff.post(`/api/v1/residents/${referred.id}/unmask`, { fields: ["phone"], purpose: "联系" })).statusCode).toBe(403);
    const csv = await orgStaff.get(`/api/v1/exports/residents?format=csv&q=${q}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain("机构服务范围外居民");
    expect(csv.body).not.toContain("13800000077");
  });
});

describe("residents: scope", () => {
  it("limits list, count and detail to the caller's jurisdiction; district officials read nothing", async () => {
    const mine = (await create(staff, { name: "范围测试甲" })).json();
    const theirs = (await otherStaff.post("/api/v1/residents", { name: "范围测试乙", id_number: makeIdNumber(), area_code: other })).json();
    const erqi = (
      await erqiStaff.post("/api/v1/residents", { name: "范围测试丙", id_number: makeIdNumber(), area_code: erqiCommunity })
    ).json();
    const q = `?q=${encodeURIComponent("范围测试")}`;
    const names = async (client: ReturnType<typeof as>) =>
      ((await client.get(`/api/v1/residents${q}&limit=200`)).json().items as Array<{ name: string }>).map((item) => item.name).sort();
    expect(await names(staff)).toEqual(["范围测试甲"]);
    expect(await names(street)).toEqual(["范围测试乙", "范围测试甲"].sort());
    expect(await names(erqiStaff)).toEqual(["范围测试丙"]);
    expect((await staff.get(`/api/v1/residents/count${q}`)).json()).toEqual({ count: 1 });
    expect((await street.get(`/api/v1/residents/count${q}`)).json()).toEqual({ count: 2 });
    expect((await staff.get(`/api/v1/residents/${theirs.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/residents/${erqi.id}`)).statusCode).toBe(404);
    expect((await street.get(`/api/v1/residents/${mine.id}`)).statusCode).toBe(200);
    expect((await district.get(`/api/v1/residents`)).statusCode).toBe(403);
    expect((await staff.get(`/api/v1/residents?area_code=410103`)).statusCode).toBe(404);
    expect((await street.get(`/api/v1/residents/count?area_code=${other}${q.replace("?", "&")}`)).json()).toEqual({ count: 1 });
  });

  it("filters by a picked area only inside the caller's jurisdiction: a sibling community is refused, never listed", async () => {
    await create(staff, { name: "区域筛选甲" });
    await otherStaff.post("/api/v1/residents", { name: "区域筛选乙", id_number: makeIdNumber(), area_code: other });
    const q = `q=${encodeURIComponent("区域筛选")}`;
    const names = async (client: ReturnType<typeof as>, area: string) => {
      const response = await client.get(`/api/v1/residents?${q}&area_code=${area}&limit=200`);
      expect(response.statusCode).toBe(200);
      return (response.json().items as Array<{ name: string }>).map((item) => item.name).sort();
    };
    // Community staff picking the neighbouring community (the role that would gain from a broken filter).
    expect((await staff.get(`/api/v1/residents?${q}&area_code=${other}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/residents/count?${q}&area_code=${other}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/households?area_code=${other}`)).statusCode).toBe(404);
    const csv = await staff.get(`/api/v1/exports/residents?format=csv&${q}&area_code=${other}`);
    expect(csv.body).not.toContain("区域筛选乙");
    // Picking the street above them narrows nothing beyond their own community.
    expect(await names(staff, "410105007")).toEqual(["区域筛选甲"]);
    // The street official picks either community and sees only that one's residents.
    expect(await names(street, fengle)).toEqual(["区域筛选甲"]);
    expect(await names(street, other)).toEqual(["区域筛选乙"]);
  });

  it("keeps the query count constant whatever the page size", async () => {
    for (let index = 0; index < 4; index += 1) {
      await create(staff, { name: `计数${index}` });
    }
    const count = async (limit: number) => {
      const before = t.database.stats.queries;
      const response = await staff.get(`/api/v1/residents?limit=${limit}`);
      expect(response.statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    expect(await count(2)).toBe(await count(50));
  });

  it("pages through residents by name without repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; next_cursor: string | null } = (
        await street.get(`/api/v1/residents?limit=3${cursor ? `&cursor=${cursor}` : ""}`)
      ).json();
      seen.push(...page.items.map((item) => item.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await street.get("/api/v1/residents/count")).json().count);
  });
});

describe("residents: search", () => {
  it("finds by Chinese name, by exact ID number and by exact phone", async () => {
    const idNumber = makeIdNumber("1955-11-02", "male");
    const phone = makePhone();
    const created = (await create(staff, { name: "欧阳振华", id_number: idNumber, phone })).json();
    const ids = async (q: string) =>
      ((await staff.get(`/api/v1/residents?q=${encodeURIComponent(q)}`)).json().items as Array<{ id: string }>).map((item) => item.id);
    expect(await ids("振华")).toEqual([created.id]);
    expect(await ids(idNumber)).toEqual([created.id]);
    expect(await ids(idNumber.toLowerCase())).toEqual([created.id]);
    expect(await ids(phone)).toEqual([created.id]);
    expect(await ids(idNumber.slice(0, 10))).toEqual([]);
    expect(await ids("100%_")).toEqual([]);
  });

  it("filters by gender and age range", async () => {
    const old = (await create(staff, { name: "年龄筛选老", id_number: makeIdNumber("1940-01-01", "female") })).json();
    const young = (await create(staff, { name: "年龄筛选少", id_number: makeIdNumber("2015-06-01", "male") })).json();
    const ids = async (query: string) =>
      ((await staff.get(`/api/v1/residents?q=${encodeURIComponent("年龄筛选")}&${query}`)).json().items as Array<{ id: string }>).map(
        (item) => item.id,
      );
    expect(await ids("age_min=80")).toEqual([old.id]);
    expect(await ids("age_max=14")).toEqual([young.id]);
    expect(await ids("gender=male")).toEqual([young.id]);
  });
});

describe("residents: edit and move", () => {
  it("lets one of two concurrent edits win and answers the other 409 with the current copy", async () => {
    const created = (await create(staff, {})).json();
    const [a, b] = await Promise.all([
      staff.patch(`/api/v1/residents/${created.id}`, { version: 1, data: { address: "丰乐路 1 号" } }),
      staff.patch(`/api/v1/residents/${created.id}`, { version: 1, data: { address: "丰乐路 2 号" } }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe("VERSION_CONFLICT");
    expect(loser.json().current.version).toBe(2);
  });

  it("changes the phone and keeps it masked and searchable", async () => {
    const created = (await create(staff, {})).json();
    const phone = makePhone();
    const response = await staff.patch(`/api/v1/residents/${created.id}`, { version: 1, data: { phone, groups: ["veteran_family"] } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      version: 2,
      groups: ["veteran_family"],
      phone_masked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
    });
    const found = await staff.get(`/api/v1/residents?q=${phone}`);
    expect(found.json().items.map((item: { id: string }) => item.id)).toEqual([created.id]);
  });

  it("moves a resident: the old community gets 404 at once, the new one reads it with the history", async () => {
    const created = (await create(staff, {})).json();
    const moved = await staff.post(`/api/v1/residents/${created.id}/move`, { version: 1, to_area_code: other, reason: "搬迁" });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toEqual({ id: created.id, area_code: other });
    expect((await staff.get(`/api/v1/residents/${created.id}`)).statusCode).toBe(404);
    expect((await staff.post(`/api/v1/residents/${created.id}/unmask`, { fields: ["id_number"], purpose: "核实信息" })).statusCode).toBe(
      404,
    );
    const detail = await otherStaff.get(`/api/v1/residents/${created.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().moves).toEqual([expect.objectContaining({ from_area_code: fengle, to_area_code: other, reason: "搬迁" })]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "residents.move"), eq(auditLog.entityId, created.id)));
    expect(audit[0]?.detail).toEqual({ from_area_code: fengle, to_area_code: other });
  });

  it("refuses a move to the same or an unknown community and a stale version", async () => {
    const created = (await create(staff, {})).json();
    expect((await staff.post(`/api/v1/residents/${created.id}/move`, { version: 1, to_area_code: fengle, reason: "x" })).json().code).toBe(
      "RESIDENT_MOVE_INVALID",
    );
    expect(
      (await staff.post(`/api/v1/residents/${created.id}/move`, { version: 1, to_area_code: "410105999999", reason: "x" })).json().code,
    ).toBe("RESIDENT_MOVE_INVALID");
    expect((await staff.post(`/api/v1/residents/${created.id}/move`, { version: 9, to_area_code: other, reason: "x" })).json().code).toBe(
      "VERSION_CONFLICT",
    );
  });
});

describe("households", () => {
  it("creates a household with its head, adds a member and lists it", async () => {
    const head = (await create(staff, { name: "户主测试" })).json();
    const household = await staff.post("/api/v1/households", {
      area_code: fengle,
      address: "丰乐路 8 号院 1 号楼 101",
      head_resident_id: head.id,
    });
    expect(household.statusCode).toBe(201);
    expect(household.json()).toMatchObject({ head_resident_id: head.id, head_name: "户主测试", member_count: 1 });
    const member = (await create(staff, { name: "户主配偶", household_id: household.json().id, relation_to_head: "spouse" })).json();
    expect(member.household_id).toBe(household.json().id);
    const detail = await staff.get(`/api/v1/households/${household.json().id}`);
    expect(detail.json().members.map((m: { name: string; relation_to_head: string }) => [m.name, m.relation_to_head])).toEqual([
      ["户主测试", "head"],
      ["户主配偶", "spouse"],
    ]);
    const list = await staff.get(`/api/v1/households?q=${encodeURIComponent("户主测试")}`);
    expect(list.json().items).toEqual([expect.objectContaining({ id: household.json().id, member_count: 2 })]);
    const members = await staff.get(`/api/v1/residents?household_id=${household.json().id}`);
    expect(members.json().items).toHaveLength(2);
    expect((await otherStaff.get(`/api/v1/households/${household.json().id}`)).statusCode).toBe(404);
  });

  it("refuses a member from another community and a stale household version", async () => {
    const household = (await staff.post("/api/v1/households", { area_code: fengle, address: "丰乐路 9 号" })).json();
    const outsider = await otherStaff.post("/api/v1/residents", {
      name: "外社区",
      id_number: makeIdNumber(),
      area_code: other,
      household_id: household.id,
    });
    expect(outsider.statusCode).toBe(404);
    const stale = await staff.patch(`/api/v1/households/${household.id}`, { version: 5, data: { address: "新地址" } });
    expect(stale.json().code).toBe("VERSION_CONFLICT");
    const renamed = await staff.patch(`/api/v1/households/${household.id}`, { version: 1, data: { address: "新地址" } });
    expect(renamed.json()).toMatchObject({ address: "新地址", version: 2 });
  });
});

describe("factories", () => {
  it("builds residents for other modules' tests", async () => {
    const built = await buildResident(t.ctx, { area_code: fengle, name: "工厂居民" });
    expect((await staff.get(`/api/v1/residents/${built.id}`)).json().name).toBe("工厂居民");
  });
});
