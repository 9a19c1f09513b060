import type { Role } from "@sanshe/contracts";

/** Every role, in the order menus and filters list them. */
export const ROLES: readonly Role[] = [
  "admin",
  "auditor",
  "official",
  "community_staff",
  "org_staff",
  "social_worker",
  "evaluator",
  "resident",
  "department",
];

/** Roles that act for a social organization and so need one picked. */
export const ORGANIZATION_ROLES: readonly Role[] = ["org_staff", "social_worker"];

/** i18n key of a role's label (系统管理员 / Administrator …). */
export function roleLabelKey(role: Role): string {
  return `auth.role.${role}`;
}

export type OfficialLevel = "city" | "district" | "street";

/** An official's level is the level of the area code: 4 digits city, 6 district, 9 street. */
export function officialLevelOf(areaCode: string): OfficialLevel | null {
  switch (areaCode.length) {
    case 4:
      return "city";
    case 6:
      return "district";
    case 9:
      return "street";
    default:
      return null;
  }
}
