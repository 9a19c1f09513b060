import "../../../test/assemble-modules.js"; // the permission table is assembled from the module manifests
import { describe, expect, it } from "vitest";
import type { MembershipGrant } from "../../platform/auth/permissions.js";
import { canEditSocialOrg, canPlaceSocialOrg } from "./policy.js";

const own = "00000000-0000-4000-8000-000000000001";
const other = "00000000-0000-4000-8000-000000000002";

function grant(role: MembershipGrant["role"], areaCode: string, organizationId: string | null = null): MembershipGrant {
  return { id: "m", role, areaCode, organizationId };
}

describe("canEditSocialOrg", () => {
  it.each([
    ["city official", grant("official", "4101"), own, "410105", true],
    ["district official at home", grant("official", "410105"), own, "410105", true],
    ["district official elsewhere", grant("official", "410103"), own, "410105", false],
    ["street official (read only)", grant("official", "410105007"), own, "410105007", false],
    ["org staff of the org", grant("org_staff", "410105", own), own, "410105", true],
    ["org staff of another org", grant("org_staff", "410105", other), own, "410105", false],
    ["community staff", grant("community_staff", "410105007002"), own, "410105007002", false],
    ["social worker", grant("social_worker", "410105", own), own, "410105", false],
    ["admin", grant("admin", "4101"), own, "410105", false],
  ] as const)("%s may edit: %s", (_label, membership, orgId, areaCode, allowed) => {
    expect(canEditSocialOrg([membership], { id: orgId, areaCode })).toBe(allowed);
  });
});

describe("canPlaceSocialOrg", () => {
  it.each([
    [grant("official", "4101"), "410105", true],
    [grant("official", "410105"), "410105007", true],
    [grant("official", "410105"), "410103", false],
    [grant("official", "410105007"), "410105007", false],
    [grant("org_staff", "410105", own), "410105", false],
    [grant("evaluator", "4101"), "410105", false],
  ] as const)("%o places in %s: %s", (membership, areaCode, allowed) => {
    expect(canPlaceSocialOrg([membership], areaCode)).toBe(allowed);
  });
});
