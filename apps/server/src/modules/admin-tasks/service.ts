import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type {
  AdminTaskCreate,
  AdminTaskDecision,
  AdminTaskDetail,
  AdminTaskResubmit,
  AdminTaskTakeBack,
} from "@sanshe/contracts/admin-tasks";
import { loadConfig } from "../../platform/config.js";
import { withTx, type ActorCtx } from "../../platform/ctx.js";
import { AppError, forbidden, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { fieldMessages } from "../../platform/errors/catalog.js";
import { isInScope } from "../../platform/auth/permissions.js";
import { areas } from "../jurisdictions/index.js";
import { notify } from "../notifications/index.js";
import { actorDepartments, roleScope, todayOf } from "./access.js";
import { getTaskUnchecked, visibleTasks } from "./queries.js";
import { accountsAt, departmentAccounts } from "./recipients.js";
import { adminTaskCatalog, adminTaskOccurrences, adminTasks, adminTaskTargets, departments } from "./schema.js";
import { startTask } from "./start.js";
import { addWorkingDays } from "./working-days.js";

const statusNames: Record<string, string> = {
  submitted: "待审",
  returned: "退回补充经费",
  admitted: "准入",
  rejected: "不予准入",
  withdrawn: "撤回",
};

/** The decision deadline: the configured number of working days after today. */
function decisionDue(ctx: ActorCtx): string {
  const config = loadConfig();
  return addWorkingDays(todayOf(ctx), config.admissionWorkingDays, config.holidays);
}

function periodError(ctx: ActorCtx): AppError {
  const message = fieldMessages.too_small?.[ctx.locale] ?? "ends_on is before starts_on";
  return new AppError("VALIDATION_FAILED", {}, { errors: [{ path: "body.ends_on", code: "too_small", message }] });
}

/**
 * The reviewing area of a set of communities: their street when they share one, else their
 * district. @throws ADMIN_TASK_TARGETS_SPAN when they lie in several districts.
 */
export function reviewingArea(communities: readonly string[]): string {
  const streets = new Set(communities.map((code) => code.slice(0, 9)));
  if (streets.size === 1) {
    return [...streets][0] as string;
  }
  const districts = new Set(communities.map((code) => code.slice(0, 6)));
  if (districts.size === 1) {
    return [...districts][0] as string;
  }
  throw new AppError("ADMIN_TASK_TARGETS_SPAN");
}

/** The department the actor applies for: the named one if theirs, else their only one. @throws ADMIN_TASK_DEPARTMENT. */
async function applyingDepartment(ctx: ActorCtx, named: string | undefined) {
  const own = actorDepartments(ctx.actor);
  const id = named ?? (own.length === 1 ? own[0] : undefined);
  if (!id || !own.includes(id)) {
    throw new AppError("ADMIN_TASK_DEPARTMENT");
  }
  const [department] = await ctx.db.select().from(departments).where(eq(departments.id, id));
  if (!department || !department.active) {
    throw new AppError("ADMIN_TASK_DEPARTMENT");
  }
  return department;
}

/**
 * A department applies to put a task on communities of its jurisdiction (准入申请). Targets must be
 * registered communities under the department's area; the reviewing area is their common street,
 * else their district; the decision is due the configured number of working days after today. The
 * reviewers (officials of the reviewing area) are notified. @throws ADMIN_TASK_DEPARTMENT,
 * ADMIN_TASK_TARGET_INVALID, ADMIN_TASK_TARGETS_SPAN, VALIDATION_FAILED (period).
 */
export async function applyForTask(ctx: ActorCtx, input: AdminTaskCreate): Promise<AdminTaskDetail> {
  if (input.ends_on < input.starts_on) {
    throw periodError(ctx);
  }
  const department = await applyingDepartment(ctx, input.department_id);
  const targets = [...new Set(input.target_communities)].sort();
  const known = await ctx.db
    .select({ code: areas.code })
    .from(areas)
    .where(and(inArray(areas.code, targets), eq(areas.level, "community")));
  const knownCodes = new Set(known.map((row) => row.code));
  for (const code of targets) {
    if (code.length !== 12 || !knownCodes.has(code) || !code.startsWith(department.areaCode)) {
      throw new AppError("ADMIN_TASK_TARGET_INVALID", { code });
    }
  }
  const areaCode = reviewingArea(targets);
  if (input.catalog_item_id) {
    const [item] = await ctx.db
      .select({ id: adminTaskCatalog.id })
      .from(adminTaskCatalog)
      .where(eq(adminTaskCatalog.id, input.catalog_item_id));
    if (!item) {
      const message = fieldMessages.invalid_value?.[ctx.locale] ?? "unknown catalogue item";
      throw new AppError("VALIDATION_FAILED", {}, { errors: [{ path: "body.catalog_item_id", code: "invalid_value", message }] });
    }
  }
  const id = await withTx(ctx, async (tx) => {
    const now = tx.now();
    const [row] = await tx.db
      .insert(adminTasks)
      .values({
        areaCode,
        departmentId: department.id,
        catalogItemId: input.catalog_item_id,
        title: input.title,
        legalBasis: input.legal_basis,
        kind: input.kind,
        description: input.description,
        frequency: input.frequency,
        hoursPerOccurrence: input.hours_per_occurrence,
        fundingFenPerCommunity: input.funding_fen_per_community,
        staffProvided: input.staff_provided,
        startsOn: input.starts_on,
        endsOn: input.ends_on,
        submittedAt: now,
        decisionDueOn: decisionDue(tx),
        createdBy: tx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: adminTasks.id, decisionDueOn: adminTasks.decisionDueOn });
    const task = row as { id: string; decisionDueOn: string };
    await tx.db
      .insert(adminTaskTargets)
      .values(targets.map((code) => ({ taskId: task.id, areaCode: code, createdAt: now, updatedAt: now })));
    await tx.audit.record("admin_tasks.apply", {
      entityType: "admin_task",
      entityId: task.id,
      areaCode,
      detail: {
        department: department.id,
        communities: targets.length,
        funding_fen_per_community: input.funding_fen_per_community,
        decision_due_on: task.decisionDueOn,
      },
    });
    await notify(tx, {
      recipients: await accountsAt(tx, "official", [areaCode]),
      areaCode,
      kind: "admin_task_submitted",
      title: `社区工作事项准入申请：${input.title}`,
      body: `${department.name}申请在 ${targets.length} 个社区开展「${input.title}」，请于 ${task.decisionDueOn} 前作出准入决定。`,
      link: `/admin-tasks/${task.id}`,
    });
    return task.id;
  });
  return getTaskUnchecked(ctx, id);
}

/** The actor's department's task, locked. @throws NOT_FOUND for any other. */
async function ownTaskForUpdate(tx: ActorCtx, id: string) {
  const own = actorDepartments(tx.actor);
  const [task] = own.length
    ? await tx.db
        .select()
        .from(adminTasks)
        .where(and(eq(adminTasks.id, id), inArray(adminTasks.departmentId, own)))
        .for("update")
    : [];
  if (!task) {
    throw notFound();
  }
  return task;
}

/**
 * The department resubmits a returned application (usually with funding): it is submitted again with
 * a new decision deadline. @throws NOT_FOUND, VERSION_CONFLICT, ADMIN_TASK_STATE.
 */
export async function resubmitTask(ctx: ActorCtx, id: string, input: AdminTaskResubmit): Promise<AdminTaskDetail> {
  await withTx(ctx, async (tx) => {
    const task = await ownTaskForUpdate(tx, id);
    if (task.version !== input.version) {
      throw versionConflict(await getTaskUnchecked(tx, id));
    }
    if (task.status !== "returned") {
      throw new AppError("ADMIN_TASK_STATE", { status: statusNames[task.status] ?? task.status });
    }
    const now = tx.now();
    const due = decisionDue(tx);
    await tx.db
      .update(adminTasks)
      .set({
        ...(input.funding_fen_per_community !== undefined ? { fundingFenPerCommunity: input.funding_fen_per_community } : {}),
        ...(input.staff_provided !== undefined ? { staffProvided: input.staff_provided } : {}),
        ...(input.hours_per_occurrence !== undefined ? { hoursPerOccurrence: input.hours_per_occurrence } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        status: "submitted",
        submittedAt: now,
        decisionDueOn: due,
        escalatedAt: null,
        version: task.version + 1,
        updatedAt: now,
      })
      .where(eq(adminTasks.id, id));
    await tx.audit.record("admin_tasks.resubmit", {
      entityType: "admin_task",
      entityId: id,
      areaCode: task.areaCode,
      detail: { fields: Object.keys(input).filter((key) => key !== "version"), decision_due_on: due },
    });
    await notify(tx, {
      recipients: await accountsAt(tx, "official", [task.areaCode]),
      areaCode: task.areaCode,
      kind: "admin_task_submitted",
      title: `社区工作事项重新申报：${task.title}`,
      body: `退回的事项「${task.title}」已重新申报，请于 ${due} 前作出准入决定。`,
      link: `/admin-tasks/${id}`,
    });
  });
  return getTaskUnchecked(ctx, id);
}

/** The department withdraws an application not yet decided (submitted or returned). @throws NOT_FOUND, VERSION_CONFLICT, ADMIN_TASK_STATE. */
export async function withdrawTask(ctx: ActorCtx, id: string, version: number): Promise<AdminTaskDetail> {
  await withTx(ctx, async (tx) => {
    const task = await ownTaskForUpdate(tx, id);
    if (task.version !== version) {
      throw versionConflict(await getTaskUnchecked(tx, id));
    }
    if (task.status !== "submitted" && task.status !== "returned") {
      throw new AppError("ADMIN_TASK_STATE", { status: statusNames[task.status] ?? task.status });
    }
    await tx.db
      .update(adminTasks)
      .set({ status: "withdrawn", version: task.version + 1, updatedAt: tx.now() })
      .where(eq(adminTasks.id, id));
    await tx.audit.record("admin_tasks.withdraw", { entityType: "admin_task", entityId: id, areaCode: task.areaCode, detail: {} });
  });
  return getTaskUnchecked(ctx, id);
}

/** A task the actor sees, locked; 403 when they see it but `allowed` says they may not act on it. */
async function visibleTaskForUpdate(tx: ActorCtx, id: string) {
  const [task] = await tx.db
    .select()
    .from(adminTasks)
    .where(and(eq(adminTasks.id, id), visibleTasks(tx)))
    .for("update");
  if (!task) {
    throw notFound();
  }
  return task;
}

const decisionStatus = { admit: "admitted", reject: "rejected", return: "returned" } as const;
const decisionWords = { admit: "准入", reject: "不予准入", return: "退回补充经费" } as const;

/**
 * A reviewer whose admin_tasks.review scope holds the task's reviewing area admits, rejects or
 * returns a submitted task, with reasons. Admitting a task that brings no funding needs a recorded
 * exception. An admitted task whose start date has come starts at once (occurrences and credit).
 * The department's accounts are notified. The meeting resolution id is stored as given (the meetings
 * module exports no lookup of resolutions). @throws NOT_FOUND (not visible), FORBIDDEN (visible but
 * reviewed elsewhere), VERSION_CONFLICT, ADMIN_TASK_DECIDED, ADMIN_TASK_UNFUNDED.
 */
export async function decideTask(ctx: ActorCtx, id: string, input: AdminTaskDecision): Promise<AdminTaskDetail> {
  await withTx(ctx, async (tx) => {
    const task = await visibleTaskForUpdate(tx, id);
    if (!isInScope(task.areaCode, roleScope(tx.actor, "official", "admin_tasks.review"))) {
      throw forbidden();
    }
    if (task.status !== "submitted") {
      throw new AppError("ADMIN_TASK_DECIDED", { status: statusNames[task.status] ?? task.status });
    }
    if (task.version !== input.version) {
      throw versionConflict(await getTaskUnchecked(tx, id));
    }
    const exception = input.unfunded_exception?.trim() || null;
    if (input.decision === "admit" && Number(task.fundingFenPerCommunity) === 0 && !exception) {
      throw new AppError("ADMIN_TASK_UNFUNDED");
    }
    const now = tx.now();
    await tx.db
      .update(adminTasks)
      .set({
        status: decisionStatus[input.decision],
        decisionReason: input.reason,
        unfundedException: input.decision === "admit" && Number(task.fundingFenPerCommunity) === 0 ? exception : null,
        meetingResolutionId: input.meeting_resolution_id ?? null,
        decidedAt: now,
        decidedBy: tx.actor.userId,
        version: task.version + 1,
        updatedAt: now,
      })
      .where(eq(adminTasks.id, id));
    await tx.audit.record(`admin_tasks.${input.decision}`, {
      entityType: "admin_task",
      entityId: id,
      areaCode: task.areaCode,
      detail: {
        decision: input.decision,
        unfunded_exception: input.decision === "admit" && Number(task.fundingFenPerCommunity) === 0,
        meeting_resolution: input.meeting_resolution_id ?? null,
      },
    });
    await notify(tx, {
      recipients: await departmentAccounts(tx, task.departmentId),
      areaCode: task.areaCode,
      kind: "admin_task_decided",
      title: `准入决定：${task.title}（${decisionWords[input.decision]}）`,
      body: `您申报的社区工作事项「${task.title}」：${decisionWords[input.decision]}。理由：${input.reason}`,
      link: `/admin-tasks/${id}`,
    });
    if (input.decision === "admit") {
      await startTask(tx, id);
    }
  });
  return getTaskUnchecked(ctx, id);
}

/**
 * A street (or district) takes an admitted task back from communities of its jurisdiction (回收) and
 * assigns it to a street office or a social worker post: the targets become taken_back, their open
 * occurrences due today or later are cancelled (they leave the community's queue), the communities'
 * staff are notified. @throws NOT_FOUND, FORBIDDEN (no review scope over any target),
 * VERSION_CONFLICT, ADMIN_TASK_STATE (not admitted), ADMIN_TASK_TARGET_INVALID (a named community
 * not a target in scope), ADMIN_TASK_NOTHING_TO_TAKE_BACK.
 */
export async function takeBackTask(ctx: ActorCtx, id: string, input: AdminTaskTakeBack): Promise<AdminTaskDetail> {
  await withTx(ctx, async (tx) => {
    const task = await visibleTaskForUpdate(tx, id);
    const scope = roleScope(tx.actor, "official", "admin_tasks.review");
    if (scope.length === 0) {
      throw forbidden();
    }
    if (task.version !== input.version) {
      throw versionConflict(await getTaskUnchecked(tx, id));
    }
    if (task.status !== "admitted") {
      throw new AppError("ADMIN_TASK_STATE", { status: statusNames[task.status] ?? task.status });
    }
    const targets = await tx.db.select().from(adminTaskTargets).where(eq(adminTaskTargets.taskId, id));
    const inScopeTargets = targets.filter((target) => isInScope(target.areaCode, scope));
    if (inScopeTargets.length === 0) {
      throw forbidden();
    }
    let chosen = inScopeTargets.filter((target) => target.status === "active");
    if (input.communities) {
      for (const code of input.communities) {
        if (!inScopeTargets.some((target) => target.areaCode === code)) {
          throw new AppError("ADMIN_TASK_TARGET_INVALID", { code });
        }
      }
      chosen = chosen.filter((target) => input.communities!.includes(target.areaCode));
    }
    if (chosen.length === 0) {
      throw new AppError("ADMIN_TASK_NOTHING_TO_TAKE_BACK");
    }
    const codes = chosen.map((target) => target.areaCode);
    const now = tx.now();
    await tx.db
      .update(adminTaskTargets)
      .set({
        status: "taken_back",
        takenBackAt: now,
        takenBackBy: tx.actor.userId,
        assigneeKind: input.assignee_kind,
        assigneeName: input.assignee_name,
        takeBackReason: input.reason,
        updatedAt: now,
      })
      .where(and(eq(adminTaskTargets.taskId, id), inArray(adminTaskTargets.areaCode, codes), eq(adminTaskTargets.status, "active")));
    const cancelled = await tx.db
      .update(adminTaskOccurrences)
      .set({ status: "cancelled", version: sql`${adminTaskOccurrences.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(adminTaskOccurrences.taskId, id),
          inArray(adminTaskOccurrences.areaCode, codes),
          eq(adminTaskOccurrences.status, "open"),
          gte(adminTaskOccurrences.dueOn, todayOf(tx)),
        ),
      )
      .returning({ id: adminTaskOccurrences.id });
    await tx.db
      .update(adminTasks)
      .set({ version: task.version + 1, updatedAt: now })
      .where(eq(adminTasks.id, id));
    await tx.audit.record("admin_tasks.take_back", {
      entityType: "admin_task",
      entityId: id,
      areaCode: task.areaCode,
      detail: { communities: codes, assignee_kind: input.assignee_kind, assignee_name: input.assignee_name, cancelled: cancelled.length },
    });
    await notify(tx, {
      recipients: await accountsAt(tx, "community_staff", codes),
      areaCode: task.areaCode,
      kind: "admin_task_taken_back",
      title: `事项已由街道回收：${task.title}`,
      body: `「${task.title}」已由${input.assignee_name}承担，社区不再办理。理由：${input.reason}`,
      link: `/admin-tasks/${id}`,
    });
  });
  return getTaskUnchecked(ctx, id);
}
