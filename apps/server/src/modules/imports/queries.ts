import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { PageQuery } from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import { textCursorCodec } from "../../platform/pagination/cursor.js";
import { z } from "zod";
import { importJobs } from "./schema.js";
import { presentImportJob } from "./present.js";

/** created_at of the last row, as text; an unreadable cursor starts from the beginning. */
const createdCursor = textCursorCodec(z.string().refine((value) => !Number.isNaN(new Date(value).getTime())));

/** The caller's import jobs, newest first (keyset on created_at). */
export async function listImportJobs(ctx: ActorCtx, query: PageQuery) {
  const conditions: SQL[] = [eq(importJobs.createdBy, ctx.actor.userId)];
  const before = createdCursor.decode(query.cursor);
  if (before !== null) {
    conditions.push(lt(importJobs.createdAt, new Date(before)));
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
    next_cursor: rows.length > query.limit && last ? createdCursor.encode(last.createdAt.toISOString()) : null,
  };
}
