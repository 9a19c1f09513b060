import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NeedsDashboard } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { buildUser } from "../../users/test/factories.js";
import { referralOf, reportNeed, serveReferral } from "../test/factories.js";

/**
 * SANSHE_DASHBOARD_CACHE_SECONDS: a district's or the city's dashboard is computed once per period of
 * the setting and says when; a street's and a community's stay live. The shared board is still cut to
 * each reader: the path above their area and the descriptions they may not read.
 */

let t: TestApp;
type Client = ReturnType<typeof as>;
let staff: Client;
let district: Client;
let street: Client;
let evaluator: Client;

async function board(who: Client, area: string): Promise<NeedsDashboard> {
  const response = await who.get(`/api/v1/needs/dashboard?area=${area}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<NeedsDashboard>();
}

async function report(description: string): Promise<string> {
  return (await reportNeed(staff, { category: "sanitation", description, area_code: "410105007002" })).id;
}

beforeAll(async () => {
  t = await createTestApp({ SANSHE_DASHBOARD_CACHE_SECONDS: "1" });
  const client = async (grants: Parameters<typeof buildUser>[1]) => as(t.app, await signIn(t.app, (await buildUser(t.ctx, grants)).login));
  staff = await client([{ role: "community_staff", area_code: "410105007002" }]);
  district = await client([{ role: "official", area_code: "410105" }]);
  street = await client([{ role: "official", area_code: "410105007" }]);
  evaluator = await client([{ role: "evaluator", area_code: "410105" }]);
  // One need closed through the community queue: it shows among the recent closures.
  const id = await report("楼道堆物需要清理");
  await serveReferral(staff, await referralOf(staff, id));
  // A colleague who did not serve it confirms by a call-back (no account: at once).
  const colleague = await client([{ role: "community_staff", area_code: "410105007002" }]);
  for (const [path, body] of [
    [
      `/api/v1/needs/${id}/confirmation`,
      {
        solved: true,
        rating: 4,
        callback: { method: "phone", called_at: new Date().toISOString(), answered_by: "居民本人", summary: "已清理" },
      },
    ],
  ] as const) {
    const response = await colleague.post(path, body);
    expect(response.statusCode, response.body).toBeLessThan(300);
  }
});

afterAll(async () => {
  await t.close();
});

describe("dashboard cache", () => {
  it("computes a district's dashboard once per period and says so; a street's stays live", async () => {
    const first = await board(district, "410105");
    expect(first.refresh_seconds).toBe(1);
    const streetBefore = await board(street, "410105007");
    expect(streetBefore.refresh_seconds).toBeNull();

    await report("路灯不亮");
    const cached = await board(district, "410105");
    expect(cached.totals.total).toBe(first.totals.total);
    expect(cached.generated_at).toBe(first.generated_at);
    expect((await board(street, "410105007")).totals.total).toBe(streetBefore.totals.total + 1);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const fresh = await board(district, "410105");
    expect(fresh.totals.total).toBe(first.totals.total + 1);
  });

  it("cuts the shared board to each reader", async () => {
    const official = await board(district, "410105");
    const audit = await board(evaluator, "410105");
    expect(audit.totals).toEqual(official.totals);
    // Both see the district and nothing above it.
    expect(official.path.map((row) => row.code)).toEqual(["410105"]);
    expect(audit.path.map((row) => row.code)).toEqual(["410105"]);
    // The evaluator reads aggregates only: no descriptions of closed needs.
    expect(audit.recent_closures.every((row) => row.excerpt === null)).toBe(true);
    expect(official.recent_closures.map((row) => row.excerpt)).toEqual(["楼道堆物需要清理"]);
  });
});
