import { and, asc, eq, gt, inArray, like, sql, type SQL } from "drizzle-orm";
import type { Area, AreaListQuery, AreaPage, AreaRef } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import type { Db } from "../../platform/db/client.js";
import { notFound } from "../../platform/errors/app-error.js";
import { inScope } from "../../platform/scope/index.js";
import { textCursorCodec } from "../../platform/pagination/cursor.js";
import { z } from "zod";
import { areas } from "./schema.js";
import { ancestorsOf } from "./codes.js";
import { escapeLike } from "../../platform/db/sql.js";

type AreaRow = typeof areas.$inferSelect;

const areaColumns = {
  code: areas.code,
  name: areas.name,
  level: areas.level,
  kind: areas.kind,
  parentCode: areas.parentCode,
  childCount: areas.childCount,
};
type SelectedArea = Pick<AreaRow, "code" | "name" | "level" | "kind" | "parentCode" | "childCount">;

/** Adds each row's ancestor path with one query for the whole page (no N+1). */
async function withPaths(db: Db, rows: SelectedArea[]): Promise<Area[]> {
  const ancestorCodes = [...new Set(rows.flatMap((row) => ancestorsOf(row.code)))];
  const ancestors = ancestorCodes.length
    ? await db.select({ code: areas.code, name: areas.name, level: areas.level }).from(areas).where(inArray(areas.code, ancestorCodes))
    : [];
  const byCode = new Map<string, AreaRef>(ancestors.map((row) => [row.code, row]));
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    level: row.level,
    kind: row.kind,
    parent_code: row.parentCode,
    child_count: row.childCount,
    path: ancestorsOf(row.code).flatMap((code) => byCode.get(code) ?? []),
  }));
}

/**
 * One area inside the caller's scope (permission areas.read).
 * @throws AppError NOT_FOUND when it does not exist or lies outside the scope.
 */
export async function getArea(ctx: ActorCtx, code: string): Promise<Area> {
  const rows = await ctx.db
    .select(areaColumns)
    .from(areas)
    .where(and(eq(areas.code, code), inScope(areas.code, ctx.actor.scope("areas.read"))));
  if (rows.length === 0) {
    throw notFound();
  }
  const [area] = await withPaths(ctx.db, rows);
  return area as Area;
}

/**
 * Lists areas in scope, keyset-paginated by code: the children of `parent`, a name search at any
 * depth (`q`), or without either the roots of the caller's scope.
 * @throws AppError NOT_FOUND when `parent` is neither in scope nor above it.
 */
export async function listAreas(ctx: ActorCtx, query: AreaListQuery): Promise<AreaPage> {
  const prefixes = ctx.actor.scope("areas.read");
  const conditions: SQL[] = [inScope(areas.code, prefixes)];
  if (query.parent) {
    const parent = query.parent;
    const isVisible = prefixes.some((prefix) => parent.startsWith(prefix) || prefix.startsWith(parent));
    if (!isVisible) {
      throw notFound();
    }
    conditions.push(eq(areas.parentCode, parent));
  }
  if (query.q) {
    conditions.push(like(areas.name, `%${escapeLike(query.q)}%`));
  }
  if (!query.parent && !query.q) {
    conditions.push(prefixes.length ? inArray(areas.code, prefixes) : sql`false`);
  }
  if (query.cursor) {
    conditions.push(gt(areas.code, codeCursor.decode(query.cursor) ?? ""));
  }
  const rows = await ctx.db
    .select(areaColumns)
    .from(areas)
    .where(and(...conditions))
    .orderBy(asc(areas.code))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const items = await withPaths(ctx.db, page);
  const last = page.at(-1);
  return { items, next_cursor: rows.length > query.limit && last ? codeCursor.encode(last.code) : null };
}

/** The code of the last row, as text; anything but an area code starts from the beginning. */
const codeCursor = textCursorCodec(z.string().regex(/^\d{1,12}$/));

/** Names of the given codes (for presenting memberships and records elsewhere); no scope applied. */
export async function getAreaNames(ctx: Ctx, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)].filter(Boolean);
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await ctx.db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, unique));
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** True when the code is a registered area. */
export async function areaExists(ctx: Ctx, code: string): Promise<boolean> {
  const rows = await ctx.db.select({ code: areas.code }).from(areas).where(eq(areas.code, code));
  return rows.length > 0;
}

/** Number of registered areas (for the CLI and first-start detection). */
export async function countAreas(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(areas);
  return row?.n ?? 0;
}
