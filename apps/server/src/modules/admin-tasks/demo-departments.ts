import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import { departments } from "./schema.js";

/** The district of the demo world's departments. */
export const demoDistrict = "410105";
/** The department the demo account `demo-department` works for. */
export const demoDepartmentName = "金水区民政局";
export const demoDepartmentNames = [demoDepartmentName, "金水区卫健委", "金水区住建局"] as const;

/**
 * The demo world's departments of 金水区, created if missing (the users seed needs one for the
 * demo-department account before this module's own seed runs). @returns their ids by name.
 */
export async function ensureDemoDepartments(ctx: Ctx): Promise<Map<string, string>> {
  const now = ctx.now();
  await ctx.db
    .insert(departments)
    .values(demoDepartmentNames.map((name) => ({ areaCode: demoDistrict, name, createdAt: now, updatedAt: now })))
    .onConflictDoNothing();
  const rows = await ctx.db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(and(eq(departments.areaCode, demoDistrict), inArray(departments.name, [...demoDepartmentNames])));
  return new Map(rows.map((row) => [row.name, row.id]));
}
