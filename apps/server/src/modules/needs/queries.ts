import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { CountedPage, Need, NeedCategory, NeedDetail, NeedListQuery, NeedSort } from "@sanshe/contracts";
import { pageOf } from "../../platform/pagination/page.js";
import { countCapped, sortedIds, sortedKeyset, type SortColumns } from "../../platform/pagination/sorted.js";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { AppError, notFound } from "../../platform/errors/app-error.js";
import { inPrefixIndexed, inScope } from "../../platform/scope/index.js";
import { loadConfig } from "../../platform/config.js";
import { getOrganizations } from "../social-orgs/index.js";
import { needAttachments, needCallbacks, needCategories, needEvents, needs, referrals } from "./schema.js";
import { callbackAllowedFrom } from "./policy.js";
import { residentHasAccount } from "./resident-accounts.js";
import type { CategoryRow } from "./status.js";
import {
  presentCategory,
  presentChannelNeed,
  type ChannelNeed,
  presentNeed,
  presentNeedDetail,
  type RawAttachment,
  type RawCallback,
  type RawEvent,
  type RawHistoryEntry,
  type RawProvider,
} from "./present.js";
import { handledOrganizations, personalReferral, presentReferrals, referralSelection } from "./referrals/queries.js";

const confirmationDays = 7;

/**
 * The need has a referral past its clock: a scalar sub-select, run once per row on the need_id index
 * (shown on a page, or filtering a branch walked newest first), where EXISTS let the planner hash
 * every overdue referral of the database for each page.
 */
function needOverdue(now: Date): SQL<boolean> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql<boolean>`coalesce((SELECT true FROM ${referrals} AS r WHERE r.need_id = ${needs.id} AND ((r.status = 'pending' AND r.respond_by < ${at}) OR (r.status = 'accepted' AND r.resolve_by < ${at})) LIMIT 1), false)`;
}

function confirmationOverdue(now: Date): SQL<boolean> {
  return sql<boolean>`(${needs.status} = 'done' AND ${needs.doneAt} < ${now.toISOString()}::timestamptz - make_interval(days => ${confirmationDays}))`;
}

/** The needs list's `overdue=1`: a referral past its clock, or done and waiting too long for the resident (the 首页 count uses it too). */
export function needOverdueFilter(now: Date): SQL {
  return or(needOverdue(now), confirmationOverdue(now)) as SQL;
}

/**
 * Needs the actor may read, as branches of a union: each needs.read scope prefix (officials,
 * community staff), the needs the actor reported themself, and the needs referred to the actor (a
 * provider reads the needs it was sent, never the rest of the area: a resident's need is personal
 * information). Each branch is one an index can walk newest first (platform/scope newestFirstIds).
 */
function needVisibleBranches(ctx: ActorCtx): SQL[] {
  const branches = [
    ...ctx.actor.scope("needs.read").map((prefix) => inPrefixIndexed(needs.areaCode, prefix)),
    eq(needs.createdBy, ctx.actor.userId),
  ];
  // Only referrals that can lie outside the needs.read scope widen it: an organization's, and a social
  // worker's personal ones (a community queue lies inside its staff's own scope).
  const organizations = handledOrganizations(ctx);
  const worker = ctx.actor.memberships.some((m) => m.role === "social_worker");
  if (!ctx.actor.can("referrals.handle") || (organizations.length === 0 && !worker)) {
    return branches;
  }
  const outside = [
    ...(organizations.length > 0 ? [and(eq(referrals.providerKind, "organization"), inArray(referrals.providerId, organizations))] : []),
    ...(worker ? [personalReferral(ctx)] : []),
  ];
  return [...branches, sql`${needs.id} IN (SELECT ${referrals.needId} FROM ${referrals} WHERE ${or(...outside)})`];
}

/** Needs the actor may read (one row by id: the branches OR-ed). */
export function needVisible(ctx: ActorCtx): SQL {
  return or(...needVisibleBranches(ctx)) as SQL;
}

function needSelection(now: Date) {
  return {
    need: needs,
    categoryName: needCategories.name,
    categoryNameEn: needCategories.nameEn,
    overdue: needOverdue(now),
    confirmationOverdue: confirmationOverdue(now),
  };
}

/** GET /need-categories: the taxonomy in display order. */
export async function listCategories(ctx: Ctx): Promise<{ items: NeedCategory[] }> {
  const rows = await ctx.db.select().from(needCategories).orderBy(asc(needCategories.sortOrder));
  return { items: rows.map((row) => presentCategory(ctx, row)) };
}

/** The sorts of the needs list (sort= allow-list in the contract); urgency sorts by rank, not by name. */
export const needSortColumns: SortColumns<NeedSort> = {
  created_at: { expr: needs.createdAt, kind: "instant" },
  updated_at: { expr: needs.updatedAt, kind: "instant" },
  urgency: { expr: sql`(CASE ${needs.urgency} WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END)`, kind: "number" },
  closed_at: { expr: needs.closedAt, kind: "instant", nullable: true },
};

/**
 * Needs visible to the actor, filtered, in the chosen order (newest first by default), with their
 * total: one query for the page (the visibility branches merged inside) and one capped count.
 * @throws AppError VALIDATION_FAILED for a cursor that is unreadable or of another sort.
 */
export async function listNeeds(ctx: ActorCtx, query: NeedListQuery): Promise<CountedPage<Need>> {
  const now = ctx.now();
  const filters: SQL[] = [];
  if (query.status) {
    filters.push(eq(needs.status, query.status));
  }
  if (query.category) {
    filters.push(eq(needs.category, query.category));
  }
  if (query.tier) {
    filters.push(eq(needs.tier, query.tier));
  }
  if (query.area) {
    filters.push(inPrefixIndexed(needs.areaCode, query.area));
  }
  if (query.overdue === "1") {
    filters.push(needOverdueFilter(now));
  }
  const keyset = sortedKeyset(needSortColumns, { sort: query.sort, fallback: "-created_at", cursor: query.cursor, id: needs.id });
  const branches = needVisibleBranches(ctx);
  const ids = sortedIds(needs, needs.id, keyset, branches, keyset.after ? [...filters, keyset.after] : filters, query.limit + 1);
  const [rows, total] = await Promise.all([
    ctx.db
      .select({ ...needSelection(now), sortValue: keyset.value })
      .from(needs)
      .innerJoin(needCategories, eq(needCategories.code, needs.category))
      .where(sql`${needs.id} IN ${ids}`)
      .orderBy(keyset.order)
      .limit(query.limit + 1),
    countCapped(ctx.db, sql`${needs}`, and(or(...branches), ...filters)),
  ]);
  return {
    ...pageOf(
      rows,
      query.limit,
      (row) => presentNeed(ctx, row),
      (last) => keyset.cursorOf(last.sortValue, last.need.id),
    ),
    ...total,
  };
}

/** One need visible to the actor (no events), or null. */
export async function findNeed(ctx: ActorCtx, id: string): Promise<Need | null> {
  const [row] = await ctx.db
    .select(needSelection(ctx.now()))
    .from(needs)
    .innerJoin(needCategories, eq(needCategories.code, needs.category))
    .where(and(eq(needs.id, id), needVisible(ctx)));
  return row ? presentNeed(ctx, row) : null;
}

/**
 * One need with its history, referrals and photos: two statements at once, then the cases opened from
 * the referrals if the actor may read cases.
 * @throws AppError NOT_FOUND outside the actor's scope (residents: not their own).
 */
export async function getNeed(ctx: ActorCtx, id: string): Promise<NeedDetail> {
  const now = ctx.now();
  // The need with its history and photos in one statement, its referrals (with provider names) in
  // another, at the same time: the referrals are dropped unread when the need is not visible.
  const [[row], referralRows] = await Promise.all([
    ctx.db
      .select({
        ...needSelection(now),
        events: sql<RawHistoryEntry[] | string>`(SELECT coalesce(json_agg(json_build_object('kind', e.kind, 'status', e.status,
          'actor_login', e.actor_login, 'reason', e.reason, 'at', e.at) ORDER BY e.at, e.seq), '[]')
          FROM ${needEvents} AS e WHERE e.area_code = ${needs.areaCode} AND e.need_id = ${needs.id})`,
        attachments: sql<RawAttachment[] | string>`(SELECT coalesce(json_agg(json_build_object('id', a.id, 'content_type', a.content_type,
          'size_bytes', a.size_bytes, 'created_at', a.created_at) ORDER BY a.created_at, a.id), '[]')
          FROM ${needAttachments} AS a WHERE a.area_code = ${needs.areaCode} AND a.need_id = ${needs.id})`,
        callbacks: sql<RawCallback[] | string>`(SELECT coalesce(json_agg(json_build_object('method', c.method, 'called_at', c.called_at,
          'answered_by', c.answered_by, 'summary', c.summary, 'solved', c.solved, 'rating', c.rating, 'recorded_at', c.created_at)
          ORDER BY c.created_at, c.id), '[]') FROM ${needCallbacks} AS c WHERE c.area_code = ${needs.areaCode} AND c.need_id = ${needs.id})`,
      })
      .from(needs)
      .innerJoin(needCategories, eq(needCategories.code, needs.category))
      .where(and(eq(needs.id, id), needVisible(ctx))),
    ctx.db
      .select(referralSelection(now))
      .from(referrals)
      .innerJoin(needs, eq(needs.id, referrals.needId))
      .where(eq(referrals.needId, id))
      .orderBy(asc(referrals.createdAt), asc(referrals.seq)),
  ]);
  if (!row) {
    throw notFound();
  }
  const allowedFrom =
    row.need.status === "done"
      ? callbackAllowedFrom(row.need.doneAt, await residentHasAccount(ctx, row.need), loadConfig().confirmationWaitDays)
      : null;
  return presentNeedDetail(ctx, row, allowedFrom, await presentReferrals(ctx, referralRows));
}

export type ChannelNeedFilter = {
  /** Scope of the caller (the API client's area prefix). */
  areaPrefix: string;
  channel: "open311";
  ids?: readonly string[] | undefined;
  category?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** true: only closed needs; false: only needs not closed. */
  closed?: boolean | undefined;
  limit: number;
};

/**
 * Needs that came in through a channel inside an area prefix, newest first: one query (latest event
 * and current referral as sub-selects) plus one for provider names.
 */
export async function listChannelNeeds(ctx: Ctx, filter: ChannelNeedFilter): Promise<ChannelNeed[]> {
  const conditions: SQL[] = [inScope(needs.areaCode, [filter.areaPrefix]), eq(needs.channel, filter.channel)];
  if (filter.ids) {
    const ids = filter.ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (ids.length === 0) {
      return [];
    }
    conditions.push(inArray(needs.id, ids));
  }
  if (filter.category) {
    conditions.push(eq(needs.category, filter.category));
  }
  if (filter.from) {
    conditions.push(sql`${needs.createdAt} >= ${filter.from.toISOString()}::timestamptz`);
  }
  if (filter.to) {
    conditions.push(sql`${needs.createdAt} <= ${filter.to.toISOString()}::timestamptz`);
  }
  if (filter.closed !== undefined) {
    conditions.push(filter.closed ? eq(needs.status, "closed") : sql`${needs.status} <> 'closed'`);
  }
  const rows = await ctx.db
    .select({
      need: needs,
      categoryName: needCategories.name,
      categoryNameEn: needCategories.nameEn,
      lastEvent: sql<RawEvent>`(SELECT json_build_object('kind', e.kind, 'reason', e.reason) FROM ${needEvents} AS e WHERE e.need_id = ${needs.id} ORDER BY e.at DESC, e.seq DESC LIMIT 1)`,
      provider: sql<RawProvider>`(SELECT json_build_object('kind', r.provider_kind, 'id', r.provider_id, 'resolve_by', r.resolve_by) FROM ${referrals} AS r WHERE r.need_id = ${needs.id} AND r.status NOT IN ('declined', 'cancelled') ORDER BY r.created_at DESC, r.seq DESC LIMIT 1)`,
    })
    .from(needs)
    .innerJoin(needCategories, eq(needCategories.code, needs.category))
    .where(and(...conditions))
    .orderBy(desc(needs.createdAt), desc(needs.id))
    .limit(filter.limit);
  const parse = <T>(value: T | string | null): T | null => (typeof value === "string" ? (JSON.parse(value) as T) : value);
  const providers = rows.map((row) => parse<NonNullable<RawProvider>>(row.provider));
  const organizations = await getOrganizations(
    ctx,
    providers.filter((p) => p?.kind === "organization" && p.id).map((p) => p?.id as string),
  );
  return rows.map((row, index) =>
    presentChannelNeed(ctx, row, parse<NonNullable<RawEvent>>(row.lastEvent), providers[index] ?? null, organizations),
  );
}

/** Open needs (not done or closed) per category under an area, for the categories asked. One query. */
export async function countOpenNeedsByCategory(ctx: Ctx, areaCode: string, categories: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(categories)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await ctx.db
    .select({ category: needs.category, n: sql<number>`count(*)::int` })
    .from(needs)
    .where(and(inScope(needs.areaCode, [areaCode]), inArray(needs.category, unique), sql`${needs.status} NOT IN ('done', 'closed')`))
    .groupBy(needs.category);
  return new Map(rows.map((row) => [row.category, row.n]));
}

/** A category by code. @throws AppError NEED_CATEGORY_UNKNOWN */
export async function findCategory(ctx: Ctx, code: string): Promise<CategoryRow> {
  const [category] = await ctx.db.select().from(needCategories).where(eq(needCategories.code, code));
  if (!category) {
    throw new AppError("NEED_CATEGORY_UNKNOWN");
  }
  return category;
}
