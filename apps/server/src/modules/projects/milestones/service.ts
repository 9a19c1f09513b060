import { and, eq, inArray, sql } from "drizzle-orm";
import type { MilestoneDecision, MilestoneReport, MilestoneReportCreate } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../../platform/ctx.js";
import { AppError, notFound } from "../../../platform/errors/app-error.js";
import { memberships, users } from "../../../platform/auth/index.js";
import { inScope } from "../../../platform/scope/index.js";
import { organizationEvidence } from "../../needs/index.js";
import { notify } from "../../notifications/index.js";
import { purchaserScope, reportEvidenceItems, shanghaiToday } from "../contracts/queries.js";
import { presentReport } from "../contracts/present.js";
import { ownContract } from "../contracts/service.js";
import { contractAttachments, fundingLedger, milestoneReports, milestones, projectContracts } from "../schema.js";

const unique = (ids: readonly string[]) => [...new Set(ids)];

/**
 * POST /contracts/{id}/milestones/{mid}/reports: the contracted organization reports progress on a
 * pending or returned milestone. A report needs at least one piece of evidence (a number of people
 * reached alone is a claim, not evidence), and evidence must be its own: referrals addressed to the
 * organization, service records on them, and attachments of this contract (sign-in sheets, photos).
 * Beneficiaries reached default to the distinct needs those referrals and service records served.
 * The answer flags evidence outside the call's categories or areas. The milestone becomes reported.
 *
 * @throws NOT_FOUND unless the actor acts for the organization; CONTRACT_NOT_ACTIVE;
 *   MILESTONE_NOT_REPORTABLE; MILESTONE_EVIDENCE_REQUIRED;
 *   MILESTONE_EVIDENCE_INVALID (kind: referral_ids, service_record_ids, attachment_ids).
 */
export async function reportMilestone(
  ctx: ActorCtx,
  contractId: string,
  milestoneId: string,
  input: MilestoneReportCreate,
): Promise<MilestoneReport> {
  return withTx(ctx, async (tx) => {
    const contract = await ownContract(tx, contractId);
    const [milestone] = await tx.db
      .select()
      .from(milestones)
      .where(and(eq(milestones.id, milestoneId), eq(milestones.contractId, contract.id)))
      .for("update");
    if (!milestone) {
      throw notFound();
    }
    if (contract.status !== "active") {
      throw new AppError("CONTRACT_NOT_ACTIVE");
    }
    if (milestone.status !== "pending" && milestone.status !== "returned") {
      throw new AppError("MILESTONE_NOT_REPORTABLE");
    }
    const referralIds = unique(input.referral_ids);
    const serviceRecordIds = unique(input.service_record_ids);
    const attachmentIds = unique(input.attachment_ids);
    if (referralIds.length + serviceRecordIds.length + attachmentIds.length === 0) {
      throw new AppError("MILESTONE_EVIDENCE_REQUIRED");
    }
    const evidence = await organizationEvidence(tx, contract.orgId, referralIds, serviceRecordIds);
    if (evidence.referrals.length !== referralIds.length) {
      throw new AppError("MILESTONE_EVIDENCE_INVALID", { kind: "referral_ids" });
    }
    if (evidence.serviceRecords.length !== serviceRecordIds.length) {
      throw new AppError("MILESTONE_EVIDENCE_INVALID", { kind: "service_record_ids" });
    }
    if (attachmentIds.length > 0) {
      const found = await tx.db
        .select({ id: contractAttachments.id })
        .from(contractAttachments)
        .where(
          and(
            eq(contractAttachments.areaCode, contract.areaCode),
            eq(contractAttachments.contractId, contract.id),
            inArray(contractAttachments.id, attachmentIds),
          ),
        );
      if (found.length !== attachmentIds.length) {
        throw new AppError("MILESTONE_EVIDENCE_INVALID", { kind: "attachment_ids" });
      }
    }
    const servedNeeds = new Set([...evidence.referrals, ...evidence.serviceRecords].map((row) => row.needId));
    const now = tx.now();
    const [report] = await tx.db
      .insert(milestoneReports)
      .values({
        areaCode: contract.areaCode,
        milestoneId: milestone.id,
        summary: input.summary,
        evidence: {
          referral_ids: referralIds,
          service_record_ids: serviceRecordIds,
          beneficiaries_reached: input.beneficiaries_reached ?? servedNeeds.size,
          attachment_ids: attachmentIds,
        },
        outcome: "pending",
        submittedBy: tx.actor.userId,
        submittedAt: now,
      })
      .returning();
    await tx.db
      .update(milestones)
      .set({ status: "reported", reportedAt: now, version: sql`${milestones.version} + 1`, updatedAt: now })
      .where(eq(milestones.id, milestone.id));
    const row = report as typeof milestoneReports.$inferSelect;
    await tx.audit.record("projects.milestone_report", {
      entityType: "milestone",
      entityId: milestone.id,
      areaCode: contract.areaCode,
      detail: { contract: contract.id, report: row.id, evidence: row.evidence },
    });
    const items = await reportEvidenceItems(tx, contract, [row]);
    return presentReport(row, items.get(row.id) ?? []);
  });
}

/**
 * POST /milestone-reports/{id}/decision: the purchaser accepts or returns a pending report.
 *
 * Accepting pays the milestone: the report and milestone become accepted, a `gov_purchase` row is
 * written to the funding ledger (paid today in Asia/Shanghai) and the contract's paid_fen grows, all in
 * one transaction that first locks the contract row (SELECT … FOR UPDATE). A second decision waits for
 * that lock, then finds the report decided and answers 409, so two approvals at once cannot pay twice.
 * The ledger's unique milestone index and the contract's paid ≤ amount check back this up.
 *
 * Returning marks the milestone returned (the organization may report again) and notifies the
 * organization's staff (kind milestone_returned).
 *
 * @throws NOT_FOUND outside the purchaser's scope; MILESTONE_REPORT_DECIDED; CONTRACT_NOT_ACTIVE;
 *   LEDGER_OVER_CONTRACT.
 */
export async function decideMilestoneReport(ctx: ActorCtx, reportId: string, input: MilestoneDecision): Promise<MilestoneReport> {
  return withTx(ctx, async (tx) => {
    const [target] = await tx.db
      .select({ contractId: milestones.contractId })
      .from(milestoneReports)
      .innerJoin(milestones, eq(milestones.id, milestoneReports.milestoneId))
      .where(and(eq(milestoneReports.id, reportId), inScope(milestoneReports.areaCode, purchaserScope(tx))));
    if (!target) {
      throw notFound();
    }
    const [contract] = await tx.db.select().from(projectContracts).where(eq(projectContracts.id, target.contractId)).for("update");
    const [current] = await tx.db
      .select({ report: milestoneReports, milestone: milestones })
      .from(milestoneReports)
      .innerJoin(milestones, eq(milestones.id, milestoneReports.milestoneId))
      .where(eq(milestoneReports.id, reportId));
    if (!contract || !current) {
      throw notFound();
    }
    const { report, milestone } = current;
    if (report.outcome !== "pending") {
      throw new AppError("MILESTONE_REPORT_DECIDED");
    }
    if (contract.status !== "active") {
      throw new AppError("CONTRACT_NOT_ACTIVE");
    }
    const now = tx.now();
    const accepted = input.decision === "accept";
    if (accepted && contract.paidFen + milestone.amountFen > contract.amountFen) {
      throw new AppError("LEDGER_OVER_CONTRACT");
    }
    const [decided] = await tx.db
      .update(milestoneReports)
      .set({
        outcome: accepted ? "accepted" : "returned",
        decisionReason: input.reason ?? null,
        decidedBy: tx.actor.userId,
        decidedAt: now,
      })
      .where(eq(milestoneReports.id, report.id))
      .returning();
    await tx.db
      .update(milestones)
      .set({
        status: accepted ? "accepted" : "returned",
        ...(accepted ? { acceptedAt: now } : {}),
        version: sql`${milestones.version} + 1`,
        updatedAt: now,
      })
      .where(eq(milestones.id, milestone.id));
    if (accepted) {
      await tx.db.insert(fundingLedger).values({
        areaCode: contract.areaCode,
        orgId: contract.orgId,
        source: "gov_purchase",
        amountFen: milestone.amountFen,
        paidOn: shanghaiToday(now),
        contractId: contract.id,
        milestoneId: milestone.id,
        description: `${contract.title} · ${milestone.title}`,
        createdBy: tx.actor.userId,
        createdAt: now,
      });
      await tx.db
        .update(projectContracts)
        .set({
          paidFen: sql`${projectContracts.paidFen} + ${milestone.amountFen}`,
          version: sql`${projectContracts.version} + 1`,
          updatedAt: now,
        })
        .where(eq(projectContracts.id, contract.id));
    } else {
      const staff = await tx.db
        .select({ id: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, contract.orgId), eq(memberships.role, "org_staff"), eq(users.status, "active")));
      await notify(tx, {
        recipients: staff.map((s) => s.id),
        areaCode: contract.areaCode,
        kind: "milestone_returned",
        title: `${contract.title} · ${milestone.title}`,
        body: input.reason ?? "",
        link: `/contracts/${contract.id}`,
      });
    }
    await tx.audit.record(accepted ? "projects.milestone_accept" : "projects.milestone_return", {
      entityType: "milestone",
      entityId: milestone.id,
      areaCode: contract.areaCode,
      detail: { contract: contract.id, report: report.id, ...(accepted ? { amount_fen: milestone.amountFen } : { reason: input.reason }) },
    });
    const decidedRow = decided as typeof milestoneReports.$inferSelect;
    const items = await reportEvidenceItems(tx, contract, [decidedRow]);
    return presentReport(decidedRow, items.get(decidedRow.id) ?? []);
  });
}
