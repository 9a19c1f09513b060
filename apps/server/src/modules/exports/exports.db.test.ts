import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { auditLog } from "../../platform/audit/schema.js";
import { buildUser } from "../users/test/factories.js";
import { buildResident } from "../residents/test/factories.js";

/**
 * Exports check permission and scope before the first byte (issue 14.8): a refused export is a
 * problem+json 403/404, never a 200 with a header row and a cut connection or an empty file.
 */

let t: TestApp;

async function client(grants: Parameters<typeof buildUser>[1]) {
  const user = await buildUser(t.ctx, grants);
  return { http: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

beforeAll(async () => {
  t = await createTestApp();
  await buildResident(t.ctx, { area_code: "410105007001", name: "导出居民" });
});

afterAll(async () => {
  await t.close();
});

async function exportAudits(actorId: string) {
  return t.database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actorId), like(auditLog.action, "exports.%")));
}

describe("GET /exports/:kind", () => {
  it("answers 404 problem+json for an area outside the caller's scope, in both formats, and audits nothing", async () => {
    const staff = await client([{ role: "community_staff", area_code: "410105007001" }]);
    for (const format of ["csv", "xlsx"]) {
      const response = await staff.http.get(`/api/v1/exports/residents?format=${format}&area_code=410103`);
      expect(response.statusCode, format).toBe(404);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json().code).toBe("NOT_FOUND");
    }
    expect(await exportAudits(staff.id)).toEqual([]);
  });

  it("answers 403 problem+json to a role without the list's read permission (no empty file)", async () => {
    const admin = await client([{ role: "admin", area_code: "4101" }]);
    for (const kind of ["residents", "social-orgs", "social-workers", "communities"]) {
      const response = await admin.http.get(`/api/v1/exports/${kind}?format=csv`);
      expect(response.statusCode, kind).toBe(403);
      expect(response.json().code).toBe("FORBIDDEN");
    }
    const districtOfficial = await client([{ role: "official", area_code: "410105" }]);
    expect((await districtOfficial.http.get("/api/v1/exports/residents?format=csv")).statusCode).toBe(403);
  });

  it("still exports in scope, masked and audited", async () => {
    const staff = await client([{ role: "community_staff", area_code: "410105007001" }]);
    const response = await staff.http.get("/api/v1/exports/residents?format=csv&area_code=410105007001");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.body).toContain("导出居民");
    expect(await exportAudits(staff.id)).toEqual([{ action: "exports.residents" }]);
  });
});
