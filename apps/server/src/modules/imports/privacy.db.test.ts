import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { idNumberCheckCharacter, type ImportJob } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { auditLog } from "../../platform/audit/schema.js";
import { queryRows } from "../../platform/db/client.js";
import { systemCtx } from "../../platform/system.js";
import { importJobs } from "./schema.js";
import { purgeExpiredImports } from "./service.js";

/**
 * Issue 14.5: an uploaded residents file must not stay in import_jobs in plaintext (it showed in
 * pg_dump): only the valid rows are kept, encrypted with the personal-data key, and deleted when
 * the job ends or after the retention.
 */
let t: TestApp;
let staff: ReturnType<typeof as>;

function idNumber(birth: string, sequence: string): string {
  const first17 = `410103${birth}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
}

const secretId = idNumber("19770315", "417");
const secretPhone = "13912345678";
// A row that fails validation (bad phone) still carries an ID number: it must not be stored either.
const badRowId = idNumber("19770316", "418");

beforeAll(async () => {
  t = await createTestApp();
  staff = as(t.app, await signIn(t.app, (await buildUser(t.ctx, [{ role: "community_staff", area_code: "410105007002" }])).login));
});

afterAll(async () => {
  await t.close();
});

/** Every column of every import_jobs row that contains `needle`, text and bytea alike (as pg_dump would show). */
async function columnsContaining(needle: string): Promise<string[]> {
  const columns = await queryRows<{ column_name: string; data_type: string }>(
    t.database.db,
    sql`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'import_jobs' AND table_schema = current_schema()`,
  );
  expect(columns.length).toBeGreaterThan(10);
  const hits: string[] = [];
  for (const column of columns) {
    const name = sql.identifier(column.column_name);
    const condition =
      column.data_type === "bytea" ? sql`position(convert_to(${needle}, 'UTF8') in ${name}) > 0` : sql`${name}::text LIKE ${`%${needle}%`}`;
    const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM import_jobs WHERE ${condition}`);
    if ((row?.n ?? 0) > 0) {
      hits.push(column.column_name);
    }
  }
  return hits;
}

async function upload(body: Buffer, fileName: string): Promise<ImportJob> {
  const response = await staff.post(`/api/v1/imports?kind=residents&file_name=${fileName}`, body, {
    headers: { "content-type": "application/octet-stream" },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ImportJob>();
}

describe("stored uploads (issue 14.5)", () => {
  it("keeps no ID number or phone in plaintext, and deletes the kept rows once the job completes", async () => {
    const csv = [
      "姓名,身份证号,手机号,社区代码",
      `隐私居民甲,${secretId},${secretPhone},410105007002`,
      `隐私居民乙,${badRowId},12345,410105007002`,
    ].join("\r\n");
    const job = await upload(Buffer.from(csv), "residents.csv");
    expect(job).toMatchObject({ status: "validated", valid_rows: 1, error_rows: 1 });

    const [stored] = await t.database.db.select().from(importJobs).where(eq(importJobs.id, job.id));
    expect(stored?.rowsEncrypted).toMatch(/^v1:/);
    expect(await columnsContaining(secretId)).toEqual([]);
    expect(await columnsContaining(secretPhone)).toEqual([]);
    expect(await columnsContaining(badRowId)).toEqual([]);
    expect(await columnsContaining("隐私居民")).toEqual([]);

    expect((await staff.post(`/api/v1/imports/${job.id}/commit`, { mode: "valid_only" })).statusCode).toBe(202);
    await t.app.sanshe.idle();
    const done = (await staff.get(`/api/v1/imports/${job.id}`)).json<ImportJob>();
    expect(done).toMatchObject({ status: "completed", inserted: 1 });
    const [after] = await t.database.db.select().from(importJobs).where(eq(importJobs.id, job.id));
    expect(after?.rowsEncrypted).toBeNull();
    // The resident was written from the decrypted rows.
    const [resident] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM residents WHERE name = '隐私居民甲' AND phone_masked = '139****5678'`,
    );
    expect(resident?.n).toBe(1);
  });

  it("keeps no plaintext from an XLSX upload either, and a failed upload keeps no rows at all", async () => {
    const xlsxId = idNumber("19770317", "419");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("居民");
    sheet.addRow(["姓名", "身份证号", "手机号", "社区代码"]);
    sheet.addRow(["表格隐私居民", xlsxId, "13987654321", "410105007002"]);
    const job = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), "residents.xlsx");
    expect(job).toMatchObject({ status: "validated", encoding: "xlsx", valid_rows: 1 });
    expect(await columnsContaining(xlsxId)).toEqual([]);
    expect(await columnsContaining("13987654321")).toEqual([]);

    const failed = await upload(Buffer.from(`foo,bar\r\n${xlsxId},1\r\n`), "wrong.csv");
    expect(failed.status).toBe("failed");
    const [row] = await t.database.db.select().from(importJobs).where(eq(importJobs.id, failed.id));
    expect(row?.rowsEncrypted).toBeNull();
  });

  it("purges the rows of a job past the retention, marks it failed and audits it; recent and running jobs keep theirs", async () => {
    const stale = await upload(
      Buffer.from(`姓名,身份证号,社区代码\r\n过期居民,${idNumber("19770318", "421")},410105007002\r\n`),
      "old.csv",
    );
    const fresh = await upload(
      Buffer.from(`姓名,身份证号,社区代码\r\n新近居民,${idNumber("19770319", "423")},410105007002\r\n`),
      "new.csv",
    );
    const busy = await upload(
      Buffer.from(`姓名,身份证号,社区代码\r\n进行居民,${idNumber("19770320", "425")},410105007002\r\n`),
      "busy.csv",
    );
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    await t.database.db.update(importJobs).set({ createdAt: eightDaysAgo }).where(eq(importJobs.id, stale.id));
    // Old, but its process is alive (fresh heartbeat): never pulled from under it.
    await t.database.db
      .update(importJobs)
      .set({ createdAt: eightDaysAgo, status: "running", mode: "all", heartbeatAt: new Date() })
      .where(eq(importJobs.id, busy.id));

    const result = await purgeExpiredImports(systemCtx(t.database.db), t.config.importRetentionMs);
    expect(result.purged).toBeGreaterThanOrEqual(1);

    const rows = new Map((await t.database.db.select().from(importJobs)).map((row) => [row.id, row]));
    expect(rows.get(stale.id)).toMatchObject({ rowsEncrypted: null, status: "failed" });
    expect(rows.get(stale.id)?.errors.at(-1)?.code).toBe("IMPORT_EXPIRED");
    expect(rows.get(fresh.id)?.rowsEncrypted).toMatch(/^v1:/);
    expect(rows.get(busy.id)?.rowsEncrypted).toMatch(/^v1:/);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "imports.expire"));
    expect(audits.map((audit) => audit.entityId)).toContain(stale.id);

    const refused = await staff.post(`/api/v1/imports/${stale.id}/commit`, { mode: "all" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("IMPORT_NOT_READY");
    expect((await staff.get(`/api/v1/imports/${stale.id}`)).json<ImportJob>().status).toBe("failed");
  });

  it("honours SANSHE_IMPORT_RETENTION_DAYS", async () => {
    const job = await upload(Buffer.from(`姓名,身份证号,社区代码\r\n两日居民,${idNumber("19770321", "427")},410105007002\r\n`), "two.csv");
    await t.database.db
      .update(importJobs)
      .set({ createdAt: new Date(Date.now() - 2 * 86_400_000) })
      .where(eq(importJobs.id, job.id));
    await purgeExpiredImports(systemCtx(t.database.db), t.config.importRetentionMs);
    expect((await t.database.db.select().from(importJobs).where(eq(importJobs.id, job.id)))[0]?.rowsEncrypted).toMatch(/^v1:/);
    const { importRetentionMs } = (await import("../../platform/config.js")).loadConfig({ SANSHE_IMPORT_RETENTION_DAYS: "1" });
    expect(importRetentionMs).toBe(86_400_000);
    await purgeExpiredImports(systemCtx(t.database.db), importRetentionMs);
    expect((await t.database.db.select().from(importJobs).where(eq(importJobs.id, job.id)))[0]?.rowsEncrypted).toBeNull();
  });
});
