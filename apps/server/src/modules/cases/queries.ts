import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Case, CaseLink, CaseListQuery, CasePage, CaseSort } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { scopeFor } from "../../platform/auth/permissions.js";
import { inScope } from "../../platform/scope/index.js";
import { pageOf } from "../../platform/pagination/page.js";
import { countCapped, sortedKeyset, type SortColumns } from "../../platform/pagination/sorted.js";
import { getResidentNames, residentIdsNamed } from "../residents/index.js";
import { findWorkerOfUser, getWorkerNames, workersSupervisedBy } from "../social-workers/index.js";
import { caseGoals, caseReviews, cases, caseSessions, type CaseRow } from "./schema.js";
import { presentCase, presentItem } from "./present.js";

/**
 * Who may read a case (confidentiality rule): the worker owning it, that worker's supervisor (督导),
 * and community staff whose cases.read scope covers the case's community. Built as one SQL condition
 * (the caller's worker record is looked up first: one query).
 */
export async function visibleCases(ctx: ActorCtx): Promise<{ condition: SQL; workerId: string | null }> {
  const worker = await findWorkerOfUser(ctx, ctx.actor.userId);
  const branches: SQL[] = [];
  if (worker && ctx.actor.can("cases.read")) {
    branches.push(eq(cases.workerId, worker.id), sql`${cases.workerId} IN ${workersSupervisedBy(worker.id)}`);
  }
  const staffPrefixes = scopeFor(
    ctx.actor.memberships.filter((membership) => membership.role === "community_staff"),
    "cases.read",
  );
  if (staffPrefixes.length > 0) {
    branches.push(inScope(cases.areaCode, staffPrefixes));
  }
  return { condition: branches.length > 0 ? (or(...branches) as SQL) : sql`false`, workerId: worker?.id ?? null };
}

/**
 * The case row if the caller may read it, else 404 (optionally locked for update).
 * @throws AppError NOT_FOUND
 */
export async function findVisibleCase(
  ctx: ActorCtx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ row: CaseRow; workerId: string | null }> {
  const { condition, workerId } = await visibleCases(ctx);
  const query = ctx.db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), condition));
  const rows = options.forUpdate ? await query.for("update") : await query;
  const row = rows[0];
  if (!row) {
    throw notFound();
  }
  return { row, workerId };
}

async function namesFor(ctx: Ctx, rows: CaseRow[]) {
  const [residentNames, workerNames] = await Promise.all([
    getResidentNames(
      ctx,
      rows.map((row) => row.residentId),
    ),
    getWorkerNames(
      ctx,
      rows.map((row) => row.workerId),
    ),
  ]);
  return { residents: residentNames, workers: workerNames };
}

/** The sorts of the cases list (sort= allow-list in the contract); stages sort in the order of the casework. */
export const caseSortColumns: SortColumns<CaseSort> = {
  updated_at: { expr: cases.updatedAt, kind: "instant" },
  opened_on: { expr: cases.openedOn, kind: "date" },
  status: {
    expr: sql`(CASE ${cases.status} WHEN 'intake' THEN 1 WHEN 'planning' THEN 2 WHEN 'in_service' THEN 3 WHEN 'review' THEN 4 ELSE 5 END)`,
    kind: "number",
  },
};

/**
 * Cases the caller may read (confidentiality rule in SQL), in the chosen order (last changed first by
 * default), keyset-paginated under the sort (ties by id), with the capped total. Five queries whatever
 * the page size (worker record, cases, count, resident and worker names).
 * @throws AppError VALIDATION_FAILED for a cursor that is unreadable or of another sort.
 */
export async function listCases(ctx: ActorCtx, query: CaseListQuery): Promise<CasePage> {
  const { condition } = await visibleCases(ctx);
  const conditions: SQL[] = [condition];
  if (query.status) {
    conditions.push(eq(cases.status, query.status));
  }
  if (query.risk_level) {
    conditions.push(eq(cases.riskLevel, query.risk_level));
  }
  if (query.worker_id) {
    conditions.push(eq(cases.workerId, query.worker_id));
  }
  if (query.q) {
    conditions.push(sql`${cases.residentId} IN ${residentIdsNamed(query.q)}`);
  }
  const keyset = sortedKeyset(caseSortColumns, { sort: query.sort, fallback: "-updated_at", cursor: query.cursor, id: cases.id });
  const where = and(...conditions);
  const [rows, total] = await Promise.all([
    ctx.db
      .select({ row: cases, sortValue: keyset.value })
      .from(cases)
      .where(keyset.after ? and(where, keyset.after) : where)
      .orderBy(keyset.order)
      .limit(query.limit + 1),
    countCapped(ctx.db, sql`${cases}`, where),
  ]);
  const names = await namesFor(
    ctx,
    rows.slice(0, query.limit).map(({ row }) => row),
  );
  return {
    ...pageOf(
      rows,
      query.limit,
      ({ row }) => presentItem(row, names),
      (last) => keyset.cursorOf(last.sortValue, last.row.id),
    ),
    ...total,
  };
}

/** The full case file (goals, sessions, reviews, names) of a row the caller may read. No audit here. */
export async function loadCase(ctx: Ctx, row: CaseRow, callerWorkerId: string | null): Promise<Case> {
  const [goals, sessions, reviews, names] = await Promise.all([
    ctx.db.select().from(caseGoals).where(eq(caseGoals.caseId, row.id)).orderBy(asc(caseGoals.createdAt), asc(caseGoals.id)),
    ctx.db
      .select()
      .from(caseSessions)
      .where(eq(caseSessions.caseId, row.id))
      .orderBy(desc(caseSessions.date), desc(caseSessions.createdAt)),
    ctx.db.select().from(caseReviews).where(eq(caseReviews.caseId, row.id)).orderBy(desc(caseReviews.date), desc(caseReviews.createdAt)),
    namesFor(ctx, [row]),
  ]);
  return presentCase(row, { goals, sessions, reviews, names }, callerWorkerId);
}

/**
 * One case the caller may read, with its plan, sessions and reviews. Every read is audited
 * (`cases.read` with the case id, never its content).
 * @throws AppError NOT_FOUND for anyone outside the confidentiality rule, officials included (the
 *   route admits any signed-in user so that a case's existence is never confirmed by a 403).
 */
export async function getCase(ctx: ActorCtx, id: string): Promise<Case> {
  const { row, workerId } = await findVisibleCase(ctx, id);
  await ctx.audit.record("cases.read", { entityType: "case", entityId: row.id, areaCode: row.areaCode });
  return loadCase(ctx, row, workerId);
}

/** Number of open goals of a case. */
export async function countOpenGoals(ctx: Ctx, caseId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseGoals)
    .where(and(eq(caseGoals.caseId, caseId), inArray(caseGoals.status, ["open"])));
  return row?.n ?? 0;
}

/**
 * The cases opened from these referrals that the caller may read (confidentiality rule), by referral
 * id: id and status only. None (and no query) without cases.read; else two queries whatever the count.
 */
export async function readableCasesOfReferrals(ctx: ActorCtx, referralIds: readonly string[]): Promise<Map<string, CaseLink>> {
  const unique = [...new Set(referralIds)];
  if (unique.length === 0 || !ctx.actor.can("cases.read")) {
    return new Map();
  }
  const { condition } = await visibleCases(ctx);
  const rows = await ctx.db
    .select({ id: cases.id, status: cases.status, referralId: cases.referralId })
    .from(cases)
    .where(and(inArray(cases.referralId, unique), condition));
  return new Map(rows.map((row) => [row.referralId as string, { id: row.id, status: row.status }]));
}

/** The id of the case opened from a referral, whoever owns it (for the one-case-per-referral check), or null. */
export async function caseIdOfReferral(ctx: Ctx, referralId: string): Promise<string | null> {
  const [row] = await ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.referralId, referralId)).limit(1);
  return row?.id ?? null;
}
