import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MembershipCreate } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../test/test-app.js";
import { buildUser } from "../../modules/users/test/factories.js";
import { buildSocialOrg } from "../../modules/social-orgs/test/factories.js";

/**
 * QUALITY.md §1: every demo role × (own area, sibling area, other district) × (area read, user admin,
 * audit read). Out of scope is 404, in scope without the permission 403, never 200 outside scope.
 */
type Case = {
  role: string;
  grants: (org: string) => MembershipCreate[];
  own: string;
  sibling: string;
  other: string;
  admin: boolean;
  auditor: boolean;
};

const cases: Case[] = [
  {
    role: "city official + admin",
    grants: () => [
      { role: "official", area_code: "4101" },
      { role: "admin", area_code: "4101" },
    ],
    own: "410105",
    sibling: "4102",
    other: "41",
    admin: true,
    auditor: false,
  },
  {
    role: "district official (金水)",
    grants: () => [{ role: "official", area_code: "410105" }],
    own: "410105",
    sibling: "410103",
    other: "410102",
    admin: false,
    auditor: false,
  },
  {
    role: "district official (二七)",
    grants: () => [{ role: "official", area_code: "410103" }],
    own: "410103",
    sibling: "410105",
    other: "410102",
    admin: false,
    auditor: false,
  },
  {
    role: "street official",
    grants: () => [{ role: "official", area_code: "410105007" }],
    own: "410105007",
    sibling: "410105001",
    other: "410103001",
    admin: false,
    auditor: false,
  },
  {
    role: "community staff",
    grants: () => [{ role: "community_staff", area_code: "410105007002" }],
    own: "410105007002",
    sibling: "410105007001",
    other: "410103001001",
    admin: false,
    auditor: false,
  },
  {
    role: "org staff",
    grants: (org) => [{ role: "org_staff", area_code: "410105", organization_id: org }],
    own: "410105",
    sibling: "410103",
    other: "410102",
    admin: false,
    auditor: false,
  },
  {
    role: "social worker",
    grants: (org) => [{ role: "social_worker", area_code: "410105007002", organization_id: org }],
    own: "410105007002",
    sibling: "410105007003",
    other: "410102001002",
    admin: false,
    auditor: false,
  },
  {
    role: "evaluator",
    grants: () => [{ role: "evaluator", area_code: "4101" }],
    own: "410105",
    sibling: "4102",
    other: "41",
    admin: false,
    auditor: false,
  },
  {
    role: "resident",
    grants: () => [{ role: "resident", area_code: "410105007002" }],
    own: "410105007002",
    sibling: "410105007001",
    other: "410103001001",
    admin: false,
    auditor: false,
  },
  {
    role: "auditor",
    grants: () => [{ role: "auditor", area_code: "4101" }],
    own: "410105",
    sibling: "4102",
    other: "41",
    admin: false,
    auditor: true,
  },
];

const resources = [
  { name: "area read", url: (code: string) => `/api/v1/areas/${code}`, allowed: () => true },
  { name: "user admin", url: (code: string) => `/api/v1/users?area_code=${code}`, allowed: (c: Case) => c.admin },
  { name: "audit read", url: (code: string) => `/api/v1/audit-log?area_code=${code}`, allowed: (c: Case) => c.auditor },
  {
    name: "needs dashboard",
    url: (code: string) => `/api/v1/needs/dashboard?area=${code}`,
    allowed: (c: Case) => !["org staff", "social worker", "resident", "auditor"].includes(c.role),
  },
] as const;

let t: TestApp;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  const org = await buildSocialOrg(t.ctx, "410105");
  for (const c of cases) {
    const user = await buildUser(t.ctx, c.grants(org.id));
    cookies.set(c.role, await signIn(t.app, user.login));
  }
});

afterAll(async () => {
  await t.close();
});

describe("access matrix", () => {
  for (const c of cases) {
    for (const resource of resources) {
      const expected = (where: "own" | "sibling" | "other") => (!resource.allowed(c) ? 403 : where === "own" ? 200 : 404);
      it(`${c.role}: ${resource.name} gives own ${expected("own")}, sibling ${expected("sibling")}, other ${expected("other")}`, async () => {
        const client = as(t.app, cookies.get(c.role) as string);
        for (const where of ["own", "sibling", "other"] as const) {
          const response = await client.get(resource.url(c[where]));
          expect({ where, status: response.statusCode }).toEqual({ where, status: expected(where) });
          if (response.statusCode !== 200) {
            expect(response.headers["content-type"]).toContain("application/problem+json");
          }
        }
      });
    }
  }

  it("answers 401 to every protected resource without a session", async () => {
    for (const resource of resources) {
      const response = await t.app.inject({ method: "GET", url: resource.url("410105") });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe("UNAUTHENTICATED");
    }
  });
});
