import type { MembershipCreate, Role } from "@sanshe/contracts";
import { isInScope } from "../../platform/auth/permissions.js";

/** Why a membership does not fit its role (null when it fits). Pure rule, no I/O. */
export function membershipProblem(
  grant: Pick<MembershipCreate, "role" | "area_code" | "organization_id">,
  organizationArea: string | null,
): string | null {
  const length = grant.area_code.length;
  const needsOrganization: Role[] = ["org_staff", "social_worker"];
  switch (grant.role) {
    case "resident":
    case "community_staff":
      return length === 12
        ? null
        : "居民和社区工作者的辖区必须是社区（12 位代码） / residents and community staff need a community (12-digit) code";
    case "official":
      return [4, 6, 9].includes(length) ? null : "民政官员的辖区必须是市、区县或街道 / an official's scope is a city, district or street";
    case "org_staff":
    case "social_worker":
      if (!grant.organization_id) {
        return "须选择所属组织 / an organization is required for this role";
      }
      return organizationArea !== null && grant.area_code.startsWith(organizationArea)
        ? null
        : "辖区须在所属组织的服务区域内 / the scope must lie inside the organization's service area";
    case "department":
      if (!grant.organization_id) {
        return "须选择所属部门 / a department is required for this role";
      }
      return organizationArea !== null && grant.area_code === organizationArea
        ? null
        : "部门账号的辖区须为该部门的辖区 / a department account's scope is its department's jurisdiction";
    case "admin":
    case "auditor":
    case "evaluator":
      return grant.organization_id && !needsOrganization.includes(grant.role) ? "该角色不关联组织 / this role takes no organization" : null;
  }
}

/** An administrator may only grant inside their own users.admin scope (never wider than their own). */
export function canGrant(adminScope: readonly string[], areaCode: string): boolean {
  return isInScope(areaCode, adminScope);
}
