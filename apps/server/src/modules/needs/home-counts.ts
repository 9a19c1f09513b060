import { and, eq, inArray, sql } from "drizzle-orm";
import type { ActorCtx } from "../../platform/ctx.js";
import { needs, referrals } from "./schema.js";
import { needOverdueFilter, needVisible } from "./queries.js";
import { referralHandled } from "./referrals/queries.js";

export type ReferralTodoCounts = { pending: number; pendingOverdue: number; accepted: number; acceptedOverdue: number };

/**
 * The actor's referral inbox by what waits (首页待办): pending ones to accept (or, in a community's
 * triage queue, to assign) and accepted ones to complete, each with those past their clock. One
 * aggregate statement over the same predicate as GET /referrals?inbox=1 (referralHandled), so each
 * count is that list's total with `status` set.
 */
export async function countReferralTodos(ctx: ActorCtx): Promise<ReferralTodoCounts> {
  const at = sql`${ctx.now().toISOString()}::timestamptz`;
  const [row] = await ctx.db
    .select({
      pending: sql<number>`count(*) FILTER (WHERE ${referrals.status} = 'pending')::int`,
      pendingOverdue: sql<number>`count(*) FILTER (WHERE ${referrals.status} = 'pending' AND ${referrals.respondBy} < ${at})::int`,
      accepted: sql<number>`count(*) FILTER (WHERE ${referrals.status} = 'accepted')::int`,
      acceptedOverdue: sql<number>`count(*) FILTER (WHERE ${referrals.status} = 'accepted' AND ${referrals.resolveBy} < ${at})::int`,
    })
    .from(referrals)
    .where(and(referralHandled(ctx), inArray(referrals.status, ["pending", "accepted"])));
  return {
    pending: Number(row?.pending ?? 0),
    pendingOverdue: Number(row?.pendingOverdue ?? 0),
    accepted: Number(row?.accepted ?? 0),
    acceptedOverdue: Number(row?.acceptedOverdue ?? 0),
  };
}

export type NeedTodoCounts = { done: number; confirmationOverdue: number };

/**
 * Done needs the actor may read (awaiting the resident's confirmation) and, of those, the ones the
 * needs list marks overdue (its own filter): the totals of GET /needs?status=done and GET
 * /needs?status=done&overdue=1. One aggregate statement.
 */
export async function countNeedTodos(ctx: ActorCtx): Promise<NeedTodoCounts> {
  const [row] = await ctx.db
    .select({
      done: sql<number>`count(*)::int`,
      confirmationOverdue: sql<number>`count(*) FILTER (WHERE ${needOverdueFilter(ctx.now())})::int`,
    })
    .from(needs)
    .where(and(eq(needs.status, "done"), needVisible(ctx)));
  return { done: Number(row?.done ?? 0), confirmationOverdue: Number(row?.confirmationOverdue ?? 0) };
}
