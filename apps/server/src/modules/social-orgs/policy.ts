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
 * The fields an organization's own staff may change on its record: contact and description. Status,
 * grade, registration, credit code, legal form, home area and the registered facts belong to the
 * registering authority (QUALITY.md §1: no mass assignment of status through a body).
 */
export const orgStaffEditableFields: ReadonlySet<string> = new Set(["description", "contact_phone", "contact_address", "contact_email"]);

/**
 * Whether the caller edits an organization as its registering authority (social_orgs.write over the
 * home area, not org_staff: every field) or only as its own staff (orgStaffEditableFields).
 */
export function socialOrgEditRight(grants: readonly MembershipGrant[], org: { id: string; areaCode: string }): "authority" | "own" | null {
  if (canPlaceSocialOrg(grants, org.areaCode)) {
    return "authority";
  }
  return canEditSocialOrg(grants, org) ? "own" : null;
}

/** The fields in `fields` that org staff may not change (empty when all are theirs to edit). */
export function fieldsNotEditableByStaff(fields: readonly string[]): string[] {
  return fields.filter((field) => !orgStaffEditableFields.has(field));
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
