import { useMe } from "../../auth";

/** Who the signed-in user is towards contracts: the purchaser side, an organization's staff, an evaluator. */
export function useProjectRoles() {
  const { data: me } = useMe();
  const permissions = me?.permissions ?? [];
  const organizations = (me?.memberships ?? [])
    .filter((m) => m.organization_id !== null && m.role === "org_staff")
    .map((m) => ({ id: m.organization_id as string, name: m.organization_name ?? "" }));
  const purchaserAreas = (me?.memberships ?? []).filter((m) => m.role === "official" || m.role === "community_staff");
  return {
    me,
    userId: me?.user.id,
    isPurchaser: permissions.includes("calls.manage"),
    isOrgStaff: permissions.includes("projects.apply") && organizations.length > 0,
    isEvaluator: permissions.includes("projects.evaluate"),
    organizations,
    /** Whether the user acts for the purchaser of a record of this area (calls.manage over it, as the server checks). */
    managesArea: (areaCode: string) => purchaserAreas.some((m) => areaCode.startsWith(m.area_code)),
    /** The first purchaser-side area (the default jurisdiction of ledger totals). */
    purchaserArea: purchaserAreas[0] ? { code: purchaserAreas[0].area_code, name: purchaserAreas[0].area_name } : undefined,
  };
}
