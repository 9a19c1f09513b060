import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import { textArray } from "../../platform/db/sql.js";
import { inScope, withinArea } from "../../platform/scope/index.js";
import { needCategories, needs } from "./schema.js";

/** Statuses of a need that is still being worked on. */
const openStatuses = sql`('new', 'routed', 'accepted', 'in_service', 'reopened')`;

export type NeedCounts = {
  categories: { code: string; open: number; last_12_months: number }[];
  areas: { area_code: string; open: number; last_12_months: number }[];
};

/**
 * For a call: per need category and per target area, the needs open now and those reported since
 * `since` (needs of the call's categories inside its target areas). One grouped statement; the
 * caller has already checked that the reader may see the call (counts carry no personal data).
 */
export async function countNeedsForCall(
  ctx: Ctx,
  input: { categories: readonly string[]; areas: readonly string[]; since: Date },
): Promise<NeedCounts> {
  if (input.areas.length === 0) {
    return { categories: [], areas: [] };
  }
  const since = sql`${input.since.toISOString()}::timestamptz`;
  const categoryFilter = input.categories.length > 0 ? sql`n.category = ANY(${textArray(input.categories)})` : sql`true`;
  const result = await ctx.db.execute(sql`
    SELECT grouping(n.category) AS by_area, n.category AS category, t.code AS area_code,
           count(*) FILTER (WHERE n.status IN ${openStatuses})::int AS open,
           count(*) FILTER (WHERE n.created_at >= ${since})::int AS recent
    FROM ${needs} n
    JOIN unnest(${textArray(input.areas)}) AS t(code) ON ${withinArea(sql`n.area_code`, sql`t.code`)}
    WHERE ${categoryFilter} AND (n.status IN ${openStatuses} OR n.created_at >= ${since})
    GROUP BY GROUPING SETS ((n.category), (t.code))`);
  const rows = (result as { rows: Array<Record<string, unknown>> }).rows;
  const counts: NeedCounts = {
    categories: input.categories.map((code) => ({ code, open: 0, last_12_months: 0 })),
    areas: input.areas.map((area_code) => ({ area_code, open: 0, last_12_months: 0 })),
  };
  for (const row of rows) {
    const value = { open: Number(row.open), last_12_months: Number(row.recent) };
    const target =
      Number(row.by_area) === 1
        ? counts.areas.find((a) => a.area_code === row.area_code)
        : counts.categories.find((c) => c.code === row.category);
    if (target) {
      Object.assign(target, value);
    }
  }
  return counts;
}

/**
 * Unmet needs under `area` since `since` — open, or closed with a rating of 2 or less (closed but
 * unsatisfied) — grouped: the most frequent categories, then the areas where those concentrate.
 */
export async function unmetNeedsSummary(
  ctx: Ctx,
  input: { area: string; since: Date; topCategories: number; topAreas: number },
): Promise<{
  categories: { code: string; name: string; name_en: string; count: number }[];
  areas: { area_code: string; count: number }[];
}> {
  const unmet = and(
    inScope(needs.areaCode, [input.area]),
    sql`${needs.createdAt} >= ${input.since.toISOString()}::timestamptz`,
    sql`(${needs.status} IN ${openStatuses} OR (${needs.status} = 'closed' AND ${needs.rating} <= 2))`,
  ) as SQL;
  const count = sql<number>`count(*)::int`;
  const categories = await ctx.db
    .select({ code: needs.category, name: needCategories.name, name_en: needCategories.nameEn, count })
    .from(needs)
    .innerJoin(needCategories, eq(needCategories.code, needs.category))
    .where(unmet)
    .groupBy(needs.category, needCategories.name, needCategories.nameEn)
    .orderBy(desc(count), needs.category)
    .limit(input.topCategories);
  if (categories.length === 0) {
    return { categories: [], areas: [] };
  }
  const areas = await ctx.db
    .select({ area_code: needs.areaCode, count })
    .from(needs)
    .where(and(unmet, sql`${needs.category} = ANY(${textArray(categories.map((c) => c.code))})`))
    .groupBy(needs.areaCode)
    .orderBy(desc(count), needs.areaCode)
    .limit(input.topAreas);
  return {
    categories: categories.map((c) => ({ ...c, count: Number(c.count) })),
    areas: areas.map((a) => ({ area_code: a.area_code, count: Number(a.count) })),
  };
}
