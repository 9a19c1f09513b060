import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Me, User, UserListQuery, UserPage } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { memberships, users } from "../../platform/auth/index.js";
import { notFound } from "../../platform/errors/app-error.js";
import { inScope, withinArea } from "../../platform/scope/index.js";
import { textCursorCodec } from "../../platform/pagination/cursor.js";
import { z } from "zod";
import { getAreaNames } from "../jurisdictions/index.js";
import { getOrganizations } from "../social-orgs/index.js";
import { getDepartments } from "../admin-tasks/index.js";
import { getOwnResidentLink } from "../residents/index.js";
import { presentMembership, presentUser, type Names } from "./present.js";
import { escapeLike } from "../../platform/db/sql.js";

type MembershipRow = typeof memberships.$inferSelect;

/** Area and organization (or department) names for a set of memberships (three queries whatever their number). */
export async function loadNames(ctx: Ctx, rows: MembershipRow[]): Promise<Names> {
  const organizationIds = (department: boolean) =>
    rows.flatMap((row) => (row.organizationId && (row.role === "department") === department ? [row.organizationId] : []));
  const [areas, organizations, departments] = await Promise.all([
    getAreaNames(
      ctx,
      rows.map((row) => row.areaCode),
    ),
    getOrganizations(ctx, organizationIds(false)),
    // A department membership's organization is its government department.
    getDepartments(ctx, organizationIds(true)),
  ]);
  return { areas, organizations: new Map([...organizations, ...departments]) };
}

/** The signed-in user with memberships, permissions and (resident accounts) the linked resident record, masked. */
export async function getMe(ctx: ActorCtx): Promise<Me> {
  const rows = await ctx.db
    .select()
    .from(memberships)
    .where(eq(memberships.userId, ctx.actor.userId))
    .orderBy(asc(memberships.createdAt), asc(memberships.role), asc(memberships.areaCode));
  const isResident = rows.some((row) => row.role === "resident");
  const [names, residentLink] = await Promise.all([
    loadNames(ctx, rows),
    isResident ? getOwnResidentLink(ctx, ctx.actor.userId) : Promise.resolve(null),
  ]);
  return {
    user: { id: ctx.actor.userId, login: ctx.actor.login, display_name: ctx.actor.displayName },
    memberships: rows.map((row) => presentMembership(row, names)),
    permissions: ctx.actor.permissions,
    resident_link: residentLink,
  };
}

/** Users visible to an administrator: those holding at least one membership inside the admin scope. */
function visibleTo(prefixes: readonly string[]): SQL {
  return sql`EXISTS (SELECT 1 FROM ${memberships} AS m WHERE m.user_id = ${users.id} AND ${inScope(sql`m.area_code`, prefixes)})`;
}

/** Users with their memberships and the names those refer to (two queries). */
async function loadUsers(ctx: Ctx, rows: Array<typeof users.$inferSelect>): Promise<User[]> {
  const ids = rows.map((row) => row.id);
  const grants = ids.length
    ? await ctx.db
        .select()
        .from(memberships)
        .where(inArray(memberships.userId, ids))
        .orderBy(asc(memberships.createdAt), asc(memberships.role), asc(memberships.areaCode))
    : [];
  const names = await loadNames(ctx, grants);
  return rows.map((row) =>
    presentUser(
      row,
      grants.filter((grant) => grant.userId === row.id),
      names,
    ),
  );
}

/**
 * Accounts in the administrator's scope, ordered by login, keyset-paginated.
 * @throws AppError NOT_FOUND when the area filter lies outside the scope.
 */
/** The login of the last row, as text. */
const loginCursor = textCursorCodec(z.string());

export async function listUsers(ctx: ActorCtx, query: UserListQuery): Promise<UserPage> {
  const prefixes = ctx.actor.scope("users.admin");
  const conditions: SQL[] = [visibleTo(prefixes)];
  if (query.area_code) {
    const area = query.area_code;
    if (!prefixes.some((prefix) => area.startsWith(prefix))) {
      throw notFound();
    }
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${memberships} AS f WHERE f.user_id = ${users.id} AND ${withinArea(sql`f.area_code`, area)})`,
    );
  }
  if (query.role) {
    conditions.push(sql`EXISTS (SELECT 1 FROM ${memberships} AS r WHERE r.user_id = ${users.id} AND r.role = ${query.role})`);
  }
  if (query.status) {
    conditions.push(eq(users.status, query.status));
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(users.login, pattern), ilike(users.displayName, pattern)) as SQL);
  }
  if (query.cursor) {
    conditions.push(gt(users.login, loginCursor.decode(query.cursor) ?? ""));
  }
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.login))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await loadUsers(ctx, page),
    next_cursor: rows.length > query.limit && last ? loginCursor.encode(last.login) : null,
  };
}

/**
 * One account in the administrator's scope.
 * @throws AppError NOT_FOUND outside the scope.
 */
export async function getUser(ctx: ActorCtx, id: string): Promise<User> {
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.id, id), visibleTo(ctx.actor.scope("users.admin"))));
  if (rows.length === 0) {
    throw notFound();
  }
  const [user] = await loadUsers(ctx, rows);
  return user as User;
}
