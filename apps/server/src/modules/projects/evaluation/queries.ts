import { and, eq } from "drizzle-orm";
import type { EvaluatorCandidate, ProjectEvaluation, Role } from "@sanshe/contracts";
import type { ActorCtx } from "../../../platform/ctx.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { membershipPermissions } from "../../../platform/auth/permissions.js";
import { memberships, users } from "../../../platform/auth/index.js";
import { ancestorOf } from "../../../platform/scope/index.js";
import { findEvaluation, getVisibleContractRow, purchaserScope } from "../contracts/queries.js";

/** Active users holding projects.evaluate over `areaCode` (one query). */
export async function evaluatorsOver(ctx: ActorCtx, areaCode: string, userId?: string): Promise<EvaluatorCandidate[]> {
  const rows = await ctx.db
    .select({
      id: users.id,
      displayName: users.displayName,
      membershipId: memberships.id,
      role: memberships.role,
      area: memberships.areaCode,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.status, "active"), ancestorOf(memberships.areaCode, areaCode), ...(userId ? [eq(users.id, userId)] : [])));
  const eligible = new Map<string, EvaluatorCandidate>();
  for (const row of rows) {
    const grant = { id: row.membershipId, role: row.role as Role, areaCode: row.area, organizationId: null };
    if (membershipPermissions(grant).includes("projects.evaluate")) {
      eligible.set(row.id, { id: row.id, display_name: row.displayName });
    }
  }
  return [...eligible.values()].sort((a, b) => a.display_name.localeCompare(b.display_name, "zh-CN"));
}

/** GET /contracts/{id}/evaluator-candidates: who the purchaser may assign as third-party evaluator. */
export async function listEvaluatorCandidates(ctx: ActorCtx, contractId: string): Promise<{ items: EvaluatorCandidate[] }> {
  const contract = await getVisibleContractRow(ctx, contractId);
  if (!purchaserScope(ctx).some((prefix) => contract.areaCode.startsWith(prefix))) {
    throw notFound();
  }
  return { items: await evaluatorsOver(ctx, contract.areaCode) };
}

/** GET /contracts/{id}/evaluation: for whoever reads the contract. @throws NOT_FOUND before closing. */
export async function getEvaluation(ctx: ActorCtx, contractId: string): Promise<ProjectEvaluation> {
  const contract = await getVisibleContractRow(ctx, contractId);
  const evaluation = await findEvaluation(ctx, contract.id);
  if (!evaluation) {
    throw notFound();
  }
  return evaluation;
}
