import { and, eq, inArray, sql } from "drizzle-orm";
import type { AwardInput, CallDetail, MyReview, ReviewScoresInput } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../../platform/ctx.js";
import { AppError, notFound, versionConflict } from "../../../platform/errors/app-error.js";
import { memberships } from "../../../platform/auth/index.js";
import { notify } from "../../notifications/index.js";
import { isReviewerOf } from "../calls/access.js";
import { callForUpdate, getCall } from "../calls/queries.js";
import { presentCall } from "../calls/present.js";
import { myReview } from "../applications/queries.js";
import { applicationComplete, finalScores } from "./queries.js";
import { applications, callCriteria, calls, reviewDeclarations, reviewScores } from "../schema.js";

/**
 * The application as one of its call's panel members may review it: after the deadline, before the
 * award, while it stands submitted. The application row is locked. @throws NOT_FOUND off the panel.
 */
async function reviewable(ctx: ActorCtx, id: string) {
  const [row] = await ctx.db
    .select({ application: applications, call: calls })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(and(eq(applications.id, id), isReviewerOf(ctx, calls.id)))
    .for("update", { of: applications });
  if (!row) {
    throw notFound();
  }
  if (row.call.status === "open" && row.call.submissionDeadline > ctx.now()) {
    throw new AppError("CALL_STILL_OPEN");
  }
  if (row.call.status !== "open" && row.call.status !== "under_review") {
    throw new AppError("CALL_WRONG_STATUS", { status: row.call.status });
  }
  if (row.application.status !== "submitted") {
    throw new AppError("APPLICATION_WRONG_STATUS", { status: row.application.status });
  }
  return row;
}

/**
 * PUT /applications/{id}/declaration: the reviewer declares a conflict of interest (with a reason) or
 * none. A declared conflict is final and removes any scores the reviewer gave the application.
 */
export async function declare(
  ctx: ActorCtx,
  id: string,
  input: { conflicted: boolean; reason?: string | null | undefined },
): Promise<MyReview> {
  return withTx(ctx, async (tx) => {
    const { application, call } = await reviewable(tx, id);
    const mine = and(eq(reviewDeclarations.applicationId, id), eq(reviewDeclarations.reviewerId, tx.actor.userId));
    const [existing] = await tx.db.select().from(reviewDeclarations).where(mine);
    if (existing?.conflicted) {
      throw new AppError("REVIEW_DECLARATION_FINAL");
    }
    const values = { conflicted: input.conflicted, reason: input.conflicted ? (input.reason ?? null) : null, declaredAt: tx.now() };
    await tx.db
      .insert(reviewDeclarations)
      .values({ areaCode: application.areaCode, applicationId: id, reviewerId: tx.actor.userId, ...values })
      .onConflictDoUpdate({ target: [reviewDeclarations.applicationId, reviewDeclarations.reviewerId], set: values });
    if (input.conflicted) {
      await tx.db.delete(reviewScores).where(and(eq(reviewScores.applicationId, id), eq(reviewScores.reviewerId, tx.actor.userId)));
    }
    await tx.audit.record("reviews.declare", {
      entityType: "application",
      entityId: id,
      areaCode: application.areaCode,
      detail: { conflicted: input.conflicted },
    });
    return myReview(tx, id, call.id);
  });
}

/** PUT /applications/{id}/scores: scores 0–100 per criterion with comments, after declaring no conflict; editable until the award. */
export async function score(ctx: ActorCtx, id: string, input: ReviewScoresInput): Promise<MyReview> {
  return withTx(ctx, async (tx) => {
    const { application, call } = await reviewable(tx, id);
    const [declaration] = await tx.db
      .select()
      .from(reviewDeclarations)
      .where(and(eq(reviewDeclarations.applicationId, id), eq(reviewDeclarations.reviewerId, tx.actor.userId)));
    if (!declaration) {
      throw new AppError("REVIEW_DECLARATION_REQUIRED");
    }
    if (declaration.conflicted) {
      throw new AppError("REVIEW_CONFLICTED");
    }
    const criteria = await tx.db.select({ id: callCriteria.id }).from(callCriteria).where(eq(callCriteria.callId, call.id));
    const known = new Set(criteria.map((c) => c.id));
    if (input.scores.some((s) => !known.has(s.criterion_id))) {
      throw new AppError("REVIEW_CRITERION_UNKNOWN");
    }
    const now = tx.now();
    await tx.db
      .insert(reviewScores)
      .values(
        input.scores.map((s) => ({
          areaCode: application.areaCode,
          applicationId: id,
          reviewerId: tx.actor.userId,
          criterionId: s.criterion_id,
          score: s.score,
          comment: s.comment ?? null,
          scoredAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [reviewScores.applicationId, reviewScores.reviewerId, reviewScores.criterionId],
        set: { score: sql`excluded.score`, comment: sql`excluded.comment`, scoredAt: now },
      });
    await tx.audit.record("reviews.score", {
      entityType: "application",
      entityId: id,
      areaCode: application.areaCode,
      detail: { criteria: input.scores.length },
    });
    return myReview(tx, id, call.id);
  });
}

/**
 * POST /calls/{id}/award: the purchaser awards complete, submitted applications with a written
 * justification (each within the cap, together within the budget); the other submitted ones are not
 * awarded; final scores are stored; each applicant organization's staff are notified.
 * @throws REVIEW_AWARD_INVALID naming the rule broken.
 */
export async function awardCall(ctx: ActorCtx, callId: string, input: AwardInput): Promise<CallDetail> {
  return withTx(ctx, async (tx) => {
    const call = await callForUpdate(tx, callId);
    if (call.version !== input.version) {
      throw versionConflict(presentCall(call, call.status));
    }
    if (call.status === "open" && call.submissionDeadline > tx.now()) {
      throw new AppError("CALL_STILL_OPEN");
    }
    if (call.status !== "open" && call.status !== "under_review") {
      throw new AppError("CALL_WRONG_STATUS", { status: call.status });
    }
    const submitted = await tx.db
      .select({
        id: applications.id,
        orgId: applications.orgId,
        requestedFen: applications.requestedFen,
        version: applications.version,
        complete: applicationComplete,
      })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(and(eq(applications.callId, callId), eq(applications.status, "submitted")))
      .for("update", { of: applications });
    const chosen = new Set(input.application_ids);
    const awarded = submitted.filter((a) => chosen.has(a.id));
    const invalid = (rule: string) => new AppError("REVIEW_AWARD_INVALID", { rule });
    if (awarded.length !== chosen.size || awarded.some((a) => !a.complete)) {
      throw invalid("incomplete_or_not_submitted");
    }
    if (awarded.some((a) => Number(a.requestedFen) > call.projectCapFen)) {
      throw invalid("project_cap");
    }
    if (awarded.reduce((sum, a) => sum + Number(a.requestedFen), 0) > call.totalBudgetFen) {
      throw invalid("total_budget");
    }
    const scores = await finalScores(tx, callId);
    const now = tx.now();
    for (const application of submitted) {
      await tx.db
        .update(applications)
        .set({
          status: chosen.has(application.id) ? "awarded" : "not_awarded",
          decisionReason: input.justification,
          decidedAt: now,
          finalScore: scores.get(application.id)?.score ?? null,
          version: application.version + 1,
          updatedAt: now,
        })
        .where(eq(applications.id, application.id));
    }
    await tx.db
      .update(calls)
      .set({ status: "awarded", awardedAt: now, version: call.version + 1, updatedAt: now })
      .where(eq(calls.id, callId));
    const orgIds = [...new Set(submitted.map((a) => a.orgId))];
    const staff =
      orgIds.length > 0
        ? await tx.db
            .select({ userId: memberships.userId, orgId: memberships.organizationId })
            .from(memberships)
            .where(and(inArray(memberships.organizationId, orgIds), eq(memberships.role, "org_staff")))
        : [];
    for (const application of submitted) {
      const won = chosen.has(application.id);
      await notify(tx, {
        recipients: staff.filter((s) => s.orgId === application.orgId).map((s) => s.userId),
        areaCode: call.areaCode,
        kind: won ? "application_awarded" : "application_not_awarded",
        title: won ? `项目申报已获立项：${call.title}` : `项目申报未获立项：${call.title}`,
        body: input.justification,
        link: `/calls/${call.id}`,
      });
    }
    await tx.audit.record("calls.award", {
      entityType: "call",
      entityId: callId,
      areaCode: call.areaCode,
      detail: { awarded: [...chosen], not_awarded: submitted.filter((a) => !chosen.has(a.id)).map((a) => a.id) },
    });
    return getCall(tx, callId);
  });
}
