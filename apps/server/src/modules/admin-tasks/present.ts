import type { AdminTask, AdminTaskTarget, Occurrence, Refusal } from "@sanshe/contracts/admin-tasks";
import type { adminTaskOccurrences, adminTaskRefusals, adminTasks, adminTaskTargets } from "./schema.js";
import { occurrenceDates } from "./working-days.js";

type TaskRow = typeof adminTasks.$inferSelect;
type TargetRow = typeof adminTaskTargets.$inferSelect;
type OccurrenceRow = typeof adminTaskOccurrences.$inferSelect;
type RefusalRow = typeof adminTaskRefusals.$inferSelect;

export type TaskListRow = {
  task: TaskRow;
  areaName: string | null;
  departmentName: string | null;
  decidedByName: string | null;
  targetCount: number;
};

export function presentTask(row: TaskListRow): AdminTask {
  const task = row.task;
  return {
    id: task.id,
    area_code: task.areaCode,
    area_name: row.areaName ?? task.areaCode,
    department_id: task.departmentId,
    department_name: row.departmentName ?? "",
    catalog_item_id: task.catalogItemId,
    title: task.title,
    legal_basis: task.legalBasis,
    kind: task.kind,
    description: task.description,
    frequency: task.frequency,
    hours_per_occurrence: Number(task.hoursPerOccurrence),
    funding_fen_per_community: Number(task.fundingFenPerCommunity),
    staff_provided: task.staffProvided,
    starts_on: task.startsOn,
    ends_on: task.endsOn,
    status: task.status,
    decision_due_on: task.decisionDueOn,
    decision_reason: task.decisionReason,
    unfunded_exception: task.unfundedException,
    decided_at: task.decidedAt?.toISOString() ?? null,
    decided_by_name: row.decidedByName,
    escalated_at: task.escalatedAt?.toISOString() ?? null,
    started_at: task.startedAt?.toISOString() ?? null,
    target_count: Number(row.targetCount),
    created_at: task.createdAt.toISOString(),
    version: task.version,
  };
}

export function presentTarget(row: TargetRow, areaName: string | null): AdminTaskTarget {
  return {
    area_code: row.areaCode,
    area_name: areaName ?? row.areaCode,
    status: row.status,
    taken_back_at: row.takenBackAt?.toISOString() ?? null,
    assignee_kind: row.assigneeKind,
    assignee_name: row.assigneeName,
    credited_fen: row.creditedFen === null ? null : Number(row.creditedFen),
  };
}

/**
 * The funding a task owes (费随事转), in fen. A task is in debt when it is admitted, has started
 * (starts_on on or before today) and brings no funding: each community still carrying it (active
 * target) is owed the estimated cost of the work, hours per occurrence × the occurrences of its whole
 * period × the configured cost of a staff hour (SANSHE_ADMIN_HOUR_COST_FEN). A funded task owes nothing.
 */
export function debtOf(task: TaskRow, activeTargets: number, today: string, hourCostFen: number): number {
  if (task.status !== "admitted" || task.startsOn > today || Number(task.fundingFenPerCommunity) > 0) {
    return 0;
  }
  const occurrences = occurrenceDates(task.frequency, task.startsOn, task.endsOn).length;
  return Math.round(Number(task.hoursPerOccurrence) * occurrences * hourCostFen) * activeTargets;
}

export function presentOccurrence(
  row: OccurrenceRow,
  task: { title: string; kind: TaskRow["kind"]; hoursPerOccurrence: number | string },
  departmentName: string | null,
  areaName: string | null,
): Occurrence {
  return {
    id: row.id,
    task_id: row.taskId,
    task_title: task.title,
    task_kind: task.kind,
    department_name: departmentName ?? "",
    area_code: row.areaCode,
    area_name: areaName ?? row.areaCode,
    due_on: row.dueOn,
    status: row.status,
    estimated_hours: Number(task.hoursPerOccurrence),
    logged_hours: row.loggedMinutes === null ? null : Math.round((row.loggedMinutes / 60) * 100) / 100,
    done_at: row.doneAt?.toISOString() ?? null,
    version: row.version,
  };
}

export function presentRefusal(
  row: RefusalRow,
  names: { areaName: string | null; departmentName: string | null; refusedByName: string | null },
): Refusal {
  return {
    id: row.id,
    area_code: row.areaCode,
    area_name: names.areaName ?? row.areaCode,
    department_id: row.departmentId,
    department_name: names.departmentName ?? "",
    task_id: row.taskId,
    title: row.title,
    kind: row.kind,
    received_on: row.receivedOn,
    note: row.note,
    refused_by_name: names.refusedByName ?? "",
    created_at: row.createdAt.toISOString(),
  };
}
