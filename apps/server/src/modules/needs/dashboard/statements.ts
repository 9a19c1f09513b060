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
import { withinArea } from "../../../platform/scope/index.js";
import { areas } from "../../jurisdictions/index.js";
import { needCategories, needDurationRollups, needRollups, needs, referralDeadlineRollups, referralRollups, referrals } from "../schema.js";
import { chinaDate, dayStart, periodGrains } from "./policy.js";

/**
 * The statements of the needs dashboard, one builder each; computeDashboard (queries.ts) runs them at
 * once. Each row type beside its statement is what the presenters (present.ts) read.
 */

const codeLengths = [2, 4, 6, 9, 12] as const;
type Level = NeedsDashboard["area"]["level"];

/** What every statement of one dashboard shares: the area, its children, the period and the clock. */
export type DashboardScope = {
  /** The area; its rows are those whose area_code starts with it (withinArea). */
  code: string;
  /** Length of the codes of the area's children (12 at community level: none). */
  childLength: number;
  query: NeedsDashboardQuery;
  hasPeriod: boolean;
  nowAt: SQL;
  /** The China Standard Time date of the clock. */
  today: string;
  /** The needs counted: under the area, reported in the period (alias n). */
  counted: SQL;
  /** Referrals of the counted needs (alias r). */
  referralCounted: SQL;
  /** The referral r is past its clock. */
  overdue: SQL;
  /** Districts and above: medians from the histograms; exact medians scan a street or a community only. */
  approximate: boolean;
  /** The codes of the area's children, as a sub-select. */
  children: SQL;
};

export function dashboardScope(ctx: ActorCtx, code: string, query: NeedsDashboardQuery): DashboardScope {
  const nowAt = sql`${ctx.now().toISOString()}::timestamptz`;
  const period: SQL[] = [];
  if (query.from) {
    period.push(sql` AND n.created_at >= ${dayStart(query.from).toISOString()}::timestamptz`);
  }
  if (query.to) {
    period.push(sql` AND n.created_at < ${new Date(dayStart(query.to).getTime() + 86_400_000).toISOString()}::timestamptz`);
  }
  const counted = sql`${withinArea(sql`n.area_code`, code)}${sql.join(period, sql``)}`;
  return {
    code,
    childLength: codeLengths.find((length) => length > code.length) ?? 12,
    query,
    hasPeriod: period.length > 0,
    nowAt,
    today: chinaDate(ctx.now()),
    counted,
    // A referral lies in its need's area, so without a period the area predicate alone selects them
    // and the need is not joined.
    referralCounted:
      period.length === 0
        ? withinArea(sql`r.area_code`, code)
        : sql`${withinArea(sql`r.area_code`, code)} AND EXISTS (SELECT 1 FROM ${needs} AS n WHERE n.id = r.need_id AND ${counted})`,
    // Only pending and accepted referrals can be overdue (a partial index holds just those).
    overdue: sql`((r.status = 'pending' AND r.respond_by < ${nowAt}) OR (r.status = 'accepted' AND r.resolve_by < ${nowAt}))`,
    approximate: code.length <= 6,
    children: sql`(SELECT a.code FROM ${areas} AS a WHERE a.parent_code = ${code})`,
  };
}

/**
 * Roll-up rows of the period: its whole months and the days of the partial months at either end, or
 * the all-time rows without a period.
 */
function periodRows(scope: DashboardScope, table: typeof needRollups | typeof needDurationRollups): SQL {
  if (!scope.hasPeriod) {
    return sql`${table.grain} = 'all'`;
  }
  const { months, leading, trailing } = periodGrains(scope.query.from, scope.query.to);
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
}

export type PathRow = { code: string; name: string; level: Level };

/** The area and its ancestors, widest first. */
export function pathStatement({ code }: DashboardScope): SQL {
  const ancestors = codeLengths.filter((length) => length <= code.length).map((length) => code.slice(0, length));
  return sql`SELECT a.code, a.name, a.level FROM ${areas} AS a WHERE a.code IN (${sql.join(
    ancestors.map((ancestor) => sql`${ancestor}`),
    sql`, `,
  )}) ORDER BY length(a.code)`;
}

/** Categories × statuses × tiers of the area's roll-up, with the confirmation and rating sums. */
export type FactRow = {
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

export function factsStatement(scope: DashboardScope): SQL {
  return sql`
      SELECT ${needRollups.category} AS category, ${needRollups.status} AS status, ${needRollups.tier} AS tier,
             sum(${needRollups.needs})::int AS count, sum(${needRollups.rated})::int AS rated,
             sum(${needRollups.ratingSum})::int AS rating_sum, sum(${needRollups.byResident})::int AS by_resident,
             sum(${needRollups.byStaff})::int AS by_staff, sum(${needRollups.byCallback})::int AS by_callback,
             sum(${needRollups.callbackRated})::int AS callback_rated, sum(${needRollups.callbackRatingSum})::int AS callback_rating_sum,
             c.name, c.name_en, c.sort_order
      FROM ${needRollups} JOIN ${needCategories} AS c ON c.code = ${needRollups.category}
      WHERE ${needRollups.areaCode} = ${scope.code} AND ${periodRows(scope, needRollups)}
      GROUP BY ${needRollups.category}, ${needRollups.status}, ${needRollups.tier}, c.name, c.name_en, c.sort_order
      HAVING sum(${needRollups.needs}) > 0
      ORDER BY c.sort_order, ${needRollups.category}`;
}

/**
 * Overdue referrals by child area and provider. Without a period: the deadline roll-up's rows before
 * today (China date; folded into '-infinity' or not) plus the open referrals due today before now,
 * through referrals_open_deadline_idx (the expression must stay the index's). With a period the
 * roll-up cannot tell the need's reporting day: one live scan of the open referrals.
 */
function overdueCountsStatement({ code, childLength, hasPeriod, nowAt, today, referralCounted, overdue }: DashboardScope): SQL {
  const deadline = sql`(CASE WHEN r.status = 'pending' THEN r.respond_by ELSE r.resolve_by END)`;
  return !hasPeriod
    ? sql`SELECT o.child, o.provider_kind, o.provider_key, sum(o.count)::int AS count
                FROM (SELECT substr(d.area_code, 1, ${childLength}) AS child, d.provider_kind, d.provider_key, d.referrals AS count
                      FROM ${referralDeadlineRollups} AS d
                      WHERE ${withinArea(sql`d.area_code`, code)} AND d.day < ${today}::date
                      UNION ALL
                      SELECT substr(r.area_code, 1, ${childLength}), r.provider_kind, coalesce(r.provider_id::text, ''), 1
                      FROM ${referrals} AS r
                      WHERE r.status IN ('pending', 'accepted') AND ${deadline} >= ${dayStart(today).toISOString()}::timestamptz
                        AND ${deadline} < ${nowAt} AND ${withinArea(sql`r.area_code`, code)}) AS o
                GROUP BY 1, 2, 3
                HAVING sum(o.count) <> 0`
    : sql`SELECT substr(r.area_code, 1, ${childLength}) AS child, r.provider_kind, coalesce(r.provider_id::text, '') AS provider_key,
                       count(*)::int AS count
                FROM ${referrals} AS r
                WHERE ${referralCounted} AND r.status IN ('pending', 'accepted') AND ${overdue}
                GROUP BY 1, 2, 3`;
}

/** Overdue counts (JSON, or its text) and, for a street or a community, the exact medians. */
export type SummaryRow = { overdue: unknown; respond_hours: unknown; resolve_days: unknown };
export type OverdueRow = { child: string; provider_kind: ProviderKind; provider_key: string; count: number };

export function summaryStatement(scope: DashboardScope): SQL {
  return sql`
      SELECT
        (SELECT json_agg(json_build_object('child', o.child, 'provider_kind', o.provider_kind, 'provider_key', o.provider_key, 'count', o.count))
          FROM (${overdueCountsStatement(scope)}) AS o) AS overdue,
        ${
          scope.approximate
            ? sql`NULL::float8 AS respond_hours, NULL::float8 AS resolve_days`
            : sql`(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.accepted_at - r.created_at) / 3600)
          FROM ${referrals} AS r WHERE ${scope.referralCounted} AND r.accepted_at IS NOT NULL) AS respond_hours,
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n.done_at - n.created_at) / 86400)
          FROM ${needs} AS n WHERE ${scope.counted} AND n.done_at IS NOT NULL) AS resolve_days`
        }`;
}

export type HistogramRow = { area_code: string; measure: "respond" | "resolve"; bucket: number; count: number };

/**
 * The histograms of the area and of its children (days to resolve), summed over the period. Areas and
 * measures are listed so that each area is one primary-key range (an OR read the whole table).
 */
export function histogramStatement(scope: DashboardScope): SQL {
  return sql`
      SELECT ${needDurationRollups.areaCode} AS area_code, ${needDurationRollups.measure} AS measure,
             ${needDurationRollups.bucket} AS bucket, sum(${needDurationRollups.count})::int AS count
      FROM ${needDurationRollups}
      WHERE ${scope.approximate ? sql`true` : sql`false`} AND ${periodRows(scope, needDurationRollups)}
        AND ${needDurationRollups.areaCode} IN (SELECT ${scope.code}::text UNION ALL ${scope.children})
        AND ${needDurationRollups.measure} IN ('respond', 'resolve')
        AND (${needDurationRollups.areaCode} = ${scope.code} OR ${needDurationRollups.measure} = 'resolve')
      GROUP BY 1, 2, 3
      HAVING sum(${needDurationRollups.count}) > 0`;
}

export type ProviderRow = {
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

/**
 * The first providers by referrals (a city has tens of thousands; the count says how many). Without a
 * period, the providers' roll-up rows of the area (their overdue referrals come from the summary's one
 * scan of open referrals); with one, the referrals of the period's needs.
 */
export function providersStatement({ code, counted, hasPeriod }: DashboardScope): SQL {
  return !hasPeriod
    ? sql`
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
      LIMIT ${dashboardProviderLimit}`
    : sql`
      SELECT r.provider_kind, r.provider_id, count(*)::int AS referrals,
             count(*) FILTER (WHERE r.accepted_at IS NOT NULL OR r.status IN ('accepted', 'done'))::int AS accepted,
             count(*) FILTER (WHERE r.status = 'done')::int AS done,
             count(*) FILTER (WHERE r.status = 'declined')::int AS declined,
             coalesce(sum(r.service_minutes), 0)::int AS minutes,
             avg(n.rating) FILTER (WHERE r.status = 'done' AND n.status = 'closed')::float8 AS rating,
             count(*) OVER ()::int AS total
      FROM ${referrals} AS r
      JOIN ${needs} AS n ON n.id = r.need_id
      WHERE ${withinArea(sql`r.area_code`, code)} AND ${counted}
      GROUP BY r.provider_kind, r.provider_id
      ORDER BY count(*) DESC, r.provider_kind, r.provider_id
      LIMIT ${dashboardProviderLimit}`;
}

export type ChildRow = {
  code: string;
  name: string;
  level: Level;
  total: number;
  open: number;
  closed: number;
  resolve_days: unknown;
  rating: unknown;
};

/** One row per child area. At community level there are no children; the statement still runs (a constant count) and finds none. */
export function childrenStatement(scope: DashboardScope): SQL {
  return sql`
      SELECT a.code, a.name, a.level, coalesce(m.total, 0)::int AS total, coalesce(m.open, 0)::int AS open,
             coalesce(m.closed, 0)::int AS closed, d.resolve_days,
             m.rating_sum::float8 / nullif(m.rated, 0) AS rating
      FROM ${areas} AS a
      LEFT JOIN (
        SELECT ${needRollups.areaCode} AS child, sum(${needRollups.needs}) AS total,
               sum(${needRollups.needs}) FILTER (WHERE ${needRollups.status} <> 'closed') AS open,
               sum(${needRollups.needs}) FILTER (WHERE ${needRollups.status} = 'closed') AS closed,
               sum(${needRollups.rated}) AS rated, sum(${needRollups.ratingSum}) AS rating_sum
        FROM ${needRollups} WHERE ${needRollups.areaCode} IN ${scope.children} AND ${periodRows(scope, needRollups)} GROUP BY 1) AS m ON m.child = a.code
      LEFT JOIN (${
        scope.approximate
          ? sql`SELECT NULL::text AS child, NULL::float8 AS resolve_days WHERE false`
          : sql`SELECT substr(n.area_code, 1, ${scope.childLength}) AS child,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n.done_at - n.created_at) / 86400) AS resolve_days
        FROM ${needs} AS n WHERE ${scope.counted} AND n.done_at IS NOT NULL GROUP BY 1`
      }) AS d ON d.child = a.code
      WHERE a.parent_code = ${scope.code}
      ORDER BY a.code`;
}

export type ClosureRow = {
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

/** The ten latest closures of the period, read live (a partial index). */
export function closuresStatement({ counted }: DashboardScope): SQL {
  return sql`
      SELECT n.id, n.area_code, a.name AS area_name, n.category, c.name, c.name_en, left(n.description, 60) AS excerpt,
             coalesce(n.rating, n.callback_rating) AS rating, n.confirmed_by, n.closed_at
      FROM ${needs} AS n
      JOIN ${needCategories} AS c ON c.code = n.category
      LEFT JOIN ${areas} AS a ON a.code = n.area_code
      WHERE ${counted} AND n.status = 'closed'
      ORDER BY n.closed_at DESC NULLS LAST, n.id DESC
      LIMIT 10`;
}
