import { and, asc, eq, isNull, lt } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import { escalationJob, sweepEscalations, type EscalationBatch, type EscalationResult } from "../../platform/jobs/escalation-sweep.js";
import { notify } from "../notifications/index.js";
import { todayOf } from "./access.js";
import { accountsAt } from "./recipients.js";
import { adminTasks, departments } from "./schema.js";

/** One sweeper at a time across servers (escalated_at IS NULL in the UPDATE is the final guard). */
const escalationLockKey = 74616016;

/** The level above a reviewing area: a street's district, a district's city. */
export function parentOf(areaCode: string): string {
  return areaCode.length > 6 ? areaCode.slice(0, 6) : areaCode.slice(0, 4);
}

async function escalateBatch(tx: Ctx, batchSize: number): Promise<EscalationBatch> {
  const now = tx.now();
  const candidates = await tx.db
    .select({
      id: adminTasks.id,
      areaCode: adminTasks.areaCode,
      title: adminTasks.title,
      dueOn: adminTasks.decisionDueOn,
      departmentName: departments.name,
    })
    .from(adminTasks)
    .innerJoin(departments, eq(departments.id, adminTasks.departmentId))
    .where(and(eq(adminTasks.status, "submitted"), isNull(adminTasks.escalatedAt), lt(adminTasks.decisionDueOn, todayOf(tx))))
    .orderBy(asc(adminTasks.decisionDueOn), asc(adminTasks.id))
    .limit(batchSize);
  let escalated = 0;
  let sent = 0;
  for (const task of candidates) {
    const [updated] = await tx.db
      .update(adminTasks)
      .set({ escalatedAt: now, updatedAt: now })
      .where(and(eq(adminTasks.id, task.id), eq(adminTasks.status, "submitted"), isNull(adminTasks.escalatedAt)))
      .returning({ id: adminTasks.id });
    if (!updated) {
      continue;
    }
    const parent = parentOf(task.areaCode);
    const recipients = await accountsAt(tx, "official", [task.areaCode, parent]);
    await tx.audit.record("admin_tasks.escalate", {
      entityType: "admin_task",
      entityId: task.id,
      areaCode: task.areaCode,
      detail: { decision_due_on: task.dueOn, parent, recipients: recipients.length },
    });
    sent += await notify(tx, {
      recipients,
      areaCode: task.areaCode,
      kind: "admin_task_escalated",
      title: `准入审核逾期：${task.title}`,
      body: `${task.departmentName}申报的社区工作事项「${task.title}」应于 ${task.dueOn} 前作出准入决定，至今未决定，已报上级督办。`,
      link: `/admin-tasks/${task.id}`,
    });
    escalated += 1;
  }
  return { escalated, notifications: sent, full: candidates.length === batchSize };
}

/**
 * Escalates every submitted task past its decision deadline (a local date) once: escalated_at is
 * set, the reviewers and the officials of the level above (a street's district, a district's city)
 * are notified, and it is audited. Safe to run repeatedly and on several servers.
 */
export async function escalateOverdueAdmissions(ctx: Ctx, options: { batchSize?: number } = {}): Promise<EscalationResult> {
  const batchSize = options.batchSize ?? 200;
  return sweepEscalations(ctx, escalationLockKey, (tx) => escalateBatch(tx, batchSize));
}

export const escalateAdmissionsJob = escalationJob({
  name: "admin-tasks escalate",
  description: "escalate administrative tasks whose admission decision is overdue to the level above (once)",
  things: "administrative tasks",
  escalate: (ctx) => escalateOverdueAdmissions(ctx),
});
