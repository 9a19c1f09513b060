import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { NeedDetail } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { buildResident } from "../residents/test/factories.js";
import { buildGrid } from "../communities/test/factories.js";

/** Staff intake for someone who is not a registered resident: an anonymous contact, encrypted and masked. */

let t: TestApp;
let staff: ReturnType<typeof as>;
const community = "410105007002";

beforeAll(async () => {
  t = await createTestApp();
  staff = as(t.app, await signIn(t.app, (await buildUser(t.ctx, [{ role: "community_staff", area_code: community }])).login));
});

afterAll(async () => {
  await t.close();
});

describe("anonymous contact on needs", () => {
  it("records a need for a contact in a community, stores the contact encrypted and shows it masked", async () => {
    const response = await staff.post("/api/v1/needs", {
      category: "health",
      description: "路过居民反映需要测血压",
      area_code: community,
      contact: { name: "李秀英", phone: "13912345678" },
    });
    expect(response.statusCode).toBe(201);
    const need = response.json<NeedDetail>();
    expect(need).toMatchObject({
      resident_id: null,
      channel: "staff",
      status: "routed",
      contact: { name_masked: "李*英", phone_masked: "139****5678", email_masked: null },
    });
    const detail = await staff.get(`/api/v1/needs/${need.id}`);
    expect(detail.body).not.toContain("13912345678");
    expect(detail.body).not.toContain("李秀英");
    const raw = await t.database.db.execute(sql`SELECT contact_enc FROM needs WHERE id = ${need.id}`);
    const stored = (raw as { rows: Array<{ contact_enc: string }> }).rows[0]?.contact_enc ?? "";
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain("13912345678");
    const list = await staff.get("/api/v1/needs");
    expect(list.body).not.toContain("13912345678");
  });

  it("refuses a contact together with a resident, and a contact from a resident reporting for themself", async () => {
    const resident = await buildResident(t.ctx, { area_code: community, name: "王阿姨" });
    const both = await staff.post("/api/v1/needs", {
      category: "health",
      description: "x",
      resident_id: resident.id,
      contact: { name: "李秀英" },
    });
    expect(both.json()).toMatchObject({ code: "NEED_CONTACT_WITH_RESIDENT" });
    const invalid = await staff.post("/api/v1/needs", {
      category: "health",
      description: "x",
      area_code: community,
      contact: { name: "李秀英", phone: "123" },
    });
    expect(invalid.statusCode).toBe(400);
    const self = as(t.app, await signIn(t.app, (await buildUser(t.ctx, [{ role: "resident", area_code: community }])).login));
    expect((await self.post("/api/v1/needs", { category: "health", description: "x", contact: { name: "李秀英" } })).statusCode).toBe(403);
  });

  it("places a need in a grid: the resident's, or one of the contact's community; never another community's", async () => {
    const grid = await buildGrid(t.ctx, community, { name: "丰乐一网格" });
    const elsewhere = await buildGrid(t.ctx, "410105007001", { name: "别处网格" });
    const resident = await buildResident(t.ctx, { area_code: community, name: "赵大爷" });
    // The residents registry places a resident in a grid (by the grid's name on import or edit).
    await t.database.db.execute(sql`UPDATE residents SET grid_id = ${grid.id}, grid_name = '丰乐一网格' WHERE id = ${resident.id}`);
    const forResident = await staff.post("/api/v1/needs", { category: "health", description: "量血压", resident_id: resident.id });
    expect(forResident.json<NeedDetail>().grid).toEqual({ id: grid.id, name: "丰乐一网格" });
    const forContact = await staff.post("/api/v1/needs", {
      category: "health",
      description: "量血压",
      area_code: community,
      grid_id: grid.id,
      contact: { name: "钱女士" },
    });
    expect(forContact.statusCode).toBe(201);
    expect((await staff.get(`/api/v1/needs/${forContact.json<NeedDetail>().id}`)).json<NeedDetail>().grid?.name).toBe("丰乐一网格");
    const count = async () =>
      Number(((await t.database.db.execute(sql`SELECT count(*)::int AS n FROM needs`)) as { rows: Array<{ n: number }> }).rows[0]?.n);
    const before = await count();
    const wrong = await staff.post("/api/v1/needs", {
      category: "health",
      description: "量血压",
      area_code: community,
      grid_id: elsewhere.id,
      contact: { name: "孙先生" },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: "NEED_GRID_MISMATCH" });
    expect(await count()).toBe(before);
    const self = as(t.app, await signIn(t.app, (await buildUser(t.ctx, [{ role: "resident", area_code: community }])).login));
    expect((await self.post("/api/v1/needs", { category: "health", description: "x", grid_id: grid.id })).statusCode).toBe(403);
  });
});
