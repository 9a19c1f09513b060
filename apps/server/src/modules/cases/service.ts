import { and, eq, sql } from "drizzle-orm";
import {
  caseStatusLabels,
  caseTransitions,
  type Case,
  type CaseClose,
  type CaseCreate,
  type CaseFromReferral,
  type CaseGoalCreate,
  type CaseGoalUpdate,
  type CaseReviewCreate,
  type CaseSessionCreate,
  type CaseStatus,
  type CaseUpdate,
} from "@sanshe/contracts";
import { withTx, type ActorCtx, type Ctx } from "../../platform/ctx.js";
import { AppError, forbidden, notFound, versionConflict } from "../../platform/errors/app-error.js";
import { fieldMessages } from "../../platform/errors/catalog.js";
import { getResidentRow } from "../residents/index.js";
import { findWorkerOfUser } from "../social-workers/index.js";
import { caseGoals, caseReviews, cases, caseSessions, type CaseRow } from "./schema.js";
import { caseIdOfReferral, countOpenGoals, findVisibleCase, loadCase } from "./queries.js";

/** Today's date (YYYY-MM-DD) in China Standard Time, from the ctx clock. */
export function todayIn(ctx: Ctx): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    ctx.now(),
  );
}

function fieldError(ctx: Ctx, path: string, code: string): AppError {
  const message = fieldMessages[code]?.[ctx.locale] ?? code;
  return new AppError("VALIDATION_FAILED", {}, { errors: [{ path, code, message }] });
}

function notInFuture(ctx: Ctx, date: string, path: string): void {
  if (date > todayIn(ctx)) {
    throw fieldError(ctx, path, "DATE_IN_FUTURE");
  }
}

/** The caller's own social worker record. @throws AppError CASE_NO_WORKER without one. */
async function requireOwnWorker(tx: ActorCtx): Promise<{ id: string }> {
  const worker = await findWorkerOfUser(tx, tx.actor.userId);
  if (!worker) {
    throw new AppError("CASE_NO_WORKER");
  }
  return worker;
}

/** The intake assessment of a new case and its opening date (today by default, never in the future). */
function intakeOf(tx: Ctx, input: Pick<CaseCreate, "opened_on" | "needs" | "risks" | "risk_level">) {
  const openedOn = input.opened_on ?? todayIn(tx);
  notInFuture(tx, openedOn, "body.opened_on");
  return { needs: input.needs ?? null, risks: input.risks ?? null, riskLevel: input.risk_level, openedOn };
}

const actions = {
  move: { "zh-CN": "转到该阶段", en: "move to that stage" },
  edit: { "zh-CN": "修改", en: "be changed" },
  session: { "zh-CN": "记录服务", en: "take sessions (start the service first)" },
  review: { "zh-CN": "记录评估（请先转入评估阶段）", en: "take a review (move it to review first)" },
  close: { "zh-CN": "结案（结案前须先评估）", en: "be closed (review it first)" },
} as const;

function caseState(ctx: Ctx, status: CaseStatus, action: keyof typeof actions): AppError {
  return new AppError("CASE_STATE", {
    status: ctx.locale === "zh-CN" ? caseStatusLabels[status] : status,
    action: actions[action][ctx.locale],
  });
}

/** The case locked for a write by its owner: 404 when unreadable, 403 when readable but someone else's. */
async function ownedCase(tx: ActorCtx, id: string): Promise<{ row: CaseRow; workerId: string }> {
  const { row, workerId } = await findVisibleCase(tx, id, { forUpdate: true });
  if (!workerId || row.workerId !== workerId) {
    throw forbidden();
  }
  return { row, workerId };
}

/** Bumps the case's version and updated_at (any change to the file) with extra values. */
async function touch(tx: Ctx, row: CaseRow, values: Partial<typeof cases.$inferInsert> = {}): Promise<CaseRow> {
  const [updated] = await tx.db
    .update(cases)
    .set({ ...values, version: sql`${cases.version} + 1`, updatedAt: tx.now() })
    .where(eq(cases.id, row.id))
    .returning();
  if (!updated) {
    throw notFound();
  }
  return updated;
}

/** After a change to a part of the case file (goal, session): touches the case, audits `action` on it, and reloads it. */
async function touchAudited(tx: ActorCtx, row: CaseRow, workerId: string, action: string, detail: Record<string, unknown>): Promise<Case> {
  const updated = await touch(tx, row);
  await tx.audit.record(action, { entityType: "case", entityId: row.id, areaCode: row.areaCode, detail });
  return loadCase(tx, updated, workerId);
}

/** Inserts a new case at intake, opened by the caller, and audits it as cases.open (both ways of opening). */
async function insertCase(
  tx: ActorCtx,
  values: Omit<typeof cases.$inferInsert, "openedBy" | "id" | "status" | "createdAt" | "updatedAt" | "version">,
): Promise<typeof cases.$inferSelect> {
  const [row] = await tx.db
    .insert(cases)
    .values({ ...values, openedBy: tx.actor.userId })
    .returning();
  if (!row) {
    throw new Error("case not inserted");
  }
  await tx.audit.record("cases.open", {
    entityType: "case",
    entityId: row.id,
    areaCode: row.areaCode,
    detail: { risk_level: row.riskLevel, referral_id: row.referralId, need_id: row.needId },
  });
  return row;
}

/**
 * Opens a case for a resident in the caller's readable scope, owned by the caller's social worker
 * record, at stage intake with the intake assessment.
 * @throws AppError CASE_NO_WORKER without a linked worker record; NOT_FOUND for a resident out of scope.
 */
export async function openCase(ctx: ActorCtx, input: CaseCreate): Promise<Case> {
  return withTx(ctx, async (tx) => {
    const worker = await requireOwnWorker(tx);
    const resident = await getResidentRow(tx, input.resident_id, "residents.read");
    const row = await insertCase(tx, {
      areaCode: resident.areaCode,
      residentId: resident.id,
      workerId: worker.id,
      referralId: null,
      presentingProblem: input.presenting_problem,
      ...intakeOf(tx, input),
    });
    return loadCase(tx, row, worker.id);
  });
}

/** What the needs module knows of a referral a social worker holds (checked by the caller). */
export type HeldReferral = { referralId: string; needId: string; residentId: string; areaCode: string; description: string };

/**
 * Opens a case from a referral the caller holds, inside the caller's transaction (the caller has
 * locked the referral and checked it is addressed to the caller and accepted). Resident and community
 * come from the need; at most one case per referral. Audited as cases.open with the referral.
 * @throws AppError CASE_NO_WORKER without a linked worker record; CASE_EXISTS (409, with existing_id).
 */
export async function openCaseFromReferral(tx: ActorCtx, held: HeldReferral, input: CaseFromReferral): Promise<Case> {
  const worker = await requireOwnWorker(tx);
  const existing = await caseIdOfReferral(tx, held.referralId);
  if (existing) {
    throw new AppError("CASE_EXISTS", {}, { existing_id: existing });
  }
  const row = await insertCase(tx, {
    areaCode: held.areaCode,
    residentId: held.residentId,
    workerId: worker.id,
    referralId: held.referralId,
    needId: held.needId,
    presentingProblem: input.presenting_problem ?? held.description,
    ...intakeOf(tx, input),
  });
  return loadCase(tx, row, worker.id);
}

/**
 * Changes the assessment and/or moves the case to the next stage (send the version you read).
 * @throws AppError NOT_FOUND, FORBIDDEN (not the owner), VERSION_CONFLICT, CASE_STATE.
 */
export async function updateCase(ctx: ActorCtx, id: string, input: CaseUpdate): Promise<Case> {
  return withTx(ctx, async (tx) => {
    const { row, workerId } = await ownedCase(tx, id);
    if (row.version !== input.version) {
      throw versionConflict(await loadCase(tx, row, workerId));
    }
    if (row.status === "closed") {
      throw caseState(tx, row.status, "edit");
    }
    const data = input.data;
    const values: Partial<typeof cases.$inferInsert> = {};
    if (data.presenting_problem !== undefined) {
      values.presentingProblem = data.presenting_problem;
    }
    if (data.needs !== undefined) {
      values.needs = data.needs;
    }
    if (data.risks !== undefined) {
      values.risks = data.risks;
    }
    if (data.risk_level !== undefined) {
      values.riskLevel = data.risk_level;
    }
    if (data.status !== undefined && data.status !== row.status) {
      if (!caseTransitions[row.status].includes(data.status)) {
        throw caseState(tx, row.status, "move");
      }
      values.status = data.status;
    }
    const updated = await touch(tx, row, values);
    await tx.audit.record("cases.update", {
      entityType: "case",
      entityId: row.id,
      areaCode: row.areaCode,
      detail: { fields: Object.keys(data).sort(), ...(values.status ? { from: row.status, to: values.status } : {}) },
    });
    return loadCase(tx, updated, workerId);
  });
}

/**
 * Adds a goal to the plan of a case that is not closed.
 * @throws AppError NOT_FOUND, FORBIDDEN, CASE_STATE.
 */
export async function addGoal(ctx: ActorCtx, id: string, input: CaseGoalCreate): Promise<Case> {
  return withTx(ctx, async (tx) => {
    const { row, workerId } = await ownedCase(tx, id);
    if (row.status === "closed") {
      throw caseState(tx, row.status, "edit");
    }
    const [goal] = await tx.db
      .insert(caseGoals)
      .values({ caseId: row.id, text: input.text, targetDate: input.target_date ?? null })
      .returning({ id: caseGoals.id });
    return touchAudited(tx, row, workerId, "cases.goal_add", { goal_id: goal?.id });
  });
}

/**
 * Changes a goal (text, target date, status: open / achieved / dropped); send the goal's version.
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_CONFLICT, CASE_STATE.
 */
export async function updateGoal(ctx: ActorCtx, id: string, goalId: string, input: CaseGoalUpdate): Promise<Case> {
  return withTx(ctx, async (tx) => {
    const { row, workerId } = await ownedCase(tx, id);
    const [goal] = await tx.db
      .select()
      .from(caseGoals)
      .where(and(eq(caseGoals.id, goalId), eq(caseGoals.caseId, row.id)))
      .for("update");
    if (!goal) {
      throw notFound();
    }
    if (goal.version !== input.version) {
      throw versionConflict({ id: goal.id, text: goal.text, target_date: goal.targetDate, status: goal.status, version: goal.version });
    }
    if (row.status === "closed") {
      throw caseState(tx, row.status, "edit");
    }
    const values: Partial<typeof caseGoals.$inferInsert> = {};
    if (input.data.text !== undefined) {
      values.text = input.data.text;
    }
    if (input.data.target_date !== undefined) {
      values.targetDate = input.data.target_date;
    }
    if (input.data.status !== undefined) {
      values.status = input.data.status;
    }
    await tx.db
      .update(caseGoals)
      .set({ ...values, version: sql`${caseGoals.version} + 1`, updatedAt: tx.now() })
      .where(eq(caseGoals.id, goal.id));
    return touchAudited(tx, row, workerId, "cases.goal_update", {
      goal_id: goal.id,
      fields: Object.keys(input.data).sort(),
      ...(values.status ? { status: values.status } : {}),
    });
  });
}

/**
 * Records a session (service record) while the case is in service or under review; the date may
 * not lie in the future.
 * @throws AppError NOT_FOUND, FORBIDDEN, CASE_STATE, VALIDATION_FAILED (DATE_IN_FUTURE).
 */
export async function addSession(ctx: ActorCtx, id: string, input: CaseSessionCreate): Promise<Case> {
  notInFuture(ctx, input.date, "body.date");
  return withTx(ctx, async (tx) => {
    const { row, workerId } = await ownedCase(tx, id);
    if (row.status !== "in_service" && row.status !== "review") {
      throw caseState(tx, row.status, "session");
    }
    const [session] = await tx.db
      .insert(caseSessions)
      .values({
        caseId: row.id,
        date: input.date,
        minutes: input.minutes,
        kind: input.kind,
        notes: input.notes,
        recordedBy: tx.actor.userId,
      })
      .returning({ id: caseSessions.id });
    return touchAudited(tx, row, workerId, "cases.session_add", { session_id: session?.id, kind: input.kind, minutes: input.minutes });
  });
}

/**
 * Records a review while the case is at stage review. "continue" sends the case back to in_service;
 * "close" and "refer" leave it in review (close it with a summary, or refer it).
 * @throws AppError NOT_FOUND, FORBIDDEN, CASE_STATE, VALIDATION_FAILED (DATE_IN_FUTURE).
 */
export async function addReview(ctx: ActorCtx, id: string, input: CaseReviewCreate): Promise<Case> {
  notInFuture(ctx, input.date, "body.date");
  return withTx(ctx, async (tx) => {
    const { row, workerId } = await ownedCase(tx, id);
    if (row.status !== "review") {
      throw caseState(tx, row.status, "review");
    }
    const [review] = await tx.db
      .insert(caseReviews)
      .values({ caseId: row.id, date: input.date, progress: input.progress, decision: input.decision, reviewedBy: tx.actor.userId })
      .returning({ id: caseReviews.id });
    const updated = await touch(tx, row, input.decision === "continue" ? { status: "in_service" } : {});
    await tx.audit.record("cases.review_add", {
      entityType: "case",
      entityId: row.id,
      areaCode: row.areaCode,
      detail: { review_id: review?.id, decision: input.decision },
    });
    return loadCase(tx, updated, workerId);
  });
}

/**
 * Closes a case under review with a closing summary. Refused while goals are open unless a reason
 * is given. A closed case is never reopened (open a new one).
 * @throws AppError NOT_FOUND, FORBIDDEN, VERSION_CONFLICT, CASE_STATE, CASE_OPEN_GOALS.
 */
export async function closeCase(ctx: ActorCtx, id: string, input: CaseClose): Promise<Case> {
  return withTx(ctx, async (tx) => {
    const { row, workerId } = await ownedCase(tx, id);
    if (row.version !== input.version) {
      throw versionConflict(await loadCase(tx, row, workerId));
    }
    if (row.status !== "review") {
      throw caseState(tx, row.status, "close");
    }
    const open = await countOpenGoals(tx, row.id);
    if (open > 0 && !input.reason) {
      throw new AppError("CASE_OPEN_GOALS", { count: open });
    }
    const updated = await touch(tx, row, {
      status: "closed",
      closedOn: todayIn(tx),
      closingSummary: input.closing_summary,
      closingReason: input.reason ?? null,
    });
    await tx.audit.record("cases.close", {
      entityType: "case",
      entityId: row.id,
      areaCode: row.areaCode,
      detail: { open_goals: open, with_reason: Boolean(input.reason) },
    });
    return loadCase(tx, updated, workerId);
  });
}
