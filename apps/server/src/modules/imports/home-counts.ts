import { and, eq, sql } from "drizzle-orm";
import type { ActorCtx } from "../../platform/ctx.js";
import { importJobs } from "./schema.js";

/**
 * The actor's own imports that failed (the file cannot be imported: fix it and upload again), as
 * GET /imports lists them (created_by = the actor). One aggregate statement on the created_by index.
 */
export async function countFailedImports(ctx: ActorCtx): Promise<number> {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(importJobs)
    .where(and(eq(importJobs.createdBy, ctx.actor.userId), eq(importJobs.status, "failed")));
  return Number(row?.count ?? 0);
}
