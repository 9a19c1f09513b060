import { z } from "zod";
import { CalendarDateSchema, AreaCodeSchema, PageQuerySchema, TimestampSchema, UuidSchema, pageOf, text } from "./common.js";
import { FundingSourceSchema } from "./social-orgs.js";
import { endpoint } from "./endpoint.js";

/**
 * Contracts (服务合同) made from awarded applications, their milestones and progress reports, the
 * funding ledger (费随事转) and the closing evaluation (结项评估). Money is integer fen (分).
 */

const ProjectDateSchema = z.iso.date().describe("Date, YYYY-MM-DD");
const InputDateSchema = CalendarDateSchema;
const FenSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe("Amount in fen (分); 100 fen = 1 元");
const PositiveFenSchema = z.number().int().min(1).max(100_000_000_000).describe("Amount in fen (分), positive; 100 fen = 1 元");
const ScoreSchema = z.number().min(0).max(100).multipleOf(0.01).describe("Score out of 100 (two decimals at most)");

/** One KPI (绩效指标) of a contract: a target in a unit. */
export const ContractKpiSchema = z.strictObject({
  name: text({ max: 100 }).describe("What is measured, e.g. 服务老人人次"),
  target: z.number().min(0).max(1_000_000_000).describe("Target value"),
  unit: text({ max: 20 }).describe("Unit, e.g. 人次"),
});
export type ContractKpi = z.infer<typeof ContractKpiSchema>;

export const ContractStatusSchema = z
  .enum(["active", "closing", "closed", "terminated"])
  .describe("active: milestones run; closing: under evaluation; closed: evaluated; terminated: ended early with a reason");
export type ContractStatus = z.infer<typeof ContractStatusSchema>;

export const MilestoneStatusSchema = z
  .enum(["pending", "reported", "accepted", "returned"])
  .describe("pending: not reported; reported: a report awaits the purchaser; accepted: paid; returned: report again");
export type MilestoneStatus = z.infer<typeof MilestoneStatusSchema>;

/** Basis points of the contract amount: 10000 is all of it. */
export const SHARE_BP_TOTAL = 10_000;

export const MilestoneInputSchema = z.strictObject({
  title: text({ max: 100 }).describe("Milestone title, e.g. 中期"),
  deliverables: text({ max: 2000 }).describe("What must be delivered"),
  due_on: InputDateSchema.describe("Due date, inside the contract period"),
  share_bp: z.number().int().min(1).max(SHARE_BP_TOTAL).describe("Share of the amount in basis points; the shares sum to 10000"),
});
export type MilestoneInput = z.infer<typeof MilestoneInputSchema>;

/** POST /applications/{id}/contract: the purchaser signs the contract of an awarded application (once). */
export const ContractCreateSchema = z
  .strictObject({
    title: text({ max: 200 }).optional().describe("Contract title (default: the application's title)"),
    amount_fen: PositiveFenSchema.describe("Contract amount in fen: at most the requested amount and the call's cap"),
    period_start: InputDateSchema.describe("First day of the service period"),
    period_end: InputDateSchema.describe("Last day of the service period"),
    kpis: z.array(ContractKpiSchema).max(30).optional().describe("KPIs (default: the application's)"),
    milestones: z.array(MilestoneInputSchema).min(1).max(24).describe("Milestones in order; shares sum to exactly 10000"),
  })
  .refine((value) => value.period_start <= value.period_end, { message: "END_BEFORE_START", path: ["period_end"] });
export type ContractCreate = z.infer<typeof ContractCreateSchema>;

export const ContractAttachmentContentTypeSchema = z
  .enum(["application/pdf", "image/jpeg", "image/png", "image/webp"])
  .describe("File type, decided from the file's bytes");
export type ContractAttachmentContentType = z.infer<typeof ContractAttachmentContentTypeSchema>;
/** Largest contract attachment accepted, in bytes (10 MB). */
export const MAX_CONTRACT_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ContractAttachmentSchema = z.object({
  id: UuidSchema,
  original_name: z.string().describe("The name the uploader gave (display only)"),
  content_type: ContractAttachmentContentTypeSchema,
  size_bytes: z.number().int().describe("Size in bytes"),
  created_at: TimestampSchema,
});
export type ContractAttachment = z.infer<typeof ContractAttachmentSchema>;

export const ContractAttachmentQuerySchema = z.object({
  name: text({ max: 200 }).optional().describe("Display name of the file (default: attachment)"),
});

export const MilestoneReportEvidenceSchema = z.object({
  referral_ids: z.array(UuidSchema).describe("Referrals addressed to the organization that the work answered"),
  service_record_ids: z.array(UuidSchema).describe("Service records on those organization's referrals"),
  beneficiaries_reached: z.number().int().min(0).describe("People reached"),
  attachment_ids: z.array(UuidSchema).describe("Contract attachments (photos, sign-in sheets, reports)"),
});
export type MilestoneReportEvidence = z.infer<typeof MilestoneReportEvidenceSchema>;

export const MilestoneReportOutcomeSchema = z.enum(["pending", "accepted", "returned"]).describe("The purchaser's decision");

/** Why an evidence item lies outside the call: its need's category or its area is not among the call's. */
export const EvidenceOutsideReasonSchema = z
  .enum(["category", "area"])
  .describe("category: the need's category is not one the call answers; area: the need lies outside the call's target areas");
export type EvidenceOutsideReason = z.infer<typeof EvidenceOutsideReasonSchema>;

/** A referral or service record of a report, with its need's category and area, checked against the call. */
export const MilestoneEvidenceItemSchema = z.object({
  kind: z.enum(["referral", "service_record"]).describe("What the item is"),
  id: UuidSchema.describe("The referral or service record"),
  need_id: UuidSchema.describe("The need it served"),
  category: z.string().describe("The need's category (need_categories.code)"),
  area_code: AreaCodeSchema.describe("The need's community"),
  outside_call: z
    .boolean()
    .describe("True when the category or area lies outside the contract's call (the purchaser checks before accepting)"),
  outside_reasons: z.array(EvidenceOutsideReasonSchema).describe("Why it lies outside (empty when inside)"),
});
export type MilestoneEvidenceItem = z.infer<typeof MilestoneEvidenceItemSchema>;

export const MilestoneReportSchema = z.object({
  id: UuidSchema,
  milestone_id: UuidSchema,
  summary: z.string().describe("What was done"),
  evidence: MilestoneReportEvidenceSchema,
  evidence_items: z
    .array(MilestoneEvidenceItemSchema)
    .describe("The referrals and service records of the evidence with their needs' category and area, flagged when outside the call"),
  outcome: MilestoneReportOutcomeSchema,
  decision_reason: z.string().nullable().describe("Why it was returned (or the acceptance note)"),
  decided_at: TimestampSchema.nullable(),
  submitted_at: TimestampSchema,
});
export type MilestoneReport = z.infer<typeof MilestoneReportSchema>;

export const MilestoneSchema = z.object({
  id: UuidSchema,
  position: z.number().int().describe("Order, from 1"),
  title: z.string(),
  deliverables: z.string(),
  due_on: ProjectDateSchema,
  share_bp: z.number().int().describe("Share of the amount in basis points"),
  amount_fen: FenSchema.describe("Payment on acceptance, in fen"),
  status: MilestoneStatusSchema,
  overdue: z.boolean().describe("Past its due date and not accepted (dates in Asia/Shanghai)"),
  reported_at: TimestampSchema.nullable(),
  accepted_at: TimestampSchema.nullable(),
  reports: z.array(MilestoneReportSchema).describe("Reports, oldest first"),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const ContractSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema.describe("The purchaser's jurisdiction"),
  call_id: UuidSchema,
  application_id: UuidSchema,
  org_id: UuidSchema,
  org_name: z.string().describe("The contracted organization"),
  title: z.string(),
  amount_fen: FenSchema,
  paid_fen: FenSchema.describe("Disbursed so far"),
  remaining_fen: FenSchema.describe("amount_fen − paid_fen"),
  period_start: ProjectDateSchema,
  period_end: ProjectDateSchema,
  status: ContractStatusSchema,
  signed_at: TimestampSchema,
  closed_at: TimestampSchema.nullable(),
  version: z.number().int(),
});
export type Contract = z.infer<typeof ContractSchema>;
export const ContractPageSchema = pageOf(ContractSchema);

export const ProjectEvaluationGradeSchema = z
  .enum(["excellent", "good", "pass", "fail"])
  .describe("Grade: excellent 优秀 (≥90), good 良好 (≥75), pass 合格 (≥60), fail 不合格");
export type ProjectEvaluationGrade = z.infer<typeof ProjectEvaluationGradeSchema>;

export const ProjectEvaluationWeightsSchema = z.object({
  purchaser: z.number().describe("Weight of the purchaser's score, percent"),
  beneficiaries: z.number().describe("Weight of the beneficiaries' satisfaction, percent"),
  third_party: z.number().describe("Weight of the third-party evaluator's score, percent"),
});

export const ContractKpiResultSchema = z.object({
  name: z.string(),
  target: z.number(),
  achieved: z.number(),
  unit: z.string(),
});

export const ProjectEvaluationSchema = z.object({
  contract_id: UuidSchema,
  evaluator: z.object({ id: UuidSchema, display_name: z.string() }).describe("The assigned third-party evaluator"),
  weights: ProjectEvaluationWeightsSchema.describe("The call's weights"),
  applied_weights: ProjectEvaluationWeightsSchema.describe(
    "Weights used for the total: the call's, except that without any rating the beneficiaries' weight is shared among the other two in proportion",
  ),
  purchaser_score: z.number().nullable(),
  purchaser_comment: z.string().nullable(),
  beneficiary_score: z.number().nullable().describe("Residents' average rating (1–5) ÷ 5 × 100; null without ratings"),
  beneficiary_ratings: z.number().int().describe("How many of the served residents' own ratings the satisfaction is computed from"),
  callback_ratings: z.number().int().describe("Ratings recorded by staff from call-backs in the same scope: shown, never scored"),
  callback_average_rating: z.number().nullable().describe("Their average 1–5"),
  third_party_score: z.number().nullable(),
  third_party_comment: z.string().nullable(),
  kpi_results: z.array(ContractKpiResultSchema).nullable(),
  total_score: z.number().nullable(),
  grade: ProjectEvaluationGradeSchema.nullable(),
  completed_at: TimestampSchema.nullable(),
  version: z.number().int(),
});
export type ProjectEvaluation = z.infer<typeof ProjectEvaluationSchema>;

export const ContractDetailSchema = ContractSchema.extend({
  kpis: z.array(ContractKpiSchema),
  milestones: z.array(MilestoneSchema),
  attachments: z.array(ContractAttachmentSchema),
  evaluation: ProjectEvaluationSchema.nullable().describe("The closing evaluation, once the contract is closing"),
});
export type ContractDetail = z.infer<typeof ContractDetailSchema>;

export const ContractListQuerySchema = PageQuerySchema.extend({
  status: ContractStatusSchema.optional(),
  q: text({ max: 100 }).optional().describe("Words in the contract title"),
  org_id: UuidSchema.optional().describe("Only this organization's contracts"),
});
export type ContractListQuery = z.infer<typeof ContractListQuerySchema>;

export const ContractIdParamsSchema = z.object({ id: UuidSchema });
export const ContractAttachmentParamsSchema = z.object({ id: UuidSchema, attachmentId: UuidSchema });
export const MilestoneParamsSchema = z.object({ id: UuidSchema, mid: UuidSchema });

/** POST /contracts/{id}/milestones/{mid}/reports: the organization reports progress. */
export const MilestoneReportCreateSchema = z.strictObject({
  summary: text({ max: 4000 }).describe("What was done"),
  referral_ids: z.array(UuidSchema).max(500).default([]).describe("Referrals addressed to the organization"),
  service_record_ids: z.array(UuidSchema).max(2000).default([]).describe("Service records on the organization's referrals"),
  beneficiaries_reached: z
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .optional()
    .describe("People reached (default: the distinct needs served via the referrals and service records)"),
  attachment_ids: z.array(UuidSchema).max(50).default([]).describe("Attachments uploaded to this contract"),
});
export type MilestoneReportCreate = z.infer<typeof MilestoneReportCreateSchema>;

/** Candidate evidence: referrals addressed to the contract's organization during the period. */
export const EvidenceReferralSchema = z.object({
  id: UuidSchema,
  need_id: UuidSchema,
  category: z.string(),
  status: z.string().describe("Referral status"),
  created_at: TimestampSchema,
  service_record_ids: z.array(UuidSchema),
});
export const EvidenceCandidatesSchema = z.object({
  items: z.array(EvidenceReferralSchema).describe("Newest first, at most 200"),
});
export type EvidenceCandidates = z.infer<typeof EvidenceCandidatesSchema>;

export const MilestoneReportIdParamsSchema = z.object({ id: UuidSchema });

/** POST /milestone-reports/{id}/decision: accept (pays the milestone) or return with a reason. */
export const MilestoneDecisionSchema = z.discriminatedUnion("decision", [
  z.strictObject({
    decision: z.literal("accept"),
    reason: text({ max: 1000 }).optional().describe("Acceptance note"),
  }),
  z.strictObject({ decision: z.literal("return"), reason: text({ max: 1000 }).describe("What must change (required)") }),
]);
export type MilestoneDecision = z.infer<typeof MilestoneDecisionSchema>;

export const LedgerEntrySchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema.describe("The payer's area (purchaser) or the organization's home area"),
  org_id: UuidSchema,
  org_name: z.string(),
  source: FundingSourceSchema,
  amount_fen: FenSchema,
  paid_on: ProjectDateSchema,
  contract_id: UuidSchema.nullable(),
  milestone_id: UuidSchema.nullable(),
  description: z.string(),
  created_at: TimestampSchema,
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export const LedgerPageSchema = pageOf(LedgerEntrySchema);

export const LedgerListQuerySchema = PageQuerySchema.extend({
  org_id: UuidSchema.optional().describe("Only this organization's rows"),
  source: FundingSourceSchema.optional(),
  contract_id: UuidSchema.optional(),
});
export type LedgerListQuery = z.infer<typeof LedgerListQuerySchema>;

/** POST /funding-ledger: an organization records income from a source other than government purchase. */
export const LedgerEntryCreateSchema = z.strictObject({
  org_id: UuidSchema.optional().describe("Your organization (needed only when you work for several)"),
  source: FundingSourceSchema.exclude(["gov_purchase"]).describe("Any source but gov_purchase (written by milestone acceptance)"),
  amount_fen: PositiveFenSchema,
  paid_on: InputDateSchema.describe("Date received"),
  description: text({ max: 500 }).describe("From whom and for what"),
});
export type LedgerEntryCreate = z.infer<typeof LedgerEntryCreateSchema>;

export const LedgerSummaryQuerySchema = z
  .object({
    org_id: UuidSchema.optional().describe("One organization's income"),
    area: AreaCodeSchema.optional().describe("Money paid from a jurisdiction (area_code prefix)"),
  })
  .refine((value) => (value.org_id === undefined) !== (value.area === undefined), {
    message: "ORG_ID_OR_AREA",
    path: ["org_id"],
  });
export type LedgerSummaryQuery = z.infer<typeof LedgerSummaryQuerySchema>;

export const LedgerSummarySchema = z.object({
  rows: z
    .array(z.object({ year: z.number().int(), source: FundingSourceSchema, amount_fen: FenSchema, entries: z.number().int() }))
    .describe("Totals by year (descending) and source"),
  by_source: z.array(z.object({ source: FundingSourceSchema, amount_fen: FenSchema })).describe("All years"),
  total_fen: FenSchema,
});
export type LedgerSummary = z.infer<typeof LedgerSummarySchema>;

/** POST /contracts/{id}/closing: close (every milestone accepted) or terminate (with a reason), and assign the evaluator. */
export const ContractClosingSchema = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("close"),
    evaluator_id: UuidSchema.describe("A user with projects.evaluate over the contract's area"),
    version: z.number().int().describe("The contract version you read"),
  }),
  z.strictObject({
    action: z.literal("terminate"),
    reason: text({ max: 1000 }).describe("Why the contract ends early"),
    evaluator_id: UuidSchema.describe("A user with projects.evaluate over the contract's area"),
    version: z.number().int().describe("The contract version you read"),
  }),
]);
export type ContractClosing = z.infer<typeof ContractClosingSchema>;

export const EvaluatorCandidateSchema = z.object({ id: UuidSchema, display_name: z.string() });
export const EvaluatorCandidateListSchema = z.object({ items: z.array(EvaluatorCandidateSchema) });
export type EvaluatorCandidate = z.infer<typeof EvaluatorCandidateSchema>;

/** PUT /contracts/{id}/evaluation/purchaser: the purchaser's score. */
export const PurchaserEvaluationSchema = z.strictObject({
  score: ScoreSchema,
  comment: text({ max: 2000 }).describe("The purchaser's comment"),
  version: z.number().int().describe("The evaluation version you read"),
});
export type PurchaserEvaluation = z.infer<typeof PurchaserEvaluationSchema>;

/** PUT /contracts/{id}/evaluation/third-party: the evaluator's KPI findings and score. */
export const ThirdPartyEvaluationSchema = z.strictObject({
  kpi_results: z
    .array(z.strictObject({ name: text({ max: 100 }), achieved: z.number().min(0).max(1_000_000_000) }))
    .max(30)
    .describe("Achieved value for each of the contract's KPIs (by name)"),
  score: ScoreSchema,
  comment: text({ max: 4000 }).describe("The evaluator's comment"),
  version: z.number().int().describe("The evaluation version you read"),
});
export type ThirdPartyEvaluation = z.infer<typeof ThirdPartyEvaluationSchema>;

const tags = ["projects"] as const;

/** Contracts (服务合同), milestones, their progress reports and the contract's evidence files. */
export const contractEndpoints = {
  create: endpoint({
    method: "POST",
    path: "/applications/:id/contract",
    summary:
      "Sign the contract of an awarded application (purchaser; once: 409 CONTRACT_EXISTS with existing_id); milestone amounts are computed from their shares; Idempotency-Key supported",
    tags,
    access: "calls.manage",
    params: ContractIdParamsSchema,
    body: ContractCreateSchema,
    status: 201,
    response: ContractDetailSchema,
    problems: [409],
  }),
  list: endpoint({
    method: "GET",
    path: "/contracts",
    summary: "Contracts you read (purchaser side: your area; organization: its own; evaluator: assigned), newest first",
    tags,
    access: "projects.read",
    query: ContractListQuerySchema,
    status: 200,
    response: ContractPageSchema,
  }),
  get: endpoint({
    method: "GET",
    path: "/contracts/:id",
    summary: "One contract with milestones, reports, attachments, paid and remaining amounts and the evaluation; 404 outside your scope",
    tags,
    access: "projects.read",
    params: ContractIdParamsSchema,
    status: 200,
    response: ContractDetailSchema,
  }),
  evidenceCandidates: endpoint({
    method: "GET",
    path: "/contracts/:id/evidence-candidates",
    summary: "Referrals addressed to your organization during the contract period, with their service records, to cite as evidence",
    tags,
    access: "projects.apply",
    params: ContractIdParamsSchema,
    status: 200,
    response: EvidenceCandidatesSchema,
  }),
  reportMilestone: endpoint({
    method: "POST",
    path: "/contracts/:id/milestones/:mid/reports",
    summary:
      "Report progress on a pending or returned milestone with evidence (your organization's referrals, service records, this contract's attachments); Idempotency-Key supported",
    tags,
    access: "projects.apply",
    params: MilestoneParamsSchema,
    body: MilestoneReportCreateSchema,
    status: 201,
    response: MilestoneReportSchema,
    problems: [409],
  }),
  decideReport: endpoint({
    method: "POST",
    path: "/milestone-reports/:id/decision",
    summary:
      "Accept (pays the milestone into the funding ledger) or return (reason required) a pending report; 409 MILESTONE_REPORT_DECIDED if already decided",
    tags,
    access: "calls.manage",
    params: MilestoneReportIdParamsSchema,
    body: MilestoneDecisionSchema,
    status: 200,
    response: MilestoneReportSchema,
    problems: [409],
  }),
  attach: endpoint({
    method: "POST",
    path: "/contracts/:id/attachments",
    summary:
      "Upload an evidence file to your organization's contract: the raw PDF, JPEG, PNG or WebP file as the body (10 MB at most; type checked from the bytes); Idempotency-Key supported",
    tags,
    access: "projects.apply",
    params: ContractIdParamsSchema,
    query: ContractAttachmentQuerySchema,
    upload: { types: ContractAttachmentContentTypeSchema.options, maxBytes: MAX_CONTRACT_ATTACHMENT_BYTES },
    status: 201,
    response: ContractAttachmentSchema,
    problems: [413, 415],
  }),
  download: endpoint({
    method: "GET",
    path: "/contracts/:id/attachments/:attachmentId",
    summary: "The bytes of a contract attachment (download); 404 outside the contract's scope",
    tags,
    access: "projects.read",
    params: ContractAttachmentParamsSchema,
    status: 200,
    response: z.any().describe("The file bytes (PDF or image)"),
    download: true,
  }),
};

/** The funding ledger (费随事转): disbursements and other income by source. */
export const ledgerEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/funding-ledger",
    summary: "Funding ledger rows (organization: its own; purchaser side: your area), latest payment first",
    tags,
    access: "projects.read",
    query: LedgerListQuerySchema,
    status: 200,
    response: LedgerPageSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/funding-ledger",
    summary: "Record your organization's income from a source other than government purchase; Idempotency-Key supported",
    tags,
    access: "projects.apply",
    body: LedgerEntryCreateSchema,
    status: 201,
    response: LedgerEntrySchema,
    problems: [409],
  }),
  summary: endpoint({
    method: "GET",
    path: "/funding-ledger/summary",
    summary: "Totals by year and source of one organization's income (org_id) or of an area's rows (area), over the rows you read",
    tags,
    access: "projects.read",
    query: LedgerSummaryQuerySchema,
    status: 200,
    response: LedgerSummarySchema,
  }),
};

/** Closing and the multi-party evaluation (结项评估). */
export const evaluationEndpoints = {
  evaluatorCandidates: endpoint({
    method: "GET",
    path: "/contracts/:id/evaluator-candidates",
    summary: "Users you may assign as the contract's third-party evaluator (projects.evaluate over its area)",
    tags,
    access: "calls.manage",
    params: ContractIdParamsSchema,
    status: 200,
    response: EvaluatorCandidateListSchema,
  }),
  close: endpoint({
    method: "POST",
    path: "/contracts/:id/closing",
    summary:
      "Close a contract whose milestones are all accepted, or terminate it with a reason, and assign the third-party evaluator (send the version you read)",
    tags,
    access: "calls.manage",
    params: ContractIdParamsSchema,
    body: ContractClosingSchema,
    status: 200,
    response: ContractDetailSchema,
    problems: [409],
  }),
  get: endpoint({
    method: "GET",
    path: "/contracts/:id/evaluation",
    summary: "The closing evaluation: each party's score, the weights applied, total and grade",
    tags,
    access: "projects.read",
    params: ContractIdParamsSchema,
    status: 200,
    response: ProjectEvaluationSchema,
  }),
  purchaser: endpoint({
    method: "PUT",
    path: "/contracts/:id/evaluation/purchaser",
    summary: "The purchaser's score (0–100) and comment (send the evaluation version you read)",
    tags,
    access: "calls.manage",
    params: ContractIdParamsSchema,
    body: PurchaserEvaluationSchema,
    status: 200,
    response: ProjectEvaluationSchema,
    problems: [409],
  }),
  thirdParty: endpoint({
    method: "PUT",
    path: "/contracts/:id/evaluation/third-party",
    summary: "The assigned evaluator's achieved value per KPI, score (0–100) and comment (send the evaluation version you read)",
    tags,
    access: "projects.evaluate",
    params: ContractIdParamsSchema,
    body: ThirdPartyEvaluationSchema,
    status: 200,
    response: ProjectEvaluationSchema,
    problems: [409],
  }),
};
