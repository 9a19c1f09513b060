import { aliasedTable, and, asc, desc, eq, ilike, inArray, ne, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import type {
  AdminTaskDetail,
  AdminTaskListQuery,
  AdminTaskPageSchema,
  OccurrencePageSchema,
  QueueQuery,
  RefusalListQuery,
  RefusalPageSchema,
  UnadmittedQuery,
} from "@sanshe/contracts/admin-tasks";
import { users } from "../../platform/auth/index.js";
import { loadConfig } from "../../platform/config.js";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { notFound } from "../../platform/errors/app-error.js";
import { cursorCodec, cursorId, cursorInstant } from "../../platform/pagination/cursor.js";
import { inScope, withinArea } from "../../platform/scope/index.js";
import { areas } from "../jurisdictions/index.js";
import { actorDepartments, roleScope, todayOf } from "./access.js";
import { debtOf, presentOccurrence, presentRefusal, presentTarget, presentTask, type TaskListRow } from "./present.js";
import { adminTaskOccurrences, adminTaskRefusals, adminTasks, adminTaskTargets, departments } from "./schema.js";
import { escapeLike } from "../../platform/db/sql.js";

const newestCursor = cursorCodec(z.tuple([cursorInstant, cursorId]));
const dueCursor = cursorCodec(z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), cursorId]));
const decider = aliasedTable(users, "decider");
const refuser = aliasedTable(users, "refuser");

type Page<T> = { items: T[]; next_cursor: string | null };
type AdminTaskPage = z.infer<typeof AdminTaskPageSchema>;
type OccurrencePage = z.infer<typeof OccurrencePageSchema>;
type RefusalPage = z.infer<typeof RefusalPageSchema>;

/** A target of the task (`adminTasks` of the outer query) lies under one of the prefixes. */
function targetIn(prefixes: readonly string[], extra: SQL = sql`true`): SQL {
  return sql`EXISTS (SELECT 1 FROM ${adminTaskTargets} WHERE ${adminTaskTargets.taskId} = ${adminTasks.id} AND ${inScope(adminTaskTargets.areaCode, prefixes)} AND ${extra})`;
}

/**
 * The tasks a reader sees, in SQL: a department's staff their own department's tasks; officials the
 * tasks reviewed in their jurisdiction or targeting a community in it; community staff the admitted
 * tasks targeting their community. Nothing otherwise.
 */
export function visibleTasks(ctx: ActorCtx): SQL {
  const branches: SQL[] = [];
  const own = actorDepartments(ctx.actor);
  if (own.length > 0 && ctx.actor.can("admin_tasks.read")) {
    branches.push(inArray(adminTasks.departmentId, own));
  }
  const officials = roleScope(ctx.actor, "official", "admin_tasks.read");
  if (officials.length > 0) {
    branches.push(or(inScope(adminTasks.areaCode, officials), targetIn(officials)) as SQL);
  }
  const staff = roleScope(ctx.actor, "community_staff", "admin_tasks.read");
  if (staff.length > 0) {
    branches.push(and(eq(adminTasks.status, "admitted"), targetIn(staff)) as SQL);
  }
  return branches.length > 0 ? (or(...branches) as SQL) : sql`false`;
}

const taskColumns = {
  task: adminTasks,
  areaName: areas.name,
  departmentName: departments.name,
  decidedByName: decider.displayName,
  targetCount: sql<number>`(SELECT count(*)::int FROM ${adminTaskTargets} WHERE ${adminTaskTargets.taskId} = ${adminTasks.id})`,
};

/** Task rows with names for the conditions, newest first (keyset on created_at, id). */
async function taskRows(
  ctx: Ctx,
  conditions: SQL[],
  cursor: string | undefined,
  limit: number,
): Promise<Page<TaskListRow> & { rows: TaskListRow[] }> {
  const after = newestCursor.decode(cursor);
  const where = [...conditions];
  if (after) {
    where.push(sql`(${adminTasks.createdAt}, ${adminTasks.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select(taskColumns)
    .from(adminTasks)
    .leftJoin(areas, eq(areas.code, adminTasks.areaCode))
    .leftJoin(departments, eq(departments.id, adminTasks.departmentId))
    .leftJoin(decider, eq(decider.id, adminTasks.decidedBy))
    .where(and(...where))
    .orderBy(desc(adminTasks.createdAt), desc(adminTasks.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    items: page,
    next_cursor: rows.length > limit && last ? newestCursor.encode([last.task.createdAt.toISOString(), last.task.id]) : null,
  };
}

/** The reader's tasks with the filters, newest first. */
export async function listTasks(ctx: ActorCtx, query: AdminTaskListQuery): Promise<AdminTaskPage> {
  const conditions: SQL[] = [visibleTasks(ctx)];
  if (query.status) {
    conditions.push(eq(adminTasks.status, query.status));
  }
  if (query.area) {
    conditions.push(or(withinArea(adminTasks.areaCode, query.area), targetIn([query.area])) as SQL);
  }
  if (query.department_id) {
    conditions.push(eq(adminTasks.departmentId, query.department_id));
  }
  if (query.q) {
    conditions.push(ilike(adminTasks.title, `%${escapeLike(query.q)}%`));
  }
  const page = await taskRows(ctx, conditions, query.cursor, query.limit);
  return { items: page.rows.map(presentTask), next_cursor: page.next_cursor };
}

/** One task the reader sees, with its targets (names) and the funding it owes. @throws NOT_FOUND otherwise. */
export async function getTask(ctx: ActorCtx, id: string): Promise<AdminTaskDetail> {
  const [row] = (await taskRows(ctx, [eq(adminTasks.id, id), visibleTasks(ctx)], undefined, 1)).rows;
  if (!row) {
    throw notFound();
  }
  return detailOf(ctx, row);
}

/** The detail of a task row (no visibility check: for the services after theirs). */
export async function getTaskUnchecked(ctx: Ctx, id: string): Promise<AdminTaskDetail> {
  const [row] = (await taskRows(ctx, [eq(adminTasks.id, id)], undefined, 1)).rows;
  if (!row) {
    throw notFound();
  }
  return detailOf(ctx, row);
}

async function detailOf(ctx: Ctx, row: TaskListRow): Promise<AdminTaskDetail> {
  const targets = await ctx.db
    .select({ target: adminTaskTargets, areaName: areas.name })
    .from(adminTaskTargets)
    .leftJoin(areas, eq(areas.code, adminTaskTargets.areaCode))
    .where(eq(adminTaskTargets.taskId, row.task.id))
    .orderBy(asc(adminTaskTargets.areaCode));
  const active = targets.filter((target) => target.target.status === "active").length;
  return {
    ...presentTask(row),
    targets: targets.map((target) => presentTarget(target.target, target.areaName)),
    debt_fen: debtOf(row.task, active, todayOf(ctx), loadConfig().adminHourCostFen),
  };
}

/** The community prefixes whose queue the reader sees (officials: their area; community staff: theirs). */
function queueScope(ctx: ActorCtx): string[] {
  return [...roleScope(ctx.actor, "official", "admin_tasks.read"), ...roleScope(ctx.actor, "community_staff", "admin_tasks.read")];
}

/**
 * The rows of a community-side table (occurrences, refusals) a reader sees: those of the communities
 * in their queue scope, and a department's those of its own department; nothing otherwise.
 */
export function communityRowsVisible(ctx: ActorCtx, areaCode: AnyColumn, departmentId: AnyColumn): SQL {
  const branches: SQL[] = [];
  const scope = queueScope(ctx);
  if (scope.length > 0) {
    branches.push(inScope(areaCode, scope));
  }
  const own = actorDepartments(ctx.actor);
  if (own.length > 0) {
    branches.push(inArray(departmentId, own));
  }
  return branches.length > 0 ? (or(...branches) as SQL) : sql`false`;
}

/**
 * A community's queue: occurrences of admitted tasks, earliest due first (keyset on due_on, id).
 * Officials see the communities of their jurisdiction, community staff their own, a department the
 * occurrences of its own tasks. Cancelled occurrences (taken back) show only when asked for.
 */
export async function listQueue(ctx: ActorCtx, query: QueueQuery): Promise<OccurrencePage> {
  const conditions: SQL[] = [communityRowsVisible(ctx, adminTaskOccurrences.areaCode, adminTasks.departmentId)];
  if (query.area) {
    conditions.push(withinArea(adminTaskOccurrences.areaCode, query.area));
  }
  conditions.push(query.status ? eq(adminTaskOccurrences.status, query.status) : ne(adminTaskOccurrences.status, "cancelled"));
  const after = dueCursor.decode(query.cursor);
  if (after) {
    conditions.push(sql`(${adminTaskOccurrences.dueOn}, ${adminTaskOccurrences.id}) > (${after[0]}::date, ${after[1]}::uuid)`);
  }
  const rows = await ctx.db
    .select({
      occurrence: adminTaskOccurrences,
      title: adminTasks.title,
      kind: adminTasks.kind,
      hours: adminTasks.hoursPerOccurrence,
      departmentName: departments.name,
      areaName: areas.name,
    })
    .from(adminTaskOccurrences)
    .innerJoin(adminTasks, eq(adminTasks.id, adminTaskOccurrences.taskId))
    .leftJoin(departments, eq(departments.id, adminTasks.departmentId))
    .leftJoin(areas, eq(areas.code, adminTaskOccurrences.areaCode))
    .where(and(...conditions))
    .orderBy(asc(adminTaskOccurrences.dueOn), asc(adminTaskOccurrences.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) =>
      presentOccurrence(
        row.occurrence,
        { title: row.title, kind: row.kind, hoursPerOccurrence: row.hours },
        row.departmentName,
        row.areaName,
      ),
    ),
    next_cursor: rows.length > query.limit && last ? dueCursor.encode([last.occurrence.dueOn, last.occurrence.id]) : null,
  };
}

/** One occurrence with its task's names (after a write). */
export async function getOccurrence(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({
      occurrence: adminTaskOccurrences,
      title: adminTasks.title,
      kind: adminTasks.kind,
      hours: adminTasks.hoursPerOccurrence,
      departmentName: departments.name,
      areaName: areas.name,
    })
    .from(adminTaskOccurrences)
    .innerJoin(adminTasks, eq(adminTasks.id, adminTaskOccurrences.taskId))
    .leftJoin(departments, eq(departments.id, adminTasks.departmentId))
    .leftJoin(areas, eq(areas.code, adminTaskOccurrences.areaCode))
    .where(eq(adminTaskOccurrences.id, id));
  if (!row) {
    throw notFound();
  }
  return presentOccurrence(
    row.occurrence,
    { title: row.title, kind: row.kind, hoursPerOccurrence: row.hours },
    row.departmentName,
    row.areaName,
  );
}

/**
 * Tasks targeting the reader's communities (admin_tasks.queue scope, narrowed to `area`) that were
 * never admitted (submitted, returned, rejected) and that this community has not refused yet.
 */
export async function listUnadmitted(ctx: ActorCtx, query: UnadmittedQuery): Promise<AdminTaskPage> {
  const scope = ctx.actor.scope("admin_tasks.queue");
  const prefixes = query.area ? (scope.some((prefix) => query.area!.startsWith(prefix)) ? [query.area] : []) : scope;
  const conditions: SQL[] = [
    inArray(adminTasks.status, ["submitted", "returned", "rejected"]),
    targetIn(prefixes, sql`${adminTaskTargets.status} <> 'refused'`),
  ];
  const page = await taskRows(ctx, conditions, query.cursor, query.limit);
  return { items: page.rows.map(presentTask), next_cursor: page.next_cursor };
}

/**
 * Refusals the reader sees, newest first: community staff their community's, officials their
 * jurisdiction's, a department those against it.
 */
export async function listRefusals(ctx: ActorCtx, query: RefusalListQuery): Promise<RefusalPage> {
  const conditions: SQL[] = [communityRowsVisible(ctx, adminTaskRefusals.areaCode, adminTaskRefusals.departmentId)];
  if (query.area) {
    conditions.push(withinArea(adminTaskRefusals.areaCode, query.area));
  }
  if (query.department_id) {
    conditions.push(eq(adminTaskRefusals.departmentId, query.department_id));
  }
  const after = newestCursor.decode(query.cursor);
  if (after) {
    conditions.push(sql`(${adminTaskRefusals.createdAt}, ${adminTaskRefusals.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  const rows = await refusalRows(ctx, and(...conditions) as SQL, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page,
    next_cursor: rows.length > query.limit && last ? newestCursor.encode([last.created_at, last.id]) : null,
  };
}

async function refusalRows(ctx: Ctx, where: SQL, limit: number) {
  const rows = await ctx.db
    .select({ refusal: adminTaskRefusals, areaName: areas.name, departmentName: departments.name, refusedByName: refuser.displayName })
    .from(adminTaskRefusals)
    .leftJoin(areas, eq(areas.code, adminTaskRefusals.areaCode))
    .leftJoin(departments, eq(departments.id, adminTaskRefusals.departmentId))
    .leftJoin(refuser, eq(refuser.id, adminTaskRefusals.refusedBy))
    .where(where)
    .orderBy(desc(adminTaskRefusals.createdAt), desc(adminTaskRefusals.id))
    .limit(limit);
  return rows.map((row) => presentRefusal(row.refusal, row));
}

/** One refusal (after its creation). */
export async function getRefusal(ctx: Ctx, id: string) {
  const [row] = await refusalRows(ctx, eq(adminTaskRefusals.id, id), 1);
  if (!row) {
    throw notFound();
  }
  return row;
}
