import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { CallCreate, CallDetail, CallUpdate, Role } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../../platform/ctx.js";
import { AppError, forbidden, versionConflict } from "../../../platform/errors/app-error.js";
import { memberships, users } from "../../../platform/auth/index.js";
import { membershipPermissions } from "../../../platform/auth/permissions.js";
import { listCategories } from "../../needs/index.js";
import { callForUpdate, getCall } from "./queries.js";
import { presentCall } from "./present.js";
import { purchaserScope } from "./access.js";
import { callCriteria, callReviewers, calls } from "../schema.js";

type CallData = Omit<CallCreate, "area_code">;

/** The rules a call's content must meet, whatever its status: areas, money, weights, categories, panel. */
async function checkCallData(ctx: ActorCtx, areaCode: string, data: CallData): Promise<void> {
  if (data.target_area_codes.some((code) => !code.startsWith(areaCode))) {
    throw new AppError("CALL_TARGET_OUTSIDE");
  }
  if (data.project_cap_fen > data.total_budget_fen) {
    throw new AppError("CALL_CAP_OVER_BUDGET");
  }
  const rubric = data.criteria.reduce((sum, c) => sum + c.weight, 0);
  if (rubric !== 100) {
    throw new AppError("CALL_RUBRIC_WEIGHTS", { sum: rubric });
  }
  const weights = data.evaluation_weights;
  const evaluation = weights.purchaser + weights.beneficiaries + weights.third_party;
  if (evaluation !== 100) {
    throw new AppError("CALL_EVALUATION_WEIGHTS", { sum: evaluation });
  }
  if (data.need_categories.length > 0) {
    const known = new Set((await listCategories(ctx)).items.map((c) => c.code));
    if (data.need_categories.some((code) => !known.has(code))) {
      throw new AppError("CALL_CATEGORY_UNKNOWN");
    }
  }
  const panel = [...new Set(data.reviewer_ids)];
  if (panel.length > 0) {
    const grants = await ctx.db
      .select({
        userId: memberships.userId,
        id: memberships.id,
        role: memberships.role,
        areaCode: memberships.areaCode,
        organizationId: memberships.organizationId,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(inArray(memberships.userId, panel), eq(users.status, "active")));
    const qualified = new Set(
      grants
        .filter((g) => areaCode.startsWith(g.areaCode) && membershipPermissions({ ...g, role: g.role as Role }).includes("projects.review"))
        .map((g) => g.userId),
    );
    if (panel.some((id) => !qualified.has(id))) {
      throw new AppError("CALL_REVIEWER_INVALID");
    }
  }
}

async function writeRubricAndPanel(ctx: ActorCtx, callId: string, areaCode: string, data: Pick<CallData, "criteria" | "reviewer_ids">) {
  await ctx.db.delete(callCriteria).where(eq(callCriteria.callId, callId));
  await ctx.db.delete(callReviewers).where(eq(callReviewers.callId, callId));
  await ctx.db.insert(callCriteria).values(
    data.criteria.map((c, position) => ({
      areaCode,
      callId,
      position,
      name: c.name,
      description: c.description ?? null,
      weight: c.weight,
    })),
  );
  const panel = [...new Set(data.reviewer_ids)];
  if (panel.length > 0) {
    await ctx.db.insert(callReviewers).values(panel.map((userId) => ({ areaCode, callId, userId, createdAt: ctx.now() })));
  }
}

function callColumns(data: Partial<CallData>) {
  return {
    ...(data.purchaser_name !== undefined ? { purchaserName: data.purchaser_name } : {}),
    ...(data.mode !== undefined ? { mode: data.mode } : {}),
    ...(data.title !== undefined ? { title: data.title } : {}),
    ...(data.description !== undefined ? { description: data.description } : {}),
    ...(data.need_categories !== undefined ? { needCategories: [...new Set(data.need_categories)] } : {}),
    ...(data.target_area_codes !== undefined ? { targetAreaCodes: [...new Set(data.target_area_codes)] } : {}),
    ...(data.total_budget_fen !== undefined ? { totalBudgetFen: data.total_budget_fen } : {}),
    ...(data.project_cap_fen !== undefined ? { projectCapFen: data.project_cap_fen } : {}),
    ...(data.min_org_grade !== undefined ? { minOrgGrade: data.min_org_grade } : {}),
    ...(data.eligible_org_categories !== undefined ? { eligibleOrgCategories: [...new Set(data.eligible_org_categories)] } : {}),
    ...(data.require_local_presence !== undefined ? { requireLocalPresence: data.require_local_presence } : {}),
    ...(data.required_documents !== undefined ? { requiredDocuments: [...new Set(data.required_documents)] } : {}),
    ...(data.submission_deadline !== undefined ? { submissionDeadline: new Date(data.submission_deadline) } : {}),
    ...(data.evaluation_weights !== undefined ? { evaluationWeights: data.evaluation_weights } : {}),
  };
}

/** POST /calls: drafts a call in a jurisdiction the actor manages; the ocid is `${prefix}-${id}`. */
export async function createCall(ctx: ActorCtx, input: CallCreate, ocidPrefix: string): Promise<CallDetail> {
  if (!purchaserScope(ctx).some((prefix) => input.area_code.startsWith(prefix))) {
    throw forbidden();
  }
  const { area_code: areaCode, ...data } = input;
  return withTx(ctx, async (tx) => {
    await checkCallData(tx, areaCode, data);
    const id = randomUUID();
    const now = tx.now();
    await tx.db.insert(calls).values({
      id,
      areaCode,
      ocid: `${ocidPrefix}-${id}`,
      purchaserName: data.purchaser_name,
      mode: data.mode,
      title: data.title,
      description: data.description,
      totalBudgetFen: data.total_budget_fen,
      projectCapFen: data.project_cap_fen,
      submissionDeadline: new Date(data.submission_deadline),
      ...callColumns(data),
      status: "draft",
      createdBy: tx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await writeRubricAndPanel(tx, id, areaCode, data);
    await tx.audit.record("calls.create", { entityType: "call", entityId: id, areaCode, detail: { title: data.title, mode: data.mode } });
    return getCall(tx, id);
  });
}

function currentData(row: typeof calls.$inferSelect): Omit<CallData, "criteria" | "reviewer_ids"> {
  return {
    purchaser_name: row.purchaserName,
    mode: row.mode,
    title: row.title,
    description: row.description,
    need_categories: row.needCategories,
    target_area_codes: row.targetAreaCodes,
    total_budget_fen: row.totalBudgetFen,
    project_cap_fen: row.projectCapFen,
    min_org_grade: row.minOrgGrade,
    eligible_org_categories: row.eligibleOrgCategories as CallData["eligible_org_categories"],
    require_local_presence: row.requireLocalPresence,
    required_documents: row.requiredDocuments,
    submission_deadline: row.submissionDeadline.toISOString(),
    evaluation_weights: row.evaluationWeights,
  };
}

/** PATCH /calls/{id}: edits a draft (version checked; 409 VERSION_CONFLICT with the current copy). */
export async function updateCall(ctx: ActorCtx, id: string, input: CallUpdate): Promise<CallDetail> {
  return withTx(ctx, async (tx) => {
    const row = await callForUpdate(tx, id);
    if (row.version !== input.version) {
      throw versionConflict(presentCall(row, row.status));
    }
    if (row.status !== "draft") {
      throw new AppError("CALL_WRONG_STATUS", { status: row.status });
    }
    const rubric = await tx.db.select().from(callCriteria).where(eq(callCriteria.callId, id)).orderBy(callCriteria.position);
    const panel = await tx.db.select({ userId: callReviewers.userId }).from(callReviewers).where(eq(callReviewers.callId, id));
    const merged: CallData = {
      ...currentData(row),
      criteria: rubric.map((c) => ({ name: c.name, description: c.description, weight: c.weight })),
      reviewer_ids: panel.map((r) => r.userId),
      ...input.data,
    };
    await checkCallData(tx, row.areaCode, merged);
    await tx.db
      .update(calls)
      .set({ ...callColumns(input.data), version: row.version + 1, updatedAt: tx.now() })
      .where(eq(calls.id, id));
    if (input.data.criteria !== undefined || input.data.reviewer_ids !== undefined) {
      await writeRubricAndPanel(tx, id, row.areaCode, merged);
    }
    await tx.audit.record("calls.update", {
      entityType: "call",
      entityId: id,
      areaCode: row.areaCode,
      detail: { fields: Object.keys(input.data) },
    });
    return getCall(tx, id);
  });
}

async function transition(ctx: ActorCtx, id: string, version: number, action: "publish" | "cancel"): Promise<CallDetail> {
  return withTx(ctx, async (tx) => {
    const row = await callForUpdate(tx, id);
    if (row.version !== version) {
      throw versionConflict(presentCall(row, row.status));
    }
    const now = tx.now();
    if (action === "publish") {
      if (row.status !== "draft") {
        throw new AppError("CALL_WRONG_STATUS", { status: row.status });
      }
      if (row.submissionDeadline <= now) {
        throw new AppError("CALL_DEADLINE_PAST");
      }
    } else if (row.status === "awarded" || row.status === "cancelled") {
      throw new AppError("CALL_WRONG_STATUS", { status: row.status });
    }
    await tx.db
      .update(calls)
      .set({
        status: action === "publish" ? "open" : "cancelled",
        ...(action === "publish" ? { publishedAt: now } : {}),
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(calls.id, id));
    await tx.audit.record(`calls.${action}`, { entityType: "call", entityId: id, areaCode: row.areaCode, detail: { from: row.status } });
    return getCall(tx, id);
  });
}

/** POST /calls/{id}/publish: a draft goes open; the deadline must lie in the future. */
export const publishCall = (ctx: ActorCtx, id: string, version: number) => transition(ctx, id, version, "publish");
/** POST /calls/{id}/cancel: any call not yet awarded or cancelled. */
export const cancelCall = (ctx: ActorCtx, id: string, version: number) => transition(ctx, id, version, "cancel");
