import type { NeedStatus, NeedsDashboard, ProviderKind, ServiceTier } from "@sanshe/contracts";
import { histogramMedian } from "./policy.js";
import type { ChildRow, ClosureRow, FactRow, HistogramRow, OverdueRow, ProviderRow, SummaryRow } from "./statements.js";

/** The sections of the needs dashboard, each from the rows of its statement (statements.ts). */

const statuses: NeedStatus[] = ["new", "routed", "accepted", "in_service", "done", "closed", "reopened"];
const tiers: ServiceTier[] = ["public", "special", "professional", "personalized", "developmental"];

const num = (value: unknown): number => Number(value ?? 0);
const maybe = (value: unknown, digits = 2): number | null => {
  if (value === null || value === undefined) {
    return null;
  }
  const factor = 10 ** digits;
  return Math.round(Number(value) * factor) / factor;
};
const iso = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string).toISOString());

/** Categories × statuses × tiers → the status, category and tier views, and the sums the totals need. */
export function presentFacts(rows: FactRow[], en: boolean) {
  const facts = rows.map((fact) => ({
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
  const sum = (field: "count" | "by_resident" | "by_staff" | "by_callback" | "callback_rated" | "callback_rating_sum") =>
    facts.reduce((total, fact) => total + fact[field], 0);
  return {
    figures: {
      total: sum("count"),
      closed: statusCounts.get("closed") ?? 0,
      rated,
      ratingSum,
      byResident: sum("by_resident"),
      byStaff: sum("by_staff"),
      byCallback: sum("by_callback"),
      callbackRated: sum("callback_rated"),
      callbackRatingSum: sum("callback_rating_sum"),
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
  };
}

type Figures = ReturnType<typeof presentFacts>["figures"];

const providerKey = (kind: ProviderKind, key: string) => `${kind}:${key}`;

/** Overdue referrals by child area and provider, summed once in total, by child and by provider. */
export function tallyOverdue(summary: SummaryRow | undefined) {
  const rows = ((typeof summary?.overdue === "string" ? JSON.parse(summary.overdue) : summary?.overdue) ?? []) as OverdueRow[];
  const byChild = new Map<string, number>();
  const byProvider = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    const count = num(row.count);
    total += count;
    byChild.set(row.child, (byChild.get(row.child) ?? 0) + count);
    const key = providerKey(row.provider_kind, row.provider_key);
    byProvider.set(key, (byProvider.get(key) ?? 0) + count);
  }
  return { total, byChild, byProvider };
}

type Overdue = ReturnType<typeof tallyOverdue>;

/**
 * The median of an area and a measure: from the summed histograms of the area and of each child for a
 * district and above, else the live value its statement computed.
 */
export function medianReader(approximate: boolean, rows: HistogramRow[]) {
  const histograms = new Map<string, Array<{ bucket: number; count: number }>>();
  for (const row of rows) {
    const key = `${row.area_code}:${row.measure}`;
    histograms.set(key, [...(histograms.get(key) ?? []), { bucket: num(row.bucket), count: num(row.count) }]);
  }
  return (area: string, measure: HistogramRow["measure"], live: unknown) =>
    approximate ? histogramMedian(histograms.get(`${area}:${measure}`) ?? []) : live;
}

type MedianOf = ReturnType<typeof medianReader>;

export function presentTotals(
  code: string,
  figures: Figures,
  overdue: Overdue,
  summary: SummaryRow | undefined,
  medianOf: MedianOf,
): NeedsDashboard["totals"] {
  const { total, closed, rated, ratingSum, byResident, byStaff, byCallback, callbackRated, callbackRatingSum } = figures;
  return {
    total,
    open: total - closed,
    closed,
    overdue_referrals: overdue.total,
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
  };
}

/** The providers listed, with names (organizations, social workers) and their overdue referrals. */
export function presentProviders(
  rows: ProviderRow[],
  names: { organizations: ReadonlyMap<string, { name: string }>; workers: ReadonlyMap<string, string> },
  overdue: Overdue,
): NeedsDashboard["providers"] {
  return rows.map((row) => ({
    provider_kind: row.provider_kind,
    provider_id: row.provider_id,
    name:
      row.provider_kind === "organization"
        ? (names.organizations.get(row.provider_id ?? "")?.name ?? null)
        : row.provider_kind === "social_worker"
          ? (names.workers.get(row.provider_id ?? "") ?? null)
          : null,
    referrals: num(row.referrals),
    accepted: num(row.accepted),
    done: num(row.done),
    overdue: overdue.byProvider.get(providerKey(row.provider_kind, row.provider_id ?? "")) ?? 0,
    declined: num(row.declined),
    minutes: num(row.minutes),
    average_rating: maybe(row.rating),
  }));
}

/** How many providers there are in all (the statement lists the first ones). */
export const providersTotal = (rows: ProviderRow[]): number => num(rows[0]?.total ?? 0);

export function presentChildren(rows: ChildRow[], overdue: Overdue, medianOf: MedianOf): NeedsDashboard["children"] {
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    level: row.level,
    total: num(row.total),
    open: num(row.open),
    overdue: overdue.byChild.get(row.code) ?? 0,
    closed: num(row.closed),
    median_resolve_days: maybe(medianOf(row.code, "resolve", row.resolve_days), 1),
    average_rating: maybe(row.rating),
  }));
}

export function presentClosures(rows: ClosureRow[], en: boolean): NeedsDashboard["recent_closures"] {
  return rows.map((row) => ({
    id: row.id,
    area_code: row.area_code,
    area_name: row.area_name,
    category: row.category,
    category_name: en ? row.name_en : row.name,
    excerpt: row.excerpt,
    rating: row.rating === null ? null : num(row.rating),
    confirmed_by: row.confirmed_by,
    closed_at: iso(row.closed_at),
  }));
}
