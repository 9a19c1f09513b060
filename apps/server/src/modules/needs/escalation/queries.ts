import { and, asc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../../platform/ctx.js";
import { memberships, users } from "../../../platform/auth/index.js";

/** Active officials whose membership is exactly one of `areaCodes`, by area. One query. */
export async function officialsOf(ctx: Ctx, areaCodes: string[]): Promise<Map<string, string[]>> {
  const byArea = new Map<string, string[]>();
  if (areaCodes.length === 0) {
    return byArea;
  }
  const rows = await ctx.db
    .selectDistinct({ areaCode: memberships.areaCode, userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, "official"), inArray(memberships.areaCode, areaCodes), eq(users.status, "active")))
    .orderBy(asc(memberships.areaCode), asc(memberships.userId));
  for (const row of rows) {
    byArea.set(row.areaCode, [...(byArea.get(row.areaCode) ?? []), row.userId]);
  }
  return byArea;
}
