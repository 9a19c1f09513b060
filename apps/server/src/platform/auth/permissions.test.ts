import "../../../test/assemble-modules.js"; // the permission table is assembled from the module manifests
import { describe, expect, it } from "vitest";
import { isInScope, permissionsOf, scopeFor, type MembershipGrant } from "./permissions.js";

const grant = (role: MembershipGrant["role"], areaCode: string): MembershipGrant => ({
  id: `${role}-${areaCode}`,
  role,
  areaCode,
  organizationId: null,
});

describe(scopeFor.name, () => {
  it("keeps only the prefixes of memberships that give the permission, reduced to the widest", () => {
    const grants = [grant("official", "410105"), grant("admin", "410105007"), grant("official", "4101"), grant("auditor", "410103")];
    expect(scopeFor(grants, "areas.read")).toEqual(["4101"]);
    expect(scopeFor(grants, "users.admin")).toEqual(["410105007"]);
    expect(scopeFor(grants, "audit.read")).toEqual(["410103"]);
  });

  it("denies by default: no membership, no scope", () => {
    expect(scopeFor([], "areas.read")).toEqual([]);
    expect(scopeFor([grant("resident", "410105007002")], "users.admin")).toEqual([]);
  });
});

describe(permissionsOf.name, () => {
  it("keeps administration and audit apart (三员分立)", () => {
    expect(permissionsOf([grant("admin", "4101")])).not.toContain("audit.read");
    expect(permissionsOf([grant("auditor", "4101")])).not.toContain("users.admin");
  });
});

describe(isInScope.name, () => {
  it("matches codes by prefix", () => {
    expect(isInScope("410105007002", ["410105"])).toBe(true);
    expect(isInScope("410103001", ["410105"])).toBe(false);
    expect(isInScope("4101", ["410105"])).toBe(false);
  });
});

describe("level rules", () => {
  it("lets officials edit organization registries only at district level and above, and unmask only at street level", () => {
    expect(scopeFor([grant("official", "410105")], "social_orgs.write")).toEqual(["410105"]);
    expect(scopeFor([grant("official", "410105007")], "social_orgs.write")).toEqual([]);
    expect(scopeFor([grant("official", "410105007")], "residents.unmask")).toEqual(["410105007"]);
    expect(scopeFor([grant("official", "410105")], "residents.unmask")).toEqual([]);
    expect(scopeFor([grant("official", "4101")], "residents.read")).toEqual([]);
  });

  it("lets officials convene joint meetings only at street level (community staff in their community)", () => {
    expect(scopeFor([grant("official", "410105007")], "meetings.convene")).toEqual(["410105007"]);
    expect(scopeFor([grant("official", "410105")], "meetings.convene")).toEqual([]);
    expect(scopeFor([grant("community_staff", "410105007002")], "meetings.convene")).toEqual(["410105007002"]);
    expect(scopeFor([grant("org_staff", "410105")], "meetings.convene")).toEqual([]);
  });
});
