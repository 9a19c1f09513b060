import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { auditLog } from "../../platform/audit/schema.js";
import { buildUser } from "../users/test/factories.js";
import { csvBodyRows, exportAudits } from "../exports/test/exports.js";

/**
 * GET /exports/audit-log: the audit log of the auditor's scope under the page's filters, with the
 * page's words (action and outcome labels, the actor's login), never the recorded context, and
 * itself audited. The role that gains by breaking it: a district auditor exporting another district's
 * log, or anyone without audit.read exporting it at all.
 */

let t: TestApp;
let auditor: { http: ReturnType<typeof as>; id: string };

async function client(grants: Parameters<typeof buildUser>[1]) {
  const user = await buildUser(t.ctx, grants);
  return { http: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

beforeAll(async () => {
  t = await createTestApp();
  auditor = await client([{ role: "auditor", area_code: "410105" }]);
  await t.ctx.db.insert(auditLog).values([
    {
      action: "cases.read",
      outcome: "success",
      actorLogin: "wang.worker",
      areaCode: "410105007002",
      entityId: "case-in-jinshui",
      at: new Date("2026-03-02T02:00:00Z"),
      detail: { secret: "导出不应出现的上下文" },
    },
    {
      action: "residents.unmask",
      outcome: "denied",
      actorLogin: "li.staff",
      areaCode: "410105007003",
      at: new Date("2026-02-10T02:00:00Z"),
    },
    {
      action: "cases.read",
      outcome: "success",
      actorLogin: "zhao.erqi",
      areaCode: "410103001001",
      entityId: "case-in-erqi",
      at: new Date("2026-03-02T02:00:00Z"),
    },
  ]);
});

afterAll(async () => {
  await t.close();
});

describe("GET /exports/audit-log", () => {
  it("exports the auditor's filtered records with the page's labels, without their context, and audits the export", async () => {
    const filter = "action=cases.&from=2026-03-01T00:00:00%2B08:00&to=2026-04-01T00:00:00%2B08:00";
    const response = await auditor.http.get(`/api/v1/exports/audit-log?format=csv&${filter}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe("时间,操作人,操作,对象 ID,区划代码,IP,结果,链序号");
    expect(csvBodyRows(response.body).map((row) => row.slice(1, 5).concat(row[6] as string))).toEqual([
      ["wang.worker", "个案 · 查阅", "case-in-jinshui", "410105007002", "成功"],
    ]);
    expect(response.body).not.toContain("导出不应出现的上下文");
    expect(response.body).not.toContain("case-in-erqi");

    const denied = await auditor.http.get("/api/v1/exports/audit-log?format=csv&outcome=denied");
    expect(csvBodyRows(denied.body).map((row) => [row[1], row[2], row[6]])).toEqual([["li.staff", "居民 · 查看完整信息", "拒绝"]]);
    expect(await exportAudits(t.database.db, auditor.id, "audit-log")).toEqual([
      {
        action: "exports.audit-log",
        detail: expect.objectContaining({ format: "csv", filter: expect.objectContaining({ action: "cases." }) }),
      },
      { action: "exports.audit-log", detail: expect.objectContaining({ format: "csv", filter: { outcome: "denied" } }) },
    ]);
  });

  it("answers 404 for an area filter outside the auditor's jurisdiction", async () => {
    const response = await auditor.http.get("/api/v1/exports/audit-log?format=csv&area_code=410103");
    expect({ status: response.statusCode, code: response.json<{ code: string }>().code }).toEqual({ status: 404, code: "NOT_FOUND" });
  });

  it("refuses roles without audit.read, officials of the same district included", async () => {
    const grants = [
      { role: "official", area_code: "410105" },
      { role: "community_staff", area_code: "410105007002" },
    ] as const;
    for (const grant of grants) {
      const other = await client([grant]);
      const response = await other.http.get("/api/v1/exports/audit-log?format=xlsx");
      expect({ status: response.statusCode, code: response.json<{ code: string }>().code }).toEqual({ status: 403, code: "FORBIDDEN" });
    }
  });
});
