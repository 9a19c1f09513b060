import { sql } from "drizzle-orm";
import type { ActorCtx } from "../../platform/ctx.js";
import { awaitingMyReview } from "./calls/queries.js";
import { contractAwaiting, shanghaiToday } from "./contracts/queries.js";
import { calls, milestones, projectContracts } from "./schema.js";

/** Calls waiting for the actor's scores: the total of GET /calls?awaiting=my_review (same predicate). One statement. */
export async function countReviewsToScore(ctx: ActorCtx): Promise<number> {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(calls)
    .where(awaitingMyReview(ctx));
  return Number(row?.count ?? 0);
}

/**
 * Contracts with a milestone report awaiting the purchaser's decision (the total of GET
 * /contracts?awaiting=milestones), and of those the ones with such a milestone past its due date. One statement.
 */
export async function countMilestonesToAccept(ctx: ActorCtx): Promise<{ count: number; overdue: number }> {
  const late = sql`EXISTS (SELECT 1 FROM ${milestones} WHERE ${milestones.contractId} = ${projectContracts.id}
    AND ${milestones.status} = 'reported' AND ${milestones.dueOn} < ${shanghaiToday(ctx.now())}::date)`;
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int`, overdue: sql<number>`count(*) FILTER (WHERE ${late})::int` })
    .from(projectContracts)
    .where(contractAwaiting(ctx, "milestones"));
  return { count: Number(row?.count ?? 0), overdue: Number(row?.overdue ?? 0) };
}

/** Closing contracts whose evaluation waits for the actor's third-party score: the total of GET /contracts?awaiting=evaluation. */
export async function countEvaluationsToGive(ctx: ActorCtx): Promise<number> {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(projectContracts)
    .where(contractAwaiting(ctx, "evaluation"));
  return Number(row?.count ?? 0);
}
