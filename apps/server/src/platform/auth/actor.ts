import type { Permission, Role } from "@sanshe/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { memberships, users } from "./schema.js";
import { permissionsOf, scopeFor, type MembershipGrant } from "./permissions.js";

/** The signed-in person a request acts for. */
export type Actor = {
  userId: string;
  login: string;
  displayName: string;
  memberships: MembershipGrant[];
  permissions: Permission[];
  /** Area-code prefixes under which the actor holds `permission`. */
  scope(permission: Permission): string[];
  /** True when some membership gives the permission. */
  can(permission: Permission): boolean;
};

export function buildActor(user: { id: string; login: string; displayName: string }, grants: MembershipGrant[]): Actor {
  const permissions = permissionsOf(grants);
  return {
    userId: user.id,
    login: user.login,
    displayName: user.displayName,
    memberships: grants,
    permissions,
    scope: (permission) => scopeFor(grants, permission),
    can: (permission) => permissions.includes(permission),
  };
}

/** Loads an active user and their memberships as an Actor (one query); null if missing or disabled. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const rows = await db
    .select({
      id: users.id,
      login: users.login,
      displayName: users.displayName,
      status: users.status,
      membershipId: memberships.id,
      role: memberships.role,
      areaCode: memberships.areaCode,
      organizationId: memberships.organizationId,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.id, userId));
  const first = rows[0];
  if (!first || first.status !== "active") {
    return null;
  }
  const grants: MembershipGrant[] = rows
    .filter((row) => row.membershipId !== null)
    .map((row) => ({
      id: row.membershipId as string,
      role: row.role as Role,
      areaCode: row.areaCode as string,
      organizationId: row.organizationId,
    }));
  return buildActor(first, grants);
}
