import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { ImportJob } from "@sanshe/contracts";
import type { CatalogItem, CatalogItemCreate } from "@sanshe/contracts/admin-tasks";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { buildUser } from "../../users/test/factories.js";
import { adminTaskCatalog } from "../schema.js";
import { buildDepartment, buildMember, buildTask } from "../test/rows.js";
import { seedCatalogDemo } from "./seed.js";

/** The community work catalogue: who keeps it, who reads it, conflicts, and the spreadsheet import. */

type Client = ReturnType<typeof as>;
type CatalogPage = { items: CatalogItem[]; next_cursor: string | null; total: number };

let t: TestApp;
const clients: Record<string, Client> = {};

async function client(grants: Parameters<typeof buildUser>[1]): Promise<Client> {
  return as(t.app, await signIn(t.app, (await buildUser(t.ctx, grants)).login));
}

const item = (overrides: Partial<CatalogItemCreate> = {}): CatalogItemCreate => ({
  area_code: "410105",
  list: "statutory",
  title: "社区矛盾纠纷调解",
  legal_basis: "《中华人民共和国人民调解法》",
  department_name: "区司法局",
  description: null,
  ...overrides,
});

async function create(who: Client, body: CatalogItemCreate): Promise<CatalogItem> {
  const response = await who.post("/api/v1/admin-task-catalog", body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CatalogItem>();
}

async function list(who: Client, query = ""): Promise<CatalogPage> {
  const response = await who.get(`/api/v1/admin-task-catalog${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CatalogPage>();
}

beforeAll(async () => {
  t = await createTestApp();
  clients.city = await client([{ role: "official", area_code: "4101" }]);
  clients.district = await client([{ role: "official", area_code: "410105" }]);
  clients.otherDistrict = await client([{ role: "official", area_code: "410103" }]);
  clients.street = await client([{ role: "official", area_code: "410105007" }]);
  clients.community = await client([{ role: "community_staff", area_code: "410105007002" }]);
  clients.resident = await client([{ role: "resident", area_code: "410105007002" }]);
  const department = await buildDepartment(t.ctx, "410105", "金水区民政局");
  clients.department = as(t.app, await signIn(t.app, (await buildMember(t.ctx, "department", "410105", department)).login));
});

afterAll(async () => {
  await t.close();
});

describe("the catalogue", () => {
  it("is kept by district and city officials in their jurisdiction only", async () => {
    const created = await create(clients.district!, item());
    expect(created).toMatchObject({ area_code: "410105", area_name: "金水区", list: "statutory", version: 1, department_name: "区司法局" });
    await create(
      clients.city!,
      item({ area_code: "4101", list: "negative", title: "招商引资任务", legal_basis: "基层治理意见", department_name: null }),
    );
    // The city keeps its districts' catalogues too.
    await create(clients.city!, item({ title: "居民自治组织建设", legal_basis: "《城市居民委员会组织法》" }));

    const outside = await clients.district!.post("/api/v1/admin-task-catalog", item({ area_code: "410103" }));
    expect(outside.statusCode).toBe(404);
    const street = await clients.district!.post("/api/v1/admin-task-catalog", item({ area_code: "410105007" }));
    expect(street.statusCode).toBe(400);
    expect(street.json()).toMatchObject({ code: "CATALOG_AREA_LEVEL" });
    for (const who of ["street", "community", "department", "resident"]) {
      expect((await clients[who]!.post("/api/v1/admin-task-catalog", item({ title: `${who}的事项` }))).statusCode, who).toBe(403);
    }
    const unknown = await clients.city!.post("/api/v1/admin-task-catalog", item({ area_code: "410199" }));
    expect(unknown.statusCode).toBe(404);
  });

  it("refuses a second item with the same title on the same list of an area", async () => {
    const duplicate = await clients.district!.post("/api/v1/admin-task-catalog", item());
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.headers["content-type"]).toContain("application/problem+json");
    expect(duplicate.json()).toMatchObject({ code: "CATALOG_ITEM_EXISTS" });
    // Same title on another list, or in another district, is another item.
    await create(clients.district!, item({ list: "assisted" }));
    await create(clients.otherDistrict!, item({ area_code: "410103" }));
  });

  it("is read by officials, communities and departments: the items of the area and its ancestors", async () => {
    const own = await list(clients.community!);
    expect(own.items.map((entry) => [entry.area_code, entry.list, entry.title])).toEqual([
      ["410105", "statutory", "居民自治组织建设"],
      ["410105", "statutory", "社区矛盾纠纷调解"],
      ["410105", "assisted", "社区矛盾纠纷调解"],
      ["4101", "negative", "招商引资任务"],
    ]);
    expect(own.total).toBe(4);
    expect((await list(clients.department!)).total).toBe(4);
    expect((await list(clients.community!, "?area=410105")).total).toBe(4);
    // A city official's own catalogue is the city's; a district's is asked for by area.
    expect((await list(clients.city!)).items.map((entry) => entry.title)).toEqual(["招商引资任务"]);
    expect((await list(clients.city!, "?area=410103")).items.map((entry) => entry.area_code)).toEqual(["410103", "4101"]);
    // Outside the scope (a sibling district, another street's community): 404.
    expect((await clients.community!.get("/api/v1/admin-task-catalog?area=410103")).statusCode).toBe(404);
    expect((await clients.street!.get("/api/v1/admin-task-catalog?area=410105001003")).statusCode).toBe(404);
    expect((await clients.resident!.get("/api/v1/admin-task-catalog")).statusCode).toBe(403);
  });

  it("filters by list and text and pages by list then title, with the total of the filter", async () => {
    expect((await list(clients.street!, "?list=statutory")).total).toBe(2);
    const search = await list(clients.street!, `?q=${encodeURIComponent("调解")}`);
    expect(search.items.map((entry) => entry.list)).toEqual(["statutory", "assisted"]);
    expect((await list(clients.street!, `?q=${encodeURIComponent("组织法")}`)).items.map((entry) => entry.title)).toEqual([
      "居民自治组织建设",
    ]);
    expect((await list(clients.street!, `?q=${encodeURIComponent("%")}`)).total).toBe(0);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: CatalogPage = await list(clients.street!, `?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.total).toBe(4);
      seen.push(...page.items.map((entry) => `${entry.list}:${entry.title}`));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual((await list(clients.street!)).items.map((entry) => `${entry.list}:${entry.title}`));
    const bad = await clients.street!.get("/api/v1/admin-task-catalog?cursor=not-a-cursor");
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("edits with the version read: 409 when stale, 409 on a title already listed, 404 outside the scope", async () => {
    const [target] = (await list(clients.district!, `?q=${encodeURIComponent("自治")}`)).items;
    const edited = await clients.district!.patch(`/api/v1/admin-task-catalog/${target!.id}`, {
      description: "组织居民依法自治",
      version: target!.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ description: "组织居民依法自治", version: 2 });
    const stale = await clients.district!.patch(`/api/v1/admin-task-catalog/${target!.id}`, { description: "旧的", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "VERSION_CONFLICT", current: { version: 2 } });
    const clash = await clients.district!.patch(`/api/v1/admin-task-catalog/${target!.id}`, { title: "社区矛盾纠纷调解", version: 2 });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: "CATALOG_ITEM_EXISTS" });
    expect((await clients.otherDistrict!.patch(`/api/v1/admin-task-catalog/${target!.id}`, { title: "改", version: 2 })).statusCode).toBe(
      404,
    );
    expect((await clients.street!.patch(`/api/v1/admin-task-catalog/${target!.id}`, { title: "改", version: 2 })).statusCode).toBe(403);
    const moved = await clients.city!.patch(`/api/v1/admin-task-catalog/${target!.id}`, { list: "assisted", version: 2 });
    expect(moved.json()).toMatchObject({ list: "assisted", version: 3 });
    const missing = await clients.district!.patch("/api/v1/admin-task-catalog/00000000-0000-4000-8000-000000000000", { version: 1 });
    expect(missing.statusCode).toBe(404);
  });

  it("removes an item no task refers to, and refuses one in use", async () => {
    const used = await create(
      clients.district!,
      item({ list: "assisted", title: "城乡居民医保参保登记协助", legal_basis: "《社会保险法》" }),
    );
    const free = await create(clients.district!, item({ list: "assisted", title: "临时事项", legal_basis: "无" }));
    const department = await buildDepartment(t.ctx, "410105", "金水区医疗保障局");
    await buildTask(t.ctx, {
      departmentId: department,
      kind: "data_collection",
      hours: 1,
      fundingFen: 1000,
      startsOn: "2026-01-01",
      endsOn: "2026-06-30",
      catalogItemId: used.id,
    });
    const refused = await clients.district!.delete(`/api/v1/admin-task-catalog/${used.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "CATALOG_ITEM_IN_USE" });
    expect((await clients.otherDistrict!.delete(`/api/v1/admin-task-catalog/${free.id}`)).statusCode).toBe(404);
    expect((await clients.district!.delete(`/api/v1/admin-task-catalog/${free.id}`)).statusCode).toBe(204);
    expect((await clients.district!.delete(`/api/v1/admin-task-catalog/${free.id}`)).statusCode).toBe(404);
  });
});

describe("the catalogue import", () => {
  async function workbook(rows: string[][]): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("清单");
    sheet.addRow(["清单类别", "事项名称", "法律依据", "责任部门", "说明"]);
    for (const row of rows) {
      sheet.addRow(row);
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  async function importRows(who: Client, rows: string[][]): Promise<ImportJob> {
    const uploaded = await who.post(
      `/api/v1/imports?kind=admin-task-catalog&file_name=${encodeURIComponent("清单.xlsx")}`,
      await workbook(rows),
      {
        headers: { "content-type": "application/octet-stream" },
      },
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const job = uploaded.json<ImportJob>();
    expect(job.error_rows, JSON.stringify(job.errors)).toBe(0);
    expect((await who.post(`/api/v1/imports/${job.id}/commit`, { mode: "all" })).statusCode).toBe(202);
    await t.app.sanshe.idle();
    return (await who.get(`/api/v1/imports/${job.id}`)).json<ImportJob>();
  }

  const rows = [
    ["依法履职", "居民公约制定和修订", "《城市居民委员会组织法》", "区民政局", "组织居民讨论制定居民公约"],
    ["协助", "计划生育服务协助", "《人口与计划生育法》", "区卫生健康委", ""],
    ["负面清单", "出具无法核实的证明", "证明事项清理意见", "", "不出具无法核实的证明"],
  ];

  it("imports the district's catalogue from a spreadsheet, and a re-import updates rather than duplicates", async () => {
    const first = await importRows(clients.district!, rows);
    expect(first).toMatchObject({ status: "completed", inserted: 3, updated: 0 });
    const imported = await t.ctx.db
      .select({ list: adminTaskCatalog.list, department: adminTaskCatalog.departmentName })
      .from(adminTaskCatalog)
      .where(and(eq(adminTaskCatalog.areaCode, "410105"), eq(adminTaskCatalog.title, "出具无法核实的证明")));
    expect(imported).toEqual([{ list: "negative", department: null }]);

    const changed = rows.map((row) => [...row]);
    changed[1]![2] = "《中华人民共和国人口与计划生育法》";
    const second = await importRows(clients.district!, changed);
    expect(second).toMatchObject({ status: "completed", inserted: 0, updated: 1, unchanged: 2 });
    const [count] = await t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(adminTaskCatalog)
      .where(eq(adminTaskCatalog.title, "计划生育服务协助"));
    expect(count?.n).toBe(1);
    const [updated] = (await list(clients.community!, `?q=${encodeURIComponent("计划生育")}`)).items;
    expect(updated).toMatchObject({ legal_basis: "《中华人民共和国人口与计划生育法》", version: 2 });
  });

  it("reports a bad list label per row, and refuses the import to roles that do not keep a catalogue", async () => {
    const uploaded = await clients.district!.post(
      `/api/v1/imports?kind=admin-task-catalog&file_name=x.xlsx`,
      await workbook([
        ["其他清单", "某事项", "某依据", "", ""],
        ["协助", "", "某依据", "", ""],
      ]),
      { headers: { "content-type": "application/octet-stream" } },
    );
    const job = uploaded.json<ImportJob>();
    expect(job).toMatchObject({ valid_rows: 0, error_rows: 2 });
    expect(job.errors.map((error) => [error.row, error.field])).toEqual([
      [2, "清单类别"],
      [3, "事项名称"],
    ]);
    const street = await clients.street!.post(`/api/v1/imports?kind=admin-task-catalog&file_name=x.xlsx`, await workbook(rows), {
      headers: { "content-type": "application/octet-stream" },
    });
    expect(street.statusCode).toBe(403);
  });
});

describe("the demo catalogue", () => {
  it("loads 金水区's three lists once, however often the seed runs", async () => {
    await seedCatalogDemo(t.ctx);
    await seedCatalogDemo(t.ctx);
    const rows = await t.ctx.db
      .select({ list: adminTaskCatalog.list, n: sql<number>`count(*)::int` })
      .from(adminTaskCatalog)
      .where(and(eq(adminTaskCatalog.areaCode, "410105"), sql`${adminTaskCatalog.legalBasis} <> ''`))
      .groupBy(adminTaskCatalog.list);
    const counts = Object.fromEntries(rows.map((row) => [row.list, row.n]));
    expect(counts.statutory).toBeGreaterThanOrEqual(8);
    expect(counts.assisted).toBeGreaterThanOrEqual(8);
    expect(counts.negative).toBeGreaterThanOrEqual(6);
    expect((await list(clients.community!, "?list=negative&limit=200")).items.map((entry) => entry.title)).toContain("招商引资任务");
  });
});
