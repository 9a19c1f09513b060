import { and, asc, eq, ilike, sql, type SQL } from "drizzle-orm";
import type { Call, CallDetail, CallListQuery, CallSort, CallSuggestion, CountedPage } from "@sanshe/contracts";
import type { ActorCtx } from "../../../platform/ctx.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { users } from "../../../platform/auth/index.js";
import { inScope } from "../../../platform/scope/index.js";
import { pageOf } from "../../../platform/pagination/page.js";
import { countCapped, sortedKeyset, type SortColumns } from "../../../platform/pagination/sorted.js";
import { countNeedsForCall, unmetNeedsSummary } from "../../needs/index.js";
import { getAreaNames } from "../../jurisdictions/index.js";
import { applyingOrganizations, callVisible, effectiveStatus, isReviewerOf, purchaserScope } from "./access.js";
import { applications, callCriteria, callReviewers, calls, reviewDeclarations, reviewScores } from "../schema.js";
import { presentCall } from "./present.js";
import { escapeLike } from "../../../platform/db/sql.js";

type CallRow = typeof calls.$inferSelect;
const yearMs = 365 * 24 * 3600 * 1000;

/** The sorts of the calls list (sort= allow-list in the contract); drafts have no publication date. */
const callSortColumns: SortColumns<CallSort> = {
  created_at: { expr: calls.createdAt, kind: "instant" },
  published_at: { expr: calls.publishedAt, kind: "instant", nullable: true },
  submission_deadline: { expr: calls.submissionDeadline, kind: "instant" },
  total_budget: { expr: calls.totalBudgetFen, kind: "number" },
  title: { expr: calls.title, kind: "text" },
};

/**
 * GET /calls: calls the actor may read, in the chosen order (newest first by default), with the
 * capped total; the page and the count at once.
 * @throws AppError VALIDATION_FAILED for a cursor that is unreadable or of another sort.
 */
/**
 * Calls under review (deadline passed, not awarded) on whose panel the actor sits and where an
 * application still waits for them: not declared yet, or declared free of conflict with a criterion
 * unscored (GET /calls?awaiting=my_review, and the 首页 count).
 */
export function awaitingMyReview(ctx: ActorCtx): SQL {
  const me = ctx.actor.userId;
  const waiting = sql`EXISTS (SELECT 1 FROM ${applications} AS a WHERE a.call_id = ${calls.id} AND a.status = 'submitted'
    AND NOT EXISTS (SELECT 1 FROM ${reviewDeclarations} AS d WHERE d.application_id = a.id AND d.reviewer_id = ${me} AND d.conflicted)
    AND (SELECT count(*) FROM ${reviewScores} AS s WHERE s.application_id = a.id AND s.reviewer_id = ${me})
      < (SELECT count(*) FROM ${callCriteria} AS c WHERE c.call_id = ${calls.id}))`;
  return and(isReviewerOf(ctx, calls.id), sql`${effectiveStatus(ctx.now())} = 'under_review'`, waiting) as SQL;
}

export async function listCalls(ctx: ActorCtx, query: CallListQuery): Promise<CountedPage<Call>> {
  const now = ctx.now();
  const conditions: SQL[] = [callVisible(ctx)];
  if (query.q) {
    conditions.push(ilike(calls.title, `%${escapeLike(query.q)}%`));
  }
  if (query.status) {
    conditions.push(sql`${effectiveStatus(now)} = ${query.status}`);
  }
  if (query.mode) {
    conditions.push(eq(calls.mode, query.mode));
  }
  if (query.awaiting === "my_review") {
    conditions.push(awaitingMyReview(ctx));
  }
  const keyset = sortedKeyset(callSortColumns, { sort: query.sort, fallback: "-created_at", cursor: query.cursor, id: calls.id });
  const where = and(...conditions);
  const [rows, total] = await Promise.all([
    ctx.db
      .select({ call: calls, status: effectiveStatus(now), sortValue: keyset.value })
      .from(calls)
      .where(keyset.after ? and(where, keyset.after) : where)
      .orderBy(keyset.order)
      .limit(query.limit + 1),
    countCapped(ctx.db, sql`${calls}`, where),
  ]);
  return {
    ...pageOf(
      rows,
      query.limit,
      (row) => presentCall(row.call, row.status),
      (last) => keyset.cursorOf(last.sortValue, last.call.id),
    ),
    ...total,
  };
}

/** One call the actor may read, with its effective status. @throws NOT_FOUND otherwise. */
export async function findCall(ctx: ActorCtx, id: string): Promise<{ call: CallRow; status: string }> {
  const [row] = await ctx.db
    .select({ call: calls, status: effectiveStatus(ctx.now()) })
    .from(calls)
    .where(and(eq(calls.id, id), callVisible(ctx)));
  if (!row) {
    throw notFound();
  }
  return row;
}

/** GET /calls/{id}: the call, its rubric and panel, need counts and what the viewer may do. */
export async function getCall(ctx: ActorCtx, id: string): Promise<CallDetail> {
  const { call, status } = await findCall(ctx, id);
  const orgs = applyingOrganizations(ctx);
  const [criteria, reviewers, mine, needCounts, areaNames] = await Promise.all([
    ctx.db.select().from(callCriteria).where(eq(callCriteria.callId, id)).orderBy(asc(callCriteria.position)),
    ctx.db
      .select({ user_id: callReviewers.userId, display_name: users.displayName })
      .from(callReviewers)
      .innerJoin(users, eq(users.id, callReviewers.userId))
      .where(eq(callReviewers.callId, id))
      .orderBy(asc(users.displayName)),
    orgs.length > 0
      ? ctx.db
          .select({ id: applications.id })
          .from(applications)
          .where(and(eq(applications.callId, id), sql`${applications.orgId} IN ${orgs}`))
      : Promise.resolve([]),
    countNeedsForCall(ctx, { categories: call.needCategories, areas: call.targetAreaCodes, since: new Date(ctx.now().getTime() - yearMs) }),
    // Names of the target areas: a community reading a street's call sees its sibling communities by name.
    getAreaNames(ctx, call.targetAreaCodes),
  ]);
  const purchaser = purchaserScope(ctx).some((prefix) => call.areaCode.startsWith(prefix));
  return {
    ...presentCall(call, status),
    description: call.description,
    need_categories: call.needCategories,
    target_area_codes: call.targetAreaCodes,
    min_org_grade: call.minOrgGrade,
    eligible_org_categories: call.eligibleOrgCategories as CallDetail["eligible_org_categories"],
    require_local_presence: call.requireLocalPresence,
    required_documents: call.requiredDocuments,
    evaluation_weights: call.evaluationWeights,
    criteria: criteria.map((c) => ({ id: c.id, position: c.position, name: c.name, description: c.description, weight: c.weight })),
    reviewers,
    need_counts: {
      ...needCounts,
      areas: needCounts.areas.map((area) => ({ ...area, area_name: areaNames.get(area.area_code) ?? area.area_code })),
    },
    viewer: {
      purchaser,
      reviewer: reviewers.some((r) => r.user_id === ctx.actor.userId),
      my_application_id: mine[0]?.id ?? null,
    },
  };
}

/**
 * GET /calls/suggestion: a draft answering the area's most frequent unmet needs of the last 12 months
 * (open, or closed unsatisfied): the top categories, the areas where they concentrate, a zh-CN text.
 */
export async function suggestCall(ctx: ActorCtx, area: string): Promise<CallSuggestion> {
  if (!purchaserScope(ctx).some((prefix) => area.startsWith(prefix))) {
    throw notFound();
  }
  const since = new Date(ctx.now().getTime() - yearMs);
  const summary = await unmetNeedsSummary(ctx, { area, since, topCategories: 3, topAreas: 5 });
  const names = summary.categories.map((c) => c.name).join("、");
  const total = summary.categories.reduce((sum, c) => sum + c.count, 0);
  const title = names ? `${names}服务项目征集` : "社区服务项目征集";
  const description = names
    ? `近 12 个月辖区内共有 ${total} 件${names}需求尚未得到满足，主要集中在 ${summary.areas.length} 个区域。现公开征集社会组织承接相关服务项目，请围绕上述需求设计服务内容、明确服务对象与绩效目标。`
    : "近 12 个月辖区内没有未满足的需求记录。请根据实际情况填写征集内容。";
  return {
    area_code: area,
    since: since.toISOString(),
    categories: summary.categories.map((c) => ({ code: c.code, name: ctx.locale === "en" ? c.name_en : c.name, count: c.count })),
    areas: summary.areas,
    draft: {
      area_code: area,
      title,
      description,
      need_categories: summary.categories.map((c) => c.code),
      target_area_codes: summary.areas.length > 0 ? summary.areas.map((a) => a.area_code) : [area],
    },
  };
}

/** The call row under the purchaser's scope, locked for a write. @throws NOT_FOUND otherwise. */
export async function callForUpdate(ctx: ActorCtx, id: string): Promise<CallRow> {
  const [row] = await ctx.db
    .select()
    .from(calls)
    .where(and(eq(calls.id, id), inScope(calls.areaCode, purchaserScope(ctx))))
    .for("update");
  if (!row) {
    throw notFound();
  }
  return row;
}
