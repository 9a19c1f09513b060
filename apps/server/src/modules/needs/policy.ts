import type { ActorCtx } from "../../platform/ctx.js";
import type { NeedRow } from "./status.js";

/**
 * Pure rules of the honest loop (issue 13): who confirms a need, and when staff may confirm it in the
 * resident's place.
 */

const dayMs = 86_400_000;

/**
 * From when staff may confirm a done need by a recorded call-back: at once when the resident has no
 * account to confirm with (anonymous contact, Open311 reporter, a record not linked to an account),
 * otherwise after the resident's wait. Null while the need is not done.
 */
export function callbackAllowedFrom(doneAt: Date | null, residentHasAccount: boolean, waitDays: number): Date | null {
  if (!doneAt) {
    return null;
  }
  return residentHasAccount ? new Date(doneAt.getTime() + waitDays * dayMs) : doneAt;
}

/** Whether the actor is the resident the need belongs to: they reported it themself, or it is recorded for them. */
export function isOwnNeed(ctx: ActorCtx, need: NeedRow, linkedResidentId: string | null): boolean {
  if (!ctx.actor.memberships.some((m) => m.role === "resident")) {
    return false;
  }
  return (
    (need.channel === "portal" && need.createdBy === ctx.actor.userId) ||
    (linkedResidentId !== null && need.residentId === linkedResidentId)
  );
}
