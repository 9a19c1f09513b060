import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, like } from "drizzle-orm";
import { z } from "zod";
import ExcelJS from "exceljs";
import { AreaCodeSchema, text, type ImportJob } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { socialOrgs } from "../social-orgs/test/tables.js";
import { areas } from "../jurisdictions/index.js";
import { loadActor } from "../../platform/auth/actor.js";
import { createAuditWriter } from "../../platform/audit/writer.js";
import { notFound } from "../../platform/errors/app-error.js";
import { isInScope } from "../../platform/auth/permissions.js";
import { labelCell } from "../../platform/files/cells.js";
import type { ActorCtx } from "../../platform/ctx.js";
import type { ImportSpec } from "../../platform/module.js";
import { createImportJob, runImport, startImport } from "./service.js";

/**
 * Issue 17: imports people can trust. Progress is committed batch by batch (checking and writing)
 * and read back through the polling endpoint; errors name the bad value and what is allowed;
 * coded cells take labels or codes; area cells take names resolved within the importer's scope.
 */
const genderLabels = { male: "男", female: "女" } as const;
const RowSchema = z.object({
  name: text({ max: 50 }),
  area_code: AreaCodeSchema,
  gender: labelCell(genderLabels, "INVALID_GENDER").optional(),
  contact: text({ max: 40 }).optional(),
});
type Row = z.infer<typeof RowSchema>;

const spec: ImportSpec<Row> = {
  kind: "trust-orgs",
  permission: "communities.write",
  columns: [
    { key: "name", header: "名称", header_en: "Name", example: "示例组织" },
    { key: "area_code", header: "社区", header_en: "Community", example: "410105007002", area: "community" },
    {
      key: "gender",
      header: "性别",
      header_en: "Gender",
      options: [
        { code: "male", label: "男" },
        { code: "female", label: "女" },
      ],
    },
    { key: "contact", header: "联系人证件号", header_en: "Contact ID", sensitive: true },
  ],
  rowSchema: RowSchema,
  naturalKey: (row) => `${row.area_code}|${row.name}`,
  async upsert(ctx, row) {
    if (!isInScope(row.area_code, ctx.actor.scope("communities.write"))) {
      throw notFound();
    }
    const [existing] = await ctx.db.select().from(socialOrgs).where(eq(socialOrgs.name, row.name));
    if (existing) {
      return "unchanged";
    }
    await ctx.db.insert(socialOrgs).values({ name: row.name, areaCode: row.area_code, description: row.gender ?? null });
    await ctx.audit.record("trust_orgs.create", { areaCode: row.area_code });
    return "inserted";
  },
};

let t: TestApp;
let street: ReturnType<typeof as>;
let streetCtx: ActorCtx;
const streetCode = "410105007";

beforeAll(async () => {
  t = await createTestApp();
  t.app.sanshe.importSpecs.set(spec.kind, spec);
  // Two communities of the same name in two streets of 金水区, one of them inside the importer's street.
  await t.database.db.insert(areas).values([
    { code: "410105007991", name: "信赖测试社区", level: "community", parentCode: streetCode },
    { code: "410105007992", name: "重名测试社区", level: "community", parentCode: streetCode },
    { code: "410105007993", name: "重名测试社区", level: "community", parentCode: streetCode },
    { code: "410105001991", name: "外街测试社区", level: "community", parentCode: "410105001" },
  ]);
  const user = await buildUser(t.ctx, [{ role: "official", area_code: streetCode }]);
  street = as(t.app, await signIn(t.app, user.login));
  const actor = await loadActor(t.database.db, user.id);
  if (!actor) {
    throw new Error("no actor");
  }
  streetCtx = {
    ...t.ctx,
    actor,
    audit: createAuditWriter(t.database.db, { actorId: actor.userId, actorLogin: actor.login, ip: null, requestId: "test" }),
  };
});

afterAll(async () => {
  await t.close();
});

function csv(rows: string[][]): Buffer {
  return Buffer.from(["名称,社区,性别,联系人证件号", ...rows.map((row) => row.join(","))].join("\n"));
}

async function poll(id: string): Promise<ImportJob> {
  return (await street.get(`/api/v1/imports/${id}`)).json<ImportJob>();
}

describe("import progress", () => {
  it("commits checking and writing progress batch by batch, as the polling endpoint reads it, up to the total", async () => {
    const rows = Array.from({ length: 60 }, (_, index) => [`进度组织${index}`, "410105007002", index % 2 ? "男" : "female", ""]);
    const seenWhileChecking: Array<{ status: string; processed: number; total: number }> = [];
    const checked = await createImportJob(
      streetCtx,
      spec,
      { name: "progress.csv", bytes: csv(rows) },
      {
        onProgress: async (job) => {
          const polled = await poll(job.id);
          seenWhileChecking.push({ status: polled.status, processed: polled.processed_rows, total: polled.total_rows });
        },
      },
    );
    expect(seenWhileChecking.length).toBeGreaterThan(2);
    expect(seenWhileChecking.every((seen) => seen.status === "validating" && seen.total === 60)).toBe(true);
    const checkedCounts = seenWhileChecking.map((seen) => seen.processed);
    expect(checkedCounts).toEqual([...checkedCounts].sort((a, b) => a - b));
    expect(new Set(checkedCounts).size).toBe(checkedCounts.length);
    expect(checkedCounts.at(-1)).toBe(60);
    expect(checked).toMatchObject({ status: "validated", validRows: 60, errorRows: 0 });

    await startImport(streetCtx, checked.id, "all");
    const seenWhileWriting: Array<{ status: string; processed: number }> = [];
    const done = await runImport(streetCtx, spec, checked.id, async (job) => {
      const polled = await poll(job.id);
      seenWhileWriting.push({ status: polled.status, processed: polled.processed_rows });
    });
    expect(seenWhileWriting.length).toBeGreaterThan(2);
    expect(seenWhileWriting.every((seen) => seen.status === "running")).toBe(true);
    const written = seenWhileWriting.map((seen) => seen.processed);
    expect(new Set(written).size).toBe(written.length);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(written.at(-1)).toBe(60);
    expect(done).toMatchObject({ status: "completed", inserted: 60 });
    // A label and a code of a coded column were both stored as the code.
    const stored = await t.database.db.select().from(socialOrgs).where(like(socialOrgs.name, "进度组织%"));
    expect(new Set(stored.map((row) => row.description))).toEqual(new Set(["male", "female"]));
  });

  it("answers a background check at once (validating) and the job reaches its report", async () => {
    const response = await street.post(
      `/api/v1/imports?kind=${spec.kind}&file_name=bg.csv&check=background`,
      csv([["后台组织", "410105007002", "女", ""]]),
      { headers: { "content-type": "application/octet-stream" } },
    );
    expect(response.statusCode).toBe(201);
    const job = response.json<ImportJob>();
    expect(job).toMatchObject({ status: "validating", total_rows: 1, errors: [] });
    await t.app.sanshe.idle();
    expect(await poll(job.id)).toMatchObject({ status: "validated", valid_rows: 1, processed_rows: 0 });
  });
});

describe("import error report", () => {
  it("names the column, the bad value (personal data masked) and the allowed values, in the caller's language", async () => {
    const rows = [
      ["好行", "410105007002", "男", ""],
      ["坏性别", "410105007002", "未知", ""],
      ["坏证件", "410105007002", "女", "4101051990010112345678901234567890123456789"],
    ];
    const zh = await createImportJob(streetCtx, spec, { name: "errors.csv", bytes: csv(rows) });
    const gender = zh.errors.find((error) => error.row === 3);
    expect(gender).toMatchObject({ field: "性别", code: "INVALID_GENDER", value: "未知", allowed: ["男", "女"] });
    expect(gender?.message).not.toMatch(/^[A-Z_]+$/);
    const contact = zh.errors.find((error) => error.row === 4);
    expect(contact).toMatchObject({ field: "联系人证件号", code: "too_big" });
    expect(contact?.value).toContain("*");
    expect(contact?.value).not.toContain("19900101");
    expect(contact?.message).toBe("太长或太大");

    const en = await createImportJob({ ...streetCtx, locale: "en" }, spec, { name: "errors.csv", bytes: csv(rows) });
    expect(en.errors.find((error) => error.row === 3)).toMatchObject({ field: "Gender", value: "未知", allowed: ["男", "女"] });
    expect(en.errors.find((error) => error.row === 3)?.message).toBe("Gender must be 男 or 女");
  });
});

describe("area names where codes are asked", () => {
  it("resolves a unique name or 街道/社区 path in scope; ambiguous, out of scope and unknown names are row errors naming the candidates", async () => {
    const job = await createImportJob(streetCtx, spec, {
      name: "areas.csv",
      bytes: csv([
        ["按名称", "信赖测试社区", "", ""],
        ["重名", "重名测试社区", "", ""],
        ["越界", "外街测试社区", "", ""],
        ["不存在", "没有这个社区", "", ""],
      ]),
    });
    expect(job).toMatchObject({ validRows: 1, errorRows: 3 });
    const byRow = new Map(job.errors.map((error) => [error.row, error]));
    expect(byRow.get(3)).toMatchObject({ code: "IMPORT_AREA_AMBIGUOUS", field: "社区", value: "重名测试社区" });
    expect(byRow.get(3)?.allowed).toHaveLength(2);
    expect(byRow.get(3)?.allowed?.join(" ")).toContain("410105007992");
    expect(byRow.get(3)?.allowed?.join(" ")).toContain("410105007993");
    expect(byRow.get(4)).toMatchObject({ code: "IMPORT_AREA_OUT_OF_SCOPE", value: "外街测试社区" });
    expect(byRow.get(4)?.allowed?.[0]).toContain("410105001991");
    expect(byRow.get(5)).toMatchObject({ code: "IMPORT_AREA_UNKNOWN", value: "没有这个社区" });
    expect(byRow.get(5)?.message).not.toBe("IMPORT_AREA_UNKNOWN");

    await startImport(streetCtx, job.id, "valid_only");
    await runImport(streetCtx, spec, job.id);
    const [stored] = await t.database.db.select().from(socialOrgs).where(eq(socialOrgs.name, "按名称"));
    expect(stored?.areaCode).toBe("410105007991");
  });

  it("takes a street/community path to pick one of two communities of the same name", async () => {
    const streetName = (await t.database.db.select().from(areas).where(eq(areas.code, streetCode)))[0]?.name;
    expect(streetName).toBeTruthy();
    await t.database.db.insert(areas).values({ code: "410105001992", name: "路径测试社区", level: "community", parentCode: "410105001" });
    await t.database.db.insert(areas).values({ code: "410105007994", name: "路径测试社区", level: "community", parentCode: streetCode });
    const job = await createImportJob(streetCtx, spec, {
      name: "path.csv",
      bytes: csv([["按路径", `${streetName}/路径测试社区`, "", ""]]),
    });
    expect(job).toMatchObject({ validRows: 1, errorRows: 0 });
  });
});

describe("import templates", () => {
  it("has drop-down lists on coded columns, an instructions sheet and sheet names in the reader's language", async () => {
    const response = await street.get(`/api/v1/imports/templates/${spec.kind}`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["数据", "填写说明", "选项"]);
    const data = workbook.worksheets[0];
    expect(data?.getRow(1).values).toEqual([undefined, "名称", "社区", "性别", "联系人证件号"]);
    const validation = data?.getCell("C2").dataValidation;
    expect(validation).toMatchObject({ type: "list" });
    expect(validation?.formulae?.[0]).toContain("选项");
    expect(data?.getCell("C500").dataValidation).toMatchObject({ type: "list" });
    expect(data?.getCell("A2").dataValidation).toBeUndefined();
    const lists = workbook.getWorksheet("选项");
    expect([lists?.getCell("A1").value, lists?.getCell("A2").value]).toEqual(["男", "女"]);
    const instructions = workbook.getWorksheet("填写说明");
    const lines: string[] = [];
    instructions?.eachRow((row) => lines.push((row.values as unknown[]).slice(1).join("|")));
    expect(lines.some((line) => line.startsWith("名称|是|"))).toBe(true);
    expect(lines.some((line) => line.startsWith("性别|否|") && line.includes("男、女"))).toBe(true);

    const english = await street.get(`/api/v1/imports/templates/${spec.kind}`, { headers: { "accept-language": "en" } });
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(english.rawPayload as unknown as ExcelJS.Buffer);
    expect(en.worksheets.map((sheet) => sheet.name)).toEqual(["Data", "Instructions", "Lists"]);
    expect(en.worksheets[0]?.getRow(1).values).toEqual([undefined, "Name", "Community", "Gender", "Contact ID"]);
    // The console asks in its own language, whatever the browser sends.
    const asked = await street.get(`/api/v1/imports/templates/${spec.kind}?lang=en`, { headers: { "accept-language": "zh-CN" } });
    const chosen = new ExcelJS.Workbook();
    await chosen.xlsx.load(asked.rawPayload as unknown as ExcelJS.Buffer);
    expect(chosen.worksheets[0]?.name).toBe("Data");
  });

  it("gives the residents template drop-downs for groups and the relation to the head", async () => {
    const staff = as(t.app, await signIn(t.app, (await buildUser(t.ctx, [{ role: "community_staff", area_code: "410105007002" }])).login));
    const response = await staff.get("/api/v1/imports/templates/residents");
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const data = workbook.worksheets[0];
    const headers = (data?.getRow(1).values as unknown[]).slice(1);
    const cellOf = (header: string) => data?.getRow(2).getCell(headers.indexOf(header) + 1);
    expect(headers).toContain("人群类别");
    expect(cellOf("人群类别")?.dataValidation).toMatchObject({ type: "list" });
    expect(cellOf("与户主关系")?.dataValidation).toMatchObject({ type: "list" });
    expect(cellOf("姓名")?.dataValidation).toBeUndefined();
    const kinds = (await staff.get("/api/v1/imports/kinds")).json<{
      items: Array<{ kind: string; columns: Array<{ key: string; required?: boolean; allowed?: string[] }> }>;
    }>();
    const residents = kinds.items.find((item) => item.kind === "residents");
    expect(residents?.columns.find((column) => column.key === "name")?.required).toBe(true);
    expect(residents?.columns.find((column) => column.key === "groups")?.allowed?.length).toBeGreaterThan(3);
  });
});
