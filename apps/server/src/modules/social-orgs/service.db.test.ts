import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq, sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { loadActor } from "../../platform/auth/actor.js";
import type { ActorCtx } from "../../platform/ctx.js";
import { withTx } from "../../platform/ctx.js";
import { buildUser } from "../users/test/factories.js";
import { socialOrgImport, socialOrgExport } from "./imports.js";
import { socialOrgs, socialOrgServiceAreas, socialOrgStations } from "./schema.js";
import { demoAgencyName, seedSocialOrgs } from "./seed.js";
import { buildSocialOrg, randomUscc } from "./test/factories.js";

let t: TestApp;
let official: ActorCtx;

async function actorCtx(grants: Parameters<typeof buildUser>[1]): Promise<ActorCtx> {
  const user = await buildUser(t.ctx, grants);
  const actor = await loadActor(t.ctx.db, user.id);
  if (!actor) {
    throw new Error("no actor");
  }
  return { ...t.ctx, actor };
}

beforeAll(async () => {
  t = await createTestApp();
  official = await actorCtx([{ role: "official", area_code: "410105" }]);
});

afterAll(async () => {
  await t.close();
});

describe(socialOrgImport.upsert.name, () => {
  const uscc = randomUscc("association", "410105");
  const cells = {
    name: "导入测试协会（演示）",
    uscc,
    registration: "登记",
    legal_form: "社会团体",
    category: "文体类",
    grade: "4A",
    area_code: "410105",
    staff_count: "7",
  };

  it("inserts, then reports unchanged for the same row and updated for a changed row", async () => {
    const row = socialOrgImport.rowSchema.parse(cells);
    expect(socialOrgImport.naturalKey(row)).toBe(uscc);
    expect(await withTx(official, (tx) => socialOrgImport.upsert(tx, row))).toBe("inserted");
    expect(await withTx(official, (tx) => socialOrgImport.upsert(tx, socialOrgImport.rowSchema.parse(cells)))).toBe("unchanged");
    const changed = socialOrgImport.rowSchema.parse({ ...cells, staff_count: "8" });
    expect(await withTx(official, (tx) => socialOrgImport.upsert(tx, changed))).toBe("updated");
    const [stored] = await t.ctx.db.select().from(socialOrgs).where(eq(socialOrgs.uscc, uscc));
    expect(stored).toMatchObject({ staffCount: 8, version: 2, grade: "4A" });
  });

  it("matches filed organizations without a credit code by name and area", async () => {
    const filed = { name: "导入广场舞队（演示）", registration: "备案", category: "文体类", area_code: "410105007003" };
    const row = socialOrgImport.rowSchema.parse(filed);
    expect(socialOrgImport.naturalKey(row)).toBe("导入广场舞队（演示）@410105007003");
    expect(await withTx(official, (tx) => socialOrgImport.upsert(tx, row))).toBe("inserted");
    expect(await withTx(official, (tx) => socialOrgImport.upsert(tx, row))).toBe("unchanged");
  });

  it("refuses a row whose credit code belongs to an organization out of scope (SOCIAL_ORG_EXISTS)", async () => {
    const other = await buildSocialOrg.registered(t.ctx, "410103");
    const row = socialOrgImport.rowSchema.parse({ ...cells, uscc: other.uscc, legal_form: "民办非企业单位", name: "冒用" });
    await expect(withTx(official, (tx) => socialOrgImport.upsert(tx, row))).rejects.toMatchObject({ code: "SOCIAL_ORG_EXISTS" });
  });
});

describe("socialOrgExport", () => {
  it("pages the scoped list and maps values to Chinese labels", async () => {
    await buildSocialOrg.registered(t.ctx, "410105007004", { name: "导出测试组织（演示）", category: "charity" });
    const filter = socialOrgExport.filterSchema.parse({ q: "导出测试" });
    const page = await socialOrgExport.page(official, filter, undefined, 10);
    const [item] = page.items;
    if (!item || page.items.length !== 1) {
      throw new Error("expected one item");
    }
    const values = Object.fromEntries(socialOrgExport.columns.map((column) => [column.key, column.value(item)]));
    expect(values).toMatchObject({
      name: "导出测试组织（演示）",
      category: "公益慈善类",
      registration: "登记",
      is_social_work_agency: "是",
    });
  });
});

describe(seedSocialOrgs.name, () => {
  it("loads the demo organizations once, keeping the demo agency", async () => {
    await seedSocialOrgs(t.ctx);
    const [first] = await t.ctx.db.select({ n: count() }).from(socialOrgs);
    await seedSocialOrgs(t.ctx);
    const [second] = await t.ctx.db.select({ n: count() }).from(socialOrgs);
    expect(second?.n).toBe(first?.n);
    const [agency] = await t.ctx.db.select().from(socialOrgs).where(eq(socialOrgs.name, demoAgencyName));
    expect(agency?.isSocialWorkAgency).toBe(true);
    const [stations] = await t.ctx.db.select({ n: count() }).from(socialOrgStations);
    expect(stations?.n).toBeGreaterThan(10);
    for (const table of [socialOrgs, socialOrgStations, socialOrgServiceAreas]) {
      const [unknown] = await t.ctx.db
        .select({ n: count() })
        .from(table)
        .where(sql`${table.areaCode} NOT IN (SELECT code FROM areas)`);
      expect(unknown?.n).toBe(0);
    }
  });
});
