import type { Permission, Role } from "@sanshe/contracts";

/** Who holds a permission: these roles, and where `when` is given, only memberships it accepts (a level). */
export type PermissionGrant = { roles: readonly Role[]; when?: (membership: MembershipGrant) => boolean };
export type PermissionGrants = Partial<Record<Permission, PermissionGrant>>;

/** Declares which roles hold a module's permissions (the module lists them in its manifest). */
export function definePermissions(grants: PermissionGrants): PermissionGrants {
  return grants;
}

const roles: readonly Role[] = [
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

/**
 * What each role may do, assembled from the modules' manifests (registerPermissions). Jurisdiction
 * comes from the membership's area code; this table only says which kinds of action a role allows.
 * admin and auditor are kept apart (等保 2.0 三员分立). Level rules (QUALITY.md §1), e.g. officials
 * unmask resident data only at street level, are the grants' `when`.
 */
export const rolePermissions: Record<Role, Permission[]> = Object.fromEntries(roles.map((role) => [role, []])) as unknown as Record<
  Role,
  Permission[]
>;
const levelRules = new Map<Permission, (membership: MembershipGrant) => boolean>();
const owners = new Map<Permission, string>();

/** Adds a module's grants to the table; a permission granted by two modules is a startup error. */
export function registerPermissions(owner: string, grants: PermissionGrants): void {
  for (const [permission, grant] of Object.entries(grants) as Array<[Permission, PermissionGrant]>) {
    const previous = owners.get(permission);
    if (previous === owner) {
      continue;
    }
    if (previous) {
      throw new Error(`Permission ${permission} is granted by both ${previous} and ${owner}`);
    }
    owners.set(permission, owner);
    for (const role of grant.roles) {
      rolePermissions[role].push(permission);
    }
    if (grant.when) {
      levelRules.set(permission, grant.when);
    }
  }
}

/** The roles that hold a permission at some level. */
export function rolesHolding(permission: Permission): Role[] {
  return roles.filter((role) => rolePermissions[role].includes(permission));
}

/** The permissions one membership gives. */
export function membershipPermissions(membership: MembershipGrant): Permission[] {
  return rolePermissions[membership.role].filter((permission) => levelRules.get(permission)?.(membership) ?? true);
}

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
    for (const permission of membershipPermissions(membership)) {
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
    .filter((membership) => membershipPermissions(membership).includes(permission))
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
