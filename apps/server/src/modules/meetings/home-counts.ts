import { and, eq, or, sql } from "drizzle-orm";
import type { ActorCtx } from "../../platform/ctx.js";
import { todayIn } from "./action-items/policy.js";
import { unansweredInvitation } from "./queries.js";
import { actionItems, meetings } from "./schema.js";

export type ActionItemTodoCounts = {
  /** Items the actor owns, open (to report done), and those past due. */
  ownedOpen: number;
  ownedOverdue: number;
  /** Items of meetings the actor convened: open (supervised, 督办), past due, and reported done (to accept). */
  convenedOpen: number;
  convenedOverdue: number;
  convenedDone: number;
};

/**
 * The actor's 督办事项 by what waits (首页待办): one aggregate statement over the predicates of
 * GET /action-items?role=owner|convener (owner_user_id, or the meeting's convener), so each count is
 * that list's total with `status` set; overdue as the list marks it (open past its due date).
 */
export async function countActionItemTodos(ctx: ActorCtx): Promise<ActionItemTodoCounts> {
  const me = ctx.actor.userId;
  const today = sql`${todayIn(ctx)}::date`;
  const owned = eq(actionItems.ownerUserId, me);
  const convened = eq(meetings.convenerId, me);
  const [row] = await ctx.db
    .select({
      ownedOpen: sql<number>`count(*) FILTER (WHERE ${owned} AND ${actionItems.status} = 'open')::int`,
      ownedOverdue: sql<number>`count(*) FILTER (WHERE ${owned} AND ${actionItems.status} = 'open' AND ${actionItems.dueOn} < ${today})::int`,
      convenedOpen: sql<number>`count(*) FILTER (WHERE ${convened} AND ${actionItems.status} = 'open')::int`,
      convenedOverdue: sql<number>`count(*) FILTER (WHERE ${convened} AND ${actionItems.status} = 'open' AND ${actionItems.dueOn} < ${today})::int`,
      convenedDone: sql<number>`count(*) FILTER (WHERE ${convened} AND ${actionItems.status} = 'done')::int`,
    })
    .from(actionItems)
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .where(and(or(owned, convened), sql`${actionItems.status} IN ('open', 'done')`));
  return {
    ownedOpen: Number(row?.ownedOpen ?? 0),
    ownedOverdue: Number(row?.ownedOverdue ?? 0),
    convenedOpen: Number(row?.convenedOpen ?? 0),
    convenedOverdue: Number(row?.convenedOverdue ?? 0),
    convenedDone: Number(row?.convenedDone ?? 0),
  };
}

/**
 * Meetings with an invitation the actor answers (their own, or their organization's as its staff)
 * still without a reply: the total of GET /meetings?reply=pending (same predicate). One aggregate statement.
 */
export async function countUnansweredInvitations(ctx: ActorCtx): Promise<number> {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(meetings)
    .where(unansweredInvitation(ctx));
  return Number(row?.count ?? 0);
}
