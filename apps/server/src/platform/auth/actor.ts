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

type ActorRow = {
  id: string;
  login: string;
  displayName: string;
  status: string;
  membershipId: string | null;
  role: string | null;
  areaCode: string | null;
  organizationId: string | null;
};

/** The columns an Actor is built from (a user left-joined with its memberships). */
export const actorColumns = {
  id: users.id,
  login: users.login,
  displayName: users.displayName,
  status: users.status,
  membershipId: memberships.id,
  role: memberships.role,
  areaCode: memberships.areaCode,
  organizationId: memberships.organizationId,
};

/** Builds the Actor from the rows of `actorColumns` (one per membership); null if none or the user is not active. */
export function actorFromRows(rows: readonly ActorRow[]): Actor | null {
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

/** Loads an active user and their memberships as an Actor (one query); null if missing or disabled. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const rows = await db
    .select(actorColumns)
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.id, userId));
  return actorFromRows(rows);
}

/** The actor of an active account by login name (the CLI acting as a user), or null. */
export async function loadActorByLogin(db: Db, login: string): Promise<Actor | null> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.login, login));
  return user ? loadActor(db, user.id) : null;
}
