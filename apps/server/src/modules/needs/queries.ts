import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Need, NeedCategory, NeedDetail, NeedListQuery, Page, Referral, ReferralListQuery } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { queryRows } from "../../platform/db/client.js";
import { notFound } from "../../platform/errors/app-error.js";
import { membershipPermissions } from "../../platform/auth/permissions.js";
import { inPrefixIndexed, inScope, newestFirstIds } from "../../platform/scope/index.js";
import { getOrganizations, organizationNameOf } from "../social-orgs/index.js";
import { workerIdsOfUser, workerNameOf } from "../social-workers/index.js";
import { readableCasesOfReferrals } from "../cases/index.js";
import { needAttachments, needCallbacks, needCategories, needEvents, needs, referrals, serviceRecords } from "./schema.js";
import { loadConfig } from "../../platform/config.js";
import { callbackAllowedFrom } from "./policy.js";
import { residentHasAccount } from "./resident-accounts.js";

const confirmationDays = 7;

/** SQL: the referral row is past its clock (respond_by while pending, resolve_by while accepted). */
export function referralOverdue(now: Date): SQL<boolean> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql<boolean>`((${referrals.status} = 'pending' AND ${referrals.respondBy} < ${at}) OR (${referrals.status} = 'accepted' AND ${referrals.resolveBy} < ${at}))`;
}

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
function personalReferral(ctx: ActorCtx): SQL {
  return and(eq(referrals.providerKind, "social_worker"), sql`${referrals.providerId} IN ${workerIdsOfUser(ctx.actor.userId)}`) as SQL;
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

type NeedRow = {
  need: typeof needs.$inferSelect;
  categoryName: string;
  categoryNameEn: string;
  overdue: boolean;
  confirmationOverdue: boolean;
};

function presentNeed(ctx: Ctx, row: NeedRow): Need {
  const need = row.need;
  return {
    id: need.id,
    area_code: need.areaCode,
    resident_id: need.residentId,
    category: need.category,
    category_name: ctx.locale === "en" ? row.categoryNameEn : row.categoryName,
    description: need.description,
    urgency: need.urgency,
    channel: need.channel,
    status: need.status,
    tier: need.tier,
    routing: {
      rule: need.routingRuleId,
      explanation: ctx.locale === "en" && need.routingExplanationEn ? need.routingExplanationEn : need.routingExplanation,
    },
    overdue: Boolean(row.overdue),
    confirmation_overdue: Boolean(row.confirmationOverdue),
    rating: need.rating,
    callback_rating: need.callbackRating,
    confirmed_by: need.confirmedBy,
    closed_at: need.closedAt?.toISOString() ?? null,
    grid: need.gridId ? { id: need.gridId, name: need.gridName ?? "" } : null,
    contact: need.contactMasked ?? null,
    address: need.address,
    version: need.version,
    created_at: need.createdAt.toISOString(),
    updated_at: need.updatedAt.toISOString(),
  };
}

/** GET /need-categories: the taxonomy in display order. */
export async function listCategories(ctx: Ctx): Promise<{ items: NeedCategory[] }> {
  const rows = await ctx.db.select().from(needCategories).orderBy(asc(needCategories.sortOrder));
  return {
    items: rows.map((row) => ({
      code: row.code,
      name: ctx.locale === "en" ? row.nameEn : row.name,
      tier: row.tier,
      respond_within_hours: row.respondWithinHours,
      resolve_within_days: row.resolveWithinDays,
    })),
  };
}

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      if (/^[0-9a-f-]{36}$/.test(value[1]) && !Number.isNaN(Date.parse(value[0]))) {
        return [value[0], value[1]];
      }
    }
  } catch {
    return null;
  }
  return null;
}

const encodeCursor = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");

/** Needs visible to the actor, newest first, filtered; one query per page (the branches merged inside). */
export async function listNeeds(ctx: ActorCtx, query: NeedListQuery): Promise<Page<Need>> {
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
    filters.push(or(needOverdue(now), confirmationOverdue(now)) as SQL);
  }
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (after) {
    filters.push(sql`(${needs.createdAt}, ${needs.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  const ids = newestFirstIds(needs, { id: needs.id, at: needs.createdAt }, needVisibleBranches(ctx), filters, query.limit + 1);
  const rows = await ctx.db
    .select(needSelection(now))
    .from(needs)
    .innerJoin(needCategories, eq(needCategories.code, needs.category))
    .where(sql`${needs.id} IN ${ids}`)
    .orderBy(desc(needs.createdAt), desc(needs.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentNeed(ctx, row)),
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.need.createdAt, last.need.id) : null,
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

type ReferralRow = {
  referral: typeof referrals.$inferSelect;
  category: string;
  description: string;
  overdue: boolean;
  providerName: string | null;
};

/** A referral with its need's category and description, its clock and its provider's name: one statement. */
function referralSelection(now: Date) {
  const provider = sql`${referrals.providerId}`;
  return {
    referral: referrals,
    category: needs.category,
    description: needs.description,
    overdue: referralOverdue(now),
    providerName: sql<string | null>`CASE ${referrals.providerKind} WHEN 'organization' THEN ${organizationNameOf(provider)}
      WHEN 'social_worker' THEN ${workerNameOf(provider)} ELSE '社区分派队列' END`,
  };
}

/**
 * Presents referrals (provider names come with the rows) and, for a signed-in caller who may read it,
 * the case opened from each: one more query at most.
 */
async function presentReferrals(ctx: Ctx, rows: ReferralRow[]): Promise<Referral[]> {
  const caseLinks = ctx.actor
    ? await readableCasesOfReferrals(
        ctx as ActorCtx,
        rows.map((row) => row.referral.id),
      )
    : new Map<string, never>();
  return rows.map(({ referral, category, description, overdue, providerName }) => ({
    id: referral.id,
    need_id: referral.needId,
    area_code: referral.areaCode,
    category,
    description,
    provider_kind: referral.providerKind,
    provider_id: referral.providerId,
    provider_name: providerName,
    status: referral.status,
    decline_reason: referral.declineReason,
    respond_by: referral.respondBy.toISOString(),
    resolve_by: referral.resolveBy.toISOString(),
    overdue: Boolean(overdue),
    read: referral.readAt !== null,
    rating: referral.rating,
    rating_source: referral.ratingSource,
    case: caseLinks.get(referral.id) ?? null,
    version: referral.version,
    created_at: referral.createdAt.toISOString(),
    updated_at: referral.updatedAt.toISOString(),
  }));
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
        events: sql<HistoryEntry[] | string>`(SELECT coalesce(json_agg(json_build_object('kind', e.kind, 'status', e.status,
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
  const parse = <T>(value: T[] | string): T[] => (typeof value === "string" ? (JSON.parse(value) as T[]) : value);
  const allowedFrom =
    row.need.status === "done"
      ? callbackAllowedFrom(row.need.doneAt, await residentHasAccount(ctx, row.need), loadConfig().confirmationWaitDays)
      : null;
  return {
    ...presentNeed(ctx, row),
    callbacks: parse(row.callbacks).map((callback) => ({
      ...callback,
      called_at: new Date(callback.called_at).toISOString(),
      recorded_at: new Date(callback.recorded_at).toISOString(),
    })),
    callback_allowed_from: allowedFrom?.toISOString() ?? null,
    events: parse(row.events).map((event) => ({
      kind: event.kind,
      status: event.status ?? null,
      actor_login: event.actor_login,
      reason: event.reason,
      at: new Date(event.at).toISOString(),
    })),
    referrals: await presentReferrals(ctx, referralRows),
    attachments: parse(row.attachments).map((attachment) => ({
      ...attachment,
      created_at: new Date(attachment.created_at).toISOString(),
    })),
  };
}

type HistoryEntry = { kind: string; status: Need["status"] | null; actor_login: string; reason: string | null; at: string };
type RawCallback = Omit<NeedDetail["callbacks"][number], "called_at" | "recorded_at"> & { called_at: string; recorded_at: string };
type RawAttachment = Omit<NeedDetail["attachments"][number], "created_at"> & { created_at: string };

/**
 * Referrals: the inbox (addressed to the actor) or all in the needs.read scope; newest first, with the
 * unread count. Two queries: the page (branches merged inside) and the count.
 */
export async function listReferrals(ctx: ActorCtx, query: ReferralListQuery): Promise<Page<Referral> & { unread: number }> {
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
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (after) {
    filters.push(sql`(${referrals.createdAt}, ${referrals.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  const ids = newestFirstIds(referrals, { id: referrals.id, at: referrals.createdAt }, branches, filters, query.limit + 1);
  const unreadParts = handled.map(
    (branch) =>
      sql`(SELECT ${referrals.id} FROM ${referrals} WHERE ${branch} AND ${referrals.status} = 'pending' AND ${referrals.readAt} IS NULL)`,
  );
  const [rows, [unread]] = await Promise.all([
    ctx.db
      .select(referralSelection(now))
      .from(referrals)
      .innerJoin(needs, eq(needs.id, referrals.needId))
      .where(sql`${referrals.id} IN ${ids}`)
      .orderBy(desc(referrals.createdAt), desc(referrals.id))
      .limit(query.limit + 1),
    unreadParts.length > 0
      ? queryRows<{ count: number }>(ctx.db, sql`SELECT count(*)::int AS count FROM (${sql.join(unreadParts, sql` UNION `)}) AS u`)
      : Promise.resolve([{ count: 0 }]),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await presentReferrals(ctx, page),
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.referral.createdAt, last.referral.id) : null,
    unread: Number(unread?.count ?? 0),
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

/** A need as an external channel (Open311) reads it: status, latest history entry and current provider. */
export type ChannelNeed = {
  id: string;
  areaCode: string;
  status: Need["status"];
  category: string;
  categoryName: string;
  description: string;
  address: string | null;
  lat: number | null;
  long: number | null;
  mediaUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastEvent: { kind: string; reason: string | null } | null;
  provider: { kind: "organization" | "social_worker" | "community_queue"; name: string | null; resolveBy: Date } | null;
};

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

type RawEvent = { kind: string; reason: string | null } | null;
type RawProvider = { kind: "organization" | "social_worker" | "community_queue"; id: string | null; resolve_by: string } | null;

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
  return rows.map((row, index) => {
    const provider = providers[index] ?? null;
    const need = row.need;
    return {
      id: need.id,
      areaCode: need.areaCode,
      status: need.status,
      category: need.category,
      categoryName: ctx.locale === "en" ? row.categoryNameEn : row.categoryName,
      description: need.description,
      address: need.address,
      lat: need.lat,
      long: need.long,
      mediaUrl: need.mediaUrl,
      createdAt: need.createdAt,
      updatedAt: need.updatedAt,
      lastEvent: parse<NonNullable<RawEvent>>(row.lastEvent),
      provider: provider
        ? {
            kind: provider.kind,
            name: provider.kind === "organization" ? (organizations.get(provider.id ?? "")?.name ?? null) : null,
            resolveBy: new Date(provider.resolve_by),
          }
        : null,
    };
  });
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
