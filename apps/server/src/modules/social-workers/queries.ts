import { and, asc, desc, eq, getTableColumns, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  SocialWorker,
  SocialWorkerListQuery,
  SocialWorkerPage,
  SocialWorkerPost,
  SocialWorkerTrainingPage,
  Workforce,
  WorkforceQuery,
  WorkforceRow,
} from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { inScope, withinArea } from "../../platform/scope/index.js";
import { cursorCodec, cursorId } from "../../platform/pagination/cursor.js";
import { z } from "zod";
import { getAreaNames } from "../jurisdictions/index.js";
import { getOrganizations } from "../social-orgs/index.js";
import { socialWorkerCommunities, socialWorkerPosts, socialWorkers, socialWorkerTrainings } from "./schema.js";
import { workforceRatio } from "./policy.js";
import { presentPost, presentTraining, presentWorker, type WorkerRow } from "./present.js";
import { escapeLike } from "../../platform/db/sql.js";

export type WorkerOptions = { trainingHoursPerYear: number };

const supervisor = alias(socialWorkers, "supervisor");

/**
 * A worker is visible under `prefixes` when its home area or any community it serves lies under one
 * of them (EXISTS in SQL, so pagination and counts see the same rows).
 */
export function workerVisible(prefixes: readonly string[]): SQL {
  return sql`(${inScope(socialWorkers.areaCode, prefixes)} OR EXISTS (SELECT 1 FROM ${socialWorkerCommunities} AS sc WHERE sc.worker_id = ${socialWorkers.id} AND ${inScope(sql`sc.area_code`, prefixes)}))`;
}

/** Hours of training in the current calendar year in Asia/Shanghai, for the row's worker. */
function hoursThisYear(now: Date): SQL<number> {
  const year = sql`extract(year from (${now.toISOString()}::timestamptz AT TIME ZONE 'Asia/Shanghai'))::int`;
  return sql<number>`(SELECT coalesce(sum(st.hours), 0)::float8 FROM ${socialWorkerTrainings} AS st WHERE st.worker_id = ${socialWorkers.id} AND st.date >= make_date(${year}, 1, 1) AND st.date < make_date(${year} + 1, 1, 1))`;
}

function workerSelection(now: Date) {
  return {
    ...getTableColumns(socialWorkers),
    supervisorName: supervisor.name,
    communityCodes: sql<
      string | null
    >`(SELECT string_agg(sc2.area_code, ',' ORDER BY sc2.area_code) FROM ${socialWorkerCommunities} AS sc2 WHERE sc2.worker_id = ${socialWorkers.id})`,
    hoursThisYear: hoursThisYear(now),
  };
}

/** Presents rows with organization and area names: two queries whatever the number of rows. */
async function loadWorkers(ctx: Ctx, rows: WorkerRow[], options: WorkerOptions): Promise<SocialWorker[]> {
  const communities = rows.map((row) => (row.communityCodes ? row.communityCodes.split(",") : []));
  const [organizations, areaNames] = await Promise.all([
    getOrganizations(
      ctx,
      rows.map((row) => row.organizationId),
    ),
    getAreaNames(ctx, [...rows.map((row) => row.areaCode), ...communities.flat()]),
  ]);
  return rows.map((row, index) =>
    presentWorker(row, communities[index] ?? [], { organizations, areaNames, trainingHoursRequired: options.trainingHoursPerYear }),
  );
}

const levelRank = sql`CASE ${socialWorkers.level} WHEN 'staff' THEN 1 WHEN 'assistant' THEN 2 WHEN 'social_worker' THEN 3 ELSE 4 END`;

const sortKeys: Record<SocialWorkerListQuery["sort"], { expr: SQL; cast: SQL }> = {
  name: { expr: sql`${socialWorkers.name}`, cast: sql`text` },
  level: { expr: levelRank, cast: sql`int` },
  certificate_year: { expr: sql`coalesce(${socialWorkers.certificateYear}, 0)`, cast: sql`int` },
  updated_at: { expr: sql`${socialWorkers.updatedAt}`, cast: sql`timestamptz` },
};

/** (sort value, id) of the last row; an unreadable cursor starts from the beginning. */
const sortCursor = cursorCodec(z.tuple([z.string().max(200), cursorId]));

/**
 * Social workers in the reader's scope (home area or a served community), filtered, searched by name
 * or exact certificate number, sorted by an allow-listed key with keyset pagination on (key, id).
 * Three queries per page whatever its size.
 */
export async function listWorkers(ctx: ActorCtx, query: SocialWorkerListQuery, options: WorkerOptions): Promise<SocialWorkerPage> {
  const conditions: SQL[] = [workerVisible(ctx.actor.scope("social_workers.read"))];
  if (query.area_code) {
    conditions.push(workerVisible([query.area_code]));
  }
  if (query.level) {
    conditions.push(eq(socialWorkers.level, query.level));
  }
  if (query.organization_id) {
    conditions.push(eq(socialWorkers.organizationId, query.organization_id));
  }
  if (query.status) {
    conditions.push(eq(socialWorkers.status, query.status));
  }
  if (query.q) {
    conditions.push(
      or(ilike(socialWorkers.name, `%${escapeLike(query.q)}%`), eq(socialWorkers.certificateNo, query.q.toUpperCase())) as SQL,
    );
  }
  const { expr, cast } = sortKeys[query.sort];
  const descending = query.order === "desc";
  const after = sortCursor.decode(query.cursor);
  if (after) {
    const comparison = descending ? sql`<` : sql`>`;
    conditions.push(sql`(${expr}, ${socialWorkers.id}) ${comparison} (${after[0]}::${cast}, ${after[1]}::uuid)`);
  }
  const direction = descending ? desc : asc;
  const rows = await ctx.db
    .select({ ...workerSelection(ctx.now()), sortKey: sql<string>`(${expr})::text` })
    .from(socialWorkers)
    .leftJoin(supervisor, eq(supervisor.id, socialWorkers.supervisorId))
    .where(and(...conditions))
    .orderBy(direction(expr), direction(socialWorkers.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await loadWorkers(ctx, page, options),
    next_cursor: rows.length > query.limit && last ? sortCursor.encode([last.sortKey, last.id]) : null,
  };
}

/** The raw row of a worker visible to the reader, optionally locked for update; null when invisible. */
export async function findVisibleWorker(ctx: ActorCtx, id: string, options: { forUpdate?: boolean } = {}) {
  const query = ctx.db
    .select()
    .from(socialWorkers)
    .where(and(eq(socialWorkers.id, id), workerVisible(ctx.actor.scope("social_workers.read"))));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/**
 * One social worker in the reader's scope, with training hours this year.
 * @throws AppError NOT_FOUND when missing or outside the scope.
 */
export async function getWorker(ctx: ActorCtx, id: string, options: WorkerOptions): Promise<SocialWorker> {
  const rows = await ctx.db
    .select(workerSelection(ctx.now()))
    .from(socialWorkers)
    .leftJoin(supervisor, eq(supervisor.id, socialWorkers.supervisorId))
    .where(and(eq(socialWorkers.id, id), workerVisible(ctx.actor.scope("social_workers.read"))));
  if (rows.length === 0) {
    throw notFound();
  }
  const [worker] = await loadWorkers(ctx, rows, options);
  return worker as SocialWorker;
}

/**
 * A worker's training records, newest first, keyset-paginated on (date, id).
 * @throws AppError NOT_FOUND when the worker is missing or outside the scope.
 */
export async function listTrainings(
  ctx: ActorCtx,
  id: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<SocialWorkerTrainingPage> {
  if (!(await findVisibleWorker(ctx, id))) {
    throw notFound();
  }
  const conditions: SQL[] = [eq(socialWorkerTrainings.workerId, id)];
  const after = sortCursor.decode(query.cursor);
  if (after && /^\d{4}-\d{2}-\d{2}$/.test(after[0])) {
    conditions.push(sql`(${socialWorkerTrainings.date}, ${socialWorkerTrainings.id}) < (${after[0]}::date, ${after[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select()
    .from(socialWorkerTrainings)
    .where(and(...conditions))
    .orderBy(desc(socialWorkerTrainings.date), desc(socialWorkerTrainings.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentTraining),
    next_cursor: rows.length > query.limit && last ? sortCursor.encode([last.date, last.id]) : null,
  };
}

/**
 * A worker's posts, latest start first.
 * @throws AppError NOT_FOUND when the worker is missing or outside the scope.
 */
export async function listPosts(ctx: ActorCtx, id: string): Promise<{ items: SocialWorkerPost[] }> {
  if (!(await findVisibleWorker(ctx, id))) {
    throw notFound();
  }
  const rows = await ctx.db
    .select()
    .from(socialWorkerPosts)
    .where(eq(socialWorkerPosts.workerId, id))
    .orderBy(desc(socialWorkerPosts.fromDate), desc(socialWorkerPosts.id))
    .limit(500);
  return { items: rows.map(presentPost) };
}

/** Residents per unit code (each code a prefix of the communities it covers). */
export type PopulationSource = (ctx: Ctx, unitCodes: readonly string[]) => Promise<Map<string, number>>;

/** node-postgres returns `{ rows }`, PGlite returns `{ rows }` too; both through Drizzle's execute. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

const unitLength = { district: 6, street: 9, community: 12 } as const;

/**
 * The workforce view (社工配比): per child unit of a jurisdiction, the distinct active social workers
 * serving communities in the unit, its residents, workers per 1,000 residents against the standard
 * (2–3 per 1,000; lower bound configured) and the shortfall; plus a totals row (workers counted once).
 * @throws AppError NOT_FOUND when the jurisdiction lies outside the reader's scope.
 */
export async function getWorkforce(
  ctx: ActorCtx,
  query: WorkforceQuery,
  options: { standardPerThousand: number; population: PopulationSource },
): Promise<Workforce> {
  const prefixes = ctx.actor.scope("social_workers.read");
  if (!prefixes.some((prefix) => query.area_code.startsWith(prefix))) {
    throw notFound();
  }
  const length = unitLength[query.by];
  const counted = await ctx.db.execute<{ code: string; name: string; workers: number }>(sql`
    SELECT a.code, a.name, count(DISTINCT w.id)::int AS workers
    FROM areas AS a
    LEFT JOIN ${socialWorkerCommunities} AS sc ON ${withinArea(sql`sc.area_code`, sql`a.code`)}
    LEFT JOIN ${socialWorkers} AS w ON w.id = sc.worker_id AND w.status = 'active'
    WHERE ${withinArea(sql`a.code`, query.area_code)} AND length(a.code) = ${length}
    GROUP BY a.code, a.name
    ORDER BY a.code`);
  const totalRows = await ctx.db.execute<{ workers: number; name: string | null }>(sql`
    SELECT count(DISTINCT w.id)::int AS workers, (SELECT name FROM areas WHERE code = ${query.area_code}) AS name
    FROM ${socialWorkerCommunities} AS sc JOIN ${socialWorkers} AS w ON w.id = sc.worker_id AND w.status = 'active'
    WHERE ${withinArea(sql`sc.area_code`, query.area_code)}`);
  const units = rowsOf<{ code: string; name: string; workers: number }>(counted);
  const population = await options.population(
    ctx,
    units.map((unit) => unit.code),
  );
  const row = (code: string, name: string, workers: number, residents: number): WorkforceRow => ({
    area_code: code,
    area_name: name,
    workers,
    residents,
    ...workforceRatio(workers, residents, options.standardPerThousand),
  });
  const rows = units.map((unit) => row(unit.code, unit.name, Number(unit.workers), population.get(unit.code) ?? 0));
  const total = rowsOf<{ workers: number; name: string | null }>(totalRows)[0];
  const residents = rows.reduce((sum, unit) => sum + unit.residents, 0);
  return {
    area_code: query.area_code,
    by: query.by,
    standard_per_thousand: options.standardPerThousand,
    standard_upper_per_thousand: 3,
    rows,
    total: row("", total?.name ?? query.area_code, Number(total?.workers ?? 0), residents),
  };
}

/** The active social worker record linked to a user account, or null (casework: "my worker record"). */
export async function findWorkerOfUser(ctx: Ctx, userId: string): Promise<{ id: string; name: string; areaCode: string } | null> {
  const [row] = await ctx.db
    .select({ id: socialWorkers.id, name: socialWorkers.name, areaCode: socialWorkers.areaCode })
    .from(socialWorkers)
    .where(and(eq(socialWorkers.userId, userId), eq(socialWorkers.status, "active")))
    .limit(1);
  return row ?? null;
}

/** A subquery of the ids of the workers whose supervisor (督导) is `supervisorWorkerId`. */
export function workersSupervisedBy(supervisorWorkerId: string): SQL {
  return sql`(SELECT ${socialWorkers.id} FROM ${socialWorkers} WHERE ${socialWorkers.supervisorId} = ${supervisorWorkerId}::uuid)`;
}

/** Names of social workers by id (one query, no scope: the caller already may see the record pointing here). */
export async function getWorkerNames(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await ctx.db
    .select({ id: socialWorkers.id, name: socialWorkers.name })
    .from(socialWorkers)
    .where(inArray(socialWorkers.id, unique));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** SQL: the name of the social worker whose id is `id` (a column of another table), for one-statement presenters. */
export function workerNameOf(id: SQL): SQL<string | null> {
  return sql<string | null>`(SELECT ${socialWorkers.name} FROM ${socialWorkers} WHERE ${socialWorkers.id} = ${id})`;
}

/** A subquery of the ids of the active social worker records linked to the user account `userId`. */
export function workerIdsOfUser(userId: string): SQL {
  return sql`(SELECT ${socialWorkers.id} FROM ${socialWorkers} WHERE ${socialWorkers.userId} = ${userId}::uuid AND ${socialWorkers.status} = 'active')`;
}

/**
 * Names of the active social workers among `ids` that are visible under `prefixes` (home area or a
 * served community): one query. Used to check a provider chosen for routing.
 */
export async function getWorkersInScope(ctx: Ctx, ids: readonly string[], prefixes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || prefixes.length === 0) {
    return new Map();
  }
  const rows = await ctx.db
    .select({ id: socialWorkers.id, name: socialWorkers.name })
    .from(socialWorkers)
    .where(and(inArray(socialWorkers.id, unique), eq(socialWorkers.status, "active"), workerVisible(prefixes)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Certified (holding a certificate number), active social workers serving communities under an area,
 * each counted once: the numerator of "social workers per 1,000 residents". One statement, no scope:
 * the caller has already decided the area may be read.
 */
export async function countCertifiedWorkersUnder(ctx: Ctx, areaCode: string): Promise<number> {
  const [row] = await ctx.db
    .select({ workers: sql<number>`count(DISTINCT ${socialWorkers.id})::int` })
    .from(socialWorkerCommunities)
    .innerJoin(socialWorkers, eq(socialWorkers.id, socialWorkerCommunities.workerId))
    .where(
      and(
        withinArea(socialWorkerCommunities.areaCode, areaCode),
        eq(socialWorkers.status, "active"),
        sql`${socialWorkers.certificateNo} IS NOT NULL`,
      ),
    );
  return Number(row?.workers ?? 0);
}
