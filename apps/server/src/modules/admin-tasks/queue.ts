import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Occurrence, OccurrenceComplete, Refusal, RefusalCreateSchema } from "@sanshe/contracts/admin-tasks";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { AppError, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { inScope } from "../../platform/scope/index.js";
import { isInScope } from "../../platform/auth/permissions.js";
import { notify } from "../notifications/index.js";
import { localDate } from "./working-days.js";
import { getOccurrence, getRefusal } from "./queries.js";
import { accountsAt } from "./recipients.js";
import { adminTaskOccurrences, adminTaskRefusals, adminTasks, adminTaskTargets, departments } from "./schema.js";

const statusNames: Record<string, string> = { open: "待办", done: "已办结", cancelled: "已取消", admitted: "准入", withdrawn: "撤回" };

/**
 * Community staff mark an occurrence of their community done and log the hours it took (null: the
 * task's estimate counts). @throws NOT_FOUND, VERSION_CONFLICT, ADMIN_TASK_OCCURRENCE_STATE.
 */
export async function completeOccurrence(ctx: ActorCtx, id: string, input: OccurrenceComplete): Promise<Occurrence> {
  await withTx(ctx, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(adminTaskOccurrences)
      .where(and(eq(adminTaskOccurrences.id, id), inScope(adminTaskOccurrences.areaCode, tx.actor.scope("admin_tasks.queue"))))
      .for("update");
    if (!row) {
      throw notFound();
    }
    if (row.version !== input.version) {
      throw versionConflict(await getOccurrence(tx, id));
    }
    if (row.status !== "open") {
      throw new AppError("ADMIN_TASK_OCCURRENCE_STATE", { status: statusNames[row.status] ?? row.status });
    }
    const now = tx.now();
    const minutes = input.hours === null ? null : Math.round(input.hours * 60);
    await tx.db
      .update(adminTaskOccurrences)
      .set({ status: "done", loggedMinutes: minutes, doneAt: now, doneBy: tx.actor.userId, version: row.version + 1, updatedAt: now })
      .where(eq(adminTaskOccurrences.id, id));
    await tx.audit.record("admin_tasks.occurrence_done", {
      entityType: "admin_task_occurrence",
      entityId: id,
      areaCode: row.areaCode,
      detail: { task: row.taskId, due_on: row.dueOn, logged_minutes: minutes },
    });
  });
  return getOccurrence(ctx, id);
}

/** The community the actor refuses for: the named one in their queue scope, else their only community. */
function refusingCommunity(ctx: ActorCtx, named: string | undefined): string {
  const scope = ctx.actor.scope("admin_tasks.queue");
  if (named) {
    if (!isInScope(named, scope)) {
      throw notFound();
    }
    if (named.length !== 12) {
      throw new AppError("ADMIN_TASK_COMMUNITY_REQUIRED");
    }
    return named;
  }
  const communities = scope.filter((code) => code.length === 12);
  if (communities.length !== 1 || scope.length !== 1) {
    throw new AppError("ADMIN_TASK_COMMUNITY_REQUIRED");
  }
  return communities[0] as string;
}

/**
 * A community refuses, in one click, a demand that was never admitted: a task targeting it in
 * status submitted, returned or rejected (its target becomes refused), or a demand received off-system
 * from a department above it. Counted against the department; the street's officials are notified.
 * A second refusal of the same task by the same community is 409 ADMIN_TASK_ALREADY_REFUSED (a
 * retry with the same Idempotency-Key replays the first answer instead). @throws NOT_FOUND (task not
 * targeting the community), ADMIN_TASK_NOT_REFUSABLE (admitted or withdrawn), ADMIN_TASK_DEPARTMENT.
 */
export async function refuseDemand(ctx: ActorCtx, input: z.output<typeof RefusalCreateSchema>): Promise<Refusal> {
  const community = refusingCommunity(ctx, input.area_code);
  const id = await withTx(ctx, async (tx) => {
    const now = tx.now();
    let values: typeof adminTaskRefusals.$inferInsert;
    let departmentName: string;
    if (input.task_id !== undefined) {
      const taskId = input.task_id;
      const [found] = await tx.db
        .select({ task: adminTasks, departmentName: departments.name, targetStatus: adminTaskTargets.status })
        .from(adminTasks)
        .innerJoin(adminTaskTargets, and(eq(adminTaskTargets.taskId, adminTasks.id), eq(adminTaskTargets.areaCode, community)))
        .innerJoin(departments, eq(departments.id, adminTasks.departmentId))
        .where(eq(adminTasks.id, taskId))
        .for("update", { of: adminTaskTargets });
      if (!found) {
        throw notFound();
      }
      if (found.targetStatus === "refused") {
        throw new AppError("ADMIN_TASK_ALREADY_REFUSED");
      }
      if (found.task.status === "admitted" || found.task.status === "withdrawn") {
        throw new AppError("ADMIN_TASK_NOT_REFUSABLE", { status: statusNames[found.task.status] ?? found.task.status });
      }
      await tx.db
        .update(adminTaskTargets)
        .set({ status: "refused", updatedAt: now })
        .where(and(eq(adminTaskTargets.taskId, taskId), eq(adminTaskTargets.areaCode, community)));
      departmentName = found.departmentName;
      values = {
        areaCode: community,
        departmentId: found.task.departmentId,
        taskId: found.task.id,
        title: found.task.title,
        kind: found.task.kind,
        receivedOn: localDate(found.task.submittedAt),
        note: input.note,
        refusedBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      };
    } else {
      const { department_id: departmentId, title, kind, received_on: receivedOn } = input;
      if (departmentId === undefined || title === undefined || kind === undefined || receivedOn === undefined) {
        // RefusalCreateSchema lets no off-system demand through without these.
        throw new Error("an off-system refusal without its demand's fields");
      }
      const [department] = await tx.db
        .select()
        .from(departments)
        .where(and(eq(departments.id, departmentId), sql`${community} LIKE ${departments.areaCode} || '%'`));
      if (!department) {
        throw new AppError("ADMIN_TASK_DEPARTMENT");
      }
      departmentName = department.name;
      values = {
        areaCode: community,
        departmentId: department.id,
        taskId: null,
        title,
        kind,
        receivedOn,
        note: input.note,
        refusedBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      };
    }
    const [row] = await tx.db.insert(adminTaskRefusals).values(values).onConflictDoNothing().returning({ id: adminTaskRefusals.id });
    if (!row) {
      throw new AppError("ADMIN_TASK_ALREADY_REFUSED");
    }
    await tx.audit.record("admin_tasks.refuse", {
      entityType: "admin_task_refusal",
      entityId: row.id,
      areaCode: community,
      detail: { task: values.taskId ?? null, department: values.departmentId, off_system: values.taskId === null },
    });
    await notify(tx, {
      recipients: await accountsAt(tx, "official", [community.slice(0, 9)]),
      areaCode: community,
      kind: "admin_task_refused",
      title: `社区拒绝未准入事项：${values.title}`,
      body: `社区拒绝了${departmentName}未经准入的工作要求「${values.title}」。`,
      link: "/community-queue/refusals",
    });
    return row.id;
  });
  return getRefusal(ctx, id);
}
