import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { csvBodyRows, exportAudits } from "../exports/test/exports.js";

/**
 * GET /exports/needs: the needs list of the caller's scope under the list's filters, masked and
 * audited. The role that gains by breaking it: community staff exporting a neighbouring community's
 * needs or an anonymous contact's full phone number.
 */

let t: TestApp;
let staff: { http: ReturnType<typeof as>; id: string };
const community = "410105007002";
const neighbour = "410105007001";

async function client(grants: Parameters<typeof buildUser>[1]) {
  const user = await buildUser(t.ctx, grants);
  return { http: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

beforeAll(async () => {
  t = await createTestApp();
  staff = await client([{ role: "community_staff", area_code: community }]);
  const other = await client([{ role: "community_staff", area_code: neighbour }]);
  const reports = [
    { who: staff, category: "sanitation", description: "导出-楼道垃圾", area_code: community },
    { who: staff, category: "health", description: "导出-测血压", area_code: community, contact: { name: "李秀英", phone: "13912345678" } },
    { who: other, category: "sanitation", description: "导出-邻社区垃圾", area_code: neighbour },
  ];
  for (const { who, ...body } of reports) {
    const response = await who.http.post("/api/v1/needs", body);
    expect(response.statusCode, response.body).toBe(201);
  }
});

afterAll(async () => {
  await t.close();
});

describe("GET /exports/needs", () => {
  it("exports exactly the filtered rows of the caller's scope, the contact masked, and audits the filter", async () => {
    const all = await staff.http.get("/api/v1/exports/needs?format=csv");
    expect(all.statusCode, all.body).toBe(200);
    expect(all.headers["content-type"]).toContain("text/csv");
    expect(all.headers["content-disposition"]).toMatch(/attachment; filename="needs-\d{4}-\d{2}-\d{2}\.csv"/);
    const descriptions = csvBodyRows(all.body).map((row) => row[4]);
    expect(descriptions.sort()).toEqual(["导出-楼道垃圾", "导出-测血压"].sort());
    expect(all.body).not.toContain("13912345678");
    expect(all.body).not.toContain("李秀英");
    expect(all.body).toContain("139****5678");

    const filtered = await staff.http.get("/api/v1/exports/needs?format=csv&category=sanitation");
    expect(csvBodyRows(filtered.body).map((row) => row[4])).toEqual(["导出-楼道垃圾"]);
    expect(await exportAudits(t.database.db, staff.id, "needs")).toEqual([
      { action: "exports.needs", detail: expect.objectContaining({ format: "csv", filter: {} }) as unknown },
      { action: "exports.needs", detail: expect.objectContaining({ format: "csv", filter: { category: "sanitation" } }) as unknown },
    ]);
  });

  it("streams an XLSX workbook", async () => {
    const response = await staff.http.get("/api/v1/exports/needs?format=xlsx&sort=-urgency");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses a resident (no needs.read: 403, nothing audited) and a sort outside the allow-list (400)", async () => {
    const org = await client([{ role: "resident", area_code: community }]);
    const refused = await org.http.get("/api/v1/exports/needs?format=csv");
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ code: string }>().code).toBe("FORBIDDEN");
    expect(await exportAudits(t.database.db, org.id, "needs")).toEqual([]);
    const badSort = await staff.http.get("/api/v1/exports/needs?format=csv&sort=description");
    expect(badSort.statusCode).toBe(400);
  });
});
