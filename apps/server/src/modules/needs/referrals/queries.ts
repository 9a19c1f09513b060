import { and, asc, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { CountedPage, Referral, ReferralListQuery, ReferralSort } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../../platform/ctx.js";
import { queryRows } from "../../../platform/db/client.js";
import { countCapped, sortedIds, sortedKeyset, type SortColumns } from "../../../platform/pagination/sorted.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { membershipPermissions } from "../../../platform/auth/permissions.js";
import { inPrefixIndexed, inScope } from "../../../platform/scope/index.js";
import { organizationNameOf } from "../../social-orgs/index.js";
import { workerIdsOfUser, workerNameOf } from "../../social-workers/index.js";
import { readableCasesOfReferrals } from "../../cases/index.js";
import { residentVisitContact } from "../../residents/index.js";
import { needCategories, needs, referrals, serviceRecords } from "../schema.js";
import { presentReferral, type ReferralJoinRow } from "./present.js";

/** SQL: the referral row is past its clock (respond_by while pending, resolve_by while accepted). */
export function referralOverdue(now: Date): SQL<boolean> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql<boolean>`((${referrals.status} = 'pending' AND ${referrals.respondBy} < ${at}) OR (${referrals.status} = 'accepted' AND ${referrals.resolveBy} < ${at}))`;
}

/** Organizations whose inbox the actor handles (memberships with referrals.handle and an organization). */
export function handledOrganizations(ctx: ActorCtx): string[] {
  return ctx.actor.memberships
    .filter((m) => m.organizationId !== null && membershipPermissions(m).includes("referrals.handle"))
    .map((m) => m.organizationId as string);
}

/**
 * Referrals addressed to the actor, as branches of a union: each organization they handle referrals
 * for, the triage queue of each community they staff, and the actor themself as the social worker
 * (social_workers.user_id) a rule routed to. The branches are disjoint (by provider kind and id).
 */
function referralHandledBranches(ctx: ActorCtx): SQL[] {
  // Community queues belong to community staff (not to social workers, whose referrals are personal).
  const queues = ctx.actor.memberships
    .filter((m) => m.role === "community_staff" && membershipPermissions(m).includes("referrals.handle"))
    .map((m) => m.areaCode);
  return [
    ...[...new Set(queues)].map(
      (code) => and(eq(referrals.providerKind, "community_queue"), inPrefixIndexed(referrals.areaCode, code)) as SQL,
    ),
    ...[...new Set(handledOrganizations(ctx))].map(
      (organization) => and(eq(referrals.providerKind, "organization"), eq(referrals.providerId, organization)) as SQL,
    ),
    ...(ctx.actor.can("referrals.handle") ? [personalReferral(ctx)] : []),
  ];
}

/** Referrals addressed to the actor (one row by id: the branches OR-ed; none: nothing). */
export function referralHandled(ctx: ActorCtx): SQL {
  const branches = referralHandledBranches(ctx);
  return branches.length > 0 ? (or(...branches) as SQL) : sql`false`;
}

/** Referrals routed to the actor personally, as the social worker (social_workers.user_id) a rule named. */
export function personalReferral(ctx: ActorCtx): SQL {
  return and(eq(referrals.providerKind, "social_worker"), sql`${referrals.providerId} IN ${workerIdsOfUser(ctx.actor.userId)}`) as SQL;
}

/**
 * A referral with its need's category, description and urgency, whom to visit (the resident's masked
 * phone and plain name and address, masked by the presenter; or the anonymous contact's masked copy),
 * its clock and its provider's name: one statement.
 */
export function referralSelection(now: Date) {
  const provider = sql`${referrals.providerId}`;
  return {
    referral: referrals,
    category: needs.category,
    description: needs.description,
    urgency: needs.urgency,
    needAddress: needs.address,
    contactMasked: needs.contactMasked,
    resident: residentVisitContact(needs.residentId),
    overdue: referralOverdue(now),
    providerName: sql<string | null>`CASE ${referrals.providerKind} WHEN 'organization' THEN ${organizationNameOf(provider)}
      WHEN 'social_worker' THEN ${workerNameOf(provider)} ELSE '社区分派队列' END`,
  };
}

/**
 * Presents referrals (provider names come with the rows) and, for a signed-in caller who may read it,
 * the case opened from each: one more query at most.
 */
export async function presentReferrals(ctx: Ctx, rows: ReferralJoinRow[]): Promise<Referral[]> {
  const caseLinks = ctx.actor
    ? await readableCasesOfReferrals(
        ctx as ActorCtx,
        rows.map((row) => row.referral.id),
      )
    : new Map<string, never>();
  return rows.map((row) => presentReferral(row, caseLinks.get(row.referral.id) ?? null));
}

/** The sorts of the referral lists (sort= allow-list in the contract). */
export const referralSortColumns: SortColumns<ReferralSort> = {
  created_at: { expr: referrals.createdAt, kind: "instant" },
  respond_by: { expr: referrals.respondBy, kind: "instant" },
  resolve_by: { expr: referrals.resolveBy, kind: "instant" },
};

/**
 * Referrals: the inbox (addressed to the actor) or all in the needs.read scope, in the chosen order
 * (newest first by default), with the unread count and the capped total: three queries at once.
 * @throws AppError VALIDATION_FAILED for a cursor that is unreadable or of another sort.
 */
export async function listReferrals(ctx: ActorCtx, query: ReferralListQuery): Promise<CountedPage<Referral> & { unread: number }> {
  const now = ctx.now();
  const handled = referralHandledBranches(ctx);
  const branches =
    query.inbox === "1"
      ? handled
      : [...handled, ...ctx.actor.scope("needs.read").map((prefix) => inPrefixIndexed(referrals.areaCode, prefix))];
  const filters: SQL[] = [];
  if (query.status) {
    filters.push(eq(referrals.status, query.status));
  }
  const keyset = sortedKeyset(referralSortColumns, { sort: query.sort, fallback: "-created_at", cursor: query.cursor, id: referrals.id });
  const ids = sortedIds(referrals, referrals.id, keyset, branches, keyset.after ? [...filters, keyset.after] : filters, query.limit + 1);
  const unreadParts = handled.map(
    (branch) =>
      sql`(SELECT ${referrals.id} FROM ${referrals} WHERE ${branch} AND ${referrals.status} = 'pending' AND ${referrals.readAt} IS NULL)`,
  );
  const [rows, [unread], total] = await Promise.all([
    ctx.db
      .select({ ...referralSelection(now), sortValue: keyset.value })
      .from(referrals)
      .innerJoin(needs, eq(needs.id, referrals.needId))
      .where(sql`${referrals.id} IN ${ids}`)
      .orderBy(keyset.order)
      .limit(query.limit + 1),
    unreadParts.length > 0
      ? queryRows<{ count: number }>(ctx.db, sql`SELECT count(*)::int AS count FROM (${sql.join(unreadParts, sql` UNION `)}) AS u`)
      : Promise.resolve([{ count: 0 }]),
    branches.length > 0 ? countCapped(ctx.db, sql`${referrals}`, and(or(...branches), ...filters)) : { total: 0, capped: false },
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await presentReferrals(ctx, page),
    next_cursor: rows.length > query.limit && last ? keyset.cursorOf(last.sortValue, last.referral.id) : null,
    unread: Number(unread?.count ?? 0),
    ...total,
  };
}

/** One referral addressed to the actor, presented; marks it read. @throws NOT_FOUND otherwise. */
export async function getReferral(ctx: ActorCtx, id: string): Promise<Referral> {
  const rows = await ctx.db
    .select(referralSelection(ctx.now()))
    .from(referrals)
    .innerJoin(needs, eq(needs.id, referrals.needId))
    .where(and(eq(referrals.id, id), referralHandled(ctx)));
  if (rows.length === 0) {
    throw notFound();
  }
  const [referral] = await presentReferrals(ctx, rows);
  return referral as Referral;
}

/** One referral by id without the inbox check (after a write the caller was allowed to make). */
export async function getReferralById(ctx: Ctx, id: string): Promise<Referral> {
  const rows = await ctx.db
    .select(referralSelection(ctx.now()))
    .from(referrals)
    .innerJoin(needs, eq(needs.id, referrals.needId))
    .where(eq(referrals.id, id));
  if (rows.length === 0) {
    throw notFound();
  }
  const [referral] = await presentReferrals(ctx, rows);
  return referral as Referral;
}

/**
 * Providers this need must not go back to: every one that declined it or whose work the resident
 * (or a call-back) said did not solve it.
 */
export async function providersToSkip(ctx: Ctx, needId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ providerId: referrals.providerId })
    .from(referrals)
    .where(and(eq(referrals.needId, needId), inArray(referrals.status, ["declined", "failed"]), isNotNull(referrals.providerId)));
  return rows.map((row) => row.providerId as string);
}

/** The area of each referral that exists under one of `prefixes` (for links from other modules). One query. */
export async function referralAreasIn(ctx: Ctx, ids: readonly string[], prefixes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await ctx.db
    .select({ id: referrals.id, areaCode: referrals.areaCode })
    .from(referrals)
    .where(and(inArray(referrals.id, unique), inScope(referrals.areaCode, prefixes)));
  return new Map(rows.map((row) => [row.id, row.areaCode]));
}

/** The area of each service record that exists under one of `prefixes`. One query. */
export async function serviceRecordAreasIn(ctx: Ctx, ids: readonly string[], prefixes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await ctx.db
    .select({ id: serviceRecords.id, areaCode: serviceRecords.areaCode })
    .from(serviceRecords)
    .where(and(inArray(serviceRecords.id, unique), inScope(serviceRecords.areaCode, prefixes)));
  return new Map(rows.map((row) => [row.id, row.areaCode]));
}

export type ReferralDeadline = {
  referralId: string;
  needId: string;
  status: "pending" | "accepted";
  categoryName: string;
  categoryNameEn: string;
  respondBy: Date;
  resolveBy: Date;
};

/**
 * Deadlines of the open referrals (pending or accepted) the actor handles, soonest first, for their
 * private calendar: a pending one must be answered by respond_by, an accepted one resolved by
 * resolve_by. One query; no personal data (category only).
 */
export async function listOpenReferralDeadlines(ctx: ActorCtx, limit = 500): Promise<ReferralDeadline[]> {
  const rows = await ctx.db
    .select({
      referralId: referrals.id,
      needId: referrals.needId,
      status: referrals.status,
      categoryName: needCategories.name,
      categoryNameEn: needCategories.nameEn,
      respondBy: referrals.respondBy,
      resolveBy: referrals.resolveBy,
    })
    .from(referrals)
    .innerJoin(needs, eq(needs.id, referrals.needId))
    .innerJoin(needCategories, eq(needCategories.code, needs.category))
    .where(and(referralHandled(ctx), inArray(referrals.status, ["pending", "accepted"])))
    .orderBy(asc(referrals.resolveBy), asc(referrals.id))
    .limit(limit);
  return rows as ReferralDeadline[];
}
