import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import ExcelJS from "exceljs";
import { AreaCodeSchema, text, type ImportJob } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { socialOrgs } from "../social-orgs/test/tables.js";
import { auditLog } from "../../platform/audit/schema.js";
import { notFound } from "../../platform/errors/app-error.js";
import { isInScope } from "../../platform/auth/permissions.js";
import type { ExportSpec, ImportSpec } from "../../platform/module.js";
import { importJobs } from "./schema.js";

/**
 * The import and export engines are generic; these tests drive them with a small spec over the
 * social_orgs table (name + area as the natural key), through the real HTTP routes and database.
 */
const RowSchema = z.object({ name: text({ max: 50 }), area_code: AreaCodeSchema, note: text({ max: 100 }).optional() });
type Row = z.infer<typeof RowSchema>;

const spec: ImportSpec<Row> = {
  kind: "test-orgs",
  permission: "communities.write",
  columns: [
    { key: "name", header: "名称", header_en: "Name", example: "示例组织" },
    { key: "area_code", header: "区划代码", header_en: "Area code", example: "410105007002" },
    { key: "note", header: "备注", header_en: "Note" },
  ],
  rowSchema: RowSchema,
  naturalKey: (row) => `${row.area_code}|${row.name}`,
  async upsert(ctx, row) {
    if (!isInScope(row.area_code, ctx.actor.scope("communities.write"))) {
      throw notFound();
    }
    const [existing] = await ctx.db
      .select()
      .from(socialOrgs)
      .where(and(eq(socialOrgs.name, row.name), eq(socialOrgs.areaCode, row.area_code)));
    if (existing) {
      return "unchanged";
    }
    await ctx.db.insert(socialOrgs).values({ name: row.name, areaCode: row.area_code });
    await ctx.audit.record("test_orgs.create", { areaCode: row.area_code });
    return "inserted";
  },
};

const exportSpec: ExportSpec<{ q?: string | undefined }, { name: string; area_code: string }> = {
  kind: "test-orgs",
  permission: "communities.read",
  filterSchema: z.object({ q: z.string().optional() }),
  columns: [
    { key: "name", header: "名称", header_en: "Name", value: (item) => item.name },
    { key: "area_code", header: "区划代码", header_en: "Area code", value: (item) => item.area_code },
  ],
  async page(ctx, filter, cursor, limit) {
    const rows = await ctx.db
      .select({ name: socialOrgs.name, area_code: socialOrgs.areaCode })
      .from(socialOrgs)
      .where(
        sql`${socialOrgs.areaCode} LIKE ${`${ctx.actor.scope("communities.read")[0] ?? "none"}%`} AND ${socialOrgs.name} > ${cursor ?? ""} AND ${socialOrgs.name} LIKE ${`%${filter.q ?? ""}%`}`,
      )
      .orderBy(socialOrgs.name)
      .limit(limit + 1);
    return { items: rows.slice(0, limit), next_cursor: rows.length > limit ? (rows[limit - 1]?.name ?? null) : null };
  },
};

let t: TestApp;
let staff: ReturnType<typeof as>;
let other: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestApp();
  t.app.sanshe.importSpecs.set(spec.kind, spec);
  t.app.sanshe.exportSpecs.set(exportSpec.kind, exportSpec);
  staff = as(t.app, await signIn(t.app, (await buildUser(t.ctx, [{ role: "community_staff", area_code: "410105007002" }])).login));
  other = as(t.app, await signIn(t.app, (await buildUser(t.ctx, [{ role: "community_staff", area_code: "410105007003" }])).login));
});

afterAll(async () => {
  await t.close();
});

async function upload(client: ReturnType<typeof as>, body: Buffer, fileName = "orgs.csv") {
  return client.post(`/api/v1/imports?kind=test-orgs&file_name=${encodeURIComponent(fileName)}`, body, {
    headers: { "content-type": "application/octet-stream" },
  });
}

async function finished(client: ReturnType<typeof as>, id: string): Promise<ImportJob> {
  await t.app.sanshe.idle();
  return (await client.get(`/api/v1/imports/${id}`)).json<ImportJob>();
}

describe("spreadsheet import", () => {
  it("reports every bad row with row number, field and code, and writes nothing", async () => {
    const csv = [
      "名称,区划代码,备注",
      "好组织甲,410105007002,",
      ",410105007002,缺名称",
      "坏代码组织,41010500700,",
      "好组织甲,410105007002,重复",
      "外区组织,410103001001,越界",
    ].join("\r\n");
    const response = await upload(staff, Buffer.from(csv));
    expect(response.statusCode).toBe(201);
    const job = response.json<ImportJob>();
    expect(job).toMatchObject({ status: "validated", encoding: "utf-8", total_rows: 5, valid_rows: 1, error_rows: 4 });
    expect(job.errors.map((error) => [error.row, error.field, error.code])).toEqual([
      [3, "名称", "required"],
      [4, "区划代码", "INVALID_AREA_CODE"],
      [5, null, "DUPLICATE_IN_FILE"],
      [6, null, "NOT_FOUND"],
    ]);
    const [count] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(socialOrgs)
      .where(eq(socialOrgs.name, "好组织甲"));
    expect(count?.n).toBe(0);

    const refused = await staff.post(`/api/v1/imports/${job.id}/commit`, { mode: "all" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("IMPORT_HAS_ERRORS");

    const started = await staff.post(`/api/v1/imports/${job.id}/commit`, { mode: "valid_only" });
    expect(started.statusCode).toBe(202);
    const done = await finished(staff, job.id);
    expect(done).toMatchObject({ status: "completed", inserted: 1, processed_rows: 1 });
    const again = await staff.post(`/api/v1/imports/${job.id}/commit`, { mode: "valid_only" });
    expect(again.json().code).toBe("IMPORT_NOT_READY");
  });

  it("re-importing the same file updates nothing and duplicates nothing", async () => {
    const csv = Buffer.from("名称,区划代码\n幂等组织,410105007002\n");
    for (let round = 0; round < 2; round += 1) {
      const job = (await upload(staff, csv)).json<ImportJob>();
      await staff.post(`/api/v1/imports/${job.id}/commit`, { mode: "all" });
      const done = await finished(staff, job.id);
      expect(done).toMatchObject(round === 0 ? { inserted: 1 } : { inserted: 0, unchanged: 1 });
    }
    const rows = await t.database.db.select().from(socialOrgs).where(eq(socialOrgs.name, "幂等组织"));
    expect(rows).toHaveLength(1);
  });

  it("reads GB18030 and BOM files and XLSX, and says which encoding it found", async () => {
    const gbk = Buffer.from([
      ...Buffer.from("name,area_code\r\n"),
      0xb9,
      0xc4,
      0xc2,
      0xa5, // 鼓楼 in GB18030
      ...Buffer.from(",410105007002\r\n"),
    ]);
    expect((await upload(staff, gbk)).json<ImportJob>()).toMatchObject({ encoding: "gb18030", valid_rows: 1 });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Name,Area code\n带BOM组织,410105007002\n")]);
    expect((await upload(staff, bom)).json<ImportJob>()).toMatchObject({ encoding: "utf-8-bom", valid_rows: 1 });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("orgs");
    sheet.addRow(["名称", "区划代码"]);
    sheet.addRow(["表格组织", "410105007002"]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await upload(staff, xlsx, "orgs.xlsx")).json<ImportJob>()).toMatchObject({ encoding: "xlsx", valid_rows: 1, error_rows: 0 });
  });

  it("refuses unreadable files and unknown kinds with a clear code", async () => {
    const broken = await upload(staff, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe("IMPORT_FILE_INVALID");
    const unknown = await staff.post("/api/v1/imports?kind=nothing&file_name=x.csv", Buffer.from("a\n1\n"), {
      headers: { "content-type": "text/csv" },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe("UNKNOWN_KIND");
    const headerless = (await upload(staff, Buffer.from("foo,bar\n1,2\n"))).json<ImportJob>();
    expect(headerless).toMatchObject({ status: "failed" });
    expect(headerless.errors[0]?.code).toBe("NO_KNOWN_COLUMNS");
  });

  it("keeps each user's jobs to themselves", async () => {
    const job = (await upload(staff, Buffer.from("名称,区划代码\n私有组织,410105007002\n"))).json<ImportJob>();
    expect((await other.get(`/api/v1/imports/${job.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/imports/${job.id}/commit`, { mode: "all" })).statusCode).toBe(404);
  });

  it("resumes an interrupted job after its last committed batch, without duplicating rows", async () => {
    const lines = ["名称,区划代码"];
    for (let index = 1; index <= 250; index += 1) {
      lines.push(`续传组织${String(index).padStart(3, "0")},410105007002`);
    }
    const job = (await upload(staff, Buffer.from(lines.join("\n")))).json<ImportJob>();
    expect(job.valid_rows).toBe(250);
    // Simulate a crash after the first batch: rows 2–101 committed with the job's progress, then the process died.
    await t.database.db.transaction(async (tx) => {
      for (let index = 1; index <= 100; index += 1) {
        await tx.insert(socialOrgs).values({ name: `续传组织${String(index).padStart(3, "0")}`, areaCode: "410105007002" });
      }
      await tx
        .update(importJobs)
        .set({
          status: "running",
          mode: "all",
          processedRows: 100,
          lastRowNumber: 101,
          inserted: 100,
          heartbeatAt: new Date(Date.now() - 120_000),
        })
        .where(eq(importJobs.id, job.id));
    });
    const interrupted = (await staff.get(`/api/v1/imports/${job.id}`)).json<ImportJob>();
    expect(interrupted).toMatchObject({ status: "interrupted", last_row_number: 101, processed_rows: 100 });
    expect((await staff.post(`/api/v1/imports/${job.id}/resume`)).statusCode).toBe(202);
    const done = await finished(staff, job.id);
    expect(done).toMatchObject({ status: "completed", processed_rows: 250, inserted: 250 });
    const [count] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(socialOrgs)
      .where(sql`${socialOrgs.name} LIKE '续传组织%'`);
    expect(count?.n).toBe(250);
  });

  it("offers a template with Chinese headers", async () => {
    const csv = await staff.get("/api/v1/imports/templates/test-orgs?format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("名称,区划代码,备注");
    const xlsx = await staff.get("/api/v1/imports/templates/test-orgs");
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  });
});

describe("spreadsheet export", () => {
  it("streams the scoped list as CSV with formula cells neutralized, and audits it", async () => {
    await t.database.db.insert(socialOrgs).values([
      { name: '=HYPERLINK("http://evil","点我")', areaCode: "410105007002" },
      { name: "他区组织", areaCode: "410103001001" },
    ]);
    const response = await staff.get("/api/v1/exports/test-orgs?format=csv");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain("attachment");
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("名称,区划代码");
    expect(lines.some((line) => line.startsWith(`"'=HYPERLINK(`))).toBe(true);
    expect(lines.some((line) => line.includes("他区组织"))).toBe(false);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "exports.test-orgs"));
    expect(audits.length).toBeGreaterThan(0);
  });

  it("streams XLSX that a spreadsheet reader opens", async () => {
    const response = await staff.get("/api/v1/exports/test-orgs?format=xlsx");
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0]?.getRow(1).getCell(1).value).toBe("名称");
    expect(workbook.worksheets[0]?.rowCount).toBeGreaterThan(1);
  });

  it("refuses an export without a session, and an unknown kind", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/v1/exports/test-orgs" })).statusCode).toBe(401);
    expect((await staff.get("/api/v1/exports/nothing")).statusCode).toBe(404);
  });
});
