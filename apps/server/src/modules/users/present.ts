import type { Membership, OrganizationRef, User } from "@sanshe/contracts";
import type { memberships, users } from "../../platform/auth/index.js";

type UserRow = typeof users.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect;

export type Names = { areas: Map<string, string>; organizations: Map<string, OrganizationRef> };

export function presentMembership(row: MembershipRow, names: Names): Membership {
  return {
    id: row.id,
    role: row.role as Membership["role"],
    area_code: row.areaCode,
    area_name: names.areas.get(row.areaCode) ?? row.areaCode,
    organization_id: row.organizationId,
    organization_name: row.organizationId ? (names.organizations.get(row.organizationId)?.name ?? null) : null,
  };
}

/** A user as the API shows it; the password hash never leaves this module. */
export function presentUser(row: UserRow, grants: MembershipRow[], names: Names): User {
  return {
    id: row.id,
    login: row.login,
    display_name: row.displayName,
    status: row.status,
    locked_until: row.lockedUntil?.toISOString() ?? null,
    last_login_at: row.lastLoginAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    version: row.version,
    memberships: grants.map((grant) => presentMembership(grant, names)),
  };
}
