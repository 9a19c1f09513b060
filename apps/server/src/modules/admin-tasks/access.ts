import type { Permission, Role } from "@sanshe/contracts";
import type { Actor } from "../../platform/auth/actor.js";
import { scopeFor } from "../../platform/auth/permissions.js";
import { localDate } from "./working-days.js";
import type { Ctx } from "../../platform/ctx.js";

/**
 * Who sees what in de-administration depends on the role as well as the area: a department's account
 * sits at its department's area but sees only its own department's tasks; community staff see only
 * admitted tasks on their community. These helpers split the actor's scope by role.
 */

/** The area prefixes under which the actor's memberships of `role` give `permission`. */
export function roleScope(actor: Actor, role: Role, permission: Permission): string[] {
  return scopeFor(
    actor.memberships.filter((membership) => membership.role === role),
    permission,
  );
}

/** The departments the actor works for (memberships of role department; organization_id is the department). */
export function actorDepartments(actor: Actor): string[] {
  return [
    ...new Set(
      actor.memberships
        .filter((membership) => membership.role === "department" && membership.organizationId)
        .map((membership) => membership.organizationId as string),
    ),
  ];
}

/** Today's date in Asia/Shanghai from the ctx clock. */
export function todayOf(ctx: Ctx): string {
  return localDate(ctx.now());
}
