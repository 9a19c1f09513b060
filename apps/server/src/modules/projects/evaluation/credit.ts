import { desc, eq, sql } from "drizzle-orm";
import type { CreditRecord, CreditSummary } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../../platform/ctx.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { isOrganizationActive, isOrganizationReadable } from "../../social-orgs/index.js";
import { organizationRatingSummary } from "../../needs/index.js";
import { milestoneReports, milestones, projectContracts, projectEvaluations } from "../schema.js";

/**
 * An organization's credit record (信用记录) from its project history: every contract with its status
 * and closing grade, milestones overdue (past due and not accepted, or accepted after the due date,
 * in China Standard Time) and milestone reports returned. One statement over the schema.
 */
async function contractRows(ctx: Ctx, orgId: string): Promise<CreditRecord["projects"]> {
  const today = sql`(${ctx.now().toISOString()}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`;
  const overdue = sql<number>`(SELECT count(*)::int FROM ${milestones} m WHERE m.contract_id = ${projectContracts.id}
    AND ((m.status <> 'accepted' AND m.due_on < ${today}) OR (m.status = 'accepted' AND (m.accepted_at AT TIME ZONE 'Asia/Shanghai')::date > m.due_on)))`;
  const returned = sql<number>`(SELECT count(*)::int FROM ${milestoneReports} r JOIN ${milestones} m ON m.id = r.milestone_id
    WHERE m.contract_id = ${projectContracts.id} AND r.outcome = 'returned')`;
  const rows = await ctx.db
    .select({
      contract: projectContracts,
      grade: projectEvaluations.grade,
      totalScore: projectEvaluations.totalScore,
      overdue,
      returned,
    })
    .from(projectContracts)
    .leftJoin(projectEvaluations, eq(projectEvaluations.contractId, projectContracts.id))
    .where(eq(projectContracts.orgId, orgId))
    .orderBy(desc(projectContracts.signedAt), desc(projectContracts.id));
  return rows.map((row) => ({
    contract_id: row.contract.id,
    title: row.contract.title,
    area_code: row.contract.areaCode,
    status: row.contract.status,
    amount_fen: Number(row.contract.amountFen),
    signed_at: row.contract.signedAt.toISOString(),
    grade: row.grade ?? null,
    total_score: row.totalScore === null ? null : Number(row.totalScore),
    overdue_milestones: Number(row.overdue),
    returned_reports: Number(row.returned),
  }));
}

function summarize(projects: CreditRecord["projects"]): CreditSummary {
  const grades = { excellent: 0, good: 0, pass: 0, fail: 0 };
  for (const project of projects) {
    if (project.grade) {
      grades[project.grade] += 1;
    }
  }
  return {
    completed: projects.filter((p) => p.status === "closed").length,
    total: projects.length,
    overdue_milestones: projects.reduce((sum, p) => sum + p.overdue_milestones, 0),
    returned_reports: projects.reduce((sum, p) => sum + p.returned_reports, 0),
    grades,
  };
}

/** The organization's full credit record, for whoever may read it (the caller has checked). */
export async function creditRecordOf(ctx: Ctx, orgId: string): Promise<CreditRecord> {
  const projects = await contractRows(ctx, orgId);
  const ratings = await organizationRatingSummary(ctx, orgId);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  return {
    org_id: orgId,
    ...summarize(projects),
    ratings: {
      residents: { count: ratings.count, average: round(ratings.average) },
      callbacks: { count: ratings.callback.count, average: round(ratings.callback.average) },
    },
    projects,
  };
}

/**
 * GET /social-orgs/{id}/credit: 404 unless the actor reads that organization's full record (the
 * registry's rule: by area, including where it serves or is contracted; org staff their own only).
 */
export async function getCreditRecord(ctx: ActorCtx, orgId: string): Promise<CreditRecord> {
  if (!(await isOrganizationReadable(ctx, orgId))) {
    throw notFound();
  }
  return creditRecordOf(ctx, orgId);
}

/** GET /public/social-orgs/{id}/credit: counts and grades of an active organization, nothing else. */
export async function getPublicCreditSummary(ctx: Ctx, orgId: string): Promise<CreditSummary> {
  if (!(await isOrganizationActive(ctx, orgId))) {
    throw notFound();
  }
  return summarize(await contractRows(ctx, orgId));
}
