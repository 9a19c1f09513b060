import { sql, type SQL } from "drizzle-orm";
import {
  dashboardProviderLimit,
  type ConfirmationSource,
  type NeedStatus,
  type NeedsDashboard,
  type NeedsDashboardQuery,
  type ProviderKind,
  type ServiceTier,
} from "@sanshe/contracts";
import type { ActorCtx } from "../../../platform/ctx.js";
import { periodicCache, type PeriodicCache } from "../../../platform/cache/index.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { isInScope } from "../../../platform/auth/permissions.js";
import { areas } from "../../jurisdictions/index.js";
import { getOrganizations } from "../../social-orgs/index.js";
import { getWorkerNames } from "../../social-workers/index.js";
import { needCategories, needDurationRollups, needRollups, needs, referralDeadlineRollups, referralRollups, referrals } from "../schema.js";

/**
 * The needs dashboard (需求看板) of one jurisdiction, with a fixed number of statements whatever the
 * level, the number of children, categories or providers (plus at most one name lookup each for
 * organizations and social workers). Counts and ratings come from the roll-up need_rollups (the area's
 * own rows, by reporting day), exact at every level; the medians are computed live and exactly for a
 * street or a community and from the duration histograms of need_duration_rollups for a district and
 * above (within 9 %, ADR 0011). Providers come from the roll-up referral_rollups without a period and live
 * with one. Overdue referrals, by child and provider: without a period, the rows of
 * referral_deadline_rollups before today plus today's deadlines already past, counted live through a
 * deadline index; with one, one live scan of the period's open referrals. Recent closures are read
 * live (a partial index).
 */

const statuses: NeedStatus[] = ["new", "routed", "accepted", "in_service", "done", "closed", "reopened"];
const tiers: ServiceTier[] = ["public", "special", "professional", "personalized", "developmental"];
const codeLengths = [2, 4, 6, 9, 12] as const;
type Level = NeedsDashboard["area"]["level"];

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

const num = (value: unknown): number => Number(value ?? 0);
const maybe = (value: unknown, digits = 2): number | null => {
  if (value === null || value === undefined) {
    return null;
  }
  const factor = 10 ** digits;
  return Math.round(Number(value) * factor) / factor;
};
const iso = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string).toISOString());

/** Buckets of need_duration_rollups: [2^(b/8), 2^((b+1)/8)); the lowest holds zero. */
const zeroBucket = -32768;
const bucketBound = (bucket: number) => (bucket === zeroBucket ? 0 : 2 ** (bucket / 8));

/**
 * percentile_cont(0.5) over a histogram: each bucket's values spread geometrically across the bucket,
 * so the result lies in the bucket of the exact median, within 2^(1/8) − 1 ≈ 9 % of it.
 */
export function histogramMedian(histogram: ReadonlyArray<{ bucket: number; count: number }>): number | null {
  const buckets = [...histogram].filter((entry) => entry.count > 0).sort((a, b) => a.bucket - b.bucket);
  const total = buckets.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) {
    return null;
  }
  const valueAt = (rank: number) => {
    let before = 0;
    for (const { bucket, count } of buckets) {
      if (rank < before + count) {
        if (bucket === zeroBucket) {
          return 0;
        }
        const low = bucketBound(bucket);
        return low * (bucketBound(bucket + 1) / low) ** ((rank - before + 0.5) / count);
      }
      before += count;
    }
    return bucketBound((buckets[buckets.length - 1] as { bucket: number }).bucket + 1);
  };
  const position = (total - 1) / 2;
  const lower = valueAt(Math.floor(position));
  return lower + (position - Math.floor(position)) * (valueAt(Math.ceil(position)) - lower);
}

/** A YYYY-MM-DD date moved by whole days or to the first of its month. */
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
const firstOfNextMonth = (date: string) => firstOfMonth(shift(firstOfMonth(date), 31));

/**
 * A reporting period (inclusive dates, either end open) as roll-up grains: the whole months inside it
 * ([from, until), either end open) and the days of the partial months at the start and at the end.
 */
export function periodGrains(
  from: string | undefined,
  to: string | undefined,
): {
  months: { from: string | null; until: string | null } | null;
  leading: { from: string; to: string } | null;
  trailing: { from: string; to: string } | null;
} {
  const monthsFrom = from === undefined ? null : from === firstOfMonth(from) ? from : firstOfNextMonth(from);
  const monthsUntil = to === undefined ? null : shift(to, 1) === firstOfNextMonth(to) ? shift(to, 1) : firstOfMonth(to);
  if (from !== undefined && to !== undefined && (monthsFrom as string) >= (monthsUntil as string)) {
    return { months: null, leading: { from, to }, trailing: null };
  }
  return {
    months: { from: monthsFrom, until: monthsUntil },
    leading: from !== undefined && from < (monthsFrom as string) ? { from, to: shift(monthsFrom as string, -1) } : null,
    trailing: to !== undefined && (monthsUntil as string) <= to ? { from: monthsUntil as string, to } : null,
  };
}

/** Start of a China Standard Time date as an instant. */
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);
/** The China Standard Time date of an instant (as need_rollup_day in SQL). */
const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The prefix the actor's dashboard scope grants for `area`, or the default area; 404 outside. */
function resolveArea(ctx: ActorCtx, area: string | undefined): string {
  const scope = ctx.actor.scope("needs.dashboard");
  const code = area ?? scope[0];
  if (!code || !isInScope(code, scope)) {
    throw notFound();
  }
  return code;
}

/** GET /needs/dashboard: the metrics of a jurisdiction in the actor's scope, for the reporting period. */
export async function getNeedsDashboard(ctx: ActorCtx, query: NeedsDashboardQuery, cache: DashboardCache = null): Promise<NeedsDashboard> {
  const code = resolveArea(ctx, query.area);
  const board =
    cache && code.length <= 6
      ? await cache.fetch(`${code}|${query.from ?? ""}|${query.to ?? ""}|${ctx.locale}`, { context: { ctx, code, query } })
      : await computeDashboard(ctx, code, query, null);
  if (!board) {
    throw notFound();
  }
  // What depends on the reader: the path above their own area, and the descriptions of closures they
  // may not read (evaluators see aggregates only: the description needs needs.read over the need's area).
  const scope = ctx.actor.scope("needs.dashboard");
  const readScope = ctx.actor.scope("needs.read");
  return {
    ...board,
    path: board.path.filter((row) => isInScope(row.code, scope)),
    recent_closures: board.recent_closures.map((row) => ({ ...row, excerpt: isInScope(row.area_code, readScope) ? row.excerpt : null })),
  };
}

type DashboardFetch = { ctx: ActorCtx; code: string; query: NeedsDashboardQuery };

/**
 * The dashboards of districts and wider areas, computed at most once per `seconds` for an area, a
 * period and a language (SANSHE_DASHBOARD_CACHE_SECONDS, ADR 0011): a city's figures move slowly and
 * its officials are many; concurrent first requests share one computation. The board says when it was
 * computed (generated_at) and how often (refresh_seconds). null: every request computes.
 */
export type DashboardCache = PeriodicCache<string, NeedsDashboard, DashboardFetch>;

export function createDashboardCache(seconds: number): DashboardCache {
  return periodicCache<string, NeedsDashboard, DashboardFetch>(seconds, 2_000, (_key, { ctx, code, query }) =>
    computeDashboard(ctx, code, query, seconds),
  );
}

/** The whole dashboard of an area the actor may read, for every reader of it (no per-reader filtering). */
async function computeDashboard(
  ctx: ActorCtx,
  code: string,
  query: NeedsDashboardQuery,
  refreshSeconds: number | null,
): Promise<NeedsDashboard> {
  const nowAt = sql`${ctx.now().toISOString()}::timestamptz`;
  const prefix = `${code}%`;
  const childLength = codeLengths.find((length) => length > code.length) ?? 12;
  const en = ctx.locale === "en";

  // The needs counted: under the area, reported in the period.
  const period: SQL[] = [];
  if (query.from) {
    period.push(sql` AND n.created_at >= ${dayStart(query.from).toISOString()}::timestamptz`);
  }
  if (query.to) {
    period.push(sql` AND n.created_at < ${new Date(dayStart(query.to).getTime() + 86_400_000).toISOString()}::timestamptz`);
  }
  const inPeriod = sql.join(period, sql``);
  const counted = sql`n.area_code LIKE ${prefix}${inPeriod}`;
  // Referrals of the counted needs: a referral lies in its need's area, so without a period the
  // area predicate alone selects them and the need is not joined.
  const referralCounted =
    period.length === 0
      ? sql`r.area_code LIKE ${prefix}`
      : sql`r.area_code LIKE ${prefix} AND EXISTS (SELECT 1 FROM ${needs} AS n WHERE n.id = r.need_id AND ${counted})`;
  // Only pending and accepted referrals can be overdue (a partial index holds just those).
  const overdue = sql`((r.status = 'pending' AND r.respond_by < ${nowAt}) OR (r.status = 'accepted' AND r.resolve_by < ${nowAt}))`;
  // Overdue referrals by child area and provider. Without a period: the deadline roll-up's rows before
  // today (China date; folded into '-infinity' or not) plus the open referrals due today before now,
  // through referrals_open_deadline_idx (the expression must stay the index's). With a period the
  // roll-up cannot tell the need's reporting day: one live scan of the open referrals.
  const today = chinaDate(ctx.now());
  const deadline = sql`(CASE WHEN r.status = 'pending' THEN r.respond_by ELSE r.resolve_by END)`;
  const overdueCounts =
    period.length === 0
      ? sql`SELECT o.child, o.provider_kind, o.provider_key, sum(o.count)::int AS count
                FROM (SELECT substr(d.area_code, 1, ${childLength}) AS child, d.provider_kind, d.provider_key, d.referrals AS count
                      FROM ${referralDeadlineRollups} AS d
                      WHERE d.area_code LIKE ${prefix} AND d.day < ${today}::date
                      UNION ALL
                      SELECT substr(r.area_code, 1, ${childLength}), r.provider_kind, coalesce(r.provider_id::text, ''), 1
                      FROM ${referrals} AS r
                      WHERE r.status IN ('pending', 'accepted') AND ${deadline} >= ${dayStart(today).toISOString()}::timestamptz
                        AND ${deadline} < ${nowAt} AND r.area_code LIKE ${prefix}) AS o
                GROUP BY 1, 2, 3
                HAVING sum(o.count) <> 0`
      : sql`SELECT substr(r.area_code, 1, ${childLength}) AS child, r.provider_kind, coalesce(r.provider_id::text, '') AS provider_key,
                       count(*)::int AS count
                FROM ${referrals} AS r
                WHERE ${referralCounted} AND r.status IN ('pending', 'accepted') AND ${overdue}
                GROUP BY 1, 2, 3`;
  const ancestors = codeLengths.filter((length) => length <= code.length).map((length) => code.slice(0, length));
  // Roll-up rows of the period: its whole months and the days of the partial months at either end,
  // or the all-time rows without a period.
  const periodRows = (table: typeof needRollups | typeof needDurationRollups) => {
    if (period.length === 0) {
      return sql`${table.grain} = 'all'`;
    }
    const { months, leading, trailing } = periodGrains(query.from, query.to);
    const parts: SQL[] = [];
    if (months) {
      const bounds = [sql`${table.grain} = 'month'`];
      if (months.from) {
        bounds.push(sql`${table.day} >= ${months.from}::date`);
      }
      if (months.until) {
        bounds.push(sql`${table.day} < ${months.until}::date`);
      }
      parts.push(sql`(${sql.join(bounds, sql` AND `)})`);
    }
    for (const days of [leading, trailing]) {
      if (days) {
        parts.push(sql`(${table.grain} = 'day' AND ${table.day} >= ${days.from}::date AND ${table.day} <= ${days.to}::date)`);
      }
    }
    return sql`(${sql.join(parts, sql` OR `)})`;
  };
  // Exact medians scan the needs and referrals of the area: cheap for a street or a community only.
  const approximate = code.length <= 6;
  const children = sql`(SELECT a.code FROM ${areas} AS a WHERE a.parent_code = ${code})`;

  const [pathRows, factRows, summaryRows, histogramRows, providerRows, childRows, closureRows] = await Promise.all([
    ctx.db.execute(
      sql`SELECT a.code, a.name, a.level FROM ${areas} AS a WHERE a.code IN (${sql.join(
        ancestors.map((ancestor) => sql`${ancestor}`),
        sql`, `,
      )}) ORDER BY length(a.code)`,
    ),
    ctx.db.execute(sql`
      SELECT ${needRollups.category} AS category, ${needRollups.status} AS status, ${needRollups.tier} AS tier,
             sum(${needRollups.needs})::int AS count, sum(${needRollups.rated})::int AS rated,
             sum(${needRollups.ratingSum})::int AS rating_sum, sum(${needRollups.byResident})::int AS by_resident,
             sum(${needRollups.byStaff})::int AS by_staff, sum(${needRollups.byCallback})::int AS by_callback,
             sum(${needRollups.callbackRated})::int AS callback_rated, sum(${needRollups.callbackRatingSum})::int AS callback_rating_sum,
             c.name, c.name_en, c.sort_order
      FROM ${needRollups} JOIN ${needCategories} AS c ON c.code = ${needRollups.category}
      WHERE ${needRollups.areaCode} = ${code} AND ${periodRows(needRollups)}
      GROUP BY ${needRollups.category}, ${needRollups.status}, ${needRollups.tier}, c.name, c.name_en, c.sort_order
      HAVING sum(${needRollups.needs}) > 0
      ORDER BY c.sort_order, ${needRollups.category}`),
    ctx.db.execute(sql`
      SELECT
        (SELECT json_agg(json_build_object('child', o.child, 'provider_kind', o.provider_kind, 'provider_key', o.provider_key, 'count', o.count))
          FROM (${overdueCounts}) AS o) AS overdue,
        ${
          approximate
            ? sql`NULL::float8 AS respond_hours, NULL::float8 AS resolve_days`
            : sql`(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.accepted_at - r.created_at) / 3600)
          FROM ${referrals} AS r WHERE ${referralCounted} AND r.accepted_at IS NOT NULL) AS respond_hours,
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n.done_at - n.created_at) / 86400)
          FROM ${needs} AS n WHERE ${counted} AND n.done_at IS NOT NULL) AS resolve_days`
        }`),
    // The histograms of the area and of its children (days to resolve), summed over the period. Areas
    // and measures are listed so that each area is one primary-key range (an OR read the whole table).
    ctx.db.execute(sql`
      SELECT ${needDurationRollups.areaCode} AS area_code, ${needDurationRollups.measure} AS measure,
             ${needDurationRollups.bucket} AS bucket, sum(${needDurationRollups.count})::int AS count
      FROM ${needDurationRollups}
      WHERE ${approximate ? sql`true` : sql`false`} AND ${periodRows(needDurationRollups)}
        AND ${needDurationRollups.areaCode} IN (SELECT ${code}::text UNION ALL ${children})
        AND ${needDurationRollups.measure} IN ('respond', 'resolve')
        AND (${needDurationRollups.areaCode} = ${code} OR ${needDurationRollups.measure} = 'resolve')
      GROUP BY 1, 2, 3
      HAVING sum(${needDurationRollups.count}) > 0`),
    // The first providers by referrals (a city has tens of thousands; the count says how many). Without a
    // period, the providers' roll-up rows of the area (their overdue referrals come from the
    // summary's one scan of open referrals); with one, the referrals of the period's needs.
    period.length === 0
      ? ctx.db.execute(sql`
      SELECT p.provider_kind, nullif(p.provider_key, '') AS provider_id, sum(p.referrals)::int AS referrals,
             sum(p.accepted)::int AS accepted, coalesce(sum(p.referrals) FILTER (WHERE p.status = 'done'), 0)::int AS done,
             coalesce(sum(p.referrals) FILTER (WHERE p.status = 'declined'), 0)::int AS declined,
             sum(p.minutes)::int AS minutes, sum(p.rating_sum)::float8 / nullif(sum(p.rated), 0) AS rating,
             count(*) OVER ()::int AS total
      FROM ${referralRollups} AS p
      WHERE p.area_code = ${code}
      GROUP BY p.provider_kind, p.provider_key
      HAVING sum(p.referrals) > 0
      ORDER BY sum(p.referrals) DESC, p.provider_kind, p.provider_key COLLATE "C"
      LIMIT ${dashboardProviderLimit}`)
      : ctx.db.execute(sql`
      SELECT r.provider_kind, r.provider_id, count(*)::int AS referrals,
             count(*) FILTER (WHERE r.accepted_at IS NOT NULL OR r.status IN ('accepted', 'done'))::int AS accepted,
             count(*) FILTER (WHERE r.status = 'done')::int AS done,
             count(*) FILTER (WHERE r.status = 'declined')::int AS declined,
             coalesce(sum(r.service_minutes), 0)::int AS minutes,
             avg(n.rating) FILTER (WHERE r.status = 'done' AND n.status = 'closed')::float8 AS rating,
             count(*) OVER ()::int AS total
      FROM ${referrals} AS r
      JOIN ${needs} AS n ON n.id = r.need_id
      WHERE r.area_code LIKE ${prefix} AND ${counted}
      GROUP BY r.provider_kind, r.provider_id
      ORDER BY count(*) DESC, r.provider_kind, r.provider_id
      LIMIT ${dashboardProviderLimit}`),
    // At community level there are no children; the statement still runs (a constant count) and finds none.
    ctx.db.execute(sql`
      SELECT a.code, a.name, a.level, coalesce(m.total, 0)::int AS total, coalesce(m.open, 0)::int AS open,
             coalesce(m.closed, 0)::int AS closed, d.resolve_days,
             m.rating_sum::float8 / nullif(m.rated, 0) AS rating
      FROM ${areas} AS a
      LEFT JOIN (
        SELECT ${needRollups.areaCode} AS child, sum(${needRollups.needs}) AS total,
               sum(${needRollups.needs}) FILTER (WHERE ${needRollups.status} <> 'closed') AS open,
               sum(${needRollups.needs}) FILTER (WHERE ${needRollups.status} = 'closed') AS closed,
               sum(${needRollups.rated}) AS rated, sum(${needRollups.ratingSum}) AS rating_sum
        FROM ${needRollups} WHERE ${needRollups.areaCode} IN ${children} AND ${periodRows(needRollups)} GROUP BY 1) AS m ON m.child = a.code
      LEFT JOIN (${
        approximate
          ? sql`SELECT NULL::text AS child, NULL::float8 AS resolve_days WHERE false`
          : sql`SELECT substr(n.area_code, 1, ${childLength}) AS child,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n.done_at - n.created_at) / 86400) AS resolve_days
        FROM ${needs} AS n WHERE ${counted} AND n.done_at IS NOT NULL GROUP BY 1`
      }) AS d ON d.child = a.code
      WHERE a.parent_code = ${code}
      ORDER BY a.code`),
    ctx.db.execute(sql`
      SELECT n.id, n.area_code, a.name AS area_name, n.category, c.name, c.name_en, left(n.description, 60) AS excerpt,
             coalesce(n.rating, n.callback_rating) AS rating, n.confirmed_by, n.closed_at
      FROM ${needs} AS n
      JOIN ${needCategories} AS c ON c.code = n.category
      LEFT JOIN ${areas} AS a ON a.code = n.area_code
      WHERE ${counted} AND n.status = 'closed'
      ORDER BY n.closed_at DESC NULLS LAST, n.id DESC
      LIMIT 10`),
  ]);

  const path = rowsOf<{ code: string; name: string; level: Level }>(pathRows);
  const self = path.find((row) => row.code === code);
  if (!self) {
    throw notFound();
  }

  // Categories × statuses × tiers → the category, status and tier views.
  type Fact = {
    category: string;
    status: NeedStatus;
    tier: ServiceTier;
    count: number;
    rated: number;
    rating_sum: number;
    by_resident: number;
    by_staff: number;
    by_callback: number;
    callback_rated: number;
    callback_rating_sum: number;
    name: string;
    name_en: string;
  };
  const facts = rowsOf<Fact>(factRows).map((fact) => ({
    ...fact,
    count: num(fact.count),
    rated: num(fact.rated),
    rating_sum: num(fact.rating_sum),
    by_resident: num(fact.by_resident),
    by_staff: num(fact.by_staff),
    by_callback: num(fact.by_callback),
    callback_rated: num(fact.callback_rated),
    callback_rating_sum: num(fact.callback_rating_sum),
  }));
  const statusCounts = new Map<NeedStatus, number>(statuses.map((status) => [status, 0]));
  const categories = new Map<string, NeedsDashboard["by_category"][number]>();
  const tierStats = new Map(tiers.map((tier) => [tier, { tier, total: 0, open: 0, closed: 0, rated: 0, sum: 0 }]));
  let rated = 0;
  let ratingSum = 0;
  for (const fact of facts) {
    statusCounts.set(fact.status, (statusCounts.get(fact.status) ?? 0) + fact.count);
    const category = categories.get(fact.category) ?? {
      category: fact.category,
      name: en ? fact.name_en : fact.name,
      total: 0,
      open: 0,
      statuses: [],
    };
    category.total += fact.count;
    category.open += fact.status === "closed" ? 0 : fact.count;
    const existing = category.statuses.find((entry) => entry.status === fact.status);
    if (existing) {
      existing.count += fact.count;
    } else {
      category.statuses.push({ status: fact.status, count: fact.count });
    }
    categories.set(fact.category, category);
    const tier = tierStats.get(fact.tier);
    if (tier) {
      tier.total += fact.count;
      tier.open += fact.status === "closed" ? 0 : fact.count;
      tier.closed += fact.status === "closed" ? fact.count : 0;
      tier.rated += fact.rated;
      tier.sum += fact.rating_sum;
    }
    rated += fact.rated;
    ratingSum += fact.rating_sum;
  }
  for (const category of categories.values()) {
    category.statuses.sort((a, b) => statuses.indexOf(a.status) - statuses.indexOf(b.status));
  }
  const total = facts.reduce((sum, fact) => sum + fact.count, 0);
  const closed = statusCounts.get("closed") ?? 0;

  type Summary = { overdue: unknown; respond_hours: unknown; resolve_days: unknown };
  const summary = rowsOf<Summary>(summaryRows)[0];
  // Overdue referrals by child area and provider, summed once by child and by provider.
  type Overdue = { child: string; provider_kind: ProviderKind; provider_key: string; count: number };
  const overdueRows = ((typeof summary?.overdue === "string" ? JSON.parse(summary.overdue) : summary?.overdue) ?? []) as Overdue[];
  const overdueByChild = new Map<string, number>();
  const overdueByProvider = new Map<string, number>();
  const providerKey = (kind: ProviderKind, key: string) => `${kind}:${key}`;
  let overdueTotal = 0;
  for (const row of overdueRows) {
    const count = num(row.count);
    overdueTotal += count;
    overdueByChild.set(row.child, (overdueByChild.get(row.child) ?? 0) + count);
    const key = providerKey(row.provider_kind, row.provider_key);
    overdueByProvider.set(key, (overdueByProvider.get(key) ?? 0) + count);
  }
  const byResident = facts.reduce((sum, fact) => sum + fact.by_resident, 0);
  const byStaff = facts.reduce((sum, fact) => sum + fact.by_staff, 0);
  const byCallback = facts.reduce((sum, fact) => sum + fact.by_callback, 0);
  const callbackRated = facts.reduce((sum, fact) => sum + fact.callback_rated, 0);
  const callbackRatingSum = facts.reduce((sum, fact) => sum + fact.callback_rating_sum, 0);

  // Districts and above: medians from the summed histograms of the area and of each child.
  type HistogramRow = { area_code: string; measure: "respond" | "resolve"; bucket: number; count: number };
  const histograms = new Map<string, Array<{ bucket: number; count: number }>>();
  for (const row of rowsOf<HistogramRow>(histogramRows)) {
    const key = `${row.area_code}:${row.measure}`;
    histograms.set(key, [...(histograms.get(key) ?? []), { bucket: num(row.bucket), count: num(row.count) }]);
  }
  const medianOf = (area: string, measure: HistogramRow["measure"], live: unknown) =>
    approximate ? histogramMedian(histograms.get(`${area}:${measure}`) ?? []) : live;

  type ProviderRow = {
    provider_kind: ProviderKind;
    provider_id: string | null;
    referrals: number;
    accepted: number;
    done: number;
    declined: number;
    minutes: number;
    rating: unknown;
    total: number;
  };
  const providers = rowsOf<ProviderRow>(providerRows);
  const idsOf = (kind: ProviderKind) =>
    providers.filter((row) => row.provider_kind === kind && row.provider_id).map((row) => row.provider_id as string);
  const [organizations, workers] = await Promise.all([
    getOrganizations(ctx, idsOf("organization")),
    getWorkerNames(ctx, idsOf("social_worker")),
  ]);

  type ChildRow = {
    code: string;
    name: string;
    level: Level;
    total: number;
    open: number;
    closed: number;
    resolve_days: unknown;
    rating: unknown;
  };
  type ClosureRow = {
    id: string;
    area_code: string;
    area_name: string | null;
    category: string;
    name: string;
    name_en: string;
    excerpt: string;
    rating: number | null;
    confirmed_by: ConfirmationSource | null;
    closed_at: unknown;
  };

  return {
    area: { code: self.code, name: self.name, level: self.level },
    path: path.map((row) => ({ code: row.code, name: row.name, level: row.level })),
    period: { from: query.from ?? null, to: query.to ?? null },
    approximate_medians: approximate,
    generated_at: ctx.now().toISOString(),
    refresh_seconds: refreshSeconds,
    totals: {
      total,
      open: total - closed,
      closed,
      overdue_referrals: overdueTotal,
      median_respond_hours: maybe(medianOf(code, "respond", summary?.respond_hours), 1),
      median_resolve_days: maybe(medianOf(code, "resolve", summary?.resolve_days), 1),
      closed_by_resident: byResident,
      closed_by_callback: byCallback,
      closed_by_staff: byStaff,
      resident_confirmation_share: closed > 0 ? maybe(byResident / closed, 4) : null,
      average_rating: rated > 0 ? maybe(ratingSum / rated) : null,
      rated,
      average_callback_rating: callbackRated > 0 ? maybe(callbackRatingSum / callbackRated) : null,
      callback_rated: callbackRated,
    },
    by_status: statuses.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    by_category: [...categories.values()],
    by_tier: [...tierStats.values()].map((tier) => ({
      tier: tier.tier,
      total: tier.total,
      open: tier.open,
      closed: tier.closed,
      average_rating: tier.rated > 0 ? maybe(tier.sum / tier.rated) : null,
    })),
    providers: providers.map((row) => ({
      provider_kind: row.provider_kind,
      provider_id: row.provider_id,
      name:
        row.provider_kind === "organization"
          ? (organizations.get(row.provider_id ?? "")?.name ?? null)
          : row.provider_kind === "social_worker"
            ? (workers.get(row.provider_id ?? "") ?? null)
            : null,
      referrals: num(row.referrals),
      accepted: num(row.accepted),
      done: num(row.done),
      overdue: overdueByProvider.get(providerKey(row.provider_kind, row.provider_id ?? "")) ?? 0,
      declined: num(row.declined),
      minutes: num(row.minutes),
      average_rating: maybe(row.rating),
    })),
    providers_total: num(providers[0]?.total ?? 0),
    children: rowsOf<ChildRow>(childRows).map((row) => ({
      code: row.code,
      name: row.name,
      level: row.level,
      total: num(row.total),
      open: num(row.open),
      overdue: overdueByChild.get(row.code) ?? 0,
      closed: num(row.closed),
      median_resolve_days: maybe(medianOf(row.code, "resolve", row.resolve_days), 1),
      average_rating: maybe(row.rating),
    })),
    recent_closures: rowsOf<ClosureRow>(closureRows).map((row) => ({
      id: row.id,
      area_code: row.area_code,
      area_name: row.area_name,
      category: row.category,
      category_name: en ? row.name_en : row.name,
      excerpt: row.excerpt,
      rating: row.rating === null ? null : num(row.rating),
      confirmed_by: row.confirmed_by,
      closed_at: iso(row.closed_at),
    })),
  };
}
