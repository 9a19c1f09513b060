import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import {
  standardFacilityTypes,
  type Community,
  type CommunityListQuery,
  type CommunityPage,
  type CompliancePage,
  type ComplianceQuery,
  type ComplianceSummary,
  type Facility,
  type FacilityListQuery,
  type FacilityPage,
  type Grid,
  type GridListQuery,
  type GridPage,
  type Permission,
  type StandardFacilityType,
} from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { queryRows } from "../../platform/db/client.js";
import { inScope, withinArea } from "../../platform/scope/index.js";
import { cursorCodec } from "../../platform/pagination/cursor.js";
import { pageOf } from "../../platform/pagination/page.js";
import { z } from "zod";
import { areas } from "../jurisdictions/index.js";
import { communityProfiles, facilities, grids } from "./schema.js";
import { presentCommunity, presentFacility, presentGrid } from "./present.js";
import { escapeLike } from "../../platform/db/sql.js";

/** The code of the last row; a tampered cursor yields null (the first page). */
const codeCursor = cursorCodec(z.tuple([z.string()]));

/** (type or area code, name, id) of the last row; a tampered cursor yields null (the first page). */
const nameCursor = cursorCodec(z.tuple([z.string(), z.string(), z.string()]));

/** 404 unless the filter code lies inside the scope or above it (then the scope narrows it). */
function requireVisible(prefixes: readonly string[], code: string | undefined): void {
  if (code && !prefixes.some((prefix) => code.startsWith(prefix) || prefix.startsWith(code))) {
    throw notFound();
  }
}

const hasType = (type: StandardFacilityType) => sql<boolean>`coalesce(bool_or(${facilities.type} = ${type}), false)`;

/**
 * One row per community in scope (areas of level community) joined with its profile and, in the
 * same statement, an aggregate over its facilities telling which standard ones it has.
 */
function communityRows(ctx: Ctx, conditions: SQL[], having: SQL[] = []) {
  return ctx.db
    .select({
      code: areas.code,
      name: areas.name,
      parentCode: areas.parentCode,
      profileCode: communityProfiles.areaCode,
      kind: communityProfiles.kind,
      population: communityProfiles.population,
      households: communityProfiles.households,
      officeAreaM2: communityProfiles.officeAreaM2,
      version: communityProfiles.version,
      updatedAt: communityProfiles.updatedAt,
      facilityCount: sql<number>`count(${facilities.id})::int`.as("facility_count"),
      activity_room: hasType("activity_room").as("activity_room"),
      reading_room: hasType("reading_room").as("reading_room"),
      meeting_room: hasType("meeting_room").as("meeting_room"),
      notice_board: hasType("notice_board").as("notice_board"),
      newspaper_board: hasType("newspaper_board").as("newspaper_board"),
      culture_station: hasType("culture_station").as("culture_station"),
    })
    .from(areas)
    .leftJoin(communityProfiles, eq(communityProfiles.areaCode, areas.code))
    .leftJoin(facilities, eq(facilities.areaCode, areas.code))
    .where(and(eq(areas.level, "community"), ...conditions))
    .groupBy(areas.code, communityProfiles.areaCode)
    .having(having.length ? and(...having) : undefined);
}

export type CommunityRow = Awaited<ReturnType<typeof communityRows>>[number];

const compliantHaving = sql.join(
  standardFacilityTypes.map((type) => hasType(type)),
  sql` AND `,
);

function jurisdictionConditions(ctx: ActorCtx, permission: Permission, areaCode: string | undefined): SQL[] {
  const prefixes = ctx.actor.scope(permission);
  requireVisible(prefixes, areaCode);
  const conditions = [inScope(areas.code, prefixes)];
  if (areaCode) {
    conditions.push(withinArea(areas.code, areaCode));
  }
  return conditions;
}

/**
 * Communities in the caller's scope with their profile and 三室两栏一站 compliance, by code.
 * @throws AppError NOT_FOUND when the area filter lies outside the scope.
 */
export async function listCommunities(ctx: ActorCtx, query: CommunityListQuery): Promise<CommunityPage> {
  const conditions = jurisdictionConditions(ctx, "communities.read", query.area_code);
  const having: SQL[] = [];
  if (query.kind) {
    conditions.push(eq(communityProfiles.kind, query.kind));
  }
  if (query.q) {
    conditions.push(ilike(areas.name, `%${escapeLike(query.q)}%`));
  }
  if (query.compliant) {
    having.push(query.compliant === "true" ? sql`(${compliantHaving})` : sql`NOT (${compliantHaving})`);
  }
  const after = codeCursor.decode(query.cursor);
  if (after) {
    conditions.push(gt(areas.code, after[0]));
  }
  const rows = await communityRows(ctx, conditions, having)
    .orderBy(asc(areas.code))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, presentCommunity, (last) => codeCursor.encode([last.code]));
}

/**
 * One community with its profile (or nulls and exists=false) and compliance.
 * @throws AppError NOT_FOUND when it is not a community or lies outside the scope of `permission`.
 */
export async function getCommunity(ctx: ActorCtx, code: string, permission: Permission = "communities.read"): Promise<Community> {
  const rows = await communityRows(ctx, [eq(areas.code, code), inScope(areas.code, ctx.actor.scope(permission))]);
  const row = rows[0];
  if (!row) {
    throw notFound();
  }
  return presentCommunity(row);
}

/**
 * Which communities of a jurisdiction lack which standard facility: a page of communities (optionally
 * only those missing one type) and a summary over the whole jurisdiction, two statements in all.
 * @throws AppError NOT_FOUND when the area filter lies outside the scope.
 */
export async function listCompliance(ctx: ActorCtx, query: ComplianceQuery): Promise<CompliancePage> {
  const conditions = jurisdictionConditions(ctx, "communities.read", query.area_code);
  const after = codeCursor.decode(query.cursor);
  const pageConditions = after ? [...conditions, gt(areas.code, after[0])] : conditions;
  const having = query.missing ? [sql`NOT ${hasType(query.missing)}`] : [];
  const rows = await communityRows(ctx, pageConditions, having)
    .orderBy(asc(areas.code))
    .limit(query.limit + 1);
  return {
    ...pageOf(
      rows,
      query.limit,
      (row) => {
        const { code, name, has, missing, compliant } = presentCommunity(row);
        return { code, name, has, missing, compliant };
      },
      (last) => codeCursor.encode([last.code]),
    ),
    summary: await complianceSummary(ctx, conditions),
  };
}

/** Counts over every community matching `conditions` (one aggregate statement). */
async function complianceSummary(ctx: Ctx, conditions: SQL[]): Promise<ComplianceSummary> {
  const c = communityRows(ctx, conditions).as("c");
  const all = sql.join(
    standardFacilityTypes.map((type) => sql`${c[type]}`),
    sql` AND `,
  );
  const missingCount = (type: StandardFacilityType) => sql<number>`(count(*) FILTER (WHERE NOT ${c[type]}))::int`;
  const [row] = await ctx.db
    .select({
      communities: sql<number>`count(*)::int`,
      compliant: sql<number>`(count(*) FILTER (WHERE ${all}))::int`,
      activity_room: missingCount("activity_room"),
      reading_room: missingCount("reading_room"),
      meeting_room: missingCount("meeting_room"),
      notice_board: missingCount("notice_board"),
      newspaper_board: missingCount("newspaper_board"),
      culture_station: missingCount("culture_station"),
    })
    .from(c);
  return {
    communities: row?.communities ?? 0,
    compliant: row?.compliant ?? 0,
    missing_by_type: Object.fromEntries(
      standardFacilityTypes.map((type) => [type, row?.[type] ?? 0]),
    ) as ComplianceSummary["missing_by_type"],
  };
}

/**
 * 404 unless `code` is a community inside the scope of `permission`.
 */
export async function requireCommunity(ctx: ActorCtx, code: string, permission: Permission): Promise<{ code: string; name: string }> {
  const [row] = await ctx.db
    .select({ code: areas.code, name: areas.name })
    .from(areas)
    .where(and(eq(areas.code, code), eq(areas.level, "community"), inScope(areas.code, ctx.actor.scope(permission))));
  if (!row) {
    throw notFound();
  }
  return row;
}

/** The facilities of one community, by type and name. @throws AppError NOT_FOUND outside the scope. */
export async function listFacilities(ctx: ActorCtx, code: string, query: FacilityListQuery): Promise<FacilityPage> {
  await requireCommunity(ctx, code, "communities.read");
  const conditions: SQL[] = [eq(facilities.areaCode, code)];
  if (query.type) {
    conditions.push(eq(facilities.type, query.type));
  }
  const after = nameCursor.decode(query.cursor);
  if (after) {
    conditions.push(sql`(${facilities.type}, ${facilities.name}, ${facilities.id}::text) > (${after[0]}, ${after[1]}, ${after[2]})`);
  }
  const rows = await ctx.db
    .select()
    .from(facilities)
    .where(and(...conditions))
    .orderBy(asc(facilities.type), asc(facilities.name), asc(sql`${facilities.id}::text`))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, presentFacility, (last) => nameCursor.encode([last.type, last.name, last.id]));
}

/** One facility in the scope of `permission`. @throws AppError NOT_FOUND outside it. */
export async function getFacility(ctx: ActorCtx, id: string, permission: Permission = "communities.read"): Promise<Facility> {
  const [row] = await ctx.db
    .select()
    .from(facilities)
    .where(and(eq(facilities.id, id), inScope(facilities.areaCode, ctx.actor.scope(permission))));
  if (!row) {
    throw notFound();
  }
  return presentFacility(row);
}

const gridColumns = {
  id: grids.id,
  areaCode: grids.areaCode,
  communityName: areas.name,
  name: grids.name,
  gridWorkerName: grids.gridWorkerName,
  gridWorkerUserId: grids.gridWorkerUserId,
  version: grids.version,
  createdAt: grids.createdAt,
  updatedAt: grids.updatedAt,
};

function gridRows(ctx: Ctx) {
  return ctx.db.select(gridColumns).from(grids).innerJoin(areas, eq(areas.code, grids.areaCode));
}

export type GridRow = Awaited<ReturnType<typeof gridRows>>[number];

/**
 * Grids in scope, by community and name, keyset-paginated.
 * @throws AppError NOT_FOUND when the area filter lies outside the scope.
 */
export async function listGrids(ctx: ActorCtx, query: GridListQuery): Promise<GridPage> {
  const prefixes = ctx.actor.scope("communities.read");
  requireVisible(prefixes, query.area_code);
  const conditions: SQL[] = [inScope(grids.areaCode, prefixes)];
  if (query.area_code) {
    conditions.push(withinArea(grids.areaCode, query.area_code));
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(grids.name, pattern), ilike(grids.gridWorkerName, pattern)) as SQL);
  }
  const after = nameCursor.decode(query.cursor);
  if (after) {
    conditions.push(sql`(${grids.areaCode}, ${grids.name}, ${grids.id}::text) > (${after[0]}, ${after[1]}, ${after[2]})`);
  }
  const rows = await gridRows(ctx)
    .where(and(...conditions))
    .orderBy(asc(grids.areaCode), asc(grids.name), asc(sql`${grids.id}::text`))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, presentGrid, (last) => nameCursor.encode([last.areaCode, last.name, last.id]));
}

/**
 * One grid in the scope of `permission` (for other modules too: residents belong to a grid).
 * @throws AppError NOT_FOUND outside it.
 */
export async function getGrid(ctx: ActorCtx, id: string, permission: Permission = "communities.read"): Promise<Grid> {
  const [row] = await gridRows(ctx).where(and(eq(grids.id, id), inScope(grids.areaCode, ctx.actor.scope(permission))));
  if (!row) {
    throw notFound();
  }
  return presentGrid(row);
}

/** Every grid of one community in scope, by name (a select list; communities have a handful). */
export async function listGridsByCommunity(ctx: ActorCtx, code: string): Promise<Grid[]> {
  const rows = await gridRows(ctx)
    .where(and(eq(grids.areaCode, code), inScope(grids.areaCode, ctx.actor.scope("communities.read"))))
    .orderBy(asc(grids.name))
    .limit(500);
  return rows.map(presentGrid);
}

/** Grid names by id, unscoped (for presenting records that point to a grid; one query). */
export async function getGridNames(ctx: Ctx, ids: readonly string[]): Promise<Map<string, { name: string; area_code: string }>> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await ctx.db
    .select({ id: grids.id, name: grids.name, areaCode: grids.areaCode })
    .from(grids)
    .where(inArray(grids.id, unique));
  return new Map(rows.map((row) => [row.id, { name: row.name, area_code: row.areaCode }]));
}

/**
 * Declared residents (community_profiles.population) summed per unit, each unit code being a prefix of
 * the communities it covers; units without profiles count 0. One query for all units. Read by the
 * social-workers workforce view (社工配比).
 */
export async function populationByUnit(ctx: Ctx, unitCodes: readonly string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>(unitCodes.map((code) => [code, 0]));
  if (unitCodes.length === 0) {
    return result;
  }
  const units = sql.join(
    unitCodes.map((code) => sql`(${code})`),
    sql`, `,
  );
  const rows = await queryRows<{ code: string; residents: number }>(
    ctx.db,
    sql`SELECT u.code, coalesce(sum(p.population), 0)::float8 AS residents
        FROM (VALUES ${units}) AS u(code) JOIN ${communityProfiles} AS p ON ${withinArea(sql`p.area_code`, sql`u.code`)}
        GROUP BY u.code`,
  );
  for (const row of rows) {
    result.set(row.code, Number(row.residents));
  }
  return result;
}

/** A facility's public facts (for published locations). */
export type PublicFacility = { id: string; areaCode: string; name: string; openingHours: string | null };

/** Public facts of facilities by id (one query, no scope: for services published with a facility as location). */
export async function getPublicFacilities(ctx: Ctx, ids: readonly string[]): Promise<Map<string, PublicFacility>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await ctx.db
    .select({ id: facilities.id, areaCode: facilities.areaCode, name: facilities.name, openingHours: facilities.openingHours })
    .from(facilities)
    .where(inArray(facilities.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Facilities under an area (a street's or community's), by name: meeting places. One query. */
export async function listFacilitiesUnder(ctx: Ctx, areaCode: string): Promise<PublicFacility[]> {
  return ctx.db
    .select({ id: facilities.id, areaCode: facilities.areaCode, name: facilities.name, openingHours: facilities.openingHours })
    .from(facilities)
    .where(inScope(facilities.areaCode, [areaCode]))
    .orderBy(asc(facilities.areaCode), asc(facilities.name))
    .limit(200);
}

/**
 * 三室两栏一站 compliance of every community under an area (a district's, a street's): how many
 * communities, and how many have all six standard facilities. One statement, no scope: the caller
 * has already decided the area may be read (an indicator of a plan it may read).
 */
export async function facilityComplianceUnder(ctx: Ctx, areaCode: string): Promise<{ communities: number; compliant: number }> {
  const summary = await complianceSummary(ctx, [withinArea(areas.code, areaCode)]);
  return { communities: summary.communities, compliant: summary.compliant };
}
