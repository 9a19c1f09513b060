import { and, asc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type {
  Contract,
  ContractDetail,
  ContractListQuery,
  ContractSort,
  CountedPage,
  MilestoneEvidenceItem,
  ProjectEvaluation,
} from "@sanshe/contracts";
import { pageOf } from "../../../platform/pagination/page.js";
import { countCapped, sortedKeyset, type SortColumns } from "../../../platform/pagination/sorted.js";
import type { ActorCtx, Ctx } from "../../../platform/ctx.js";
import { notFound } from "../../../platform/errors/app-error.js";
import { membershipPermissions } from "../../../platform/auth/permissions.js";
import { users } from "../../../platform/auth/index.js";
import { inScope } from "../../../platform/scope/index.js";
import { getOrganizations } from "../../social-orgs/index.js";
import { organizationEvidence } from "../../needs/index.js";
import { calls, contractAttachments, milestoneReports, milestones, projectContracts, projectEvaluations } from "../schema.js";
import type { CallCoverage } from "./rules.js";
import {
  presentContract,
  presentContractAttachment,
  presentEvaluation,
  presentEvidenceItem,
  presentMilestone,
  presentReport,
} from "./present.js";
import { escapeLike } from "../../../platform/db/sql.js";

/**
 * Who reads contracts (rows answer 404 otherwise):
 * - purchaser side: officials and community staff with projects.read over the contract's area;
 * - organizations: their own organization's contracts (memberships with projects.apply);
 * - evaluators: the contracts whose evaluation names them.
 * Writes on the purchaser side use `purchaserScope` (calls.manage) instead.
 */

/** Area prefixes under which the actor reads contracts as (or beside) the purchaser. */
export function purchaserReadScope(ctx: ActorCtx): string[] {
  return ctx.actor.memberships
    .filter((m) => (m.role === "official" || m.role === "community_staff") && membershipPermissions(m).includes("projects.read"))
    .map((m) => m.areaCode);
}

/** Area prefixes under which the actor acts as the purchaser (sign, accept, close). */
export const purchaserScope = (ctx: ActorCtx): string[] => ctx.actor.scope("calls.manage");

/** Organizations the actor acts for in projects (org_staff memberships). */
export function actorOrganizations(ctx: ActorCtx): string[] {
  return ctx.actor.memberships
    .filter((m) => m.organizationId !== null && membershipPermissions(m).includes("projects.apply"))
    .map((m) => m.organizationId as string);
}

/** SQL: the contract row is readable by the actor. */
export function contractVisible(ctx: ActorCtx): SQL {
  const branches: SQL[] = [inScope(projectContracts.areaCode, purchaserReadScope(ctx))];
  const organizations = actorOrganizations(ctx);
  if (organizations.length > 0) {
    branches.push(inArray(projectContracts.orgId, organizations));
  }
  if (ctx.actor.can("projects.evaluate")) {
    branches.push(
      sql`${projectContracts.id} IN (SELECT ${projectEvaluations.contractId} FROM ${projectEvaluations} WHERE ${projectEvaluations.evaluatorId} = ${ctx.actor.userId})`,
    );
  }
  return or(...branches) as SQL;
}

type ContractRow = typeof projectContracts.$inferSelect;

/** The sorts of the contracts list (sort= allow-list in the contract). */
export const contractSortColumns: SortColumns<ContractSort> = {
  signed_at: { expr: projectContracts.signedAt, kind: "instant" },
  amount: { expr: projectContracts.amountFen, kind: "number" },
  period_end: { expr: projectContracts.periodEnd, kind: "date" },
};

/** The contract has a milestone reported and not yet accepted or returned. */
export const hasReportedMilestone = sql`EXISTS (SELECT 1 FROM ${milestones} WHERE ${milestones.contractId} = ${projectContracts.id} AND ${milestones.status} = 'reported')`;

/**
 * What waits for the actor on a contract (GET /contracts?awaiting=, and the 首页 counts): `milestones`,
 * a reported milestone on a contract under the actor's purchasing scope (calls.manage); `evaluation`, a
 * closing contract whose evaluation names the actor as third-party evaluator and lacks their score.
 */
export function contractAwaiting(ctx: ActorCtx, awaiting: "milestones" | "evaluation"): SQL {
  if (awaiting === "milestones") {
    const scope = purchaserScope(ctx);
    return scope.length > 0 ? (and(inScope(projectContracts.areaCode, scope), hasReportedMilestone) as SQL) : sql`false`;
  }
  return sql`(${projectContracts.status} = 'closing' AND EXISTS (SELECT 1 FROM ${projectEvaluations} WHERE ${projectEvaluations.contractId} = ${projectContracts.id} AND ${projectEvaluations.evaluatorId} = ${ctx.actor.userId} AND ${projectEvaluations.thirdPartyScore} IS NULL))`;
}

/**
 * GET /contracts: contracts the actor reads, in the chosen order (newest signed first by default),
 * with the capped total; the page and the count at once, then the organizations' names.
 * @throws AppError VALIDATION_FAILED for a cursor that is unreadable or of another sort.
 */
export async function listContracts(ctx: ActorCtx, query: ContractListQuery): Promise<CountedPage<Contract>> {
  const conditions: SQL[] = [contractVisible(ctx)];
  if (query.status) {
    conditions.push(eq(projectContracts.status, query.status));
  }
  if (query.org_id) {
    conditions.push(eq(projectContracts.orgId, query.org_id));
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(ilike(projectContracts.title, pattern));
  }
  if (query.awaiting) {
    conditions.push(contractAwaiting(ctx, query.awaiting));
  }
  const keyset = sortedKeyset(contractSortColumns, {
    sort: query.sort,
    fallback: "-signed_at",
    cursor: query.cursor,
    id: projectContracts.id,
  });
  const where = and(...conditions);
  const [rows, total] = await Promise.all([
    ctx.db
      .select({ row: projectContracts, sortValue: keyset.value })
      .from(projectContracts)
      .where(keyset.after ? and(where, keyset.after) : where)
      .orderBy(keyset.order)
      .limit(query.limit + 1),
    countCapped(ctx.db, sql`${projectContracts}`, where),
  ]);
  const page = rows.slice(0, query.limit);
  const organizations = await getOrganizations(
    ctx,
    page.map(({ row }) => row.orgId),
  );
  return {
    ...pageOf(
      rows,
      query.limit,
      ({ row }) => presentContract(row, organizations.get(row.orgId)?.name ?? ""),
      (last) => keyset.cursorOf(last.sortValue, last.row.id),
    ),
    ...total,
  };
}

/** The contract row if the actor reads it. @throws NOT_FOUND otherwise. */
export async function getVisibleContractRow(ctx: ActorCtx, id: string): Promise<ContractRow> {
  const [row] = await ctx.db
    .select()
    .from(projectContracts)
    .where(and(eq(projectContracts.id, id), contractVisible(ctx)));
  if (!row) {
    throw notFound();
  }
  return row;
}

/** Today's date in Asia/Shanghai (YYYY-MM-DD). */
export function shanghaiToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

type ReportRow = typeof milestoneReports.$inferSelect;

/** The categories and areas a contract's call covers (one query). */
export async function callCoverage(ctx: Ctx, callId: string): Promise<CallCoverage> {
  const [call] = await ctx.db
    .select({ areaCode: calls.areaCode, categories: calls.needCategories, targets: calls.targetAreaCodes })
    .from(calls)
    .where(eq(calls.id, callId));
  if (!call) {
    return { categories: [], areas: [] };
  }
  return { categories: call.categories, areas: call.targets.length > 0 ? call.targets : [call.areaCode] };
}

/**
 * The referrals and service records of reports on one contract, with their needs' category and area
 * checked against the call (finding 4: the purchaser sees what lies outside before accepting). Three
 * queries whatever the number of reports; none when there is no such evidence.
 */
export async function reportEvidenceItems(
  ctx: Ctx,
  contract: { orgId: string; callId: string },
  reports: readonly ReportRow[],
): Promise<Map<string, MilestoneEvidenceItem[]>> {
  const referralIds = [...new Set(reports.flatMap((report) => report.evidence.referral_ids))];
  const recordIds = [...new Set(reports.flatMap((report) => report.evidence.service_record_ids))];
  const items = new Map<string, MilestoneEvidenceItem[]>();
  if (referralIds.length === 0 && recordIds.length === 0) {
    return items;
  }
  const [coverage, evidence] = await Promise.all([
    callCoverage(ctx, contract.callId),
    organizationEvidence(ctx, contract.orgId, referralIds, recordIds),
  ]);
  const referralsById = new Map(evidence.referrals.map((row) => [row.id, row]));
  const recordsById = new Map(evidence.serviceRecords.map((row) => [row.id, row]));
  for (const report of reports) {
    items.set(report.id, [
      ...report.evidence.referral_ids.flatMap((id) => {
        const row = referralsById.get(id);
        return row ? [presentEvidenceItem("referral", row, coverage)] : [];
      }),
      ...report.evidence.service_record_ids.flatMap((id) => {
        const row = recordsById.get(id);
        return row ? [presentEvidenceItem("service_record", row, coverage)] : [];
      }),
    ]);
  }
  return items;
}

/** The evaluation of a contract with its evaluator's name, or null (one query). */
export async function findEvaluation(ctx: Ctx, contractId: string): Promise<ProjectEvaluation | null> {
  const [row] = await ctx.db
    .select({ evaluation: projectEvaluations, evaluatorName: users.displayName })
    .from(projectEvaluations)
    .leftJoin(users, eq(users.id, projectEvaluations.evaluatorId))
    .where(eq(projectEvaluations.contractId, contractId));
  return row ? presentEvaluation(row.evaluation, row.evaluatorName ?? "") : null;
}

/** GET /contracts/{id}: the contract with milestones and their reports (evidence checked against the call), attachments and evaluation (nine queries at most). */
export async function getContract(ctx: ActorCtx, id: string): Promise<ContractDetail> {
  const row = await getVisibleContractRow(ctx, id);
  return presentContractDetail(ctx, row);
}

/** The detail shape of a contract row the caller may read. */
export async function presentContractDetail(ctx: Ctx, row: ContractRow): Promise<ContractDetail> {
  const milestoneRows = await ctx.db
    .select()
    .from(milestones)
    .where(and(eq(milestones.areaCode, row.areaCode), eq(milestones.contractId, row.id)))
    .orderBy(asc(milestones.position));
  const reportRows =
    milestoneRows.length === 0
      ? []
      : await ctx.db
          .select()
          .from(milestoneReports)
          .where(
            and(
              eq(milestoneReports.areaCode, row.areaCode),
              inArray(
                milestoneReports.milestoneId,
                milestoneRows.map((m) => m.id),
              ),
            ),
          )
          .orderBy(asc(milestoneReports.submittedAt), asc(milestoneReports.id));
  const attachmentRows = await ctx.db
    .select({
      id: contractAttachments.id,
      originalName: contractAttachments.originalName,
      contentType: contractAttachments.contentType,
      sizeBytes: contractAttachments.sizeBytes,
      createdAt: contractAttachments.createdAt,
    })
    .from(contractAttachments)
    .where(and(eq(contractAttachments.areaCode, row.areaCode), eq(contractAttachments.contractId, row.id)))
    .orderBy(asc(contractAttachments.createdAt));
  const organizations = await getOrganizations(ctx, [row.orgId]);
  const evaluation = await findEvaluation(ctx, row.id);
  const evidenceItems = await reportEvidenceItems(ctx, row, reportRows);
  const today = shanghaiToday(ctx.now());
  return {
    ...presentContract(row, organizations.get(row.orgId)?.name ?? ""),
    kpis: row.kpis,
    milestones: milestoneRows.map((m) =>
      presentMilestone(
        m,
        today,
        reportRows.filter((r) => r.milestoneId === m.id).map((r) => presentReport(r, evidenceItems.get(r.id) ?? [])),
      ),
    ),
    attachments: attachmentRows.map(presentContractAttachment),
    evaluation,
  };
}
