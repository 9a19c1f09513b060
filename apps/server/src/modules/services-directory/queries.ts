import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { PublicService, PublicServiceListQuery, PublicServicePage, Service, ServiceListQuery, ServicePage } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { membershipPermissions } from "../../platform/auth/permissions.js";
import { ancestorOf, inScope, withinArea } from "../../platform/scope/index.js";
import { cursorCodec, cursorId } from "../../platform/pagination/cursor.js";
import { z } from "zod";
import { getAreaNames } from "../jurisdictions/index.js";
import { getOrganizations } from "../social-orgs/index.js";
import { services, type ServiceRow } from "./schema.js";
import { presentPublicService, presentService } from "./present.js";
import { escapeLike } from "../../platform/db/sql.js";

/**
 * The services a publisher may see: for each membership with services.write, the services whose home
 * area lies under it (org staff: only their own organization's). Deny by default.
 */
export function serviceVisible(ctx: ActorCtx): SQL {
  const branches = ctx.actor.memberships
    .filter((grant) => membershipPermissions(grant).includes("services.write"))
    .map((grant) =>
      grant.role === "org_staff"
        ? sql`(${inScope(services.areaCode, [grant.areaCode])} AND ${services.providerKind} = 'organization' AND ${services.organizationId} = ${grant.organizationId})`
        : inScope(services.areaCode, [grant.areaCode]),
    );
  return branches.length === 0 ? sql`false` : sql`(${sql.join(branches, sql` OR `)})`;
}

/** Chinese-friendly search over name and description (LIKE wildcards escaped). */
export function searchCondition(q: string): SQL {
  const pattern = `%${escapeLike(q)}%`;
  return or(ilike(services.name, pattern), ilike(services.description, pattern)) as SQL;
}

/** Services serving an area under `code`, or an area containing it (a street-wide service serves each community). */
export function servesArea(code: string): SQL {
  return sql`EXISTS (SELECT 1 FROM unnest(${services.serviceAreaCodes}) AS served(code) WHERE ${withinArea(sql`served.code`, code)} OR ${ancestorOf(sql`served.code`, code)})`;
}

/** (name, id) of the last row; an unreadable cursor starts from the beginning. */
const nameCursor = cursorCodec(z.tuple([z.string().max(400), cursorId]));

/** One page of rows ordered by (name, id), keyset on the cursor. */
async function pageOfRows(ctx: Ctx, conditions: SQL[], cursor: string | undefined, limit: number) {
  const after = nameCursor.decode(cursor);
  if (after) {
    conditions.push(sql`(${services.name}, ${services.id}) > (${after[0]}::text, ${after[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select()
    .from(services)
    .where(and(...conditions))
    .orderBy(asc(services.name), asc(services.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    next_cursor: rows.length > limit && last ? nameCursor.encode([last.name, last.id]) : null,
  };
}

/** Provider names for rows: two queries whatever the number of rows. */
export async function providerNames(ctx: Ctx, rows: readonly ServiceRow[]): Promise<(row: ServiceRow) => string> {
  const [organizations, areaNames] = await Promise.all([
    getOrganizations(
      ctx,
      rows.flatMap((row) => (row.organizationId ? [row.organizationId] : [])),
    ),
    getAreaNames(
      ctx,
      rows.flatMap((row) => (row.communityCode ? [row.communityCode] : [])),
    ),
  ]);
  return (row) =>
    (row.organizationId ? organizations.get(row.organizationId)?.name : undefined) ??
    (row.communityCode ? areaNames.get(row.communityCode) : undefined) ??
    "";
}

/** `base` and the filters every services list shares: search, category and tier (each when given). */
function filterConditions(
  base: SQL,
  query: { q?: string | undefined; category?: string | undefined; tier?: ServiceRow["tier"] | undefined },
): SQL[] {
  const conditions: SQL[] = [base];
  if (query.q) {
    conditions.push(searchCondition(query.q));
  }
  if (query.category) {
    conditions.push(eq(services.category, query.category));
  }
  if (query.tier) {
    conditions.push(eq(services.tier, query.tier));
  }
  return conditions;
}

/** A page of services (pageOfRows), each presented with its provider's name (two more queries). */
async function presentPage<Item>(
  ctx: Ctx,
  conditions: SQL[],
  query: { cursor?: string | undefined; limit: number },
  present: (row: ServiceRow, providerName: string) => Item,
): Promise<{ items: Item[]; next_cursor: string | null }> {
  const { rows, next_cursor } = await pageOfRows(ctx, conditions, query.cursor, query.limit);
  const nameOf = await providerNames(ctx, rows);
  return { items: rows.map((row) => present(row, nameOf(row))), next_cursor };
}

/** One found service presented with its provider's name. @throws AppError NOT_FOUND when `row` is null. */
async function presentFound<Item>(
  ctx: Ctx,
  row: ServiceRow | null,
  present: (row: ServiceRow, providerName: string) => Item,
): Promise<Item> {
  if (!row) {
    throw notFound();
  }
  return present(row, (await providerNames(ctx, [row]))(row));
}

/** Services the publisher may see, filtered and searched, keyset by (name, id); three queries per page. */
export async function listServices(ctx: ActorCtx, query: ServiceListQuery): Promise<ServicePage> {
  const conditions = filterConditions(serviceVisible(ctx), query);
  if (query.price_kind) {
    conditions.push(eq(services.priceKind, query.price_kind));
  }
  if (query.status) {
    conditions.push(eq(services.status, query.status));
  }
  if (query.area_code) {
    conditions.push(servesArea(query.area_code));
  }
  return presentPage(ctx, conditions, query, presentService);
}

/** The raw row of a service the publisher may see, optionally locked; null when invisible. */
export async function findVisibleService(ctx: ActorCtx, id: string, options: { forUpdate?: boolean } = {}): Promise<ServiceRow | null> {
  const query = ctx.db
    .select()
    .from(services)
    .where(and(eq(services.id, id), serviceVisible(ctx)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/**
 * One service for its publishers.
 * @throws AppError NOT_FOUND when missing or outside the caller's scope.
 */
export async function getService(ctx: ActorCtx, id: string): Promise<Service> {
  return presentFound(ctx, await findVisibleService(ctx, id), presentService);
}

/** Published services for everyone (no login), public fields only; three queries per page. */
export async function listPublicServices(ctx: Ctx, query: PublicServiceListQuery): Promise<PublicServicePage> {
  const conditions = filterConditions(eq(services.status, "published"), { q: query.q, category: query.category });
  if (query.area_code) {
    conditions.push(servesArea(query.area_code));
  }
  return presentPage(ctx, conditions, query, presentPublicService);
}

/** The row of a published service; null otherwise. */
export async function findPublishedService(ctx: Ctx, id: string): Promise<ServiceRow | null> {
  const [row] = await ctx.db
    .select()
    .from(services)
    .where(and(eq(services.id, id), eq(services.status, "published")));
  return row ?? null;
}

/**
 * One published service, public fields.
 * @throws AppError NOT_FOUND when missing or not published.
 */
export async function getPublicService(ctx: Ctx, id: string): Promise<PublicService> {
  return presentFound(ctx, await findPublishedService(ctx, id), presentPublicService);
}

/**
 * Published services by page number for the HSDS feed, filtered (AND) by search, category or tier
 * codes and organization; ordered by name then id, with the total count.
 */
export async function pagePublishedServices(
  ctx: Ctx,
  query: {
    q?: string | undefined;
    category?: string | undefined;
    tier?: ServiceRow["tier"] | undefined;
    organizationId?: string | undefined;
    page: number;
    perPage: number;
  },
): Promise<{ total: number; rows: ServiceRow[] }> {
  const conditions = filterConditions(eq(services.status, "published"), query);
  if (query.organizationId) {
    conditions.push(eq(services.organizationId, query.organizationId));
  }
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select()
      .from(services)
      .where(and(...conditions))
      .orderBy(asc(services.name), asc(services.id))
      .limit(query.perPage)
      .offset((query.page - 1) * query.perPage),
    ctx.db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(services)
      .where(and(...conditions)),
  ]);
  return { total: count?.total ?? 0, rows };
}
