import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { buildActor } from "../../platform/auth/actor.js";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { AppError } from "../../platform/errors/app-error.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { buildSocialWorker } from "../social-workers/test/factories.js";
import { socialWorkers } from "../social-workers/test/tables.js";
import { cases } from "../cases/test/tables.js";
import { households, residents } from "./schema.js";
import { residentExport, ResidentImportRowSchema, upsertResident } from "./spreadsheets.js";
import { seedResidents } from "./seed.js";
import { makeIdNumber } from "./test/factories.js";

/** The residents ImportSpec's upsert and ExportSpec's page against the database. */

let t: TestApp;
let staffCtx: ActorCtx;
const fengle = "410105007002";

function actorCtx(
  role: "community_staff" | "social_worker" | "official",
  areaCode: string,
  organizationId: string | null = null,
): ActorCtx {
  const actor = buildActor({ id: crypto.randomUUID(), login: `${role}-test`, displayName: role }, [
    { id: "m", role, areaCode, organizationId },
  ]);
  return { ...t.ctx, actor };
}

beforeAll(async () => {
  t = await createTestApp();
  staffCtx = actorCtx("community_staff", fengle);
});

afterAll(async () => {
  await t.close();
});

const upsert = (ctx: ActorCtx, input: Record<string, string>) =>
  withTx(ctx, (tx) => upsertResident(tx, ResidentImportRowSchema.parse(input)));

describe(upsertResident.name, () => {
  it("inserts, then leaves the same row unchanged, then updates a changed row", async () => {
    const idNumber = makeIdNumber();
    const row = { name: "导入居民", id_number: idNumber, area_code: fengle, phone: "13700000001", groups: "独居老人" };
    expect(await upsert(staffCtx, row)).toBe("inserted");
    expect(await upsert(staffCtx, row)).toBe("unchanged");
    expect(await upsert(staffCtx, { ...row, phone: "13700000002" })).toBe("updated");
    expect(await upsert(staffCtx, { ...row, phone: "13700000002", groups: "独居老人,残疾人" })).toBe("updated");
    const [stored] = await t.database.db.select().from(residents).where(eq(residents.name, "导入居民"));
    expect(stored).toMatchObject({ phoneMasked: "137****0002", groups: ["disabled", "elderly_alone"], version: 3 });
  });

  it("builds households from the head's ID number", async () => {
    const head = makeIdNumber("1960-01-01", "male");
    const spouse = makeIdNumber("1962-02-02", "female");
    expect(
      await upsert(staffCtx, {
        name: "导入户主",
        id_number: head,
        area_code: fengle,
        address: "丰乐路 3 号",
        head_id_number: head,
        relation_to_head: "户主",
      }),
    ).toBe("inserted");
    expect(
      await upsert(staffCtx, { name: "导入配偶", id_number: spouse, area_code: fengle, head_id_number: head, relation_to_head: "妻子" }),
    ).toBe("inserted");
    expect(
      await upsert(staffCtx, { name: "导入配偶", id_number: spouse, area_code: fengle, head_id_number: head, relation_to_head: "妻子" }),
    ).toBe("unchanged");
    const rows = await t.database.db.select().from(residents).where(eq(residents.address, "丰乐路 3 号"));
    const headRow = rows[0];
    expect(headRow?.relationToHead).toBe("head");
    const members = await t.database.db
      .select()
      .from(residents)
      .where(eq(residents.householdId, headRow?.householdId ?? ""));
    expect(members.map((member) => [member.name, member.relationToHead]).sort()).toEqual([
      ["导入户主", "head"],
      ["导入配偶", "spouse"],
    ]);
    const [household] = await t.database.db
      .select()
      .from(households)
      .where(eq(households.id, headRow?.householdId ?? ""));
    expect(household?.headResidentId).toBe(headRow?.id);
  });

  it("refuses an unknown head and a resident registered in another community", async () => {
    const error = await upsert(staffCtx, {
      name: "无户主",
      id_number: makeIdNumber(),
      area_code: fengle,
      head_id_number: makeIdNumber(),
    }).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe("HOUSEHOLD_HEAD_UNKNOWN");
    const idNumber = makeIdNumber();
    await upsert(actorCtx("community_staff", "410105007001"), { name: "别处居民", id_number: idNumber, area_code: "410105007001" });
    const refused = await upsert(staffCtx, { name: "别处居民", id_number: idNumber, area_code: fengle }).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("RESIDENT_EXISTS");
    expect((refused as AppError).extra).toEqual({});
  });
});

describe("residents export page", () => {
  it("pages masked items in the caller's scope", async () => {
    const idNumber = makeIdNumber();
    await upsert(staffCtx, { name: "导出居民", id_number: idNumber, area_code: fengle, phone: "13600000001" });
    const page = await residentExport.page(staffCtx, residentExport.filterSchema.parse({ q: "导出居民" }), undefined, 10);
    expect(page.items).toHaveLength(1);
    const [item] = page.items;
    const values = residentExport.columns.map((column) => (item ? column.value(item) : null));
    expect(values).toContain(`410105********${idNumber.slice(-4)}`);
    expect(values).toContain("136****0001");
    expect(JSON.stringify(values)).not.toContain(idNumber);
    const outside = await residentExport.page(
      actorCtx("community_staff", "410105007001"),
      residentExport.filterSchema.parse({ q: "导出居民" }),
      undefined,
      10,
    );
    expect(outside.items).toHaveLength(0);
  });
});

describe(seedResidents.name, () => {
  it("loads about 2,000 residents of 南阳新村街道 quickly and only once", async () => {
    const started = Date.now();
    await seedResidents(t.ctx);
    const elapsed = Date.now() - started;
    const count = async () => await t.database.db.$count(residents);
    const afterFirst = await count();
    expect(afterFirst).toBeGreaterThanOrEqual(2000);
    await seedResidents(t.ctx);
    expect(await count()).toBe(afterFirst);
    expect(elapsed).toBeLessThan(20_000);
    const org = await buildSocialOrg(t.ctx, "410105");
    const workerCtx = actorCtx("social_worker", fengle, org.id);
    // A social worker exports only the residents they serve: none yet, then those with their cases.
    expect((await residentExport.page(workerCtx, residentExport.filterSchema.parse({}), undefined, 200)).items).toHaveLength(0);
    const record = await buildSocialWorker(t.ctx, { organizationId: org.id, areaCode: "410105", communities: [fengle] });
    await t.database.db.update(socialWorkers).set({ userId: workerCtx.actor.userId }).where(eq(socialWorkers.id, record.id));
    const sensitive = await t.database.db
      .select({ id: residents.id })
      .from(residents)
      .where(and(eq(residents.areaCode, fengle), sql`${residents.groups} && ARRAY['disabled', 'low_income', 'minor']::text[]`))
      .limit(20);
    expect(sensitive.length).toBeGreaterThan(0);
    await t.database.db.insert(cases).values(
      sensitive.map((row) => ({
        areaCode: fengle,
        residentId: row.id,
        workerId: record.id,
        presentingProblem: "探访",
        riskLevel: "low" as const,
        openedOn: "2026-01-05",
      })),
    );
    const page = await residentExport.page(workerCtx, residentExport.filterSchema.parse({}), undefined, 200);
    expect(page.items).toHaveLength(sensitive.length);
    expect(page.items.every((item) => !item.groups.some((group) => ["disabled", "low_income", "minor"].includes(group)))).toBe(true);
  });
});
