import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type {
  HouseholdDetail,
  HouseholdListQuery,
  HouseholdPage,
  Resident,
  ResidentListFilter,
  ResidentListItem,
  ResidentPage,
} from "@sanshe/contracts";
import { sensitiveResidentGroups } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { inScope, withinArea } from "../../platform/scope/index.js";
import { membershipPermissions, scopeFor } from "../../platform/auth/permissions.js";
import { pii } from "../../platform/pii/index.js";
import { cursorCodec, cursorId } from "../../platform/pagination/cursor.js";
import { z } from "zod";
import { getAreaNames } from "../jurisdictions/index.js";
import { households, residentMoves, residents } from "./schema.js";
import { canUnmaskIn, classifySearch } from "./policy.js";
import { presentHousehold, presentHouseholdDetail, presentResident, presentResidentItem, type ResidentRow } from "./present.js";
import { escapeLike } from "../../platform/db/sql.js";

/** Normalized blind index of an ID number (the same key and normalization as on write). */
export function idNumberIndex(idNumber: string): string {
  return pii().blindIndex("id_number", idNumber);
}

export function phoneIndex(phone: string): string {
  return pii().blindIndex("phone", phone.replace(/-/g, ""));
}

/** The area filter narrows the scope; a filter outside the scope answers 404. */
function areaFilter(column: SQL | typeof residents.areaCode, prefixes: readonly string[], area: string | undefined): SQL | null {
  if (!area) {
    return null;
  }
  if (!prefixes.some((prefix) => area.startsWith(prefix) || prefix.startsWith(area))) {
    throw notFound();
  }
  return withinArea(column, area);
}

/** YYYY-MM-DD of `today` minus `years` (UTC). */
function yearsBefore(today: Date, years: number, dayOffset = 0): string {
  const date = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() + dayOffset));
  return date.toISOString().slice(0, 10);
}

/** How long a closed or declined referral still makes its resident "served" for the worker it was addressed to. */
export const servedReferralDays = 90;

/**
 * The ids of the residents a social worker (the user's social_workers records) serves: a case the
 * worker owns, or a referral addressed to the worker that is open or changed in the last
 * servedReferralDays days (QUALITY.md §1 "served residents"; activities the worker ran will join
 * when activities exist). Cases, referrals, needs and social workers belong to modules that depend
 * on this one; they are named by table here so there is no import cycle.
 */
function servedByWorker(ctx: ActorCtx): SQL {
  const since = new Date(ctx.now().getTime() - servedReferralDays * 86_400_000).toISOString();
  return sql`(SELECT c.resident_id FROM cases AS c JOIN social_workers AS w ON w.id = c.worker_id WHERE w.user_id = ${ctx.actor.userId}
    UNION SELECT n.resident_id FROM referrals AS r JOIN needs AS n ON n.id = r.need_id JOIN social_workers AS w ON w.id = r.provider_id
      WHERE r.provider_kind = 'social_worker' AND w.user_id = ${ctx.actor.userId} AND n.resident_id IS NOT NULL
        AND (r.status IN ('pending', 'accepted') OR r.updated_at >= ${since}::timestamptz))`;
}

/**
 * The ids of the residents an organization serves: a referral addressed to the organization that is
 * open or changed in the last servedReferralDays days, or a case owned by one of its social workers.
 */
function servedByOrganizations(ctx: ActorCtx, organizationIds: readonly string[]): SQL {
  const since = new Date(ctx.now().getTime() - servedReferralDays * 86_400_000).toISOString();
  const ids = sql.join(
    organizationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`(SELECT n.resident_id FROM referrals AS r JOIN needs AS n ON n.id = r.need_id
      WHERE r.provider_kind = 'organization' AND r.provider_id IN (${ids}) AND n.resident_id IS NOT NULL
        AND (r.status IN ('pending', 'accepted') OR r.updated_at >= ${since}::timestamptz)
    UNION SELECT c.resident_id FROM cases AS c JOIN social_workers AS w ON w.id = c.worker_id WHERE w.organization_id IN (${ids}))`;
}

/** Roles that read served residents only, never a whole area. */
const servedOnlyRoles = new Set(["social_worker", "org_staff"]);

/** The subqueries of the residents the actor serves personally (worker) or through their organizations (org staff). */
function servedBranches(ctx: ActorCtx): SQL[] {
  const reading = ctx.actor.memberships.filter((m) => servedOnlyRoles.has(m.role) && membershipPermissions(m).includes("residents.read"));
  const subqueries: SQL[] = [];
  if (reading.some((m) => m.role === "social_worker")) {
    subqueries.push(servedByWorker(ctx));
  }
  const organizations = [
    ...new Set(reading.filter((m) => m.role === "org_staff" && m.organizationId).map((m) => m.organizationId as string)),
  ];
  if (organizations.length > 0) {
    subqueries.push(servedByOrganizations(ctx, organizations));
  }
  return subqueries;
}

/** Scope prefixes of the memberships that read a whole area (community staff, street officials). */
function areaReadScope(ctx: ActorCtx): string[] {
  return scopeFor(
    ctx.actor.memberships.filter((m) => !servedOnlyRoles.has(m.role)),
    "residents.read",
  );
}

/**
 * The residents the actor reads (residents.read), in SQL (QUALITY.md §1): every resident in the scope
 * of their memberships other than social_worker and org_staff (community staff, street officials);
 * for a social worker the residents they serve (servedByWorker), for org staff those their
 * organization serves (servedByOrganizations), masked, never the whole community.
 */
export function residentReadable(ctx: ActorCtx): SQL {
  return anyOf(
    areaReadScope(ctx),
    (prefixes) => inScope(residents.areaCode, prefixes),
    servedBranches(ctx).map((served) => sql`${residents.id} IN ${served}`),
  );
}

/** Households the actor reads: in the area scope of area-wide memberships, or holding a resident they serve. */
function householdReadable(ctx: ActorCtx): SQL {
  return anyOf(
    areaReadScope(ctx),
    (prefixes) => inScope(households.areaCode, prefixes),
    servedBranches(ctx).map((served) => sql`${households.id} IN (SELECT s.household_id FROM residents AS s WHERE s.id IN ${served})`),
  );
}

/**
 * The OR of an area branch (only when there are prefixes) and the served branches. A lone served
 * branch stays a plain `id IN (subquery)`, which PostgreSQL turns into a join driven by the few served
 * ids; `false OR id IN (…)` would be a filter over every resident.
 */
function anyOf(prefixes: string[], area: (prefixes: string[]) => SQL, served: SQL[]): SQL {
  const branches = [...(prefixes.length > 0 ? [area(prefixes)] : []), ...served];
  if (branches.length === 0) {
    return sql`false`;
  }
  return branches.length === 1 ? (branches[0] as SQL) : (or(...branches) as SQL);
}

/** The WHERE of a resident list or count: what the actor reads first, then the filters. */
function residentConditions(ctx: ActorCtx, filter: ResidentListFilter): SQL[] {
  const prefixes = ctx.actor.scope("residents.read");
  const conditions: SQL[] = [residentReadable(ctx)];
  const area = areaFilter(residents.areaCode, prefixes, filter.area_code);
  if (area) {
    conditions.push(area);
  }
  if (filter.group) {
    conditions.push(sql`${residents.groups} @> ${`{${filter.group}}`}::text[]`);
    if (sensitiveResidentGroups.includes(filter.group)) {
      // A sensitive group is searchable only where the caller may see it.
      conditions.push(inScope(residents.areaCode, ctx.actor.scope("residents.unmask")));
    }
  }
  if (filter.gender) {
    conditions.push(eq(residents.gender, filter.gender));
  }
  const today = ctx.now();
  if (filter.age_min !== undefined) {
    conditions.push(sql`${residents.birthDate} <= ${yearsBefore(today, filter.age_min)}::date`);
  }
  if (filter.age_max !== undefined) {
    conditions.push(sql`${residents.birthDate} > ${yearsBefore(today, filter.age_max + 1)}::date`);
  }
  if (filter.household_id) {
    conditions.push(eq(residents.householdId, filter.household_id));
  }
  if (filter.q) {
    const search = classifySearch(filter.q);
    if (search.kind === "id_number") {
      conditions.push(eq(residents.idNumberBidx, idNumberIndex(search.value)));
    } else if (search.kind === "phone") {
      conditions.push(eq(residents.phoneBidx, phoneIndex(search.value)));
    } else {
      conditions.push(ilike(residents.name, `%${escapeLike(search.value)}%`));
    }
  }
  return conditions;
}

/** The sort values and id of the last row; an unreadable cursor starts from the beginning. */
const residentsCursor = cursorCodec(z.union([z.tuple([z.string(), cursorId]), z.tuple([z.string(), z.string(), cursorId])]));

type Cursor = [string, string] | [string, string, string];

/** Residents' presentation for one page: names of the communities in one query. */
async function loadListItems(ctx: ActorCtx, rows: ResidentRow[]): Promise<ResidentListItem[]> {
  const areaNames = await getAreaNames(
    ctx,
    rows.map((row) => row.areaCode),
  );
  const today = ctx.now();
  return rows.map((row) => presentResidentItem(row, { areaNames, canSeeSensitive: canUnmaskIn(ctx.actor, row.areaCode), today }));
}

/**
 * Residents in the caller's scope (residents.read), masked, keyset-paginated by name or newest first.
 * Two queries whatever the page size.
 * @throws AppError NOT_FOUND when the area filter lies outside the scope.
 */
export async function listResidents(
  ctx: ActorCtx,
  query: ResidentListFilter & { cursor?: string | undefined; limit: number },
): Promise<ResidentPage> {
  const conditions = residentConditions(ctx, query);
  const cursor = residentsCursor.decode(query.cursor);
  // "community" walks the (area_code, name, id) index in order, so any page of any jurisdiction is a
  // bounded range scan; the other orders sort the rows in scope.
  const sort = query.sort;
  if (cursor) {
    if (sort === "community" && cursor.length === 3) {
      conditions.push(sql`(${residents.areaCode}, ${residents.name}, ${residents.id}) > (${cursor[0]}, ${cursor[1]}, ${cursor[2]}::uuid)`);
    } else if (sort === "name" && cursor.length === 2) {
      conditions.push(sql`(${residents.name}, ${residents.id}) > (${cursor[0]}, ${cursor[1]}::uuid)`);
    } else if (sort === "-created_at" && cursor.length === 2) {
      conditions.push(sql`(${residents.createdAt}, ${residents.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    }
  }
  const order =
    sort === "community"
      ? [asc(residents.areaCode), asc(residents.name), asc(residents.id)]
      : sort === "name"
        ? [asc(residents.name), asc(residents.id)]
        : [desc(residents.createdAt), desc(residents.id)];
  const rows = await ctx.db
    .select()
    .from(residents)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const cursorOf = (row: ResidentRow): Cursor =>
    sort === "community" ? [row.areaCode, row.name, row.id] : sort === "name" ? [row.name, row.id] : [row.createdAt.toISOString(), row.id];
  return {
    items: await loadListItems(ctx, page),
    next_cursor: rows.length > query.limit && last ? residentsCursor.encode(cursorOf(last)) : null,
  };
}

/** Number of residents matching the filters in the caller's scope. */
export async function countResidents(ctx: ActorCtx, filter: ResidentListFilter): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(residents)
    .where(and(...residentConditions(ctx, filter)));
  return row?.n ?? 0;
}

/**
 * The resident row if it lies in the scope of `permission`, else 404 (optionally locked for update).
 * @throws AppError NOT_FOUND
 */
export async function getResidentRow(
  ctx: ActorCtx,
  id: string,
  permission: "residents.read" | "residents.write" = "residents.read",
  options: { forUpdate?: boolean } = {},
): Promise<ResidentRow> {
  const query = ctx.db
    .select()
    .from(residents)
    .where(and(eq(residents.id, id), inScope(residents.areaCode, ctx.actor.scope(permission))));
  const rows = options.forUpdate ? await query.for("update") : await query;
  const row = rows[0];
  if (!row) {
    throw notFound();
  }
  return row;
}

/**
 * One resident the caller reads (residentReadable: social workers only the residents they serve), masked,
 * with the move history.
 * @throws AppError NOT_FOUND outside the scope.
 */
export async function getResident(ctx: ActorCtx, id: string): Promise<Resident> {
  const [row] = await ctx.db
    .select()
    .from(residents)
    .where(and(eq(residents.id, id), residentReadable(ctx)));
  if (!row) {
    throw notFound();
  }
  const moves = await ctx.db
    .select()
    .from(residentMoves)
    .where(eq(residentMoves.residentId, id))
    .orderBy(asc(residentMoves.movedAt), asc(residentMoves.id));
  const areaNames = await getAreaNames(ctx, [row.areaCode]);
  const canUnmask = canUnmaskIn(ctx.actor, row.areaCode);
  return presentResident(row, moves, { areaNames, canSeeSensitive: canUnmask, canUnmask, today: ctx.now() });
}

/** The resident (any community) holding this ID number's blind index; no scope (duplicate detection). */
export async function findResidentByIdIndex(ctx: Ctx, index: string): Promise<{ id: string; areaCode: string } | null> {
  const [row] = await ctx.db
    .select({ id: residents.id, areaCode: residents.areaCode })
    .from(residents)
    .where(eq(residents.idNumberBidx, index));
  return row ?? null;
}

/**
 * A household row in the scope of `permission`, else 404.
 * @throws AppError NOT_FOUND
 */
export async function getHouseholdRow(
  ctx: ActorCtx,
  id: string,
  permission: "residents.read" | "residents.write" = "residents.read",
  options: { forUpdate?: boolean } = {},
) {
  const query = ctx.db
    .select()
    .from(households)
    .where(and(eq(households.id, id), inScope(households.areaCode, ctx.actor.scope(permission))));
  const rows = options.forUpdate ? await query.for("update") : await query;
  const row = rows[0];
  if (!row) {
    throw notFound();
  }
  return row;
}

/** Head names and member counts for a set of households (two queries). */
async function householdFacts(ctx: Ctx, rows: Array<typeof households.$inferSelect>) {
  const ids = rows.map((row) => row.id);
  const headIds = rows.flatMap((row) => (row.headResidentId ? [row.headResidentId] : []));
  const [counts, heads] = await Promise.all([
    ids.length
      ? ctx.db
          .select({ householdId: residents.householdId, n: sql<number>`count(*)::int` })
          .from(residents)
          .where(inArray(residents.householdId, ids))
          .groupBy(residents.householdId)
      : Promise.resolve([]),
    headIds.length
      ? ctx.db
          .select({ id: residents.id, name: residents.name, areaCode: residents.areaCode })
          .from(residents)
          .where(inArray(residents.id, headIds))
      : Promise.resolve([]),
  ]);
  return {
    counts: new Map(counts.map((row) => [row.householdId, row.n])),
    // A head who moved away is no longer shown by name.
    heads: new Map(heads.map((row) => [row.id, row])),
  };
}

/**
 * Households in scope, by address, keyset-paginated.
 * @throws AppError NOT_FOUND when the area filter lies outside the scope.
 */
export async function listHouseholds(ctx: ActorCtx, query: HouseholdListQuery): Promise<HouseholdPage> {
  const prefixes = ctx.actor.scope("residents.read");
  const conditions: SQL[] = [householdReadable(ctx)];
  const area = areaFilter(households.areaCode as unknown as SQL, prefixes, query.area_code);
  if (area) {
    conditions.push(area);
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(
      or(
        ilike(households.address, pattern),
        sql`EXISTS (SELECT 1 FROM ${residents} AS h WHERE h.id = ${households.headResidentId} AND h.name ILIKE ${pattern})`,
      ) as SQL,
    );
  }
  const cursor = residentsCursor.decode(query.cursor);
  if (cursor) {
    conditions.push(sql`(${households.address}, ${households.id}) > (${cursor[0]}, ${cursor[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select()
    .from(households)
    .where(and(...conditions))
    .orderBy(asc(households.address), asc(households.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const [facts, areaNames] = await Promise.all([
    householdFacts(ctx, page),
    getAreaNames(
      ctx,
      page.map((row) => row.areaCode),
    ),
  ]);
  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const head = row.headResidentId ? facts.heads.get(row.headResidentId) : undefined;
      return presentHousehold(row, {
        areaNames,
        headName: head && head.areaCode === row.areaCode ? head.name : null,
        memberCount: facts.counts.get(row.id) ?? 0,
      });
    }),
    next_cursor: rows.length > query.limit && last ? residentsCursor.encode([last.address, last.id]) : null,
  };
}

/**
 * One household the caller reads with the members they read (masked; a social worker sees the
 * household of a resident they serve, and only the members they serve).
 * @throws AppError NOT_FOUND
 */
export async function getHousehold(ctx: ActorCtx, id: string): Promise<HouseholdDetail> {
  const [row] = await ctx.db
    .select()
    .from(households)
    .where(and(eq(households.id, id), householdReadable(ctx)));
  if (!row) {
    throw notFound();
  }
  const [members, areaNames] = await Promise.all([
    ctx.db
      .select()
      .from(residents)
      .where(and(eq(residents.householdId, id), eq(residents.areaCode, row.areaCode), residentReadable(ctx))),
    getAreaNames(ctx, [row.areaCode]),
  ]);
  const head = members.find((member) => member.id === row.headResidentId);
  const household = presentHousehold(row, { areaNames, headName: head?.name ?? null, memberCount: members.length });
  return presentHouseholdDetail(household, members, ctx.now());
}

/** A subquery of the ids of residents whose name contains `q` (LIKE wildcards escaped; casework search). */
export function residentIdsNamed(q: string): SQL {
  return sql`(SELECT ${residents.id} FROM ${residents} WHERE ${residents.name} ILIKE ${`%${escapeLike(q)}%`})`;
}

/** Names of residents by id (one query; the caller already may see the record pointing here). */
export async function getResidentNames(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await ctx.db.select({ id: residents.id, name: residents.name }).from(residents).where(inArray(residents.id, unique));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The first `limit` residents of a community by name (demo seeds of other modules; no scope). */
export async function residentIdsIn(ctx: Ctx, areaCode: string, limit: number): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: residents.id })
    .from(residents)
    .where(eq(residents.areaCode, areaCode))
    .orderBy(asc(residents.name), asc(residents.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

/**
 * The community and groups of a resident, for other modules' rules (needs routing); `prefixes`, when
 * given, limits the look-up to that scope. Null when absent (or outside the prefixes).
 */
export async function getResidentFacts(
  ctx: Ctx,
  id: string,
  prefixes?: readonly string[],
): Promise<{ areaCode: string; groups: string[]; gridId: string | null; gridName: string | null } | null> {
  const conditions = [eq(residents.id, id)];
  if (prefixes) {
    conditions.push(inScope(residents.areaCode, prefixes));
  }
  const [row] = await ctx.db
    .select({ areaCode: residents.areaCode, groups: residents.groups, gridId: residents.gridId, gridName: residents.gridName })
    .from(residents)
    .where(and(...conditions));
  return row ?? null;
}
