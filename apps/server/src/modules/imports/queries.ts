import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { PageQuery } from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import { importJobs } from "./schema.js";
import { presentImportJob } from "./present.js";

/** The caller's import jobs, newest first (keyset on created_at). */
export async function listImportJobs(ctx: ActorCtx, query: PageQuery) {
  const conditions: SQL[] = [eq(importJobs.createdBy, ctx.actor.userId)];
  if (query.cursor) {
    const before = new Date(Buffer.from(query.cursor, "base64url").toString());
    if (!Number.isNaN(before.getTime())) {
      conditions.push(lt(importJobs.createdAt, before));
    }
  }
  const rows = await ctx.db
    .select()
    .from(importJobs)
    .where(and(...conditions))
    .orderBy(desc(importJobs.createdAt))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((job) => {
      const { errors: _errors, ...rest } = presentImportJob(job, ctx.now());
      return rest;
    }),
    next_cursor: rows.length > query.limit && last ? Buffer.from(last.createdAt.toISOString()).toString("base64url") : null,
  };
}
