import { and, asc, eq, like, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import { areas } from "./schema.js";
import { escapeLike } from "../../platform/db/sql.js";

/** What other modules ask of the division tree without its table leaving this module. */

export type AreaNode = { code: string; name: string; level: (typeof areas.$inferSelect)["level"] };

/** SQL: the name of the area whose code is `code` (a column or expression of another table), null if unknown. */
export function areaNameOf(code: SQL | AnyColumn): SQL<string | null> {
  return sql<string | null>`(SELECT ${areas.name} FROM ${areas} WHERE ${areas.code} = ${code})`;
}

/** An area and its direct children (by code), in one query; `area` is null for an unknown code. */
export async function getAreaWithChildren(ctx: Ctx, code: string): Promise<{ area: AreaNode | null; children: AreaNode[] }> {
  const rows = await ctx.db
    .select({ code: areas.code, name: areas.name, level: areas.level, parentCode: areas.parentCode })
    .from(areas)
    .where(or(eq(areas.code, code), eq(areas.parentCode, code)))
    .orderBy(asc(areas.code));
  const node = (row: (typeof rows)[number]): AreaNode => ({ code: row.code, name: row.name, level: row.level });
  const self = rows.find((row) => row.code === code);
  return { area: self ? node(self) : null, children: rows.filter((row) => row.code !== code).map(node) };
}

/** The number of communities (社区, 12-digit codes) under an area, the area itself included when it is one. */
export async function countCommunitiesUnder(ctx: Ctx, code: string): Promise<number> {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(areas)
    .where(and(like(areas.code, `${escapeLike(code)}%`), eq(areas.level, "community")));
  return row?.count ?? 0;
}
