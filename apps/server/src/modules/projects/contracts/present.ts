import type { Contract, ContractAttachment, Milestone, MilestoneEvidenceItem, MilestoneReport, ProjectEvaluation } from "@sanshe/contracts";
import type { organizationEvidence } from "../../needs/index.js";
import type { milestoneReports, milestones, projectContracts, projectEvaluations } from "../schema.js";
import { appliedWeights } from "../evaluation/rules.js";
import { evidenceOutsideReasons, type CallCoverage } from "./rules.js";

type ContractRow = typeof projectContracts.$inferSelect;
type ReportRow = typeof milestoneReports.$inferSelect;
type EvidenceNeed = Awaited<ReturnType<typeof organizationEvidence>>["referrals"][number];

export function presentContract(row: ContractRow, orgName: string): Contract {
  return {
    id: row.id,
    area_code: row.areaCode,
    call_id: row.callId,
    application_id: row.applicationId,
    org_id: row.orgId,
    org_name: orgName,
    title: row.title,
    amount_fen: row.amountFen,
    paid_fen: row.paidFen,
    remaining_fen: row.amountFen - row.paidFen,
    period_start: row.periodStart,
    period_end: row.periodEnd,
    status: row.status,
    signed_at: row.signedAt.toISOString(),
    closed_at: row.closedAt?.toISOString() ?? null,
    version: row.version,
  };
}

/** One evidence item checked against the call. */
export function presentEvidenceItem(kind: MilestoneEvidenceItem["kind"], row: EvidenceNeed, coverage: CallCoverage): MilestoneEvidenceItem {
  const reasons = evidenceOutsideReasons(row, coverage);
  return {
    kind,
    id: row.id,
    need_id: row.needId,
    category: row.category,
    area_code: row.areaCode,
    outside_call: reasons.length > 0,
    outside_reasons: reasons,
  };
}

export function presentReport(row: ReportRow, evidenceItems: MilestoneEvidenceItem[]): MilestoneReport {
  return {
    id: row.id,
    milestone_id: row.milestoneId,
    summary: row.summary,
    evidence: row.evidence,
    evidence_items: evidenceItems,
    outcome: row.outcome,
    decision_reason: row.decisionReason,
    decided_at: row.decidedAt?.toISOString() ?? null,
    submitted_at: row.submittedAt.toISOString(),
  };
}

type EvaluationRow = typeof projectEvaluations.$inferSelect;

export function presentEvaluation(row: EvaluationRow, evaluatorName: string): ProjectEvaluation {
  return {
    contract_id: row.contractId,
    evaluator: { id: row.evaluatorId, display_name: evaluatorName },
    weights: row.weights,
    applied_weights: appliedWeights(row.weights, row.beneficiaryRatings),
    purchaser_score: row.purchaserScore,
    purchaser_comment: row.purchaserComment,
    beneficiary_score: row.beneficiaryScore,
    beneficiary_ratings: row.beneficiaryRatings,
    callback_ratings: row.callbackRatings,
    callback_average_rating: row.callbackAverage === null ? null : Number(row.callbackAverage),
    third_party_score: row.thirdPartyScore,
    third_party_comment: row.thirdPartyComment,
    kpi_results: row.kpiResults,
    total_score: row.totalScore,
    grade: row.grade,
    completed_at: row.completedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export function presentContractAttachment(row: {
  id: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}): ContractAttachment {
  return {
    id: row.id,
    original_name: row.originalName,
    content_type: row.contentType as ContractAttachment["content_type"],
    size_bytes: row.sizeBytes,
    created_at: row.createdAt.toISOString(),
  };
}

/** A milestone with its reports; overdue when not accepted and due before `today` (Asia/Shanghai). */
export function presentMilestone(m: typeof milestones.$inferSelect, today: string, reports: MilestoneReport[]): Milestone {
  return {
    id: m.id,
    position: m.position,
    title: m.title,
    deliverables: m.deliverables,
    due_on: m.dueOn,
    share_bp: m.shareBp,
    amount_fen: m.amountFen,
    status: m.status,
    overdue: m.status !== "accepted" && m.dueOn < today,
    reported_at: m.reportedAt?.toISOString() ?? null,
    accepted_at: m.acceptedAt?.toISOString() ?? null,
    reports,
  };
}
