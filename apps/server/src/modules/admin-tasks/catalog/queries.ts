import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { CatalogItem, CatalogList, CatalogListQuery } from "@sanshe/contracts/admin-tasks";
import type { ActorCtx, Ctx } from "../../../platform/ctx.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { cursorCodec, cursorId } from "../../../platform/pagination/cursor.js";
import { pageOf } from "../../../platform/pagination/page.js";
import { areaNameOf } from "../../jurisdictions/index.js";
import { adminTaskCatalog } from "../schema.js";
import { presentCatalogItem } from "./present.js";
import { escapeLike } from "../../../platform/db/sql.js";

/** The lists in the order the catalogue shows them: statutory, assisted, then the negative list. */
export const listOrder: readonly CatalogList[] = ["statutory", "assisted", "negative"];

const listRank = sql<number>`(CASE ${adminTaskCatalog.list} WHEN 'statutory' THEN 0 WHEN 'assisted' THEN 1 ELSE 2 END)`;

/** Keyset cursor of the catalogue: [list rank, title, id]. An unreadable cursor is a 400. */
const catalogCursor = cursorCodec(z.tuple([z.number().int().min(0).max(2), z.string().max(400), cursorId]));

export const catalogColumns = { ...getTableColumns(adminTaskCatalog), areaName: areaNameOf(adminTaskCatalog.areaCode) };

/**
 * The area whose catalogue the caller asks for: `area`, or by default the area of their first
 * admin_tasks.read membership. A catalogue is public down the tree, so any area inside the caller's
 * scope or above it (a community reading its district's catalogue) may be asked for.
 * @throws AppError NOT_FOUND for an area neither in the scope nor above it.
 */
export function catalogAreaFor(ctx: ActorCtx, area: string | undefined): string {
  const prefixes = ctx.actor.scope("admin_tasks.read");
  const code = area ?? prefixes[0];
  if (code === undefined || !prefixes.some((prefix) => code.startsWith(prefix) || prefix.startsWith(code))) {
    throw notFound();
  }
  return code;
}

/**
 * The catalogue that applies to an area (社区工作事项清单): items kept by the area itself or one of its
 * ancestors (the district's and the city's), filtered by list and a text in the title or legal basis,
 * ordered by list then title; with the number of matching items. Two queries.
 */
export async function listCatalog(
  ctx: ActorCtx,
  query: CatalogListQuery,
): Promise<{ items: CatalogItem[]; next_cursor: string | null; total: number }> {
  const area = catalogAreaFor(ctx, query.area);
  // The area and its ancestors by code (equalities on the unique index's first column).
  const areas = [...new Set([...[2, 4, 6, 9, 12].filter((length) => length < area.length).map((length) => area.slice(0, length)), area])];
  const filters: SQL[] = [inArray(adminTaskCatalog.areaCode, areas)];
  if (query.list) {
    filters.push(eq(adminTaskCatalog.list, query.list));
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(sql`(${adminTaskCatalog.title} LIKE ${pattern} OR ${adminTaskCatalog.legalBasis} LIKE ${pattern})`);
  }
  const after = query.cursor ? catalogCursor.decodeOrThrow(query.cursor, "Not a cursor of this catalogue") : null;
  const [rows, [count]] = await Promise.all([
    ctx.db
      .select({ ...catalogColumns, rank: listRank })
      .from(adminTaskCatalog)
      .where(
        and(
          ...filters,
          after
            ? sql`(${listRank}, ${adminTaskCatalog.title}, ${adminTaskCatalog.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(listRank, asc(adminTaskCatalog.title), asc(adminTaskCatalog.id))
      .limit(query.limit + 1),
    ctx.db
      .select({ total: sql<number>`count(*)::int` })
      .from(adminTaskCatalog)
      .where(and(...filters)),
  ]);
  const page = pageOf(rows, query.limit, presentCatalogItem, (last) => catalogCursor.encode([Number(last.rank), last.title, last.id]));
  return { ...page, total: count?.total ?? 0 };
}

/** One catalogue item by id, as the contract shows it, whatever the scope (for answers after a write). */
export async function getCatalogItem(ctx: Ctx, id: string): Promise<CatalogItem> {
  const [row] = await ctx.db.select(catalogColumns).from(adminTaskCatalog).where(eq(adminTaskCatalog.id, id));
  if (!row) {
    throw notFound();
  }
  return presentCatalogItem(row);
}
