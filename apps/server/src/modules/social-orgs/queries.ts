import { and, asc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type {
  OrganizationRef,
  Page,
  PublicSocialOrg,
  PublicSocialOrgListQuery,
  SocialOrg,
  SocialOrgFilter,
  SocialOrgListItem,
  SocialOrgSort,
} from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { fieldMessages } from "../../platform/errors/catalog.js";
import { inScope } from "../../platform/scope/index.js";
import { membershipPermissions, scopeFor } from "../../platform/auth/permissions.js";
import { cursorCodec, cursorId, invalidCursor } from "../../platform/pagination/cursor.js";
import { z } from "zod";
import { getAreaNames } from "../jurisdictions/index.js";
import { presentListItem, presentPublic, presentSocialOrg, type SocialOrgRow } from "./present.js";
import { socialOrgs, socialOrgServiceAreas, socialOrgStations } from "./schema.js";
import { escapeLike } from "../../platform/db/sql.js";

/**
 * The organizations a reader with these scope prefixes sees: home area in scope, or some service
 * area in scope (EXISTS, so no duplicate rows and no filtering after the query), or (issue 13.8)
 * serving the area through referrals addressed to it there (district level and below), or contracted there (project_contracts
 * of the area): a street that buys services from an organization registered elsewhere sees it.
 * Referrals and contracts belong to the needs and projects modules, which depend on this one; they
 * are named by table here so the registry stays free of an import cycle.
 */
export function visibleTo(prefixes: readonly string[]): SQL {
  if (prefixes.length === 0) {
    return sql`false`;
  }
  const served = sql`EXISTS (SELECT 1 FROM ${socialOrgServiceAreas} WHERE ${socialOrgServiceAreas.orgId} = ${socialOrgs.id} AND ${inScope(
    socialOrgServiceAreas.areaCode,
    prefixes,
  )})`;
  // Semi-joins the planner hashes once per statement (not an EXISTS per organization row). Referrals
  // count from district level down: at city level nearly every serving organization is registered or
  // has a service area in the city, and a hash of every referral of a city would cost more than it shows.
  const narrow = prefixes.filter((prefix) => prefix.length >= 6);
  const branches = [inScope(socialOrgs.areaCode, prefixes), served];
  if (narrow.length > 0) {
    branches.push(sql`${socialOrgs.id} IN (SELECT r.provider_id FROM referrals AS r WHERE r.provider_kind = 'organization'
      AND r.status IN ('pending', 'accepted', 'done') AND ${inScope(sql.raw("r.area_code"), narrow)})`);
  }
  branches.push(sql`${socialOrgs.id} IN (SELECT c.org_id FROM project_contracts AS c WHERE ${inScope(sql.raw("c.area_code"), prefixes)})`);
  return sql`(${sql.join(branches, sql` OR `)})`;
}

/**
 * Organizations whose full record (and credit record) the actor reads (QUALITY.md §1 "social orgs"):
 * officials, community staff, social workers and evaluators by area (visibleTo their social_orgs.read
 * scope); org staff only their own organization (others' public profile is at /public/social-orgs/{id}).
 */
export function socialOrgReadableBy(ctx: ActorCtx): SQL {
  const areaGrants = ctx.actor.memberships.filter((m) => m.role !== "org_staff");
  const own = ctx.actor.memberships
    .filter((m) => m.role === "org_staff" && m.organizationId !== null && membershipPermissions(m).includes("social_orgs.read"))
    .map((m) => m.organizationId as string);
  const branches = [visibleTo(scopeFor(areaGrants, "social_orgs.read"))];
  if (own.length > 0) {
    branches.push(inArray(socialOrgs.id, [...new Set(own)]));
  }
  return or(...branches) as SQL;
}

function searchCondition(q: string): SQL {
  const pattern = `%${escapeLike(q)}%`;
  return or(ilike(socialOrgs.name, pattern), ilike(sql`coalesce(${socialOrgs.description}, '')`, pattern)) as SQL;
}

/** Sort keys as C-collated text, so one keyset comparison `(value, id)` fits every sort. */
const sortExpressions: Record<string, SQL> = {
  name: sql`(${socialOrgs.name} COLLATE "C")`,
  founded_on: sql`(coalesce(${socialOrgs.foundedOn}::text, '') COLLATE "C")`,
  grade: sql`(coalesce(${socialOrgs.grade}, '') COLLATE "C")`,
  updated_at: sql`(to_char(${socialOrgs.updatedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') COLLATE "C")`,
};

/** (sort, sort value, id) of the last row; a cursor of another sort or an unreadable one is a 400. */
const sortCursor = cursorCodec(z.tuple([z.string(), z.string(), cursorId]).rest(z.unknown()));

function decodeCursor(ctx: Ctx, cursor: string, sort: string): { value: string; id: string } {
  const message = fieldMessages.invalid_value?.[ctx.locale] ?? "invalid_value";
  const [cursorSort, value, id] = sortCursor.decodeOrThrow(cursor, message);
  if (cursorSort !== sort) {
    throw invalidCursor(message);
  }
  return { value, id };
}

/** Keyset page over `conditions`, ordered by the sort allow-list, with the cursor encoding sort value + id. */
async function pageOfRows(
  ctx: Ctx,
  conditions: SQL[],
  sort: SocialOrgSort,
  cursor: string | undefined,
  limit: number,
): Promise<{ rows: SocialOrgRow[]; next_cursor: string | null }> {
  const descending = sort.startsWith("-");
  const key = descending ? sort.slice(1) : sort;
  const expression = sortExpressions[key] as SQL;
  const where = [...conditions];
  if (cursor) {
    const position = decodeCursor(ctx, cursor, sort);
    where.push(
      descending
        ? sql`(${expression}, ${socialOrgs.id}) < (${position.value} COLLATE "C", ${position.id}::uuid)`
        : sql`(${expression}, ${socialOrgs.id}) > (${position.value} COLLATE "C", ${position.id}::uuid)`,
    );
  }
  const rows = await ctx.db
    .select({ row: socialOrgs, sortValue: sql<string>`${expression}` })
    .from(socialOrgs)
    .where(and(...where))
    .orderBy(...(descending ? [sql`${expression} DESC`, sql`${socialOrgs.id} DESC`] : [asc(expression), asc(socialOrgs.id)]))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map((entry) => entry.row),
    next_cursor: rows.length > limit && last ? sortCursor.encode([sort, last.sortValue, last.row.id]) : null,
  };
}

function filterConditions(filter: Partial<SocialOrgFilter>): SQL[] {
  const conditions: SQL[] = [];
  if (filter.q) {
    conditions.push(searchCondition(filter.q));
  }
  if (filter.area_code) {
    conditions.push(inScope(socialOrgs.areaCode, [filter.area_code]));
  }
  if (filter.category) {
    conditions.push(eq(socialOrgs.category, filter.category));
  }
  if (filter.grade) {
    conditions.push(eq(socialOrgs.grade, filter.grade));
  }
  if (filter.registration) {
    conditions.push(eq(socialOrgs.registration, filter.registration));
  }
  if (filter.status) {
    conditions.push(eq(socialOrgs.status, filter.status));
  }
  if (filter.is_social_work_agency !== undefined) {
    conditions.push(eq(socialOrgs.isSocialWorkAgency, filter.is_social_work_agency));
  }
  return conditions;
}

/** Organizations visible to the caller (socialOrgReadableBy), filtered, sorted and keyset-paginated. Two queries. */
export async function listSocialOrgs(
  ctx: ActorCtx,
  query: SocialOrgFilter & { cursor?: string | undefined; limit: number },
): Promise<Page<SocialOrgListItem>> {
  const conditions = [socialOrgReadableBy(ctx), ...filterConditions(query)];
  const { rows, next_cursor } = await pageOfRows(ctx, conditions, query.sort, query.cursor, query.limit);
  const names = await getAreaNames(
    ctx,
    rows.map((row) => row.areaCode),
  );
  return { items: rows.map((row) => presentListItem(row, names)), next_cursor };
}

/** The organization row if visible to the caller, else null. */
export async function findVisibleRow(ctx: ActorCtx, id: string): Promise<SocialOrgRow | null> {
  const [row] = await ctx.db
    .select()
    .from(socialOrgs)
    .where(and(eq(socialOrgs.id, id), socialOrgReadableBy(ctx)));
  return row ?? null;
}

async function children(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) {
    return { serviceAreas: [], stations: [] };
  }
  const [serviceAreas, stations] = await Promise.all([
    ctx.db
      .select({ orgId: socialOrgServiceAreas.orgId, areaCode: socialOrgServiceAreas.areaCode })
      .from(socialOrgServiceAreas)
      .where(inArray(socialOrgServiceAreas.orgId, ids))
      .orderBy(asc(socialOrgServiceAreas.areaCode)),
    ctx.db
      .select({ orgId: socialOrgStations.orgId, areaCode: socialOrgStations.areaCode, since: socialOrgStations.since })
      .from(socialOrgStations)
      .where(inArray(socialOrgStations.orgId, ids))
      .orderBy(asc(socialOrgStations.areaCode)),
  ]);
  return { serviceAreas, stations };
}

/** Presents one row with its service areas and stations (three more queries). */
export async function presentFull(ctx: Ctx, row: SocialOrgRow): Promise<SocialOrg> {
  const { serviceAreas, stations } = await children(ctx, [row.id]);
  const names = await getAreaNames(ctx, [row.areaCode, ...serviceAreas.map((a) => a.areaCode), ...stations.map((s) => s.areaCode)]);
  return presentSocialOrg(row, serviceAreas, stations, names);
}

/**
 * One organization, full record, for readers in scope of its home or a service area, of referrals to
 * it or contracts with it, and for its own staff.
 * @throws AppError NOT_FOUND when it does not exist or is outside the caller's scope.
 */
export async function getSocialOrg(ctx: ActorCtx, id: string): Promise<SocialOrg> {
  const row = await findVisibleRow(ctx, id);
  if (!row) {
    throw notFound();
  }
  return presentFull(ctx, row);
}

async function presentPublicRows(ctx: Ctx, rows: SocialOrgRow[]): Promise<PublicSocialOrg[]> {
  const { serviceAreas, stations } = await children(
    ctx,
    rows.map((row) => row.id),
  );
  const names = await getAreaNames(ctx, [...serviceAreas.map((a) => a.areaCode), ...stations.map((s) => s.areaCode)]);
  return rows.map((row) =>
    presentPublic(
      row,
      serviceAreas.filter((area) => area.orgId === row.id),
      stations.filter((station) => station.orgId === row.id),
      names,
    ),
  );
}

/** Active organizations for the public profile pages (no login), public fields only; constant query count. */
export async function listPublicSocialOrgs(ctx: Ctx, query: PublicSocialOrgListQuery): Promise<Page<PublicSocialOrg>> {
  const conditions: SQL[] = [eq(socialOrgs.status, "active"), ...filterConditions({ q: query.q, category: query.category })];
  const { rows, next_cursor } = await pageOfRows(ctx, conditions, "name", query.cursor, query.limit);
  return { items: await presentPublicRows(ctx, rows), next_cursor };
}

/**
 * One active organization's public profile.
 * @throws AppError NOT_FOUND when it does not exist or is not active.
 */
export async function getPublicSocialOrg(ctx: Ctx, id: string): Promise<PublicSocialOrg> {
  const rows = await ctx.db
    .select()
    .from(socialOrgs)
    .where(and(eq(socialOrgs.id, id), eq(socialOrgs.status, "active")));
  if (rows.length === 0) {
    throw notFound();
  }
  const [item] = await presentPublicRows(ctx, rows);
  return item as PublicSocialOrg;
}

/** Organization references for pickers (memberships): home area in the caller's areas.read scope, by name. */
export async function listOrganizationRefs(
  ctx: ActorCtx,
  query: { q?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<OrganizationRef>> {
  const conditions: SQL[] = [inScope(socialOrgs.areaCode, ctx.actor.scope("areas.read"))];
  if (query.q) {
    conditions.push(ilike(socialOrgs.name, `%${escapeLike(query.q)}%`));
  }
  const { rows, next_cursor } = await pageOfRows(ctx, conditions, "name", query.cursor, query.limit);
  return { items: rows.map((row) => ({ id: row.id, name: row.name, area_code: row.areaCode })), next_cursor };
}

/** SQL: the name of the organization whose id is `id` (a column of another table), for one-statement presenters. */
export function organizationNameOf(id: SQL): SQL<string | null> {
  return sql<string | null>`(SELECT ${socialOrgs.name} FROM ${socialOrgs} WHERE ${socialOrgs.id} = ${id})`;
}

/** Organizations by id, without scope (callers check scope on the area code returned). */
export async function getOrganizations(ctx: Ctx, ids: readonly string[]): Promise<Map<string, OrganizationRef>> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await ctx.db
    .select({ id: socialOrgs.id, name: socialOrgs.name, area_code: socialOrgs.areaCode })
    .from(socialOrgs)
    .where(inArray(socialOrgs.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

/** One organization by exact name (seeding). */
export async function findOrganizationByName(ctx: Ctx, name: string): Promise<OrganizationRef | null> {
  const [row] = await ctx.db
    .select({ id: socialOrgs.id, name: socialOrgs.name, area_code: socialOrgs.areaCode })
    .from(socialOrgs)
    .where(eq(socialOrgs.name, name));
  return row ?? null;
}

/**
 * Active organizations' public profiles by page number (open-data feeds such as HSDS that mandate
 * page numbers), ordered by name then id, with the total count; three or four queries per page.
 */
export async function pagePublicSocialOrgs(
  ctx: Ctx,
  query: { q?: string | undefined; page: number; perPage: number },
): Promise<{ total: number; items: PublicSocialOrg[] }> {
  const conditions: SQL[] = [eq(socialOrgs.status, "active"), ...filterConditions({ q: query.q })];
  const rows = await ctx.db
    .select({ row: socialOrgs, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(socialOrgs)
    .where(and(...conditions))
    .orderBy(asc(socialOrgs.name), asc(socialOrgs.id))
    .limit(query.perPage)
    .offset((query.page - 1) * query.perPage);
  const total = rows[0]?.total ?? (query.page > 1 ? await countActive(ctx, conditions) : 0);
  return {
    total,
    items: await presentPublicRows(
      ctx,
      rows.map((entry) => entry.row),
    ),
  };
}

async function countActive(ctx: Ctx, conditions: SQL[]): Promise<number> {
  const [row] = await ctx.db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(socialOrgs)
    .where(and(...conditions));
  return row?.total ?? 0;
}
