import { eq, sql } from "drizzle-orm";
import type { NeedStatus } from "@sanshe/contracts";
import type { Ctx } from "../../platform/ctx.js";
import { needEvents, needs, type needCategories } from "./schema.js";

/**
 * The writes every use case of the module shares (intake, routing, referrals, confirmation): a need's
 * status change and its history entry. Callers hold the transaction.
 */

export type NeedRow = typeof needs.$inferSelect;
export type CategoryRow = typeof needCategories.$inferSelect;

/** Who the history names: the signed-in login, or "system" for sweeps and seeds. */
export function actorLogin(ctx: Ctx): string {
  return ctx.actor?.login ?? "system";
}

/** Adds an entry to the need's history. */
export async function recordEvent(ctx: Ctx, need: NeedRow, kind: string, status: NeedStatus | null, reason: string | null): Promise<void> {
  await ctx.db
    .insert(needEvents)
    .values({ needId: need.id, areaCode: need.areaCode, kind, status, actorLogin: actorLogin(ctx), reason, at: ctx.now() });
}

/** Moves a need to `status` (with `extra` columns), bumping its version; returns the new row. */
export async function setNeedStatus(
  ctx: Ctx,
  need: NeedRow,
  status: NeedStatus,
  extra: Partial<typeof needs.$inferInsert> = {},
): Promise<NeedRow> {
  const [row] = await ctx.db
    .update(needs)
    .set({ ...extra, status, version: sql`${needs.version} + 1`, updatedAt: ctx.now() })
    .where(eq(needs.id, need.id))
    .returning();
  return row as NeedRow;
}
