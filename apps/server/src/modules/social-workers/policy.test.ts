import "../../../test/assemble-modules.js"; // the permission table is assembled from the module manifests
import { describe, expect, it } from "vitest";
import type { MembershipGrant } from "../../platform/auth/permissions.js";
import { canEditWorker, workforceRatio } from "./policy.js";

const own = "00000000-0000-4000-8000-000000000001";
const other = "00000000-0000-4000-8000-000000000002";
const grant = (role: MembershipGrant["role"], areaCode: string, organizationId: string | null = null): MembershipGrant => ({
  id: "m",
  role,
  areaCode,
  organizationId,
});
const worker = { areaCode: "410105", organizationId: own, communityCodes: ["410105007002"] };

describe("canEditWorker", () => {
  it.each([
    ["city official", grant("official", "4101"), true],
    ["district official", grant("official", "410105"), true],
    ["other district official", grant("official", "410103"), false],
    ["street official (reads only)", grant("official", "410105007"), false],
    ["org staff of the employer", grant("org_staff", "410105", own), true],
    ["org staff of another organization", grant("org_staff", "410105", other), false],
    ["community staff", grant("community_staff", "410105007002"), false],
    ["social worker", grant("social_worker", "410105007002", own), false],
    ["admin", grant("admin", "4101"), false],
  ] as const)("%s may edit: %s", (_, membership, allowed) => {
    expect(canEditWorker([membership], worker)).toBe(allowed);
  });

  it("covers a worker through a served community in the official's district", () => {
    expect(canEditWorker([grant("official", "410103")], { ...worker, communityCodes: ["410103001001"] })).toBe(true);
  });
});

describe("workforceRatio", () => {
  it.each([
    [3, 2000, 1.5, 1, true],
    [4, 2000, 2, 0, false],
    [5, 2000, 2.5, 0, false],
    [0, 1500, 0, 3, true],
    [2, 0, null, 0, false],
  ])("%i workers for %i residents: %s per 1,000, shortfall %i", (workers, residents, perThousand, shortfall, below) => {
    expect(workforceRatio(workers, residents, 2)).toEqual({ per_thousand: perThousand, shortfall, below_standard: below });
  });
});
