import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { ApplicationResult, Ranking } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../../platform/ctx.js";
import { AppError, notFound } from "../../../platform/errors/app-error.js";
import { inScope } from "../../../platform/scope/index.js";
import { organizationName } from "../../social-orgs/index.js";
import { applicationVisible, applyingOrganizations, purchaserScope } from "../calls/access.js";
import { applicationAttachments, applications, callCriteria, calls, reviewDeclarations, reviewScores } from "../schema.js";

/**
 * Final scores of a call's applications: each reviewer's weighted score Σ weight × score / 100, over
 * reviewers who scored every criterion, averaged per application. One statement.
 */
export async function finalScores(ctx: Ctx, callId: string): Promise<Map<string, { score: number; reviewers: number }>> {
  const perReviewer = ctx.db
    .select({
      applicationId: reviewScores.applicationId,
      weighted: sql<number>`sum(${callCriteria.weight} * ${reviewScores.score})::numeric / 100`.as("weighted"),
    })
    .from(reviewScores)
    .innerJoin(callCriteria, eq(callCriteria.id, reviewScores.criterionId))
    .where(eq(callCriteria.callId, callId))
    .groupBy(reviewScores.applicationId, reviewScores.reviewerId)
    .having(sql`count(*) = (SELECT count(*) FROM ${callCriteria} WHERE ${callCriteria.callId} = ${callId})`)
    .as("per_reviewer");
  const rows = await ctx.db
    .select({
      applicationId: perReviewer.applicationId,
      score: sql<string>`round(avg(${perReviewer.weighted}), 2)`,
      reviewers: sql<number>`count(*)::int`,
    })
    .from(perReviewer)
    .groupBy(perReviewer.applicationId);
  return new Map(rows.map((row) => [row.applicationId, { score: Number(row.score), reviewers: Number(row.reviewers) }]));
}

/** SQL: the application has every document type its call requires. */
export const applicationComplete = sql<boolean>`${calls.requiredDocuments} <@ (SELECT coalesce(array_agg(a.doc_type), '{}') FROM ${applicationAttachments} a WHERE a.application_id = ${applications.id})`;

/** GET /calls/{id}/ranking: for the purchaser after the deadline; three queries whatever the number of applications. */
export async function getRanking(ctx: ActorCtx, callId: string): Promise<Ranking> {
  const [call] = await ctx.db
    .select()
    .from(calls)
    .where(and(eq(calls.id, callId), inScope(calls.areaCode, purchaserScope(ctx))));
  if (!call) {
    throw notFound();
  }
  if (call.status === "draft" || (call.status === "open" && call.submissionDeadline > ctx.now())) {
    throw new AppError("CALL_STILL_OPEN");
  }
  const rows = await ctx.db
    .select({
      id: applications.id,
      orgName: organizationName(applications.orgId),
      requestedFen: applications.requestedFen,
      complete: applicationComplete,
      stored: applications.finalScore,
      conflicts: sql<number>`(SELECT count(*)::int FROM ${reviewDeclarations} d WHERE d.application_id = ${applications.id} AND d.conflicted)`,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(and(eq(applications.callId, callId), inArray(applications.status, ["submitted", "awarded", "not_awarded"])));
  const scores = await finalScores(ctx, callId);
  const items = rows.map((row) => ({
    application_id: row.id,
    org_name: row.orgName,
    requested_fen: Number(row.requestedFen),
    complete: Boolean(row.complete),
    reviewers_scored: scores.get(row.id)?.reviewers ?? 0,
    conflicts: Number(row.conflicts),
    final_score: row.stored !== null ? Number(row.stored) : (scores.get(row.id)?.score ?? null),
  }));
  items.sort((a, b) => (b.final_score ?? -1) - (a.final_score ?? -1) || a.org_name.localeCompare(b.org_name));
  return { items };
}

/**
 * GET /applications/{id}/result: after the award, the applicant organization (or the purchaser) sees
 * the outcome, the justification and per-criterion averages with comments — never who scored what.
 */
export async function getResult(ctx: ActorCtx, id: string): Promise<ApplicationResult> {
  const [row] = await ctx.db
    .select({ application: applications })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(and(eq(applications.id, id), applicationVisible(ctx)));
  const a = row?.application;
  const own = a ? applyingOrganizations(ctx).includes(a.orgId) : false;
  const purchaser = a ? purchaserScope(ctx).some((prefix) => a.areaCode.startsWith(prefix)) : false;
  if (!a || (!own && !purchaser)) {
    throw notFound();
  }
  if (a.status !== "awarded" && a.status !== "not_awarded") {
    throw new AppError("APPLICATION_WRONG_STATUS", { status: a.status });
  }
  const criteria = await ctx.db
    .select({
      id: callCriteria.id,
      name: callCriteria.name,
      weight: callCriteria.weight,
      average: sql<string | null>`round(avg(${reviewScores.score}), 2)`,
      comments: sql<
        string[]
      >`coalesce(array_agg(${reviewScores.comment} ORDER BY ${reviewScores.comment}) FILTER (WHERE ${reviewScores.comment} IS NOT NULL), '{}')`,
    })
    .from(callCriteria)
    .leftJoin(reviewScores, and(eq(reviewScores.criterionId, callCriteria.id), eq(reviewScores.applicationId, id)))
    .where(eq(callCriteria.callId, a.callId))
    .groupBy(callCriteria.id, callCriteria.name, callCriteria.weight, callCriteria.position)
    .orderBy(asc(callCriteria.position));
  return {
    status: a.status,
    final_score: a.finalScore === null ? null : Number(a.finalScore),
    decision_reason: a.decisionReason,
    decided_at: a.decidedAt?.toISOString() ?? null,
    criteria: criteria.map((c) => ({
      criterion_id: c.id,
      name: c.name,
      weight: c.weight,
      average_score: c.average === null ? null : Number(c.average),
      comments: c.comments,
    })),
  };
}
