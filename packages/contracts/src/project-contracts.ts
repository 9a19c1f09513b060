import { z } from "zod";
import {
  CalendarDateSchema,
  AreaCodeSchema,
  PageQuerySchema,
  TimestampSchema,
  UuidSchema,
  countedPageOf,
  pageOf,
  sortQuery,
  text,
} from "./common.js";
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
export const ContractPageSchema = countedPageOf(ContractSchema);

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

/** The columns the contracts list sorts by: signing, the amount, the end of the service period. */
export const CONTRACT_SORTS = ["signed_at", "amount", "period_end"] as const;
export const ContractListQuerySchema = PageQuerySchema.extend({
  status: ContractStatusSchema.optional(),
  q: text({ max: 100 }).optional().describe("Words in the contract title"),
  org_id: UuidSchema.optional().describe("Only this organization's contracts"),
  awaiting: z
    .enum(["milestones", "evaluation"])
    .optional()
    .describe(
      "What waits for you (首页待办): milestones, contracts you purchase with a reported milestone to accept; evaluation, closing contracts whose evaluation waits for your third-party score",
    ),
  sort: sortQuery(CONTRACT_SORTS, "-signed_at"),
});
export type ContractListQuery = z.infer<typeof ContractListQuerySchema>;
export type ContractSort = (typeof CONTRACT_SORTS)[number];
/** The contracts export's filter: the list's filters and sort without paging. */
export const ContractExportFilterSchema = ContractListQuerySchema.omit({ cursor: true, limit: true });
export type ContractExportFilter = z.infer<typeof ContractExportFilterSchema>;

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

/**
 * Sources of money in on the ledger: an organization's declared sources (FundingSourceSchema) and
 * task_funding, the money an admitted administrative task brings to a community (费随事转). Kept apart
 * from FundingSourceSchema, which organizations declare (task_funding is not declared).
 */
export const LedgerSourceSchema = z
  .enum(["gov_purchase", "gov_subsidy", "task_funding", "self_income", "donation", "corporate", "resident", "foundation"])
  .describe("Source of money in: 政府购买, 政府补贴, 任务经费(费随事转), 自营收入, 社会捐赠, 企业资助, 居民自筹, 基金会资助");
export type LedgerSource = z.infer<typeof LedgerSourceSchema>;
/** Sources only the system writes: gov_purchase (milestone acceptance) and task_funding (a task's start). */
export const systemLedgerSources = ["gov_purchase", "task_funding"] as const satisfies readonly LedgerSource[];
export const RecordableLedgerSourceSchema = LedgerSourceSchema.exclude(systemLedgerSources).describe(
  "A source recorded by hand or imported (gov_purchase and task_funding are written by the system)",
);
export type RecordableLedgerSource = z.infer<typeof RecordableLedgerSourceSchema>;

export const LedgerPurposeSchema = z
  .enum(["staff", "activity", "service", "admin_task", "project", "operations", "other"])
  .describe("Purpose of money out: 人员, 活动, 服务, 行政事务, 项目, 运转, 其他");
export type LedgerPurpose = z.infer<typeof LedgerPurposeSchema>;
export const LedgerDirectionSchema = z.enum(["in", "out"]).describe("in: money received; out: money spent");
export type LedgerDirection = z.infer<typeof LedgerDirectionSchema>;
export const LedgerHolderKindSchema = z
  .enum(["organization", "community"])
  .describe("Whose money: an organization (org_id) or a community (its 12-digit code)");
export type LedgerHolderKind = z.infer<typeof LedgerHolderKindSchema>;

/** Chinese labels of the ledger's sources (imports read them; exports write them). */
export const ledgerSourceLabels: Record<LedgerSource, string> = {
  gov_purchase: "政府购买",
  gov_subsidy: "政府补贴",
  task_funding: "任务经费",
  self_income: "自营收入",
  donation: "社会捐赠",
  corporate: "企业资助",
  resident: "居民自筹",
  foundation: "基金会资助",
};
/** Chinese labels of the ledger's purposes. */
export const ledgerPurposeLabels: Record<LedgerPurpose, string> = {
  staff: "人员",
  activity: "活动",
  service: "服务",
  admin_task: "行政事务",
  project: "项目",
  operations: "运转",
  other: "其他",
};

const CommunityHolderCodeSchema = z
  .string()
  .regex(/^\d{12}$/, "COMMUNITY_CODE")
  .describe("A community's 12-digit area code");
const LedgerYearSchema = z.coerce.number().int().min(1900).max(2200).describe("Calendar year of paid_on (Asia/Shanghai dates)");

export const LedgerEntrySchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema.describe("The payer's area (purchaser) or the holder's home area (a community: its own code)"),
  holder_kind: LedgerHolderKindSchema,
  org_id: UuidSchema.nullable().describe("The organization holder (null for a community)"),
  org_name: z.string().nullable().describe("The organization holder's name (null for a community)"),
  community_code: z.string().nullable().describe("The community holder's code (null for an organization)"),
  holder_name: z.string().describe("The holder's name: the organization or the community"),
  direction: LedgerDirectionSchema,
  source: LedgerSourceSchema.nullable().describe("Source of money in (null for money out)"),
  purpose: LedgerPurposeSchema.nullable().describe("Purpose of money out (null for money in)"),
  amount_fen: FenSchema,
  paid_on: ProjectDateSchema,
  contract_id: UuidSchema.nullable(),
  milestone_id: UuidSchema.nullable(),
  admin_task_id: UuidSchema.nullable().describe("The administrative task the money came with or was spent on"),
  reference: z.string().nullable().describe("What an out-payment paid for, when it has no id here"),
  voucher_no: z.string().nullable().describe("External voucher number (凭证号); the key of re-imports"),
  description: z.string(),
  attachments: z.number().int().min(0).describe("Number of attached files (receipts, invoices)"),
  created_at: TimestampSchema,
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export const LedgerPageSchema = countedPageOf(LedgerEntrySchema);

/** The columns the ledger sorts by: the payment date, the amount. */
export const LEDGER_SORTS = ["paid_on", "amount"] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

export const LedgerListQuerySchema = PageQuerySchema.extend({
  holder_kind: LedgerHolderKindSchema.optional(),
  org_id: UuidSchema.optional().describe("Only this organization's rows"),
  community: CommunityHolderCodeSchema.optional().describe("Only this community's rows"),
  direction: LedgerDirectionSchema.optional(),
  source: LedgerSourceSchema.optional(),
  purpose: LedgerPurposeSchema.optional(),
  year: LedgerYearSchema.optional(),
  contract_id: UuidSchema.optional(),
  sort: sortQuery(LEDGER_SORTS, "-paid_on"),
});
export type LedgerListQuery = z.infer<typeof LedgerListQuerySchema>;
/** The ledger export's filter: the list's filters and sort without paging. */
export const LedgerExportFilterSchema = LedgerListQuerySchema.omit({ cursor: true, limit: true });
export type LedgerExportFilter = z.infer<typeof LedgerExportFilterSchema>;

/**
 * POST /funding-ledger: record money in (by source) or out (by purpose) for your community or
 * organization. Without org_id or community_code the holder is the one you record for, when you record
 * for exactly one.
 */
export const LedgerEntryCreateSchema = z
  .strictObject({
    org_id: UuidSchema.optional().describe("Your organization (needed only when you record for several holders)"),
    community_code: CommunityHolderCodeSchema.optional().describe("Your community (needed only when you record for several holders)"),
    direction: LedgerDirectionSchema.default("in"),
    source: LedgerSourceSchema.optional().describe(
      "Money in: any source but gov_purchase and task_funding (written by the system); required for in",
    ),
    purpose: LedgerPurposeSchema.optional().describe("Money out: what it paid for; required for out"),
    amount_fen: PositiveFenSchema,
    paid_on: InputDateSchema.describe("Date received or paid"),
    description: text({ max: 500 }).describe("From whom / to whom and for what"),
    admin_task_id: UuidSchema.optional().describe("The administrative task the money is for"),
    contract_id: UuidSchema.optional().describe("The contract the money is for (the holder's own)"),
    reference: text({ max: 200 }).optional().describe("What it paid for (an activity, a service) when it has no id"),
    voucher_no: text({ max: 64 }).optional().describe("External voucher number (凭证号), unique per holder"),
  })
  .superRefine((value, context) => {
    if (value.org_id !== undefined && value.community_code !== undefined) {
      context.addIssue({ code: "custom", message: "ONE_HOLDER", path: ["community_code"] });
    }
    if (value.direction === "in") {
      if (value.source === undefined) {
        context.addIssue({ code: "custom", message: "SOURCE_REQUIRED", path: ["source"] });
      } else if ((systemLedgerSources as readonly string[]).includes(value.source)) {
        context.addIssue({ code: "custom", message: "SOURCE_SYSTEM_ONLY", path: ["source"] });
      }
      if (value.purpose !== undefined) {
        context.addIssue({ code: "custom", message: "PURPOSE_ONLY_FOR_OUT", path: ["purpose"] });
      }
    } else {
      if (value.purpose === undefined) {
        context.addIssue({ code: "custom", message: "PURPOSE_REQUIRED", path: ["purpose"] });
      }
      if (value.source !== undefined) {
        context.addIssue({ code: "custom", message: "SOURCE_ONLY_FOR_IN", path: ["source"] });
      }
    }
  });
export type LedgerEntryCreate = z.infer<typeof LedgerEntryCreateSchema>;

export const LedgerSummaryQuerySchema = z
  .object({
    org_id: UuidSchema.optional().describe("One organization's ledger"),
    community: CommunityHolderCodeSchema.optional().describe("One community's ledger"),
    area: AreaCodeSchema.optional().describe("The rows recorded in a jurisdiction (area_code prefix), all holders"),
    holder_kind: LedgerHolderKindSchema.optional().describe("With area: only this kind of holder"),
    year: LedgerYearSchema.optional(),
  })
  .refine((value) => [value.org_id, value.area, value.community].filter((v) => v !== undefined).length === 1, {
    message: "ORG_ID_OR_AREA",
    path: ["org_id"],
  });
export type LedgerSummaryQuery = z.infer<typeof LedgerSummaryQuerySchema>;

const SourceAmountSchema = z.object({ source: LedgerSourceSchema, amount_fen: FenSchema });
const PurposeAmountSchema = z.object({ purpose: LedgerPurposeSchema, amount_fen: FenSchema });

/** One holder's year: money in by source, out by purpose, and the balance (in − out, may be negative). */
export const LedgerHolderYearSchema = z.object({
  holder_kind: LedgerHolderKindSchema,
  org_id: UuidSchema.nullable(),
  community_code: z.string().nullable(),
  year: z.number().int(),
  in_fen: FenSchema.describe("Money in: always the sum of in_by_source"),
  out_fen: FenSchema,
  balance_fen: z.number().int().describe("in − out of the year"),
  in_by_source: z.array(SourceAmountSchema),
  out_by_purpose: z.array(PurposeAmountSchema),
});
export type LedgerHolderYear = z.infer<typeof LedgerHolderYearSchema>;

export const LedgerSummarySchema = z.object({
  rows: z
    .array(z.object({ year: z.number().int(), source: LedgerSourceSchema, amount_fen: FenSchema, entries: z.number().int() }))
    .describe("Money in: totals by year (descending) and source"),
  by_source: z.array(SourceAmountSchema).describe("Money in by source, all years"),
  total_fen: FenSchema.describe("Money in, all years (the sum of by_source)"),
  out_rows: z
    .array(z.object({ year: z.number().int(), purpose: LedgerPurposeSchema, amount_fen: FenSchema, entries: z.number().int() }))
    .describe("Money out: totals by year (descending) and purpose"),
  by_purpose: z.array(PurposeAmountSchema).describe("Money out by purpose, all years"),
  out_fen: FenSchema.describe("Money out, all years"),
  balance_fen: z.number().int().describe("total_fen − out_fen"),
  holders: z.array(LedgerHolderYearSchema).describe("Per holder and year (newest year first)"),
});
export type LedgerSummary = z.infer<typeof LedgerSummarySchema>;

export const LedgerBalancesQuerySchema = PageQuerySchema.extend({
  area: AreaCodeSchema.describe("Holders' rows recorded in this jurisdiction (area_code prefix)"),
  holder_kind: LedgerHolderKindSchema.optional(),
  year: LedgerYearSchema.optional(),
});
export type LedgerBalancesQuery = z.infer<typeof LedgerBalancesQuerySchema>;

export const LedgerBalanceSchema = z.object({
  holder_kind: LedgerHolderKindSchema,
  org_id: UuidSchema.nullable(),
  community_code: z.string().nullable(),
  holder_name: z.string(),
  year: z.number().int(),
  in_fen: FenSchema,
  out_fen: FenSchema,
  balance_fen: z.number().int().describe("in − out of the year"),
});
export type LedgerBalance = z.infer<typeof LedgerBalanceSchema>;
export const LedgerBalancePageSchema = pageOf(LedgerBalanceSchema);

export const LedgerStructureQuerySchema = z.object({
  area: AreaCodeSchema.describe("The jurisdiction"),
  year: LedgerYearSchema,
});
export type LedgerStructureQuery = z.infer<typeof LedgerStructureQuerySchema>;

export const LedgerStructureSchema = z.object({
  area: z.string(),
  year: z.number().int(),
  community_sources: z
    .array(z.object({ source: LedgerSourceSchema, amount_fen: FenSchema, share: z.number().min(0).max(1) }))
    .describe("Figure 3-4: communities' money in by source within the area, with its share of the total"),
  community_in_fen: FenSchema,
  organizations_by_main_source: z
    .array(
      z.object({
        source: LedgerSourceSchema,
        organizations: z.number().int().describe("Organizations whose largest source of the year is this one"),
        declared: z.number().int().describe("Of which without ledger rows in the year: counted by their first declared source"),
      }),
    )
    .describe("Figure 3-5: organizations (home or service area in the area) by main source of funds, counted as organizations"),
  organizations: z.number().int().describe("Organizations counted (with ledger rows or a declared source)"),
});
export type LedgerStructure = z.infer<typeof LedgerStructureSchema>;

export const LedgerAttachmentSchema = ContractAttachmentSchema;
export type LedgerAttachment = ContractAttachment;
export const LedgerIdParamsSchema = z.object({ id: UuidSchema });
export const LedgerAttachmentParamsSchema = z.object({ id: UuidSchema, attachmentId: UuidSchema });

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

/** The funding ledger (费随事转): money in by source and out by purpose, of organizations and communities. */
export const ledgerEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/funding-ledger",
    summary:
      "Funding ledger rows (organization staff: their organization's; community staff: their community's; officials: their area), latest payment first by default; sort by date or amount",
    tags,
    access: "projects.read",
    query: LedgerListQuerySchema,
    status: 200,
    response: LedgerPageSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/funding-ledger",
    summary:
      "Record money in (by source, not gov_purchase/task_funding) or out (by purpose) for your community or organization; Idempotency-Key supported",
    tags,
    access: "ledger.record",
    body: LedgerEntryCreateSchema,
    status: 201,
    response: LedgerEntrySchema,
    problems: [409, 422],
  }),
  summary: endpoint({
    method: "GET",
    path: "/funding-ledger/summary",
    summary:
      "Totals of one organization (org_id), one community (community) or an area's rows (area): in by source, out by purpose, per holder and year",
    tags,
    access: "projects.read",
    query: LedgerSummaryQuerySchema,
    status: 200,
    response: LedgerSummarySchema,
  }),
  balances: endpoint({
    method: "GET",
    path: "/funding-ledger/balances",
    summary: "Per holder and year in an area: money in, out and the balance, over the rows you read (keyset by year and holder)",
    tags,
    access: "projects.read",
    query: LedgerBalancesQuerySchema,
    status: 200,
    response: LedgerBalancePageSchema,
  }),
  structure: endpoint({
    method: "GET",
    path: "/funding-ledger/structure",
    summary:
      "Funding structure of an area in a year: communities' money in by source with shares (figure 3-4), organizations by main source (figure 3-5)",
    tags,
    access: "projects.read",
    query: LedgerStructureQuerySchema,
    status: 200,
    response: LedgerStructureSchema,
  }),
  attach: endpoint({
    method: "POST",
    path: "/funding-ledger/:id/attachments",
    summary: "Attach a receipt or invoice (raw PDF or image body, 10 MB at most) to an entry of a holder you record for",
    tags,
    access: "ledger.record",
    params: LedgerIdParamsSchema,
    query: ContractAttachmentQuerySchema,
    upload: { types: ContractAttachmentContentTypeSchema.options, maxBytes: MAX_CONTRACT_ATTACHMENT_BYTES },
    status: 201,
    response: LedgerAttachmentSchema,
    problems: [413, 415],
  }),
  attachments: endpoint({
    method: "GET",
    path: "/funding-ledger/:id/attachments",
    summary: "The files attached to a ledger entry you read",
    tags,
    access: "projects.read",
    params: LedgerIdParamsSchema,
    status: 200,
    response: z.object({ items: z.array(LedgerAttachmentSchema) }),
  }),
  download: endpoint({
    method: "GET",
    path: "/funding-ledger/:id/attachments/:attachmentId",
    summary: "The bytes of a ledger attachment (download); 404 outside the entry's scope",
    tags,
    access: "projects.read",
    params: LedgerAttachmentParamsSchema,
    status: 200,
    response: z.any().describe("The file bytes (PDF or image)"),
    download: true,
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
