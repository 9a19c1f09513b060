import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../users/test/factories.js";
import { buildSocialOrg } from "../social-orgs/test/factories.js";
import { buildSocialWorker } from "../social-workers/test/factories.js";
import { socialWorkers } from "../social-workers/test/tables.js";
import { buildResident } from "../residents/test/factories.js";
import { csvBodyRows, exportAudits } from "../exports/test/exports.js";
import { openCase } from "./test/factories.js";
import { caseSessions } from "./schema.js";

/**
 * GET /exports/cases: a summary of the cases the caller reads (the list's confidentiality rule and
 * filters), the resident's name masked, never the case file's narrative or notes, nor the resident's
 * ID number or phone. The role that gains by breaking it: a worker exporting a colleague's cases, an
 * official or a provider exporting confidential files in bulk.
 */

const community = "410105007002";
const neighbour = "410105007003";
let t: TestApp;
type Client = { http: ReturnType<typeof as>; id: string };
let owner: Client;
let staff: Client;
let resident: { id: string; idNumber: string };
let orgId: string;

async function client(grants: Parameters<typeof buildUser>[1]): Promise<Client> {
  const user = await buildUser(t.ctx, grants);
  return { http: as(t.app, await signIn(t.app, user.login)), id: user.id };
}

async function worker(area: string): Promise<Client> {
  const signedIn = await client([{ role: "social_worker", area_code: area, organization_id: orgId }]);
  const record = await buildSocialWorker(t.ctx, { organizationId: orgId, areaCode: area });
  await t.ctx.db.update(socialWorkers).set({ userId: signedIn.id }).where(eq(socialWorkers.id, record.id));
  return signedIn;
}

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildSocialOrg(t.ctx, "410105")).id;
  owner = await worker(community);
  const colleague = await worker(community);
  const elsewhere = await worker(neighbour);
  staff = await client([{ role: "community_staff", area_code: community }]);
  resident = await buildResident(t.ctx, { area_code: community, name: "欧阳秀英", phone: "13911112222" });
  const opened = await openCase(owner.http, resident.id, { presenting_problem: "主诉-独居跌倒不应导出", risk_level: "high" });
  await t.ctx.db.insert(caseSessions).values({ caseId: opened.id, date: "2026-03-01", minutes: 30, kind: "phone", notes: "记录-不应导出" });
  await openCase(colleague.http, (await buildResident(t.ctx, { area_code: community, name: "同事居民" })).id, { risk_level: "low" });
  await openCase(elsewhere.http, (await buildResident(t.ctx, { area_code: neighbour, name: "邻社区居民" })).id);
});

afterAll(async () => {
  await t.close();
});

describe("GET /exports/cases", () => {
  it("exports a summary of the worker's own cases, the name masked, without narrative, notes, ID number or phone", async () => {
    const response = await owner.http.get("/api/v1/exports/cases?format=csv");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe(
      "开案日期,社区代码,服务对象（脱敏）,负责社工,阶段,风险等级,结案日期,最近更新",
    );
    expect(csvBodyRows(response.body).map((row) => [row[1], row[2], row[4], row[5]])).toEqual([
      [community, "欧**英", "接案评估", "高风险"],
    ]);
    for (const secret of ["欧阳秀英", "主诉-独居跌倒不应导出", "记录-不应导出", resident.idNumber, "13911112222", "同事居民"]) {
      expect(response.body).not.toContain(secret);
    }
    expect(await exportAudits(t.database.db, owner.id, "cases")).toHaveLength(1);
  });

  it("honours the list's filters and jurisdiction: the community's staff, by risk, never the next community", async () => {
    const all = await staff.http.get("/api/v1/exports/cases?format=csv&sort=opened_on");
    expect(
      csvBodyRows(all.body)
        .map((row) => row[2])
        .sort(),
    ).toEqual(["同**民", "欧**英"].sort());
    expect(all.body).not.toContain("邻***民");
    expect(all.body).not.toContain(neighbour);
    const low = await staff.http.get("/api/v1/exports/cases?format=csv&risk_level=low");
    expect(csvBodyRows(low.body).map((row) => row[2])).toEqual(["同**民"]);
  });

  it("refuses roles that cannot read cases: officials and the organization's staff", async () => {
    for (const grant of [
      { role: "official", area_code: "410105007" },
      { role: "org_staff", area_code: "410105", organization_id: orgId },
    ] as const) {
      const other = await client([grant]);
      const response = await other.http.get("/api/v1/exports/cases?format=xlsx");
      expect({ status: response.statusCode, code: response.json<{ code: string }>().code }).toEqual({ status: 403, code: "FORBIDDEN" });
    }
  });
});
