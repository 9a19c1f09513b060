import { and, eq, ne, sql, type Column, type SQL } from "drizzle-orm";
import type {
  GroupMemberInput,
  LeadershipGroup,
  LeadershipGroupCreate,
  LeadershipGroupUpdate,
  PlanCreate,
  PlanDetail,
  PlanTarget,
  PlanTargetCreate,
  PlanTargetUpdate,
  PlanUpdate,
  ProgressReportCreate,
  Responsibility,
  ResponsibilityCreate,
  ResponsibilityUpdate,
} from "@sanshe/contracts/leadership";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { AppError, forbidden, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { isInScope } from "../../platform/auth/permissions.js";
import { areaExists } from "../jurisdictions/index.js";
import { defaultComparison, isComputed } from "./policy.js";
import { presentResponsibility } from "./present.js";
import { getGroup, getPlan, getTarget, managed, readable, reportable } from "./queries.js";
import {
  leadershipGroupMembers,
  leadershipGroups,
  leadershipPlans,
  leadershipPlanTargets,
  leadershipProgressReports,
  leadershipResponsibilities,
} from "./schema.js";

/** 404 unless the area exists and lies in the actor's leadership.manage scope. */
async function requireManagedArea(ctx: ActorCtx, areaCode: string): Promise<void> {
  if (!isInScope(areaCode, ctx.actor.scope("leadership.manage")) || !(await areaExists(ctx, areaCode))) {
    throw notFound();
  }
}

/** The read and manage verdicts on a locked row: 404 when the actor may not read it, 403 when it reads but may not manage it. */
function requireManaged<T>(row: (T & { canRead: boolean; canManage: boolean }) | undefined): T {
  if (!row || !row.canRead) {
    throw notFound();
  }
  if (!row.canManage) {
    throw forbidden();
  }
  return row;
}

const verdicts = (ctx: ActorCtx, column: Column) => ({
  canRead: sql<boolean>`${readable(ctx, column)}`,
  canManage: sql<boolean>`${managed(ctx, column)}`,
});

/** Members in their given order, as rows of the group. */
function memberRows(groupId: string, areaCode: string, members: readonly GroupMemberInput[]) {
  return members.map((member, position) => ({
    areaCode,
    groupId,
    position,
    name: member.name,
    title: member.title ?? null,
    unit: member.unit ?? null,
    role: member.role ?? "member",
  }));
}

/** @throws LEADERSHIP_GROUP_EXISTS when another group of the area has the name. */
async function requireGroupNameFree(ctx: ActorCtx, areaCode: string, name: string, except?: string): Promise<void> {
  const conditions: SQL[] = [eq(leadershipGroups.areaCode, areaCode), eq(leadershipGroups.name, name)];
  if (except) {
    conditions.push(ne(leadershipGroups.id, except));
  }
  const [clash] = await ctx.db
    .select({ id: leadershipGroups.id })
    .from(leadershipGroups)
    .where(and(...conditions));
  if (clash) {
    throw new AppError("LEADERSHIP_GROUP_EXISTS", { name });
  }
}

/**
 * Sets up the leadership group (领导小组) of a city, district or street in the actor's jurisdiction,
 * with its members, in one transaction with the audit record. @throws NOT_FOUND (area out of scope or
 * unknown), LEADERSHIP_GROUP_EXISTS.
 */
export async function createGroup(ctx: ActorCtx, input: LeadershipGroupCreate): Promise<LeadershipGroup> {
  await requireManagedArea(ctx, input.area_code);
  const id = await withTx(ctx, async (tx) => {
    await requireGroupNameFree(tx, input.area_code, input.name);
    const now = tx.now();
    const [row] = await tx.db
      .insert(leadershipGroups)
      .values({
        areaCode: input.area_code,
        name: input.name,
        leaderName: input.leader_name,
        leaderTitle: input.leader_title,
        inChargeName: input.in_charge_name,
        inChargeTitle: input.in_charge_title,
        leadDepartmentName: input.lead_department_name,
        leadDepartmentId: input.lead_department_id,
        createdBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: leadershipGroups.id });
    const groupId = (row as { id: string }).id;
    if (input.members.length > 0) {
      await tx.db.insert(leadershipGroupMembers).values(memberRows(groupId, input.area_code, input.members));
    }
    await tx.audit.record("leadership.group_create", {
      entityType: "leadership_group",
      entityId: groupId,
      areaCode: input.area_code,
      detail: { name: input.name, members: input.members.length },
    });
    return groupId;
  });
  return getGroup(ctx, id);
}

/** Edits a group the actor manages; members are replaced when given. @throws NOT_FOUND, FORBIDDEN, VERSION_CONFLICT, LEADERSHIP_GROUP_EXISTS. */
export async function updateGroup(ctx: ActorCtx, id: string, input: LeadershipGroupUpdate): Promise<LeadershipGroup> {
  await withTx(ctx, async (tx) => {
    const [locked] = await tx.db
      .select({ group: leadershipGroups, ...verdicts(tx, leadershipGroups.areaCode) })
      .from(leadershipGroups)
      .where(eq(leadershipGroups.id, id))
      .for("update");
    const { group } = requireManaged(locked);
    if (group.version !== input.version) {
      throw versionConflict(await getGroup(tx, id));
    }
    if (input.name !== undefined && input.name !== group.name) {
      await requireGroupNameFree(tx, group.areaCode, input.name, id);
    }
    await tx.db
      .update(leadershipGroups)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.leader_name !== undefined ? { leaderName: input.leader_name } : {}),
        ...(input.leader_title !== undefined ? { leaderTitle: input.leader_title } : {}),
        ...(input.in_charge_name !== undefined ? { inChargeName: input.in_charge_name } : {}),
        ...(input.in_charge_title !== undefined ? { inChargeTitle: input.in_charge_title } : {}),
        ...(input.lead_department_name !== undefined ? { leadDepartmentName: input.lead_department_name } : {}),
        ...(input.lead_department_id !== undefined ? { leadDepartmentId: input.lead_department_id } : {}),
        version: group.version + 1,
        updatedAt: tx.now(),
      })
      .where(eq(leadershipGroups.id, id));
    if (input.members !== undefined) {
      await tx.db.delete(leadershipGroupMembers).where(eq(leadershipGroupMembers.groupId, id));
      if (input.members.length > 0) {
        await tx.db.insert(leadershipGroupMembers).values(memberRows(id, group.areaCode, input.members));
      }
    }
    await tx.audit.record("leadership.group_update", {
      entityType: "leadership_group",
      entityId: id,
      areaCode: group.areaCode,
      detail: { fields: Object.keys(input).filter((key) => key !== "version") },
    });
  });
  return getGroup(ctx, id);
}

/** Adds a department's responsibility (职责) to a group the actor manages. @throws NOT_FOUND, FORBIDDEN. */
export async function addResponsibility(ctx: ActorCtx, groupId: string, input: ResponsibilityCreate): Promise<Responsibility> {
  return withTx(ctx, async (tx) => {
    const [locked] = await tx.db
      .select({ group: leadershipGroups, ...verdicts(tx, leadershipGroups.areaCode) })
      .from(leadershipGroups)
      .where(eq(leadershipGroups.id, groupId))
      .for("update");
    const { group } = requireManaged(locked);
    const now = tx.now();
    const [row] = await tx.db
      .insert(leadershipResponsibilities)
      .values({
        areaCode: group.areaCode,
        groupId,
        departmentName: input.department_name,
        departmentId: input.department_id,
        duty: input.duty,
        catalogItemId: input.catalog_item_id,
        deadline: input.deadline,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const responsibility = row as typeof leadershipResponsibilities.$inferSelect;
    await tx.audit.record("leadership.responsibility_add", {
      entityType: "leadership_responsibility",
      entityId: responsibility.id,
      areaCode: group.areaCode,
      detail: { group: groupId, department: input.department_name, catalog_item: input.catalog_item_id },
    });
    return presentResponsibility(responsibility);
  });
}

async function lockResponsibility(tx: ActorCtx, id: string) {
  const [locked] = await tx.db
    .select({ responsibility: leadershipResponsibilities, ...verdicts(tx, leadershipResponsibilities.areaCode) })
    .from(leadershipResponsibilities)
    .where(eq(leadershipResponsibilities.id, id))
    .for("update");
  return requireManaged(locked).responsibility;
}

/** Edits a responsibility of a group the actor manages. @throws NOT_FOUND, FORBIDDEN, VERSION_CONFLICT. */
export async function updateResponsibility(ctx: ActorCtx, id: string, input: ResponsibilityUpdate): Promise<Responsibility> {
  return withTx(ctx, async (tx) => {
    const current = await lockResponsibility(tx, id);
    if (current.version !== input.version) {
      throw versionConflict(presentResponsibility(current));
    }
    const [row] = await tx.db
      .update(leadershipResponsibilities)
      .set({
        ...(input.department_name !== undefined ? { departmentName: input.department_name } : {}),
        ...(input.department_id !== undefined ? { departmentId: input.department_id } : {}),
        ...(input.duty !== undefined ? { duty: input.duty } : {}),
        ...(input.catalog_item_id !== undefined ? { catalogItemId: input.catalog_item_id } : {}),
        ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
        version: current.version + 1,
        updatedAt: tx.now(),
      })
      .where(eq(leadershipResponsibilities.id, id))
      .returning();
    await tx.audit.record("leadership.responsibility_update", {
      entityType: "leadership_responsibility",
      entityId: id,
      areaCode: current.areaCode,
      detail: { fields: Object.keys(input).filter((key) => key !== "version") },
    });
    return presentResponsibility(row as typeof leadershipResponsibilities.$inferSelect);
  });
}

/** Removes a responsibility of a group the actor manages. @throws NOT_FOUND, FORBIDDEN. */
export async function removeResponsibility(ctx: ActorCtx, id: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const current = await lockResponsibility(tx, id);
    await tx.db.delete(leadershipResponsibilities).where(eq(leadershipResponsibilities.id, id));
    await tx.audit.record("leadership.responsibility_remove", {
      entityType: "leadership_responsibility",
      entityId: id,
      areaCode: current.areaCode,
      detail: { group: current.groupId, department: current.departmentName },
    });
  });
}

/**
 * Draws up the yearly implementation plan (实施方案) of an area in the actor's jurisdiction: one per
 * area and year. @throws NOT_FOUND (area out of scope or unknown), PLAN_EXISTS.
 */
export async function createPlan(ctx: ActorCtx, input: PlanCreate): Promise<PlanDetail> {
  await requireManagedArea(ctx, input.area_code);
  const id = await withTx(ctx, async (tx) => {
    const [clash] = await tx.db
      .select({ id: leadershipPlans.id })
      .from(leadershipPlans)
      .where(and(eq(leadershipPlans.areaCode, input.area_code), eq(leadershipPlans.year, input.year)));
    if (clash) {
      throw new AppError("PLAN_EXISTS", { year: input.year });
    }
    const now = tx.now();
    const [row] = await tx.db
      .insert(leadershipPlans)
      .values({
        areaCode: input.area_code,
        year: input.year,
        title: input.title,
        status: input.status,
        createdBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: leadershipPlans.id });
    const planId = (row as { id: string }).id;
    await tx.audit.record("leadership.plan_create", {
      entityType: "leadership_plan",
      entityId: planId,
      areaCode: input.area_code,
      detail: { year: input.year, status: input.status },
    });
    return planId;
  });
  return getPlan(ctx, id);
}

/** Edits or publishes a plan the actor manages. @throws NOT_FOUND, FORBIDDEN, VERSION_CONFLICT. */
export async function updatePlan(ctx: ActorCtx, id: string, input: PlanUpdate): Promise<PlanDetail> {
  await withTx(ctx, async (tx) => {
    const [locked] = await tx.db
      .select({ plan: leadershipPlans, ...verdicts(tx, leadershipPlans.areaCode) })
      .from(leadershipPlans)
      .where(eq(leadershipPlans.id, id))
      .for("update");
    const { plan } = requireManaged(locked);
    if (plan.version !== input.version) {
      throw versionConflict(await getPlan(tx, id));
    }
    await tx.db
      .update(leadershipPlans)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        version: plan.version + 1,
        updatedAt: tx.now(),
      })
      .where(eq(leadershipPlans.id, id));
    await tx.audit.record(
      input.status === "published" && plan.status !== "published" ? "leadership.plan_publish" : "leadership.plan_update",
      {
        entityType: "leadership_plan",
        entityId: id,
        areaCode: plan.areaCode,
        detail: { fields: Object.keys(input).filter((key) => key !== "version") },
      },
    );
  });
  return getPlan(ctx, id);
}

/** Adds a target to a plan the actor manages (the comparison defaults from the indicator). @throws NOT_FOUND, FORBIDDEN. */
export async function addTarget(ctx: ActorCtx, planId: string, input: PlanTargetCreate): Promise<PlanTarget> {
  const id = await withTx(ctx, async (tx) => {
    const [locked] = await tx.db
      .select({ plan: leadershipPlans, ...verdicts(tx, leadershipPlans.areaCode) })
      .from(leadershipPlans)
      .where(eq(leadershipPlans.id, planId))
      .for("update");
    const { plan } = requireManaged(locked);
    const now = tx.now();
    const [row] = await tx.db
      .insert(leadershipPlanTargets)
      .values({
        areaCode: plan.areaCode,
        planId,
        title: input.title,
        indicator: input.indicator,
        targetValue: input.target_value,
        comparison: input.comparison ?? defaultComparison(input.indicator),
        ownerName: input.owner_name,
        ownerDepartmentId: input.owner_department_id,
        ownerUserId: input.owner_user_id,
        dueOn: input.due_on,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: leadershipPlanTargets.id });
    const targetId = (row as { id: string }).id;
    await tx.audit.record("leadership.target_add", {
      entityType: "leadership_plan_target",
      entityId: targetId,
      areaCode: plan.areaCode,
      detail: { plan: planId, indicator: input.indicator, target_value: input.target_value, due_on: input.due_on },
    });
    return targetId;
  });
  return getTarget(ctx, id);
}

/**
 * Edits a target the actor manages. A new due date clears the escalation, so a target overdue again
 * is escalated again. @throws NOT_FOUND, FORBIDDEN, VERSION_CONFLICT.
 */
export async function updateTarget(ctx: ActorCtx, id: string, input: PlanTargetUpdate): Promise<PlanTarget> {
  await withTx(ctx, async (tx) => {
    const [locked] = await tx.db
      .select({ target: leadershipPlanTargets, ...verdicts(tx, leadershipPlanTargets.areaCode) })
      .from(leadershipPlanTargets)
      .where(eq(leadershipPlanTargets.id, id))
      .for("update");
    const { target } = requireManaged(locked);
    if (target.version !== input.version) {
      throw versionConflict(await getTarget(tx, id));
    }
    const dueChanged = input.due_on !== undefined && input.due_on !== target.dueOn;
    await tx.db
      .update(leadershipPlanTargets)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.target_value !== undefined ? { targetValue: input.target_value } : {}),
        ...(input.comparison !== undefined ? { comparison: input.comparison } : {}),
        ...(input.owner_name !== undefined ? { ownerName: input.owner_name } : {}),
        ...(input.owner_department_id !== undefined ? { ownerDepartmentId: input.owner_department_id } : {}),
        ...(input.owner_user_id !== undefined ? { ownerUserId: input.owner_user_id } : {}),
        ...(dueChanged ? { dueOn: input.due_on, escalatedAt: null } : {}),
        version: target.version + 1,
        updatedAt: tx.now(),
      })
      .where(eq(leadershipPlanTargets.id, id));
    await tx.audit.record("leadership.target_update", {
      entityType: "leadership_plan_target",
      entityId: id,
      areaCode: target.areaCode,
      detail: { fields: Object.keys(input).filter((key) => key !== "version") },
    });
  });
  return getTarget(ctx, id);
}

/**
 * Records a progress report (value and note; the history is kept) on a target the actor owns (its
 * owner account, staff of its owner department) or manages. @throws NOT_FOUND (not readable),
 * PLAN_TARGET_COMPUTED (its value comes from live data), PLAN_TARGET_NOT_OWNER.
 */
export async function reportProgress(ctx: ActorCtx, targetId: string, input: ProgressReportCreate): Promise<PlanTarget> {
  await withTx(ctx, async (tx) => {
    const [row] = await tx.db
      .select({
        target: leadershipPlanTargets,
        canRead: sql<boolean>`${readable(tx, leadershipPlanTargets.areaCode)}`,
        canReport: sql<boolean>`${reportable(tx)}`,
      })
      .from(leadershipPlanTargets)
      .where(eq(leadershipPlanTargets.id, targetId));
    if (!row || !row.canRead) {
      throw notFound();
    }
    if (isComputed(row.target.indicator)) {
      throw new AppError("PLAN_TARGET_COMPUTED");
    }
    if (!row.canReport) {
      throw new AppError("PLAN_TARGET_NOT_OWNER");
    }
    const [report] = await tx.db
      .insert(leadershipProgressReports)
      .values({
        areaCode: row.target.areaCode,
        targetId,
        value: input.value,
        note: input.note,
        reportedBy: tx.actor.userId,
        reportedAt: tx.now(),
      })
      .returning({ id: leadershipProgressReports.id });
    await tx.audit.record("leadership.progress_report", {
      entityType: "leadership_plan_target",
      entityId: targetId,
      areaCode: row.target.areaCode,
      detail: { report: report?.id, value: input.value },
    });
  });
  return getTarget(ctx, targetId);
}
