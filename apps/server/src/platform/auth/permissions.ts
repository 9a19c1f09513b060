import type { Permission, Role } from "@sanshe/contracts";

/**
 * What each role may do. Jurisdiction comes from the membership's area code; this table only says
 * which kinds of action a role allows. admin and auditor are kept apart (等保 2.0 三员分立).
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: ["areas.read", "users.admin", "imports.run", "api_clients.manage"],
  auditor: ["areas.read", "audit.read"],
  official: [
    "areas.read",
    "communities.read",
    "communities.write",
    "social_orgs.read",
    "social_orgs.write",
    "social_workers.read",
    "social_workers.write",
    "residents.read",
    "residents.unmask",
    "imports.run",
    "needs.read",
    "needs.dashboard",
    "routing.manage",
    "projects.read",
    "calls.manage",
    "projects.review",
    "meetings.read",
    "meetings.convene",
    "announcements.publish",
  ],
  community_staff: [
    "areas.read",
    "communities.read",
    "communities.write",
    "social_orgs.read",
    "social_workers.read",
    "residents.read",
    "residents.write",
    "residents.unmask",
    "imports.run",
    "needs.read",
    "needs.write",
    "needs.dashboard",
    "referrals.handle",
    "cases.read",
    "services.write",
    "projects.read",
    "calls.manage",
    "meetings.read",
    "meetings.convene",
    "action_items.handle",
    "announcements.publish",
  ],
  org_staff: [
    "areas.read",
    "communities.read",
    // Served residents only (referrals to the organization, cases of its workers), masked: residents/queries.ts.
    "residents.read",
    "social_orgs.read",
    "social_orgs.write",
    "social_workers.read",
    "social_workers.write",
    "imports.run",
    "referrals.handle",
    "services.write",
    "projects.read",
    "projects.apply",
    "meetings.read",
    "action_items.handle",
  ],
  social_worker: [
    "areas.read",
    "communities.read",
    "social_orgs.read",
    "social_workers.read",
    "residents.read",
    "referrals.handle",
    "cases.read",
    "cases.write",
    "meetings.read",
    "action_items.handle",
  ],
  evaluator: [
    "areas.read",
    "communities.read",
    "social_orgs.read",
    "social_workers.read",
    "needs.dashboard",
    "projects.read",
    "projects.review",
    "projects.evaluate",
    "meetings.read",
  ],
  resident: ["areas.read", "needs.report"],
};

/**
 * Permissions that a role holds only at some levels (QUALITY.md §1): officials edit organization and
 * social-worker registries at district level and above (a street reads them); an official unmasks
 * resident data only at street level (city and district see aggregates).
 */
const levelRules: Partial<Record<Permission, (membership: MembershipGrant) => boolean>> = {
  "social_orgs.write": (m) => m.role !== "official" || m.areaCode.length <= 6,
  "social_workers.write": (m) => m.role !== "official" || m.areaCode.length <= 6,
  "residents.unmask": (m) => m.role !== "official" || m.areaCode.length === 9,
  "residents.read": (m) => m.role !== "official" || m.areaCode.length >= 9,
  // Routing rules are set by street, district and city officials for their jurisdiction.
  "routing.manage": (m) => m.role === "official",
  // Joint meetings are convened by a street (or a community), not by districts or the city.
  "meetings.convene": (m) => m.role !== "official" || m.areaCode.length === 9,
};

/** The permissions one membership gives. */
export function membershipPermissions(membership: MembershipGrant): Permission[] {
  return rolePermissions[membership.role].filter((permission) => levelRules[permission]?.(membership) ?? true);
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
