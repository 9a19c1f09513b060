import type { MembershipGrant } from "../../platform/auth/permissions.js";
import { membershipPermissions } from "../../platform/auth/permissions.js";

/**
 * Who may change a social organization (pure rules, no I/O):
 * - a membership giving social_orgs.write whose scope covers the organization's home area
 *   (officials at district level and above, per the level rules), except org_staff;
 * - org_staff only for their own organization (the membership's organization_id is the org's id).
 */
export function canEditSocialOrg(grants: readonly MembershipGrant[], org: { id: string; areaCode: string }): boolean {
  return grants.some((grant) => {
    if (!membershipPermissions(grant).includes("social_orgs.write")) {
      return false;
    }
    if (grant.role === "org_staff") {
      return grant.organizationId === org.id;
    }
    return org.areaCode.startsWith(grant.areaCode);
  });
}

/**
 * Who may register an organization in (or move one to) a home area: social_orgs.write over the area
 * from a role other than org_staff (org staff act only for their own organization).
 */
export function canPlaceSocialOrg(grants: readonly MembershipGrant[], areaCode: string): boolean {
  return grants.some(
    (grant) =>
      grant.role !== "org_staff" && membershipPermissions(grant).includes("social_orgs.write") && areaCode.startsWith(grant.areaCode),
  );
}
