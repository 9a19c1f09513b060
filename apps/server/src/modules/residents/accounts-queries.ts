import { and, asc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Resident, ResidentAccount, ResidentAccountListQuery, ResidentAccountPage, ResidentOwnLink } from "@sanshe/contracts";
import type { Actor } from "../../platform/auth/actor.js";
import { memberships, users } from "../../platform/auth/index.js";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { AppError, notFound } from "../../platform/errors/app-error.js";
import { maskName } from "../../platform/pii/index.js";
import { inScope } from "../../platform/scope/index.js";
import { cursorCodec, cursorId } from "../../platform/pagination/cursor.js";
import { z } from "zod";
import { getAreaNames } from "../jurisdictions/index.js";
import { presentAccount, presentResident } from "./present.js";
import { residentAccounts, residentMoves, residents } from "./schema.js";
import { escapeLike } from "../../platform/db/sql.js";

/** Communities of the actor's resident memberships (where a resident account may be linked). */
export function residentCommunitiesOf(actor: Actor): string[] {
  return [...new Set(actor.memberships.filter((membership) => membership.role === "resident").map((m) => m.areaCode))];
}

/**
 * SQL: the linked record still lies in a community of one of the account's resident memberships (a
 * record that moved away, or a membership removed, suspends the link without deleting it).
 */
const linkStillHolds = sql`EXISTS (SELECT 1 FROM ${memberships} AS lm WHERE lm.user_id = ${residentAccounts.userId} AND lm.role = 'resident' AND lm.area_code = ${residents.areaCode})`;

/**
 * The resident record a user account is linked to, with its community and groups, for other modules'
 * rules (needs: a resident's own report carries the resident, so group rules fire). One query; null
 * when the account is not linked or the record no longer lies in the account's community.
 */
export async function linkedResidentOf(
  ctx: Ctx,
  userId: string,
): Promise<{ residentId: string; areaCode: string; groups: string[] } | null> {
  const [row] = await ctx.db
    .select({ residentId: residents.id, areaCode: residents.areaCode, groups: residents.groups })
    .from(residentAccounts)
    .innerJoin(residents, eq(residents.id, residentAccounts.residentId))
    .where(and(eq(residentAccounts.userId, userId), linkStillHolds));
  return row ?? null;
}

/**
 * The account linked to a resident record (whose link still holds), or null: whether the resident can
 * confirm their needs themself (needs: staff wait for them before a call-back). One query.
 */
export async function accountOfResident(ctx: Ctx, residentId: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ userId: residentAccounts.userId })
    .from(residentAccounts)
    .innerJoin(residents, eq(residents.id, residentAccounts.residentId))
    .where(and(eq(residentAccounts.residentId, residentId), linkStillHolds));
  return row?.userId ?? null;
}

/** The account's own link as it sees it (name masked), or null. One query. */
export async function getOwnResidentLink(ctx: Ctx, userId: string): Promise<ResidentOwnLink | null> {
  const [row] = await ctx.db
    .select({
      residentId: residents.id,
      name: residents.name,
      areaCode: residents.areaCode,
      method: residentAccounts.method,
      linkedAt: residentAccounts.linkedAt,
    })
    .from(residentAccounts)
    .innerJoin(residents, eq(residents.id, residentAccounts.residentId))
    .where(and(eq(residentAccounts.userId, userId), linkStillHolds));
  return row
    ? {
        resident_id: row.residentId,
        name_masked: maskName(row.name),
        area_code: row.areaCode,
        method: row.method,
        linked_at: row.linkedAt.toISOString(),
      }
    : null;
}

/**
 * GET /me/resident: a resident's own record (their right of access): masked like every read, with
 * their own groups; never unmasked here, and no other record is reachable this way.
 * @throws AppError RESIDENT_NOT_LINKED when the account is not linked.
 */
export async function getOwnResident(ctx: ActorCtx): Promise<Resident> {
  const [link] = await ctx.db
    .select({ resident: residents })
    .from(residentAccounts)
    .innerJoin(residents, eq(residents.id, residentAccounts.residentId))
    .where(and(eq(residentAccounts.userId, ctx.actor.userId), linkStillHolds));
  if (!link) {
    throw new AppError("RESIDENT_NOT_LINKED");
  }
  const row = link.resident;
  const [moves, areaNames] = await Promise.all([
    ctx.db
      .select()
      .from(residentMoves)
      .where(eq(residentMoves.residentId, row.id))
      .orderBy(asc(residentMoves.movedAt), asc(residentMoves.id)),
    getAreaNames(ctx, [row.areaCode]),
  ]);
  return presentResident(row, moves, { areaNames, canSeeSensitive: true, canUnmask: false, today: ctx.now() });
}

/** (login, membership id) of the last row; an unreadable cursor starts from the beginning. */
const loginCursor = cursorCodec(z.tuple([z.string(), cursorId]).rest(z.unknown()));

/** Resident memberships in the staff's residents.write scope, with the account and its link (one query). */
async function selectAccounts(ctx: ActorCtx, conditions: SQL[], limit: number) {
  return ctx.db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      login: users.login,
      displayName: users.displayName,
      areaCode: memberships.areaCode,
      method: residentAccounts.method,
      linkedAt: residentAccounts.linkedAt,
      residentId: residents.id,
      residentName: residents.name,
      residentArea: residents.areaCode,
      residentIdMasked: residents.idNumberMasked,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(residentAccounts, eq(residentAccounts.userId, memberships.userId))
    .leftJoin(residents, eq(residents.id, residentAccounts.residentId))
    .where(and(eq(memberships.role, "resident"), inScope(memberships.areaCode, ctx.actor.scope("residents.write")), ...conditions))
    .orderBy(asc(users.login), asc(memberships.id))
    .limit(limit);
}

/**
 * GET /resident-accounts: resident accounts (one row per resident membership) in the staff's
 * residents.write scope, by login, with the record each is linked to. Two queries per page.
 * @throws AppError NOT_FOUND when the area filter lies outside the scope.
 */
export async function listResidentAccounts(ctx: ActorCtx, query: ResidentAccountListQuery): Promise<ResidentAccountPage> {
  const conditions: SQL[] = [];
  if (query.area_code) {
    const area = query.area_code;
    if (!ctx.actor.scope("residents.write").some((prefix) => area.startsWith(prefix))) {
      throw notFound();
    }
    conditions.push(inScope(memberships.areaCode, [area]));
  }
  if (query.linked === "true") {
    conditions.push(isNotNull(residentAccounts.userId));
  } else if (query.linked === "false") {
    conditions.push(isNull(residentAccounts.userId));
  }
  if (query.resident_id) {
    conditions.push(eq(residentAccounts.residentId, query.resident_id));
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(users.login, pattern), ilike(users.displayName, pattern)) as SQL);
  }
  const cursor = loginCursor.decode(query.cursor);
  if (cursor) {
    conditions.push(sql`(${users.login}, ${memberships.id}) > (${cursor[0]}, ${cursor[1]}::uuid)`);
  }
  const rows = await selectAccounts(ctx, conditions, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const areaNames = await getAreaNames(
    ctx,
    page.map((row) => row.areaCode),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => presentAccount(ctx, row, areaNames)),
    next_cursor: rows.length > query.limit && last ? loginCursor.encode([last.login, last.membershipId]) : null,
  };
}

/**
 * One resident account in the staff's residents.write scope.
 * @throws AppError NOT_FOUND outside the scope (or not a resident account).
 */
export async function getResidentAccount(ctx: ActorCtx, userId: string): Promise<ResidentAccount> {
  const [row] = await selectAccounts(ctx, [eq(users.id, userId)], 1);
  if (!row) {
    throw notFound();
  }
  return presentAccount(ctx, row, await getAreaNames(ctx, [row.areaCode]));
}
