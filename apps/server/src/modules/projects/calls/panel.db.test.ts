import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReviewerCandidateList } from "@sanshe/contracts";
import type { TestApp } from "../../../../test/test-app.js";
import { buildSocialOrg } from "../../social-orgs/test/factories.js";
import { client, projectsTestApp, type Client } from "../test/calls-fixtures.js";

/** The review panel's candidates: who is listed, scope of the asking purchaser, who may not ask. */

let t: TestApp;
let street: Client;
let otherStreet: Client;
let district: Client;
let city: Client;
let erqi: Client;
let community: Client;
let org: Client;
let evaluator: Client;
let districtEvaluator: Client;
let erqiEvaluator: Client;
let resident: Client;

beforeAll(async () => {
  ({ t } = await projectsTestApp());
  const home = await buildSocialOrg.registered(t.ctx, "410105");
  street = await client(t, [{ role: "official", area_code: "410105007" }]);
  otherStreet = await client(t, [{ role: "official", area_code: "410105001" }]);
  district = await client(t, [{ role: "official", area_code: "410105" }]);
  city = await client(t, [{ role: "official", area_code: "4101" }]);
  erqi = await client(t, [{ role: "official", area_code: "410103" }]);
  community = await client(t, [{ role: "community_staff", area_code: "410105007002" }]);
  org = await client(t, [{ role: "org_staff", area_code: "410105", organization_id: home.id }]);
  evaluator = await client(t, [{ role: "evaluator", area_code: "4101" }]);
  districtEvaluator = await client(t, [
    { role: "evaluator", area_code: "410105" },
    { role: "evaluator", area_code: "410105007" },
  ]);
  erqiEvaluator = await client(t, [{ role: "evaluator", area_code: "410103" }]);
  resident = await client(t, [{ role: "resident", area_code: "410105007002" }]);
});

afterAll(async () => {
  await t.close();
});

async function candidates(who: Client, query: string): Promise<ReviewerCandidateList> {
  const response = await who.get(`/api/v1/calls/reviewer-candidates?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ReviewerCandidateList>();
}

describe("listing reviewer candidates", () => {
  it("lists officials of the area or above and evaluators covering it, once each, with role and area name", async () => {
    const { items } = await candidates(street, "area_code=410105007");
    const ids = items.map((c) => c.user_id);
    for (const who of [street, district, city, evaluator, districtEvaluator]) {
      expect(ids).toContain(who.id);
    }
    for (const who of [otherStreet, erqi, community, org, erqiEvaluator, resident]) {
      expect(ids).not.toContain(who.id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(items.find((c) => c.user_id === city.id)).toMatchObject({ role: "official", area_code: "4101", area_name: "郑州市" });
    expect(items.find((c) => c.user_id === districtEvaluator.id)).toMatchObject({ role: "evaluator", area_code: "410105" });
    expect(items.find((c) => c.user_id === street.id)?.area_name).toBeTruthy();
    const names = items.map((c) => c.display_name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("answers a community's staff for its own community, listing the officials above it", async () => {
    const ids = (await candidates(community, "area_code=410105007002")).items.map((c) => c.user_id);
    expect(ids).toEqual(expect.arrayContaining([street.id, district.id, city.id, evaluator.id]));
    expect(ids).not.toContain(community.id);
    expect(ids).not.toContain(otherStreet.id);
  });

  it("searches display names", async () => {
    const all = (await candidates(street, "area_code=410105007")).items;
    const target = all.find((c) => c.user_id === district.id);
    expect(target).toBeDefined();
    const fragment = target?.display_name.slice(-8) ?? "";
    const found = (await candidates(street, `area_code=410105007&q=${encodeURIComponent(fragment)}`)).items;
    expect(found.map((c) => c.user_id)).toEqual([district.id]);
    expect((await candidates(street, "area_code=410105007&q=%25_")).items).toEqual([]);
  });

  it("answers 404 for an area outside the purchaser's calls.manage scope or unknown", async () => {
    for (const [who, area] of [
      [street, "410105001"],
      [street, "410103"],
      [street, "410105"],
      [community, "410105007"],
      [district, "410103"],
      [street, "410105007999"],
    ] as const) {
      const response = await who.get(`/api/v1/calls/reviewer-candidates?area_code=${area}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("refuses residents, organization staff and evaluators (no calls.manage) and anonymous callers", async () => {
    for (const who of [resident, org, evaluator]) {
      const response = await who.get("/api/v1/calls/reviewer-candidates?area_code=410105007");
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: "FORBIDDEN" });
    }
    const anonymous = await t.app.inject({ method: "GET", url: "/api/v1/calls/reviewer-candidates?area_code=410105007" });
    expect(anonymous.statusCode).toBe(401);
  });

  it("rejects a malformed area code with 400", async () => {
    const response = await street.get("/api/v1/calls/reviewer-candidates?area_code=41010500");
    expect(response.statusCode).toBe(400);
    expect((await street.get("/api/v1/calls/reviewer-candidates")).statusCode).toBe(400);
  });
});
