import type { Permission, Role } from "@sanshe/contracts";

/**
 * What each role may do. Jurisdiction comes from the membership's area code; this table only says
 * which kinds of action a role allows. admin and auditor are kept apart (等保 2.0 三员分立).
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: ["areas.read", "users.admin"],
  auditor: ["areas.read", "audit.read"],
  official: ["areas.read"],
  community_staff: ["areas.read"],
  org_staff: ["areas.read"],
  social_worker: ["areas.read"],
  evaluator: ["areas.read"],
  resident: ["areas.read"],
};

export type MembershipGrant = {
  id: string;
  role: Role;
  areaCode: string;
  organizationId: string | null;
};

/** The distinct permissions a set of memberships gives. */
export function permissionsOf(memberships: readonly MembershipGrant[]): Permission[] {
  const granted = new Set<Permission>();
  for (const membership of memberships) {
    for (const permission of rolePermissions[membership.role]) {
      granted.add(permission);
    }
  }
  return [...granted].sort();
}

/**
 * The area-code prefixes under which the memberships give `permission`, reduced so that no prefix
 * lies inside another (4101 and 410105 → 4101).
 */
export function scopeFor(memberships: readonly MembershipGrant[], permission: Permission): string[] {
  const prefixes = memberships
    .filter((membership) => rolePermissions[membership.role].includes(permission))
    .map((membership) => membership.areaCode)
    .sort((a, b) => a.length - b.length);
  const reduced: string[] = [];
  for (const prefix of prefixes) {
    if (!reduced.some((kept) => prefix.startsWith(kept))) {
      reduced.push(prefix);
    }
  }
  return reduced.sort();
}

/** True when `code` lies inside one of the prefixes. */
export function isInScope(code: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => code.startsWith(prefix));
}
