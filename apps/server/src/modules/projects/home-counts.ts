import { and, eq, isNull, sql } from "drizzle-orm";
import type { ActorCtx } from "../../platform/ctx.js";
import { inScope } from "../../platform/scope/index.js";
import { effectiveStatus, isReviewerOf } from "./calls/access.js";
import { purchaserScope, shanghaiToday } from "./contracts/queries.js";
import {
  applications,
  callCriteria,
  calls,
  milestones,
  projectContracts,
  projectEvaluations,
  reviewDeclarations,
  reviewScores,
} from "./schema.js";

/**
 * Calls under review (deadline passed, not awarded) on whose panel the actor sits and where an
 * application still waits for them: not declared yet, or declared free of conflict with a criterion
 * unscored. One aggregate statement (首页待办 "reviews to score").
 */
export async function countReviewsToScore(ctx: ActorCtx): Promise<number> {
  const me = ctx.actor.userId;
  const waiting = sql`EXISTS (SELECT 1 FROM ${applications} AS a WHERE a.call_id = ${calls.id} AND a.status = 'submitted'
    AND NOT EXISTS (SELECT 1 FROM ${reviewDeclarations} AS d WHERE d.application_id = a.id AND d.reviewer_id = ${me} AND d.conflicted)
    AND (SELECT count(*) FROM ${reviewScores} AS s WHERE s.application_id = a.id AND s.reviewer_id = ${me})
      < (SELECT count(*) FROM ${callCriteria} AS c WHERE c.call_id = ${calls.id}))`;
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(calls)
    .where(and(isReviewerOf(ctx, calls.id), sql`${effectiveStatus(ctx.now())} = 'under_review'`, waiting));
  return Number(row?.count ?? 0);
}

/**
 * Milestone reports awaiting the purchaser's decision (status reported) on contracts under the actor's
 * calls.manage scope, and of those the milestones past their due date. One aggregate statement.
 */
export async function countMilestonesToAccept(ctx: ActorCtx): Promise<{ count: number; overdue: number }> {
  const scope = purchaserScope(ctx);
  if (scope.length === 0) {
    return { count: 0, overdue: 0 };
  }
  const [row] = await ctx.db
    .select({
      count: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) FILTER (WHERE ${milestones.dueOn} < ${shanghaiToday(ctx.now())}::date)::int`,
    })
    .from(milestones)
    .innerJoin(projectContracts, eq(projectContracts.id, milestones.contractId))
    .where(and(eq(milestones.status, "reported"), inScope(projectContracts.areaCode, scope)));
  return { count: Number(row?.count ?? 0), overdue: Number(row?.overdue ?? 0) };
}

/**
 * Closing evaluations naming the actor as the third-party evaluator that lack their score (contract
 * closing, third_party_score null). One aggregate statement.
 */
export async function countEvaluationsToGive(ctx: ActorCtx): Promise<number> {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(projectEvaluations)
    .innerJoin(projectContracts, eq(projectContracts.id, projectEvaluations.contractId))
    .where(
      and(
        eq(projectEvaluations.evaluatorId, ctx.actor.userId),
        isNull(projectEvaluations.thirdPartyScore),
        eq(projectContracts.status, "closing"),
      ),
    );
  return Number(row?.count ?? 0);
}
