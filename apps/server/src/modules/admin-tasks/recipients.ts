import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import { memberships, users } from "../../platform/auth/index.js";

/** Active accounts holding `role` exactly at one of the areas (officials of a street, staff of a community). */
export async function accountsAt(ctx: Ctx, role: "official" | "community_staff", areaCodes: readonly string[]): Promise<string[]> {
  if (areaCodes.length === 0) {
    return [];
  }
  const rows = await ctx.db
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, role), inArray(memberships.areaCode, [...new Set(areaCodes)]), eq(users.status, "active")));
  return rows.map((row) => row.userId);
}

/** Active accounts of a department (role department, organization_id = the department). */
export async function departmentAccounts(ctx: Ctx, departmentId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, "department"), eq(memberships.organizationId, departmentId), eq(users.status, "active")));
  return rows.map((row) => row.userId);
}
