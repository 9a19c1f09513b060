import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { withTx, type Ctx } from "../../platform/ctx.js";
import { creditTaskFunding } from "../projects/index.js";
import { todayOf } from "./access.js";
import { adminTaskOccurrences, adminTasks, adminTaskTargets } from "./schema.js";
import { occurrenceDates } from "./working-days.js";

/**
 * Starts one admitted task whose start date has come, in the caller's transaction: each active
 * target community gets its occurrences (by frequency from starts_on to ends_on, see
 * occurrenceDates) and its funding credited to its ledger (费随事转, creditTaskFunding: once per task
 * and community), credited_fen is set, started_at is set, and it is audited. Idempotent: a task
 * already started (or not admitted, or not yet due) is left alone. @returns true when it started now.
 */
export async function startTask(tx: Ctx, taskId: string): Promise<boolean> {
  const today = todayOf(tx);
  const [task] = await tx.db.select().from(adminTasks).where(eq(adminTasks.id, taskId)).for("update");
  if (!task || task.status !== "admitted" || task.startedAt !== null || task.startsOn > today) {
    return false;
  }
  const now = tx.now();
  const targets = await tx.db
    .select({ areaCode: adminTaskTargets.areaCode })
    .from(adminTaskTargets)
    .where(and(eq(adminTaskTargets.taskId, taskId), eq(adminTaskTargets.status, "active")));
  const dates = occurrenceDates(task.frequency, task.startsOn, task.endsOn);
  const funding = Number(task.fundingFenPerCommunity);
  let credited = 0;
  for (const target of targets) {
    await tx.db
      .insert(adminTaskOccurrences)
      .values(dates.map((dueOn) => ({ areaCode: target.areaCode, taskId, dueOn, createdAt: now, updatedAt: now })))
      .onConflictDoNothing();
    if (funding > 0) {
      const ledgerId = await creditTaskFunding(tx, {
        adminTaskId: taskId,
        communityCode: target.areaCode,
        amountFen: funding,
        paidOn: today,
        description: `费随事转：${task.title}`,
      });
      if (ledgerId) {
        credited += 1;
      }
    }
  }
  await tx.db
    .update(adminTaskTargets)
    .set({ creditedFen: funding, updatedAt: now })
    .where(and(eq(adminTaskTargets.taskId, taskId), eq(adminTaskTargets.status, "active")));
  await tx.db
    .update(adminTasks)
    .set({ startedAt: now, updatedAt: now, version: sql`${adminTasks.version} + 1` })
    .where(eq(adminTasks.id, taskId));
  await tx.audit.record("admin_tasks.start", {
    entityType: "admin_task",
    entityId: taskId,
    areaCode: task.areaCode,
    detail: { communities: targets.length, occurrences: dates.length * targets.length, credited, funding_fen_per_community: funding },
  });
  return true;
}

/** Starts every admitted task whose start date has come, one transaction per task. */
export async function startDueTasks(ctx: Ctx, options: { batchSize?: number } = {}): Promise<{ started: number }> {
  const today = todayOf(ctx);
  const due = await ctx.db
    .select({ id: adminTasks.id })
    .from(adminTasks)
    .where(and(eq(adminTasks.status, "admitted"), isNull(adminTasks.startedAt), lte(adminTasks.startsOn, today)))
    .orderBy(asc(adminTasks.startsOn), asc(adminTasks.id))
    .limit(options.batchSize ?? 500);
  let started = 0;
  for (const { id } of due) {
    if (await withTx(ctx, (tx) => startTask(tx, id))) {
      started += 1;
    }
  }
  return { started };
}
