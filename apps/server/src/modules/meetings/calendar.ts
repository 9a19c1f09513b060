import { and, asc, eq, gte, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { inScope } from "../../platform/scope/index.js";
import { getPublicFacilities } from "../communities/index.js";
import { actionItems, meetingInvitees, meetings } from "./schema.js";

/** A meeting as a calendar shows it: no invitees, no minutes. */
export type CalendarMeeting = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: "scheduled" | "held" | "minuted";
  place: string;
};

/** An action item's due date for its owner's calendar. */
export type CalendarActionItem = { id: string; meetingId: string; expectedResult: string; dueOn: string; status: "open" | "done" };

const dayMs = 86_400_000;
/** Feeds carry the last 90 days and the next year: calendars poll them, so they stay small. */
const window = (ctx: Ctx) => {
  const now = ctx.now().getTime();
  return { from: new Date(now - 90 * dayMs), to: new Date(now + 366 * dayMs) };
};
const shown = ["scheduled", "held", "minuted"] as const;

async function present(ctx: Ctx, rows: Array<typeof meetings.$inferSelect>): Promise<CalendarMeeting[]> {
  const facilities = await getPublicFacilities(
    ctx,
    rows.flatMap((row) => (row.facilityId ? [row.facilityId] : [])),
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status as CalendarMeeting["status"],
    place: row.placeKind === "online" ? "线上 / Online" : (facilities.get(row.facilityId ?? "")?.name ?? ""),
  }));
}

/** The shown meetings (not drafts, not cancelled) that match `selected` and start within the feed window. */
async function listWindowMeetings(ctx: Ctx, selected: SQL | undefined): Promise<CalendarMeeting[]> {
  const { from, to } = window(ctx);
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(and(selected, inArray(meetings.status, shown), gte(meetings.startsAt, from), lte(meetings.startsAt, to)))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(500);
  return present(ctx, rows);
}

/** Meetings held or to be held under an area (not drafts, not cancelled), for the public area feed. */
export async function listAreaCalendarMeetings(ctx: Ctx, areaCode: string): Promise<CalendarMeeting[]> {
  return listWindowMeetings(ctx, inScope(meetings.areaCode, [areaCode]));
}

/** The meetings the actor convenes or is invited to (personally or through their organization). */
export async function listMyCalendarMeetings(ctx: ActorCtx): Promise<CalendarMeeting[]> {
  const organizations = ctx.actor.memberships.flatMap((m) => (m.organizationId ? [m.organizationId] : []));
  const invited = or(
    eq(meetingInvitees.userId, ctx.actor.userId),
    ...(organizations.length > 0 ? [inArray(meetingInvitees.organizationId, organizations)] : []),
  );
  return listWindowMeetings(
    ctx,
    or(
      eq(meetings.convenerId, ctx.actor.userId),
      sql`${meetings.id} IN (SELECT ${meetingInvitees.meetingId} FROM ${meetingInvitees} WHERE ${invited})`,
    ),
  );
}

/** Due dates of the action items the actor owns and has not had accepted yet. */
export async function listMyCalendarActionItems(ctx: ActorCtx): Promise<CalendarActionItem[]> {
  const rows = await ctx.db
    .select({
      id: actionItems.id,
      meetingId: actionItems.meetingId,
      expectedResult: actionItems.expectedResult,
      dueOn: actionItems.dueOn,
      status: actionItems.status,
    })
    .from(actionItems)
    .where(and(eq(actionItems.ownerUserId, ctx.actor.userId), inArray(actionItems.status, ["open", "done"])))
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id))
    .limit(500);
  return rows as CalendarActionItem[];
}
