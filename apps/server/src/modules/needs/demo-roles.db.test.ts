import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { DEMO_LOGINS, type DemoLogin, type NeedDetail } from "@sanshe/contracts";
import { as, createTestApp, signIn, testPassword, type TestApp } from "../../../test/test-app.js";
import { seedDemo } from "../../platform/seed.js";
import { queryRows } from "../../platform/db/client.js";
import { modules } from "../registry.js";

/**
 * Issue #4's "scope on needs and cases for every demo role", on the demo world itself: each demo
 * account reads five needs (reported by the resident and sent to the agency; in 丰乐社区's triage
 * queue; sent to demo-worker personally; in another street of 金水区; in 二七区) and a case of 丰乐社区.
 * Out of scope is 404, no permission is 403; providers read only the needs sent to them; a case
 * (confidential) is 404 to everyone but its worker, their supervisor and the community's staff.
 */

let t: TestApp;
const ids: Record<"resident" | "queue" | "worker" | "otherStreet" | "otherDistrict" | "case", string> = {
  resident: "",
  queue: "",
  worker: "",
  otherStreet: "",
  otherDistrict: "",
  case: "",
};
// Every demo login but the department's (it reads no needs; admin-tasks tests it).
type Login = Exclude<DemoLogin, "demo-department">;
const logins = DEMO_LOGINS.filter((login): login is Login => login !== "demo-department");
const cookies = new Map<string, string>();

async function firstCommunity(prefix: string): Promise<string> {
  const [row] = await queryRows<{ code: string }>(
    t.database.db,
    sql`SELECT code FROM areas WHERE level = 'community' AND code LIKE ${`${prefix}%`} ORDER BY code LIMIT 1`,
  );
  return row?.code ?? "";
}

async function open311(jurisdiction: string): Promise<string> {
  const response = await t.app.inject({
    method: "POST",
    url: "/open311/v2/requests.json",
    payload: {
      api_key: "demo-open311-key",
      service_code: "repairs",
      jurisdiction_id: jurisdiction,
      description: "路灯不亮",
      first_name: "李",
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Array<{ service_request_id: string }>>()[0]?.service_request_id ?? "";
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx, modules, { demoPassword: testPassword, minFreeBytes: 0, log: () => undefined });
  for (const login of logins) {
    cookies.set(login, await signIn(t.app, login));
  }
  const resident = as(t.app, cookies.get("demo-resident") as string);
  const community = as(t.app, cookies.get("demo-community") as string);
  ids.resident = (await resident.post("/api/v1/needs", { category: "elderly_care", description: "母亲独居，希望上门助餐" })).json().id;
  const queued = await community.post("/api/v1/needs", {
    category: "sanitation",
    description: "楼道堆物",
    area_code: "410105007002",
    contact: { name: "王女士", phone: "13800000001" },
  });
  expect(queued.statusCode, queued.body).toBe(201);
  ids.queue = queued.json().id;
  const someone = (await community.get("/api/v1/residents?limit=1")).json().items[0].id as string;
  ids.worker = (await community.post("/api/v1/needs", { category: "counseling", description: "情绪低落", resident_id: someone })).json().id;
  ids.otherStreet = await open311(await firstCommunity("410105001"));
  ids.otherDistrict = await open311(await firstCommunity("410103"));
  ids.case = (await as(t.app, cookies.get("demo-worker") as string).get("/api/v1/cases?limit=1")).json().items[0].id;
});

afterAll(async () => {
  await t.close();
});

// resident's (→ agency), 丰乐 queue, → demo-worker, other street in 金水, 二七; then the 丰乐 case.
const expected: Record<Login, [number, number, number, number, number, number]> = {
  "demo-city": [200, 200, 200, 200, 200, 404],
  "demo-district": [200, 200, 200, 200, 404, 404],
  "demo-district-erqi": [404, 404, 404, 404, 200, 404],
  "demo-street": [200, 200, 200, 404, 404, 404],
  "demo-community": [200, 200, 200, 404, 404, 200],
  "demo-org": [200, 404, 404, 404, 404, 404],
  "demo-worker": [200, 404, 200, 404, 404, 200],
  "demo-evaluator": [403, 403, 403, 403, 403, 404],
  "demo-resident": [200, 404, 404, 404, 404, 404],
  "demo-auditor": [403, 403, 403, 403, 403, 404],
};

describe("needs and cases for every demo role", () => {
  it("routes the fixtures as the demo rules say", async () => {
    const street = as(t.app, cookies.get("demo-street") as string);
    const kinds = await Promise.all(
      [ids.resident, ids.queue, ids.worker].map(
        async (id) => (await street.get(`/api/v1/needs/${id}`)).json<NeedDetail>().referrals[0]?.provider_kind,
      ),
    );
    expect(kinds).toEqual(["organization", "community_queue", "social_worker"]);
  });

  for (const login of logins) {
    it(`${login}: needs ${expected[login].slice(0, 5).join(" ")}, case ${expected[login][5]}`, async () => {
      const client = as(t.app, cookies.get(login) as string);
      const needs = [ids.resident, ids.queue, ids.worker, ids.otherStreet, ids.otherDistrict];
      const statuses = [];
      for (const id of needs) {
        statuses.push((await client.get(`/api/v1/needs/${id}`)).statusCode);
      }
      statuses.push((await client.get(`/api/v1/cases/${ids.case}`)).statusCode);
      expect(statuses).toEqual(expected[login]);
      // The list agrees with the detail: what a detail hides is not listed either.
      if (expected[login][0] !== 403) {
        const listed = new Set(
          ((await client.get("/api/v1/needs?limit=100")).json().items as Array<{ id: string }>).map((item) => item.id),
        );
        expect(needs.map((id) => listed.has(id))).toEqual(expected[login].slice(0, 5).map((status) => status === 200));
      }
    });
  }
});
