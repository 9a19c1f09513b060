import { and, asc, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import type { Application, ApplicationDetail, ApplicationListQuery, ApplicationSort, CountedPage, MyReview } from "@sanshe/contracts";
import type { ActorCtx } from "../../../platform/ctx.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { pageOf } from "../../../platform/pagination/page.js";
import { countCapped, sortedKeyset, type SortColumns } from "../../../platform/pagination/sorted.js";
import { organizationName } from "../../social-orgs/index.js";
import { applicationVisible, callOf, isReviewerOf, purchaserScope } from "../calls/access.js";
import { findCall } from "../calls/queries.js";
import { creditRecordOf } from "../evaluation/credit.js";
import { applicationAttachments, applications, callCriteria, calls, reviewDeclarations, reviewScores } from "../schema.js";
import { presentApplication, presentAttachment, type ApplicationRow } from "./present.js";
import { escapeLike } from "../../../platform/db/sql.js";

const attachedTypes = sql<
  string[]
>`(SELECT coalesce(array_agg(DISTINCT a.doc_type), '{}') FROM ${applicationAttachments} a WHERE a.application_id = ${applications.id})`;

function selection(ctx: ActorCtx) {
  return {
    application: applications,
    orgName: organizationName(applications.orgId),
    callTitle: calls.title,
    requiredDocuments: calls.requiredDocuments,
    attached: attachedTypes,
    reviewer: sql<boolean>`${isReviewerOf(ctx, calls.id)}`,
  };
}
/** GET /calls/{id}/applications: the applications of a readable call that the actor may see; two queries. */
export async function listApplications(ctx: ActorCtx, callId: string): Promise<{ items: Application[] }> {
  await findCall(ctx, callId);
  const rows = await ctx.db
    .select(selection(ctx))
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(and(eq(applications.callId, callId), applicationVisible(ctx)))
    .orderBy(asc(applications.submittedAt), asc(applications.id));
  return { items: rows.map(presentApplication) };
}

/** The sorts of the applications list (sort= allow-list in the contract); the score is set at award only. */
const applicationSortColumns: SortColumns<ApplicationSort> = {
  submitted_at: { expr: applications.submittedAt, kind: "instant" },
  requested: { expr: applications.requestedFen, kind: "number" },
  final_score: { expr: applications.finalScore, kind: "number", nullable: true },
};

/**
 * GET /applications: the applications the actor may read across calls, in the chosen order (newest
 * submitted first by default), with the capped total; the page and the count at once.
 * @throws AppError VALIDATION_FAILED for a cursor that is unreadable or of another sort.
 */
export async function searchApplications(ctx: ActorCtx, query: ApplicationListQuery): Promise<CountedPage<Application>> {
  const conditions: SQL[] = [applicationVisible(ctx)];
  if (query.call_id) {
    conditions.push(eq(applications.callId, query.call_id));
  }
  if (query.status) {
    conditions.push(eq(applications.status, query.status));
  }
  if (query.q) {
    conditions.push(ilike(applications.title, `%${escapeLike(query.q)}%`));
  }
  const keyset = sortedKeyset(applicationSortColumns, {
    sort: query.sort,
    fallback: "-submitted_at",
    cursor: query.cursor,
    id: applications.id,
  });
  const where = and(...conditions);
  const [rows, total] = await Promise.all([
    ctx.db
      .select({ ...selection(ctx), sortValue: keyset.value })
      .from(applications)
      .innerJoin(calls, callOf)
      .where(keyset.after ? and(where, keyset.after) : where)
      .orderBy(keyset.order)
      .limit(query.limit + 1),
    countCapped(ctx.db, sql`${applications} INNER JOIN ${calls} ON ${callOf}`, where),
  ]);
  return {
    ...pageOf(rows, query.limit, presentApplication, (last) => keyset.cursorOf(last.sortValue, last.application.id)),
    ...total,
  };
}

/** The application row if the actor may read it. @throws NOT_FOUND otherwise. */
async function findApplication(ctx: ActorCtx, id: string): Promise<ApplicationRow> {
  const [row] = await ctx.db
    .select(selection(ctx))
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(and(eq(applications.id, id), applicationVisible(ctx)));
  if (!row) {
    throw notFound();
  }
  return row;
}

/** A reviewer's own declaration and scores on one application, with their weighted score once complete. */
export async function myReview(ctx: ActorCtx, applicationId: string, callId: string): Promise<MyReview> {
  const [declaration] = await ctx.db
    .select()
    .from(reviewDeclarations)
    .where(and(eq(reviewDeclarations.applicationId, applicationId), eq(reviewDeclarations.reviewerId, ctx.actor.userId)));
  const scored = await ctx.db
    .select({ criterionId: callCriteria.id, weight: callCriteria.weight, score: reviewScores.score, comment: reviewScores.comment })
    .from(callCriteria)
    .leftJoin(
      reviewScores,
      and(
        eq(reviewScores.criterionId, callCriteria.id),
        eq(reviewScores.applicationId, applicationId),
        eq(reviewScores.reviewerId, ctx.actor.userId),
      ),
    )
    .where(eq(callCriteria.callId, callId))
    .orderBy(asc(callCriteria.position));
  const complete = scored.length > 0 && scored.every((s) => s.score !== null);
  return {
    declaration: declaration
      ? {
          application_id: applicationId,
          conflicted: declaration.conflicted,
          reason: declaration.reason,
          declared_at: declaration.declaredAt.toISOString(),
        }
      : null,
    scores: scored.flatMap((s) => (s.score === null ? [] : [{ criterion_id: s.criterionId, score: s.score, comment: s.comment }])),
    weighted_score: complete ? Math.round(scored.reduce((sum, s) => sum + s.weight * (s.score ?? 0), 0)) / 100 : null,
  };
}

/** GET /applications/{id}: the application; the applicant's credit record for the purchaser and panel; the reviewer's own review. */
export async function getApplication(ctx: ActorCtx, id: string): Promise<ApplicationDetail> {
  const row = await findApplication(ctx, id);
  const a = row.application;
  const purchaser = purchaserScope(ctx).some((prefix) => a.areaCode.startsWith(prefix));
  const attachments = await ctx.db
    .select()
    .from(applicationAttachments)
    .where(and(eq(applicationAttachments.areaCode, a.areaCode), eq(applicationAttachments.applicationId, id)))
    .orderBy(desc(applicationAttachments.createdAt));
  return {
    ...presentApplication(row),
    objectives: a.objectives,
    activities: a.activities,
    beneficiaries: a.beneficiaries,
    beneficiary_count: a.beneficiaryCount,
    kpis: a.kpis,
    budget_lines: a.budgetLines,
    attachments: attachments.map(presentAttachment),
    decision_reason: a.decisionReason,
    decided_at: a.decidedAt?.toISOString() ?? null,
    credit: purchaser || row.reviewer ? await creditRecordOf(ctx, a.orgId) : null,
    my_review: row.reviewer ? await myReview(ctx, id, a.callId) : null,
  };
}

const extensions: Record<string, string> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "image/jpeg": "jpg",
  "image/png": "png",
};

/** One document of a readable application, with a file name made by the server. @throws NOT_FOUND otherwise. */
export async function getAttachment(
  ctx: ActorCtx,
  applicationId: string,
  attachmentId: string,
): Promise<{ contentType: string; bytes: Buffer; fileName: string }> {
  const [row] = await ctx.db
    .select({
      id: applicationAttachments.id,
      docType: applicationAttachments.docType,
      contentType: applicationAttachments.contentType,
      bytes: applicationAttachments.bytes,
    })
    .from(applicationAttachments)
    .innerJoin(applications, eq(applications.id, applicationAttachments.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(
      and(eq(applicationAttachments.id, attachmentId), eq(applicationAttachments.applicationId, applicationId), applicationVisible(ctx)),
    );
  if (!row) {
    throw notFound();
  }
  return { contentType: row.contentType, bytes: row.bytes, fileName: `${row.docType}-${row.id}.${extensions[row.contentType] ?? "bin"}` };
}
