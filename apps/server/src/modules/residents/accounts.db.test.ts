import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { auditLog } from "../../platform/audit/schema.js";
import { buildUser } from "../users/test/factories.js";
import { linkedResidentOf } from "./index.js";
import { selfLinkAttemptsPerHour } from "./policy.js";
import { demoResidentCommunity, seedResidents } from "./seed.js";
import { buildResident, makeIdNumber, makePhone } from "./test/factories.js";

/**
 * Issue 13, finding 5: a resident account linked to the register. Staff link inside their scope only;
 * a resident links themself only with name, ID number and phone of an unlinked record of their own
 * community, every refusal looks the same, attempts are limited, and a linked resident reads only
 * their own record. 丰乐社区 410105007002 and 南阳新村社区 410105007001 are in 南阳新村街道.
 */

const fengle = "410105007002";
const other = "410105007001";

let t: TestApp;
let staff: ReturnType<typeof as>;
let otherStaff: ReturnType<typeof as>;
let twoCommunityStaff: ReturnType<typeof as>;

type Client = ReturnType<typeof as>;

async function residentAccount(area = fengle): Promise<{ id: string; client: Client }> {
  const user = await buildUser(t.ctx, [{ role: "resident", area_code: area }]);
  return { id: user.id, client: as(t.app, await signIn(t.app, user.login)) };
}

async function registered(area = fengle, name = "赵桂兰", groups: string[] = ["elderly_alone"]) {
  const phone = makePhone();
  const idNumber = makeIdNumber("1945-02-03", "female");
  const { id } = await buildResident(t.ctx, { area_code: area, name, id_number: idNumber, phone, groups: groups as never });
  return { id, idNumber, phone, name };
}

beforeAll(async () => {
  t = await createTestApp();
  const login = async (grants: Parameters<typeof buildUser>[1]) => as(t.app, await signIn(t.app, (await buildUser(t.ctx, grants)).login));
  staff = await login([{ role: "community_staff", area_code: fengle }]);
  otherStaff = await login([{ role: "community_staff", area_code: other }]);
  twoCommunityStaff = await login([
    { role: "community_staff", area_code: fengle },
    { role: "community_staff", area_code: other },
  ]);
});

afterAll(async () => {
  await t.close();
});

describe("staff link", () => {
  it("links a resident account of their community to its record; /me shows the masked name; the needs module reads it", async () => {
    const account = await residentAccount();
    const record = await registered(fengle, "赵桂兰");
    expect((await account.client.get("/api/v1/me")).json().resident_link).toBeNull();
    expect(await linkedResidentOf(t.ctx, account.id)).toBeNull();

    const linked = await staff.put(`/api/v1/resident-accounts/${account.id}/link`, { resident_id: record.id });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({
      user_id: account.id,
      area_code: fengle,
      method: "staff",
      resident: { id: record.id, name: "赵桂兰" },
    });

    const me = (await account.client.get("/api/v1/me")).json();
    expect(me.resident_link).toMatchObject({ resident_id: record.id, name_masked: "赵*兰", area_code: fengle, method: "staff" });
    expect(await linkedResidentOf(t.ctx, account.id)).toEqual({ residentId: record.id, areaCode: fengle, groups: ["elderly_alone"] });

    const listed = (await staff.get(`/api/v1/resident-accounts?resident_id=${record.id}`)).json();
    expect(listed.items.map((item: { user_id: string }) => item.user_id)).toEqual([account.id]);
    const unlinked = (await staff.get(`/api/v1/resident-accounts?linked=false&limit=200`)).json();
    expect(unlinked.items.some((item: { user_id: string }) => item.user_id === account.id)).toBe(false);

    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "residents.account.link"), eq(auditLog.entityId, record.id)));
    expect(audit?.detail).toMatchObject({ user_id: account.id, method: "staff" });
    expect(JSON.stringify(audit?.detail)).not.toContain(record.idNumber);
  });

  it("lists the community's resident accounts with the same number of queries whatever the page size", async () => {
    for (let index = 0; index < 3; index += 1) {
      const account = await residentAccount();
      const record = await registered(fengle);
      await staff.put(`/api/v1/resident-accounts/${account.id}/link`, { resident_id: record.id });
    }
    const queriesFor = async (limit: number) => {
      const before = t.database.stats.queries;
      const response = await staff.get(`/api/v1/resident-accounts?area_code=${fengle}&limit=${limit}`);
      expect(response.statusCode).toBe(200);
      return t.database.stats.queries - before;
    };
    expect(await queriesFor(1)).toBe(await queriesFor(50));
    const first = (await staff.get(`/api/v1/resident-accounts?limit=2`)).json();
    const second = (await staff.get(`/api/v1/resident-accounts?limit=2&cursor=${first.next_cursor}`)).json();
    expect(first.items).toHaveLength(2);
    expect(second.items.map((item: { user_id: string }) => item.user_id)).not.toContain(first.items[0].user_id);
    expect((await otherStaff.get(`/api/v1/resident-accounts?area_code=${fengle}`)).statusCode).toBe(404);
    const others = (await otherStaff.get(`/api/v1/resident-accounts?limit=200`)).json();
    expect(others.items.every((item: { area_code: string }) => item.area_code === other)).toBe(true);
  });

  it("answers 404 outside the scope: another community's account, or a record the staff cannot write", async () => {
    const account = await residentAccount();
    const record = await registered(fengle);
    expect((await otherStaff.put(`/api/v1/resident-accounts/${account.id}/link`, { resident_id: record.id })).statusCode).toBe(404);
    const elsewhere = await registered(other);
    expect((await staff.put(`/api/v1/resident-accounts/${account.id}/link`, { resident_id: elsewhere.id })).statusCode).toBe(404);
    const staffUser = await buildUser(t.ctx, [{ role: "community_staff", area_code: fengle }]);
    // Not a resident account: nothing to link.
    expect((await staff.put(`/api/v1/resident-accounts/${staffUser.id}/link`, { resident_id: record.id })).statusCode).toBe(404);
    expect(await linkedResidentOf(t.ctx, account.id)).toBeNull();
  });

  it("refuses a record of another community than the account's, and a record linked to another account", async () => {
    const account = await residentAccount();
    const elsewhere = await registered(other);
    const wrongCommunity = await twoCommunityStaff.put(`/api/v1/resident-accounts/${account.id}/link`, { resident_id: elsewhere.id });
    expect(wrongCommunity.statusCode).toBe(422);
    expect(wrongCommunity.json().code).toBe("RESIDENT_LINK_INVALID");

    const record = await registered(fengle);
    const first = await residentAccount();
    expect((await staff.put(`/api/v1/resident-accounts/${first.id}/link`, { resident_id: record.id })).statusCode).toBe(200);
    const second = await staff.put(`/api/v1/resident-accounts/${account.id}/link`, { resident_id: record.id });
    expect(second.statusCode).toBe(422);
    expect(second.json().code).toBe("RESIDENT_LINK_INVALID");
  });

  it("unlinks (audited); 404 outside the scope or when not linked", async () => {
    const account = await residentAccount();
    const record = await registered(fengle);
    await staff.put(`/api/v1/resident-accounts/${account.id}/link`, { resident_id: record.id });
    expect((await otherStaff.delete(`/api/v1/resident-accounts/${account.id}/link`)).statusCode).toBe(404);
    expect((await staff.delete(`/api/v1/resident-accounts/${account.id}/link`)).statusCode).toBe(204);
    expect((await staff.delete(`/api/v1/resident-accounts/${account.id}/link`)).statusCode).toBe(404);
    expect(await linkedResidentOf(t.ctx, account.id)).toBeNull();
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "residents.account.unlink"), eq(auditLog.entityId, record.id)));
    expect(rows).toHaveLength(1);
  });

  it("a record that moved to another community no longer counts as the account's", async () => {
    const account = await residentAccount();
    const record = await registered(fengle);
    await staff.put(`/api/v1/resident-accounts/${account.id}/link`, { resident_id: record.id });
    const version = (await staff.get(`/api/v1/residents/${record.id}`)).json().version;
    expect((await staff.post(`/api/v1/residents/${record.id}/move`, { to_area_code: other, reason: "搬家", version })).statusCode).toBe(
      200,
    );
    expect(await linkedResidentOf(t.ctx, account.id)).toBeNull();
    expect((await account.client.get("/api/v1/me")).json().resident_link).toBeNull();
  });
});

describe("self link", () => {
  it("links with name, ID number and phone of the resident's own record (full-width digits and spaces accepted)", async () => {
    const account = await residentAccount();
    const record = await registered(fengle, "钱秀英");
    const response = await account.client.post("/api/v1/me/resident-link", {
      name: " 钱 秀英 ",
      id_number: record.idNumber.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
      phone: record.phone,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ resident_id: record.id, name_masked: "钱*英", method: "self" });
    expect(response.body).not.toContain(record.idNumber);
    expect(await linkedResidentOf(t.ctx, account.id)).toMatchObject({ residentId: record.id, groups: ["elderly_alone"] });
    const again = await account.client.post("/api/v1/me/resident-link", {
      name: record.name,
      id_number: record.idNumber,
      phone: record.phone,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("RESIDENT_LINK_EXISTS");
  });

  it("answers the same generic 422 whether the name, the ID number or the phone is wrong, or the record lies elsewhere", async () => {
    const record = await registered(fengle, "孙丽华");
    const elsewhere = await registered(other, "孙丽华");
    const attempts = [
      { name: "孙丽萍", id_number: record.idNumber, phone: record.phone },
      { name: record.name, id_number: makeIdNumber("1945-02-03", "female"), phone: record.phone },
      { name: record.name, id_number: record.idNumber, phone: makePhone() },
      { name: elsewhere.name, id_number: elsewhere.idNumber, phone: elsewhere.phone },
    ];
    const answers: unknown[] = [];
    for (const body of attempts) {
      // A fresh account for each, so the rate limit plays no part.
      const account = await residentAccount();
      const response = await account.client.post("/api/v1/me/resident-link", body);
      expect(response.statusCode).toBe(422);
      const { code, title, detail, status } = response.json();
      answers.push({ code, title, detail, status, headers: Object.keys(response.headers).sort() });
      expect(await linkedResidentOf(t.ctx, account.id)).toBeNull();
    }
    expect(answers.every((answer) => JSON.stringify(answer) === JSON.stringify(answers[0]))).toBe(true);
    expect((answers[0] as { code: string }).code).toBe("RESIDENT_LINK_NO_MATCH");
  });

  it("answers the same for someone else's already linked record, and audits the attempt", async () => {
    const record = await registered(fengle, "周淑珍");
    const owner = await residentAccount();
    expect((await staff.put(`/api/v1/resident-accounts/${owner.id}/link`, { resident_id: record.id })).statusCode).toBe(200);
    const intruder = await residentAccount();
    const response = await intruder.client.post("/api/v1/me/resident-link", {
      name: record.name,
      id_number: record.idNumber,
      phone: record.phone,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe("RESIDENT_LINK_NO_MATCH");
    expect(await linkedResidentOf(t.ctx, intruder.id)).toBeNull();
    expect((await linkedResidentOf(t.ctx, owner.id))?.residentId).toBe(record.id);
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "residents.account.self_link"), eq(auditLog.actorId, intruder.id)));
    expect(audit).toMatchObject({ outcome: "failure", entityId: record.id, detail: { reason: "linked_elsewhere" } });
    expect(JSON.stringify(audit?.detail)).not.toContain(record.idNumber);
    expect(JSON.stringify(audit?.detail)).not.toContain(record.phone);
  });

  it(`refuses with 429 after ${selfLinkAttemptsPerHour} attempts an hour, even with the right data`, async () => {
    const record = await registered(fengle, "吴玉梅");
    const account = await residentAccount();
    for (let attempt = 0; attempt < selfLinkAttemptsPerHour; attempt += 1) {
      const guess = await account.client.post("/api/v1/me/resident-link", {
        name: record.name,
        id_number: makeIdNumber(),
        phone: record.phone,
      });
      expect(guess.statusCode).toBe(422);
    }
    const right = await account.client.post("/api/v1/me/resident-link", {
      name: record.name,
      id_number: record.idNumber,
      phone: record.phone,
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe("RESIDENT_LINK_RATE_LIMITED");
    expect(right.headers["retry-after"]).toBe("3600");
    expect(await linkedResidentOf(t.ctx, account.id)).toBeNull();
    const [denied] = await t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "residents.account.self_link"), eq(auditLog.actorId, account.id), eq(auditLog.outcome, "denied")));
    expect(Number(denied?.n)).toBe(1);
  });

  it("counts parallel attempts too: at most the limit get an answer on the data", async () => {
    const record = await registered(fengle, "冯淑英");
    const account = await residentAccount();
    const guesses = Array.from({ length: selfLinkAttemptsPerHour * 2 }, () =>
      account.client.post("/api/v1/me/resident-link", { name: record.name, id_number: makeIdNumber(), phone: record.phone }),
    );
    const statuses = (await Promise.all(guesses)).map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 422).length).toBeLessThanOrEqual(selfLinkAttemptsPerHour);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(selfLinkAttemptsPerHour);
  });

  it("is for resident accounts only", async () => {
    const record = await registered(fengle);
    const response = await staff.post("/api/v1/me/resident-link", { name: record.name, id_number: record.idNumber, phone: record.phone });
    expect(response.statusCode).toBe(403);
  });
});

describe("a linked resident reads only their own record", () => {
  it("GET /me/resident shows their record masked; other records and lists stay closed", async () => {
    const account = await residentAccount();
    const record = await registered(fengle, "郑美华");
    const neighbour = await registered(fengle, "王大妈");
    const before = await account.client.get("/api/v1/me/resident");
    expect(before.statusCode).toBe(404);
    expect(before.json().code).toBe("RESIDENT_NOT_LINKED");
    await staff.put(`/api/v1/resident-accounts/${account.id}/link`, { resident_id: record.id });

    const own = await account.client.get("/api/v1/me/resident");
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: record.id, name: "郑美华", can_unmask: false, groups: ["elderly_alone"] });
    expect(own.json().id_number_masked).toBe(`${record.idNumber.slice(0, 6)}********${record.idNumber.slice(-4)}`);
    expect(own.body).not.toContain(record.idNumber);
    expect(own.body).not.toContain(record.phone);

    expect((await account.client.get(`/api/v1/residents/${neighbour.id}`)).statusCode).toBe(403);
    expect((await account.client.get(`/api/v1/residents/${record.id}`)).statusCode).toBe(403);
    expect((await account.client.get("/api/v1/residents")).statusCode).toBe(403);
    expect(
      (await account.client.post(`/api/v1/residents/${record.id}/unmask`, { fields: ["id_number"], purpose: "看看" })).statusCode,
    ).toBe(403);
    expect((await account.client.get("/api/v1/resident-accounts")).statusCode).toBe(403);
  });
});

describe("demo world", () => {
  it("links demo-resident to a register resident of 丰乐社区 living alone, once", async () => {
    const demo = await buildUser(t.ctx, [{ role: "resident", area_code: demoResidentCommunity }], { login: "demo-resident" });
    await seedResidents(t.ctx);
    await seedResidents(t.ctx);
    const linked = await linkedResidentOf(t.ctx, demo.id);
    expect(linked).toMatchObject({ areaCode: "410105007002" });
    expect(linked?.groups).toContain("elderly_alone");
    const client = as(t.app, await signIn(t.app, "demo-resident"));
    expect((await client.get("/api/v1/me")).json().resident_link).toMatchObject({ resident_id: linked?.residentId, method: "staff" });
  });
});
