import type { GroupMember, LeadershipGroup, Plan, PlanTarget, ProgressReport, Responsibility } from "@sanshe/contracts/leadership";
import type { IndicatorValues } from "./indicators.js";
import { evaluateTarget, isComputed, unitOf } from "./policy.js";
import type {
  leadershipGroupMembers,
  leadershipGroups,
  leadershipPlans,
  leadershipPlanTargets,
  leadershipProgressReports,
  leadershipResponsibilities,
} from "./schema.js";

type GroupRow = typeof leadershipGroups.$inferSelect;
type MemberRow = typeof leadershipGroupMembers.$inferSelect;

/** A group as lists and detail show it, with its members, the size of its responsibility list and whether the reader manages it. */
export function presentGroup(
  row: { group: GroupRow; areaName: string | null; responsibilities: number; canManage: boolean },
  members: readonly MemberRow[],
): LeadershipGroup {
  const g = row.group;
  return {
    id: g.id,
    area_code: g.areaCode,
    area_name: row.areaName ?? g.areaCode,
    name: g.name,
    leader_name: g.leaderName,
    leader_title: g.leaderTitle,
    in_charge_name: g.inChargeName,
    in_charge_title: g.inChargeTitle,
    lead_department_name: g.leadDepartmentName,
    lead_department_id: g.leadDepartmentId,
    members: members.map(presentMember),
    responsibilities: Number(row.responsibilities),
    can_manage: Boolean(row.canManage),
    version: g.version,
    updated_at: g.updatedAt.toISOString(),
  };
}

function presentMember(row: MemberRow): GroupMember {
  return { id: row.id, name: row.name, title: row.title, unit: row.unit, role: row.role };
}

export function presentResponsibility(row: typeof leadershipResponsibilities.$inferSelect): Responsibility {
  return {
    id: row.id,
    group_id: row.groupId,
    area_code: row.areaCode,
    department_name: row.departmentName,
    department_id: row.departmentId,
    duty: row.duty,
    catalog_item_id: row.catalogItemId,
    deadline: row.deadline,
    version: row.version,
  };
}

export function presentPlan(row: {
  plan: typeof leadershipPlans.$inferSelect;
  areaName: string | null;
  targetsCount: number;
  canManage: boolean;
}): Plan {
  const p = row.plan;
  return {
    id: p.id,
    area_code: p.areaCode,
    area_name: row.areaName ?? p.areaCode,
    year: p.year,
    title: p.title,
    status: p.status,
    targets_count: Number(row.targetsCount),
    can_manage: Boolean(row.canManage),
    version: p.version,
    updated_at: p.updatedAt.toISOString(),
  };
}

/** What a target's presentation needs besides its row: the latest report, the live values, today, and who reads. */
export type TargetContext = {
  latest: { value: number; reportedAt: Date } | undefined;
  values: IndicatorValues;
  today: string;
  canReport: boolean;
};

/**
 * A target with its progress: the computed value where the indicator has a live source, else the
 * owner's latest report; its status and progress toward the target from that current value.
 */
export function presentTarget(row: typeof leadershipPlanTargets.$inferSelect, context: TargetContext): PlanTarget {
  const computedValue = isComputed(row.indicator) ? (context.values[row.indicator] ?? null) : null;
  const reportedValue = context.latest ? Number(context.latest.value) : null;
  const current = isComputed(row.indicator) ? computedValue : reportedValue;
  const { status, progress } = evaluateTarget(row, current, context.today);
  return {
    id: row.id,
    plan_id: row.planId,
    area_code: row.areaCode,
    title: row.title,
    indicator: row.indicator,
    unit: unitOf(row.indicator),
    target_value: Number(row.targetValue),
    comparison: row.comparison,
    owner_name: row.ownerName,
    owner_department_id: row.ownerDepartmentId,
    owner_user_id: row.ownerUserId,
    due_on: row.dueOn,
    computed_value: computedValue,
    reported_value: reportedValue,
    current_value: current,
    source: current === null ? "none" : isComputed(row.indicator) ? "computed" : "reported",
    progress,
    status,
    can_report: context.canReport && !isComputed(row.indicator),
    last_reported_at: context.latest ? context.latest.reportedAt.toISOString() : null,
    escalated_at: row.escalatedAt ? row.escalatedAt.toISOString() : null,
    version: row.version,
  };
}

export function presentReport(row: typeof leadershipProgressReports.$inferSelect, reporterName: string | null): ProgressReport {
  return {
    id: row.id,
    target_id: row.targetId,
    value: Number(row.value),
    note: row.note,
    reported_by_name: reporterName ?? "",
    reported_at: row.reportedAt.toISOString(),
  };
}
