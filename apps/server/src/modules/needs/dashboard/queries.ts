import type { SQL } from "drizzle-orm";
import type { NeedsDashboard, NeedsDashboardQuery } from "@sanshe/contracts";
import type { ActorCtx } from "../../../platform/ctx.js";
import { periodicCache, type PeriodicCache } from "../../../platform/cache/index.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { isInScope } from "../../../platform/auth/permissions.js";
import { getOrganizations } from "../../social-orgs/index.js";
import { getWorkerNames } from "../../social-workers/index.js";
import {
  medianReader,
  presentChildren,
  presentClosures,
  presentFacts,
  presentProviders,
  presentTotals,
  providersTotal,
  tallyOverdue,
} from "./present.js";
import {
  childrenStatement,
  closuresStatement,
  dashboardScope,
  factsStatement,
  histogramStatement,
  pathStatement,
  providersStatement,
  summaryStatement,
  type ChildRow,
  type ClosureRow,
  type FactRow,
  type HistogramRow,
  type PathRow,
  type ProviderRow,
  type SummaryRow,
} from "./statements.js";

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

/** The rows of one statement, whichever driver ran it. */
async function rowsOf<T>(ctx: ActorCtx, statement: SQL): Promise<T[]> {
  const result: unknown = await ctx.db.execute(statement);
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

/**
 * The whole dashboard of an area the actor may read, for every reader of it (no per-reader filtering):
 * its seven statements at once, then the provider names (one lookup each at most), then the sections.
 */
async function computeDashboard(
  ctx: ActorCtx,
  code: string,
  query: NeedsDashboardQuery,
  refreshSeconds: number | null,
): Promise<NeedsDashboard> {
  const scope = dashboardScope(ctx, code, query);
  const [path, factRows, [summary], histogramRows, providerRows, childRows, closureRows] = await Promise.all([
    rowsOf<PathRow>(ctx, pathStatement(scope)),
    rowsOf<FactRow>(ctx, factsStatement(scope)),
    rowsOf<SummaryRow>(ctx, summaryStatement(scope)),
    rowsOf<HistogramRow>(ctx, histogramStatement(scope)),
    rowsOf<ProviderRow>(ctx, providersStatement(scope)),
    rowsOf<ChildRow>(ctx, childrenStatement(scope)),
    rowsOf<ClosureRow>(ctx, closuresStatement(scope)),
  ]);
  const self = path.find((row) => row.code === code);
  if (!self) {
    throw notFound();
  }
  const en = ctx.locale === "en";
  const facts = presentFacts(factRows, en);
  const overdue = tallyOverdue(summary);
  const medianOf = medianReader(scope.approximate, histogramRows);
  const idsOf = (kind: ProviderRow["provider_kind"]) =>
    providerRows.filter((row) => row.provider_kind === kind && row.provider_id).map((row) => row.provider_id as string);
  const [organizations, workers] = await Promise.all([
    getOrganizations(ctx, idsOf("organization")),
    getWorkerNames(ctx, idsOf("social_worker")),
  ]);
  return {
    area: { code: self.code, name: self.name, level: self.level },
    path: path.map((row) => ({ code: row.code, name: row.name, level: row.level })),
    period: { from: query.from ?? null, to: query.to ?? null },
    approximate_medians: scope.approximate,
    generated_at: ctx.now().toISOString(),
    refresh_seconds: refreshSeconds,
    totals: presentTotals(code, facts.figures, overdue, summary, medianOf),
    by_status: facts.by_status,
    by_category: facts.by_category,
    by_tier: facts.by_tier,
    providers: presentProviders(providerRows, { organizations, workers }, overdue),
    providers_total: providersTotal(providerRows),
    children: presentChildren(childRows, overdue, medianOf),
    recent_closures: presentClosures(closureRows, en),
  };
}
