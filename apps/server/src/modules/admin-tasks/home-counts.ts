import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { ActorCtx } from "../../platform/ctx.js";
import { inScope } from "../../platform/scope/index.js";
import { actorDepartments, roleScope, todayOf } from "./access.js";
import { visibleTasks } from "./queries.js";
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
 * GET /community-queue?status=open lists (the communities of the reader's queue scope, a department's
 * own tasks). One aggregate statement.
 */
export async function countOpenQueue(ctx: ActorCtx): Promise<{ count: number; overdue: number }> {
  const scope = [...roleScope(ctx.actor, "official", "admin_tasks.read"), ...roleScope(ctx.actor, "community_staff", "admin_tasks.read")];
  const own = actorDepartments(ctx.actor);
  const branches: SQL[] = [
    ...(scope.length > 0 ? [inScope(adminTaskOccurrences.areaCode, scope)] : []),
    ...(own.length > 0 ? [inArray(adminTasks.departmentId, own)] : []),
  ];
  if (branches.length === 0) {
    return { count: 0, overdue: 0 };
  }
  const [row] = await ctx.db
    .select({
      count: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) FILTER (WHERE ${adminTaskOccurrences.dueOn} < ${todayOf(ctx)}::date)::int`,
    })
    .from(adminTaskOccurrences)
    .innerJoin(adminTasks, eq(adminTasks.id, adminTaskOccurrences.taskId))
    .where(and(or(...branches), eq(adminTaskOccurrences.status, "open")));
  return { count: Number(row?.count ?? 0), overdue: Number(row?.overdue ?? 0) };
}
