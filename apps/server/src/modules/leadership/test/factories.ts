import type { Ctx } from "../../../platform/ctx.js";
import { leadershipGroups, leadershipPlans, leadershipPlanTargets } from "../schema.js";

/** Creates a leadership group directly (no access checks); returns its row. */
export async function buildLeadershipGroup(
  ctx: Ctx,
  areaCode: string,
  overrides: { name?: string; createdBy?: string } = {},
): Promise<typeof leadershipGroups.$inferSelect> {
  const [row] = await ctx.db
    .insert(leadershipGroups)
    .values({
      areaCode,
      name: overrides.name ?? `领导小组 ${areaCode}`,
      leaderName: "组长",
      createdBy: overrides.createdBy ?? "00000000-0000-4000-8000-000000000000",
    })
    .returning();
  if (!row) {
    throw new Error("group not created");
  }
  return row;
}

/** Creates a plan directly (no access checks); returns its row. */
export async function buildPlan(
  ctx: Ctx,
  areaCode: string,
  overrides: { year?: number; status?: "draft" | "published" } = {},
): Promise<typeof leadershipPlans.$inferSelect> {
  const [row] = await ctx.db
    .insert(leadershipPlans)
    .values({
      areaCode,
      year: overrides.year ?? 2026,
      title: `实施方案 ${areaCode}`,
      status: overrides.status ?? "published",
      createdBy: "00000000-0000-4000-8000-000000000000",
    })
    .returning();
  if (!row) {
    throw new Error("plan not created");
  }
  return row;
}

/** Adds a target to a plan directly; returns its row. */
export async function buildTarget(
  ctx: Ctx,
  plan: { id: string; areaCode: string },
  overrides: Partial<typeof leadershipPlanTargets.$inferInsert> = {},
): Promise<typeof leadershipPlanTargets.$inferSelect> {
  const [row] = await ctx.db
    .insert(leadershipPlanTargets)
    .values({
      areaCode: plan.areaCode,
      planId: plan.id,
      title: "目标",
      indicator: "manual",
      targetValue: 10,
      comparison: "at_least",
      ownerName: "区民政局",
      dueOn: "2026-12-31",
      ...overrides,
    })
    .returning();
  if (!row) {
    throw new Error("target not created");
  }
  return row;
}
