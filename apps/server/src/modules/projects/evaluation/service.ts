import { and, eq, ne, sql } from "drizzle-orm";
import type { ContractClosing, ContractDetail, ProjectEvaluation, PurchaserEvaluation, ThirdPartyEvaluation } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../../platform/ctx.js";
import { AppError, notFound, versionConflict } from "../../../platform/errors/app-error.js";
import { users } from "../../../platform/auth/index.js";
import { inScope } from "../../../platform/scope/index.js";
import { organizationRatings } from "../../needs/index.js";
import { findEvaluation, presentContractDetail, purchaserScope } from "../contracts/queries.js";
import { presentEvaluation } from "../contracts/present.js";
import { evaluatorsOver } from "./queries.js";
import { gradeOf, satisfactionScore, totalScore } from "./rules.js";
import { calls, milestones, projectContracts, projectEvaluations } from "../schema.js";

type ContractRow = typeof projectContracts.$inferSelect;
type EvaluationRow = typeof projectEvaluations.$inferSelect;

/** The contract, locked, if the actor is its purchaser (calls.manage over its area). @throws NOT_FOUND otherwise. */
async function lockPurchasedContract(ctx: ActorCtx, id: string): Promise<ContractRow> {
  const [row] = await ctx.db
    .select()
    .from(projectContracts)
    .where(and(eq(projectContracts.id, id), inScope(projectContracts.areaCode, purchaserScope(ctx))))
    .for("update");
  if (!row) {
    throw notFound();
  }
  return row;
}

/**
 * POST /contracts/{id}/closing: the purchaser closes a contract whose milestones are all accepted
 * (status closing) or terminates it early with a reason (status terminated), and assigns the
 * third-party evaluator. The beneficiaries' satisfaction is computed now from the served residents'
 * own ratings of the organization's work (referrals it completed with a service record, never ones
 * it declined), in the call's need categories and target areas (the call's area if it names none),
 * rated within the contract period; call-back ratings are counted apart and shown, never scored.
 *
 * @throws NOT_FOUND; VERSION_CONFLICT; CONTRACT_NOT_ACTIVE; CONTRACT_MILESTONES_OPEN; EVALUATION_EVALUATOR_INVALID.
 */
export async function closeContract(ctx: ActorCtx, contractId: string, input: ContractClosing): Promise<ContractDetail> {
  return withTx(ctx, async (tx) => {
    const contract = await lockPurchasedContract(tx, contractId);
    if (input.version !== contract.version) {
      throw versionConflict(await presentContractDetail(tx, contract));
    }
    if (contract.status !== "active") {
      throw new AppError("CONTRACT_NOT_ACTIVE");
    }
    if (input.action === "close") {
      const [open] = await tx.db
        .select({ id: milestones.id })
        .from(milestones)
        .where(and(eq(milestones.areaCode, contract.areaCode), eq(milestones.contractId, contract.id), ne(milestones.status, "accepted")))
        .limit(1);
      if (open) {
        throw new AppError("CONTRACT_MILESTONES_OPEN");
      }
    }
    if ((await evaluatorsOver(tx, contract.areaCode, input.evaluator_id)).length === 0) {
      throw new AppError("EVALUATION_EVALUATOR_INVALID");
    }
    const [call] = await tx.db.select().from(calls).where(eq(calls.id, contract.callId));
    if (!call) {
      throw notFound();
    }
    const ratings = await organizationRatings(tx, {
      orgId: contract.orgId,
      categories: call.needCategories,
      areaPrefixes: call.targetAreaCodes.length > 0 ? call.targetAreaCodes : [call.areaCode],
      from: contract.periodStart,
      to: contract.periodEnd,
    });
    const now = tx.now();
    await tx.db.insert(projectEvaluations).values({
      contractId: contract.id,
      areaCode: contract.areaCode,
      evaluatorId: input.evaluator_id,
      beneficiaryScore: satisfactionScore(ratings.average),
      beneficiaryRatings: ratings.count,
      callbackRatings: ratings.callback.count,
      callbackAverage: ratings.callback.average === null ? null : Math.round(ratings.callback.average * 100) / 100,
      weights: call.evaluationWeights,
      createdAt: now,
      updatedAt: now,
    });
    const terminated = input.action === "terminate";
    const [updated] = await tx.db
      .update(projectContracts)
      .set({
        status: terminated ? "terminated" : "closing",
        ...(terminated ? { closedAt: now } : {}),
        version: sql`${projectContracts.version} + 1`,
        updatedAt: now,
      })
      .where(eq(projectContracts.id, contract.id))
      .returning();
    await tx.audit.record(terminated ? "projects.contract_terminate" : "projects.contract_close", {
      entityType: "project_contract",
      entityId: contract.id,
      areaCode: contract.areaCode,
      detail: {
        evaluator: input.evaluator_id,
        ratings: ratings.count,
        ...(input.action === "terminate" ? { reason: input.reason } : {}),
      },
    });
    return presentContractDetail(tx, updated as ContractRow);
  });
}

/** The evaluation row of a contract, locked, with the contract; `party` decides who may write. */
async function lockEvaluation(
  ctx: ActorCtx,
  contractId: string,
  party: "purchaser" | "third_party",
): Promise<{ evaluation: EvaluationRow; contract: ContractRow }> {
  const who =
    party === "purchaser" ? inScope(projectContracts.areaCode, purchaserScope(ctx)) : eq(projectEvaluations.evaluatorId, ctx.actor.userId);
  const [row] = await ctx.db
    .select({ evaluation: projectEvaluations, contract: projectContracts })
    .from(projectEvaluations)
    .innerJoin(projectContracts, eq(projectContracts.id, projectEvaluations.contractId))
    .where(and(eq(projectEvaluations.contractId, contractId), who))
    .for("update");
  if (!row) {
    throw notFound();
  }
  return row;
}

/**
 * Records one party's part; when the purchaser's and the evaluator's scores are both in (the
 * beneficiaries' part was computed at closing), computes the total with the call's weights and the
 * grade, and a closing contract becomes closed.
 */
async function recordPart(
  ctx: ActorCtx,
  contractId: string,
  party: "purchaser" | "third_party",
  version: number,
  change: (evaluation: EvaluationRow, contract: ContractRow) => Partial<EvaluationRow>,
): Promise<ProjectEvaluation> {
  return withTx(ctx, async (tx) => {
    const { evaluation, contract } = await lockEvaluation(tx, contractId, party);
    if (evaluation.completedAt) {
      throw new AppError("EVALUATION_COMPLETED");
    }
    if (version !== evaluation.version) {
      throw versionConflict(await findEvaluation(tx, contract.id));
    }
    const merged = { ...evaluation, ...change(evaluation, contract) };
    const now = tx.now();
    const complete = merged.purchaserScore !== null && merged.thirdPartyScore !== null;
    const total = complete
      ? totalScore(merged.weights, {
          purchaser: Number(merged.purchaserScore),
          beneficiaries: merged.beneficiaryRatings > 0 ? Number(merged.beneficiaryScore) : null,
          thirdParty: Number(merged.thirdPartyScore),
        })
      : null;
    const [updated] = await tx.db
      .update(projectEvaluations)
      .set({
        purchaserScore: merged.purchaserScore,
        purchaserComment: merged.purchaserComment,
        thirdPartyScore: merged.thirdPartyScore,
        thirdPartyComment: merged.thirdPartyComment,
        kpiResults: merged.kpiResults,
        ...(total !== null ? { totalScore: total, grade: gradeOf(total), completedAt: now } : {}),
        version: sql`${projectEvaluations.version} + 1`,
        updatedAt: now,
      })
      .where(eq(projectEvaluations.contractId, contract.id))
      .returning();
    if (total !== null && contract.status === "closing") {
      await tx.db
        .update(projectContracts)
        .set({ status: "closed", closedAt: now, version: sql`${projectContracts.version} + 1`, updatedAt: now })
        .where(eq(projectContracts.id, contract.id));
    }
    await tx.audit.record(party === "purchaser" ? "projects.evaluation_purchaser" : "projects.evaluation_third_party", {
      entityType: "project_contract",
      entityId: contract.id,
      areaCode: contract.areaCode,
      detail: {
        score: party === "purchaser" ? merged.purchaserScore : merged.thirdPartyScore,
        ...(total !== null ? { total, grade: gradeOf(total) } : {}),
      },
    });
    const [evaluator] = await tx.db.select({ name: users.displayName }).from(users).where(eq(users.id, evaluation.evaluatorId));
    return presentEvaluation(updated as EvaluationRow, evaluator?.name ?? "");
  });
}

/** PUT /contracts/{id}/evaluation/purchaser: the purchaser's score and comment. */
export async function recordPurchaserEvaluation(ctx: ActorCtx, contractId: string, input: PurchaserEvaluation): Promise<ProjectEvaluation> {
  return recordPart(ctx, contractId, "purchaser", input.version, () => ({ purchaserScore: input.score, purchaserComment: input.comment }));
}

/**
 * PUT /contracts/{id}/evaluation/third-party: the assigned evaluator's KPI findings, score and comment.
 * @throws EVALUATION_KPIS_MISMATCH unless each of the contract's KPIs is given exactly once.
 */
export async function recordThirdPartyEvaluation(
  ctx: ActorCtx,
  contractId: string,
  input: ThirdPartyEvaluation,
): Promise<ProjectEvaluation> {
  return recordPart(ctx, contractId, "third_party", input.version, (_evaluation, contract) => {
    const given = new Map(input.kpi_results.map((kpi) => [kpi.name, kpi.achieved]));
    if (
      given.size !== input.kpi_results.length ||
      given.size !== contract.kpis.length ||
      contract.kpis.some((kpi) => !given.has(kpi.name))
    ) {
      throw new AppError("EVALUATION_KPIS_MISMATCH");
    }
    return {
      thirdPartyScore: input.score,
      thirdPartyComment: input.comment,
      kpiResults: contract.kpis.map((kpi) => ({ ...kpi, achieved: given.get(kpi.name) ?? 0 })),
    };
  });
}
