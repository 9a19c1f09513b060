import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { ActorCtx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { scopeFor } from "../../platform/auth/permissions.js";
import { inScope } from "../../platform/scope/index.js";
import { actionItems, meetingInvitees, meetings, type MeetingRow } from "./schema.js";

/** Organizations the actor acts for as org staff (an invited organization is answered for by its staff). */
export function staffOrganizations(ctx: ActorCtx): string[] {
  return [
    ...new Set(ctx.actor.memberships.filter((m) => m.role === "org_staff" && m.organizationId).map((m) => m.organizationId as string)),
  ];
}

/** SQL: the invitee row is answered for by the actor (their own invitation or their organization's). */
export function inviteeIsActor(ctx: ActorCtx): SQL {
  const orgs = staffOrganizations(ctx);
  const mine = eq(meetingInvitees.userId, ctx.actor.userId);
  return orgs.length > 0 ? (or(mine, inArray(meetingInvitees.organizationId, orgs)) as SQL) : mine;
}

/** Area prefixes where the actor reads every meeting: officials and community staff with meetings.read. */
function areaPrefixes(ctx: ActorCtx): string[] {
  return scopeFor(
    ctx.actor.memberships.filter((m) => m.role === "official" || m.role === "community_staff"),
    "meetings.read",
  );
}

/**
 * Who reads a meeting, as one SQL condition: officials and community staff in their area; anyone
 * invited (themselves or their organization) once it is scheduled; owners of its action items.
 * Evaluators read only the per-area history.
 */
export function visibleMeetings(ctx: ActorCtx): SQL {
  const branches = visibleMeetingBranches(ctx);
  return branches.length > 0 ? (or(...branches) as SQL) : sql`false`;
}

/** The same, as branches a list merges (platform/scope newestFirstIds): each area prefix, invited, owning. */
export function visibleMeetingBranches(ctx: ActorCtx): SQL[] {
  if (!ctx.actor.can("meetings.read")) {
    return [];
  }
  const invited = ctx.db.select({ id: meetingInvitees.meetingId }).from(meetingInvitees).where(inviteeIsActor(ctx));
  const owning = ctx.db.select({ id: actionItems.meetingId }).from(actionItems).where(eq(actionItems.ownerUserId, ctx.actor.userId));
  return [
    ...areaPrefixes(ctx).map((prefix) => inScope(meetings.areaCode, [prefix])),
    and(sql`${meetings.status} <> 'draft'`, inArray(meetings.id, invited)) as SQL,
    inArray(meetings.id, owning),
  ];
}

/** The meeting row if the actor may read it (optionally locked). @throws AppError NOT_FOUND */
export async function findVisibleMeeting(ctx: ActorCtx, id: string, options: { forUpdate?: boolean } = {}): Promise<MeetingRow> {
  const query = ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), visibleMeetings(ctx)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) {
    throw notFound();
  }
  return row;
}
