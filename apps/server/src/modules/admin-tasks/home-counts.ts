import { and, eq, inArray, sql } from "drizzle-orm";
import type { ActorCtx } from "../../platform/ctx.js";
import { todayOf } from "./access.js";
import { communityRowsVisible, visibleTasks } from "./queries.js";
import { adminTaskOccurrences, adminTasks } from "./schema.js";

/**
 * Applications the actor sees by status (首页待办): submitted ones (to admit, for reviewers) and
 * returned ones (to complete with funding, for departments); one aggregate statement over the
 * predicate of GET /admin-tasks (visibleTasks), so each count is that list's total with `status` set.
 */
export async function countAdminTaskTodos(ctx: ActorCtx): Promise<{ submitted: number; returned: number }> {
  const [row] = await ctx.db
    .select({
      submitted: sql<number>`count(*) FILTER (WHERE ${adminTasks.status} = 'submitted')::int`,
      returned: sql<number>`count(*) FILTER (WHERE ${adminTasks.status} = 'returned')::int`,
    })
    .from(adminTasks)
    .where(and(visibleTasks(ctx), inArray(adminTasks.status, ["submitted", "returned"])));
  return { submitted: Number(row?.submitted ?? 0), returned: Number(row?.returned ?? 0) };
}

/**
 * Open occurrences of the actor's community queue and those past their due date: the rows
 * GET /community-queue?status=open lists (its own visibility predicate). One aggregate statement.
 */
export async function countOpenQueue(ctx: ActorCtx): Promise<{ count: number; overdue: number }> {
  const [row] = await ctx.db
    .select({
      count: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) FILTER (WHERE ${adminTaskOccurrences.dueOn} < ${todayOf(ctx)}::date)::int`,
    })
    .from(adminTaskOccurrences)
    .innerJoin(adminTasks, eq(adminTasks.id, adminTaskOccurrences.taskId))
    .where(and(communityRowsVisible(ctx, adminTaskOccurrences.areaCode, adminTasks.departmentId), eq(adminTaskOccurrences.status, "open")));
  return { count: Number(row?.count ?? 0), overdue: Number(row?.overdue ?? 0) };
}
