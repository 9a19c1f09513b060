import { describe, expect, it } from "vitest";
import { canGrant, membershipProblem } from "./policy.js";

const org = "00000000-0000-4000-8000-000000000001";

describe("membershipProblem", () => {
  it.each([
    ["resident", "410105007002", null, null, true],
    ["resident", "410105007", null, null, false],
    ["community_staff", "410105007002", null, null, true],
    ["official", "4101", null, null, true],
    ["official", "410105007", null, null, true],
    ["official", "410105007002", null, null, false],
    ["org_staff", "410105", org, "410105", true],
    ["org_staff", "410105", null, null, false],
    ["social_worker", "410105007002", org, "410105", true],
    ["social_worker", "410103", org, "410105", false],
    ["admin", "4101", null, null, true],
    ["auditor", "4101", org, null, false],
  ] as const)("%s at %s (org %s) fits: %s", (role, area_code, organization_id, organizationArea, fits) => {
    expect(membershipProblem({ role, area_code, organization_id }, organizationArea) === null).toBe(fits);
  });
});

describe("canGrant", () => {
  it("allows grants inside the administrator's scope only", () => {
    expect(canGrant(["410105"], "410105007002")).toBe(true);
    expect(canGrant(["410105"], "410105")).toBe(true);
    expect(canGrant(["410105"], "4101")).toBe(false);
    expect(canGrant(["410105"], "410103")).toBe(false);
    expect(canGrant([], "410105")).toBe(false);
  });
});
