import { z } from "zod";
import {
  AreaCodeSchema,
  CalendarInstantSchema,
  PageQuerySchema,
  TimestampSchema,
  UuidSchema,
  countedPageOf,
  sortQuery,
  text,
} from "./common.js";
import { RoleSchema } from "./auth.js";
import { SocialOrgCategorySchema, SocialOrgGradeSchema } from "./social-orgs.js";
import { endpoint } from "./endpoint.js";

/** Calls for projects (项目征集), applications, review and award: the purchaser side of 项目化运作. */

export const CallModeSchema = z
  .enum(["venture", "directed", "commissioned"])
  .describe("公益创投 venture, 定向委托 directed, 购买服务 commissioned");
export type CallMode = z.infer<typeof CallModeSchema>;
export const CallStatusSchema = z
  .enum(["draft", "open", "under_review", "awarded", "cancelled"])
  .describe("draft; open until the deadline; under_review after it; awarded; cancelled");
export type CallStatus = z.infer<typeof CallStatusSchema>;

const FenSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe("Amount in fen (分)");
export const DocTypeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, "INVALID_DOC_TYPE")
  .describe("Document type code, e.g. plan, budget, registration_certificate");

export const EvaluationWeightsSchema = z.strictObject({
  purchaser: z.number().int().min(0).max(100),
  beneficiaries: z.number().int().min(0).max(100),
  third_party: z.number().int().min(0).max(100),
});

export const CriterionInputSchema = z.strictObject({
  name: text({ max: 100 }),
  description: text({ max: 1000 }).nullable().optional(),
  weight: z.number().int().min(1).max(100).describe("Weight; the rubric's weights sum to exactly 100"),
});

const callData = {
  purchaser_name: text({ max: 100 }).describe("Purchasing body as published, e.g. 南阳新村街道办事处"),
  mode: CallModeSchema,
  title: text({ max: 200 }),
  description: text({ max: 10000 }),
  need_categories: z.array(z.string().max(40)).max(20).describe("Need category codes the call answers"),
  target_area_codes: z.array(AreaCodeSchema).min(1).max(50).describe("Areas served, inside the purchaser's area"),
  total_budget_fen: FenSchema,
  project_cap_fen: FenSchema.describe("Most one project may receive, in fen"),
  min_org_grade: SocialOrgGradeSchema.nullable().describe("Lowest evaluation grade accepted, or null"),
  eligible_org_categories: z.array(SocialOrgCategorySchema).max(5).describe("Accepted categories; empty = all"),
  require_local_presence: z.boolean().describe("The organization must be registered in or serve a target area"),
  required_documents: z.array(DocTypeSchema).max(20).describe("Document types every application must attach"),
  submission_deadline: CalendarInstantSchema.describe("Deadline (ISO instant); must be in the future at publication"),
  criteria: z.array(CriterionInputSchema).min(1).max(20).describe("Scoring rubric; weights sum to 100"),
  reviewer_ids: z.array(UuidSchema).max(30).describe("Review panel: users holding projects.review over the call's area"),
  evaluation_weights: EvaluationWeightsSchema.describe("Weights of the closing evaluation; sum to 100"),
};

export const CallCreateSchema = z.strictObject({ area_code: AreaCodeSchema.describe("Purchaser's jurisdiction"), ...callData });
export type CallCreate = z.infer<typeof CallCreateSchema>;
export const CallUpdateSchema = z.strictObject({
  version: z.number().int().describe("The version you read"),
  data: z.strictObject(callData).partial(),
});
export type CallUpdate = z.infer<typeof CallUpdateSchema>;
export const VersionBodySchema = z.strictObject({ version: z.number().int().describe("The version you read") });

export const CallSchema = z.object({
  id: UuidSchema,
  ocid: z.string().describe("Open Contracting ID"),
  area_code: AreaCodeSchema,
  purchaser_name: z.string(),
  mode: CallModeSchema,
  title: z.string(),
  status: CallStatusSchema,
  total_budget_fen: z.number().int(),
  project_cap_fen: z.number().int(),
  submission_deadline: TimestampSchema,
  published_at: TimestampSchema.nullable(),
  awarded_at: TimestampSchema.nullable(),
  created_at: TimestampSchema,
  version: z.number().int(),
});
export type Call = z.infer<typeof CallSchema>;

const NeedCountSchema = z.object({
  open: z.number().int().describe("Needs open now"),
  last_12_months: z.number().int().describe("Needs reported in the last 12 months"),
});

export const CallDetailSchema = CallSchema.extend({
  description: z.string(),
  need_categories: z.array(z.string()),
  target_area_codes: z.array(AreaCodeSchema),
  min_org_grade: SocialOrgGradeSchema.nullable(),
  eligible_org_categories: z.array(SocialOrgCategorySchema),
  require_local_presence: z.boolean(),
  required_documents: z.array(z.string()),
  evaluation_weights: EvaluationWeightsSchema,
  criteria: z.array(
    z.object({
      id: UuidSchema,
      position: z.number().int(),
      name: z.string(),
      description: z.string().nullable(),
      weight: z.number().int(),
    }),
  ),
  reviewers: z.array(z.object({ user_id: UuidSchema, display_name: z.string() })),
  need_counts: z.object({
    categories: z.array(NeedCountSchema.extend({ code: z.string() })),
    areas: z.array(
      NeedCountSchema.extend({ area_code: AreaCodeSchema, area_name: z.string().describe("The area's name (its code when unknown)") }),
    ),
  }),
  viewer: z.object({
    purchaser: z.boolean().describe("You manage this call"),
    reviewer: z.boolean().describe("You sit on its panel"),
    my_application_id: UuidSchema.nullable().describe("Your organization's application, if any"),
  }),
});
export type CallDetail = z.infer<typeof CallDetailSchema>;

/** The columns the calls list sorts by: creation, publication, the deadline, the budget, the title. */
export const CALL_SORTS = ["created_at", "published_at", "submission_deadline", "total_budget", "title"] as const;
export type CallSort = (typeof CALL_SORTS)[number];
export const CallListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe("Search in titles"),
  status: CallStatusSchema.optional(),
  mode: CallModeSchema.optional(),
  awaiting: z
    .literal("my_review")
    .optional()
    .describe("my_review: calls under review on whose panel you sit with an application still waiting for your scores (首页待办)"),
  sort: sortQuery(CALL_SORTS, "-created_at"),
});
export type CallListQuery = z.infer<typeof CallListQuerySchema>;
export const CallPageSchema = countedPageOf(CallSchema);
/** The calls export's filter: the list's filters and sort without paging. */
export const CallExportFilterSchema = CallListQuerySchema.omit({ cursor: true, limit: true });
export type CallExportFilter = z.infer<typeof CallExportFilterSchema>;
export const CallIdParamsSchema = z.object({ id: UuidSchema });

export const CallSuggestionQuerySchema = z.object({ area: AreaCodeSchema.describe("Jurisdiction to suggest a call for") });
export const CallSuggestionSchema = z.object({
  area_code: AreaCodeSchema,
  since: TimestampSchema.describe("Start of the 12 months looked at"),
  categories: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })).describe("Most frequent unmet categories"),
  areas: z.array(z.object({ area_code: AreaCodeSchema, count: z.number().int() })).describe("Where those needs concentrate"),
  draft: z.object({
    area_code: AreaCodeSchema,
    title: z.string(),
    description: z.string(),
    need_categories: z.array(z.string()),
    target_area_codes: z.array(AreaCodeSchema),
  }),
});
export type CallSuggestion = z.infer<typeof CallSuggestionSchema>;

// Applications

export const KpiSchema = z.strictObject({ name: text({ max: 100 }), target: z.number().min(0), unit: text({ max: 20 }) });
export const BudgetLineSchema = z.strictObject({ item: text({ max: 200 }), amount_fen: FenSchema });

export const ApplicationCreateSchema = z.strictObject({
  org_id: UuidSchema.optional().describe("Applying organization (default: your only one)"),
  title: text({ max: 200 }),
  objectives: text({ max: 5000 }),
  activities: text({ max: 10000 }),
  beneficiaries: text({ max: 2000 }),
  beneficiary_count: z.number().int().min(0).max(10_000_000),
  kpis: z.array(KpiSchema).min(1).max(20),
  budget_lines: z.array(BudgetLineSchema).min(1).max(100).describe("Their sum must equal requested_fen"),
  requested_fen: FenSchema.describe("At most the call's project cap"),
});
export type ApplicationCreate = z.infer<typeof ApplicationCreateSchema>;

export const ApplicationStatusSchema = z.enum(["submitted", "withdrawn", "awarded", "not_awarded"]);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

export const ApplicationSchema = z.object({
  id: UuidSchema,
  call_id: UuidSchema,
  call_title: z.string().describe("The call's title"),
  area_code: AreaCodeSchema,
  org: z.object({ id: UuidSchema, name: z.string() }),
  title: z.string(),
  requested_fen: z.number().int(),
  status: ApplicationStatusSchema,
  submitted_at: TimestampSchema,
  withdrawn_at: TimestampSchema.nullable(),
  complete: z.boolean().describe("Every required document type is attached"),
  missing_documents: z.array(z.string()),
  final_score: z.number().nullable(),
  version: z.number().int(),
});
export type Application = z.infer<typeof ApplicationSchema>;

export const AttachmentTypeSchema = z.enum([
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "image/jpeg",
  "image/png",
]);
/** Largest application attachment, in bytes (10 MB). */
export const MAX_APPLICATION_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ApplicationAttachmentSchema = z.object({
  id: UuidSchema,
  doc_type: z.string(),
  original_name: z.string(),
  content_type: AttachmentTypeSchema,
  size_bytes: z.number().int(),
  created_at: TimestampSchema,
});
export type ApplicationAttachment = z.infer<typeof ApplicationAttachmentSchema>;
export const ApplicationAttachmentQuerySchema = z.object({
  doc_type: DocTypeSchema,
  name: z.string().trim().min(1).max(200).optional().describe("The file's name, for display only"),
});
export const ApplicationAttachmentParamsSchema = z.object({ id: UuidSchema, attachmentId: UuidSchema });

export const CreditSummarySchema = z.object({
  completed: z.number().int().describe("Contracts closed"),
  total: z.number().int().describe("Contracts signed"),
  overdue_milestones: z.number().int().describe("Milestones accepted late or past due and not accepted"),
  returned_reports: z.number().int().describe("Milestone reports returned"),
  grades: z.object({ excellent: z.number().int(), good: z.number().int(), pass: z.number().int(), fail: z.number().int() }),
});
export type CreditSummary = z.infer<typeof CreditSummarySchema>;

const RatingFiguresSchema = z.object({
  count: z.number().int().describe("Ratings"),
  average: z.number().nullable().describe("Average 1–5; null without ratings"),
});

export const CreditRecordSchema = CreditSummarySchema.extend({
  org_id: UuidSchema,
  ratings: z
    .object({
      residents: RatingFiguresSchema.describe("Given by the served residents themselves"),
      callbacks: RatingFiguresSchema.describe(
        "Recorded by staff from call-backs (and staff confirmations before call-backs were recorded)",
      ),
    })
    .describe("Ratings of the organization's work on needs it served (completed with a service record), never of needs it declined"),
  projects: z.array(
    z.object({
      contract_id: UuidSchema,
      title: z.string(),
      area_code: AreaCodeSchema,
      status: z.enum(["active", "closing", "closed", "terminated"]),
      amount_fen: z.number().int(),
      signed_at: TimestampSchema,
      grade: z.enum(["excellent", "good", "pass", "fail"]).nullable(),
      total_score: z.number().nullable(),
      overdue_milestones: z.number().int(),
      returned_reports: z.number().int(),
    }),
  ),
});
export type CreditRecord = z.infer<typeof CreditRecordSchema>;

export const ReviewDeclarationInputSchema = z
  .strictObject({ conflicted: z.boolean(), reason: text({ max: 1000 }).nullable().optional() })
  .refine((value) => !value.conflicted || Boolean(value.reason), { message: "REASON_REQUIRED", path: ["reason"] });
export const ReviewDeclarationSchema = z.object({
  application_id: UuidSchema,
  conflicted: z.boolean(),
  reason: z.string().nullable(),
  declared_at: TimestampSchema,
});
export type ReviewDeclaration = z.infer<typeof ReviewDeclarationSchema>;

export const ReviewScoresInputSchema = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        criterion_id: UuidSchema,
        score: z.number().int().min(0).max(100),
        comment: text({ max: 2000 }).nullable().optional(),
      }),
    )
    .min(1)
    .max(20),
});
export type ReviewScoresInput = z.infer<typeof ReviewScoresInputSchema>;
export const MyReviewSchema = z.object({
  declaration: ReviewDeclarationSchema.nullable(),
  scores: z.array(z.object({ criterion_id: UuidSchema, score: z.number().int(), comment: z.string().nullable() })),
  weighted_score: z.number().nullable().describe("Σ weight × score / 100, once every criterion is scored"),
});
export type MyReview = z.infer<typeof MyReviewSchema>;

export const ApplicationResultSchema = z.object({
  status: ApplicationStatusSchema,
  final_score: z.number().nullable(),
  decision_reason: z.string().nullable(),
  decided_at: TimestampSchema.nullable(),
  criteria: z.array(
    z.object({
      criterion_id: UuidSchema,
      name: z.string(),
      weight: z.number().int(),
      average_score: z.number().nullable(),
      comments: z.array(z.string()).describe("Reviewers' comments, anonymous"),
    }),
  ),
});
export type ApplicationResult = z.infer<typeof ApplicationResultSchema>;

export const ApplicationDetailSchema = ApplicationSchema.extend({
  objectives: z.string(),
  activities: z.string(),
  beneficiaries: z.string(),
  beneficiary_count: z.number().int(),
  kpis: z.array(z.object({ name: z.string(), target: z.number(), unit: z.string() })),
  budget_lines: z.array(z.object({ item: z.string(), amount_fen: z.number().int() })),
  attachments: z.array(ApplicationAttachmentSchema),
  decision_reason: z.string().nullable(),
  decided_at: TimestampSchema.nullable(),
  credit: CreditRecordSchema.nullable().describe("The applicant's credit record (purchaser and panel)"),
  my_review: MyReviewSchema.nullable().describe("Your declaration and scores (panel members)"),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetailSchema>;
export const ApplicationListSchema = z.object({ items: z.array(ApplicationSchema) });
/** The columns the applications list sorts by: submission, the amount requested, the final score (unscored last). */
export const APPLICATION_SORTS = ["submitted_at", "requested", "final_score"] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];
export const ApplicationListQuerySchema = PageQuerySchema.extend({
  call_id: UuidSchema.optional().describe("Only this call's applications"),
  status: ApplicationStatusSchema.optional(),
  q: text({ max: 100 }).optional().describe("Words in the project title"),
  sort: sortQuery(APPLICATION_SORTS, "-submitted_at"),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuerySchema>;
export const ApplicationPageSchema = countedPageOf(ApplicationSchema);
/** The applications export's filter: the list's filters and sort without paging. */
export const ApplicationExportFilterSchema = ApplicationListQuerySchema.omit({ cursor: true, limit: true });
export type ApplicationExportFilter = z.infer<typeof ApplicationExportFilterSchema>;
export const ApplicationIdParamsSchema = z.object({ id: UuidSchema });

export const RankingSchema = z.object({
  items: z.array(
    z.object({
      application_id: UuidSchema,
      org_name: z.string(),
      requested_fen: z.number().int(),
      complete: z.boolean(),
      reviewers_scored: z.number().int(),
      conflicts: z.number().int(),
      final_score: z.number().nullable(),
    }),
  ),
});
export type Ranking = z.infer<typeof RankingSchema>;

export const AwardInputSchema = z.strictObject({
  version: z.number().int().describe("The call's version you read"),
  application_ids: z.array(UuidSchema).min(1).max(100),
  justification: text({ max: 5000 }).describe("Written justification of the decision (required)"),
});
export type AwardInput = z.infer<typeof AwardInputSchema>;

// Review panel candidates

export const ReviewerCandidateQuerySchema = z.object({
  area_code: AreaCodeSchema.describe("The call's area: candidates hold projects.review over it"),
  q: z.string().trim().max(100).optional().describe("Search in display names"),
});
export type ReviewerCandidateQuery = z.infer<typeof ReviewerCandidateQuerySchema>;
export const ReviewerCandidateSchema = z.object({
  user_id: UuidSchema,
  display_name: z.string(),
  role: RoleSchema.describe("The role that lets them review (official or evaluator)"),
  area_code: AreaCodeSchema.describe("Area of that membership (the call's area or above)"),
  area_name: z.string().nullable().describe("Name of that area"),
});
export type ReviewerCandidate = z.infer<typeof ReviewerCandidateSchema>;
export const ReviewerCandidateListSchema = z.object({
  items: z.array(ReviewerCandidateSchema).max(50).describe("At most 50, by display name"),
});
export type ReviewerCandidateList = z.infer<typeof ReviewerCandidateListSchema>;

const tags = ["projects"] as const;

/** Calls for projects (项目征集): the reviewer picker, drafting, publication, cancellation, the list and the suggestion. */
export const callEndpoints = {
  reviewerCandidates: endpoint({
    method: "GET",
    path: "/calls/reviewer-candidates",
    summary:
      "Users who may review a call in the area (officials of it or above, evaluators covering it); 404 unless you hold calls.manage over it",
    tags,
    access: "calls.manage",
    query: ReviewerCandidateQuerySchema,
    status: 200,
    response: ReviewerCandidateListSchema,
  }),
  list: endpoint({
    method: "GET",
    path: "/calls",
    summary: "Calls you may read, newest first by default; sort, search on title, filter by status and mode",
    tags,
    access: "projects.read",
    query: CallListQuerySchema,
    status: 200,
    response: CallPageSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/calls",
    summary: "Draft a call in your jurisdiction (calls.manage); Idempotency-Key supported",
    tags,
    access: "calls.manage",
    body: CallCreateSchema,
    status: 201,
    response: CallDetailSchema,
    problems: [409, 422],
  }),
  suggestion: endpoint({
    method: "GET",
    path: "/calls/suggestion",
    summary: "A call draft prefilled from the area's most frequent unmet needs of the last 12 months",
    tags,
    access: "calls.manage",
    query: CallSuggestionQuerySchema,
    status: 200,
    response: CallSuggestionSchema,
  }),
  get: endpoint({
    method: "GET",
    path: "/calls/:id",
    summary: "One call with its rubric, panel and the open and recent needs it answers; 404 outside your scope",
    tags,
    access: "projects.read",
    params: CallIdParamsSchema,
    status: 200,
    response: CallDetailSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/calls/:id",
    summary: "Edit a draft call (send the version you read)",
    tags,
    access: "calls.manage",
    params: CallIdParamsSchema,
    body: CallUpdateSchema,
    status: 200,
    response: CallDetailSchema,
    problems: [409, 422],
  }),
  publish: endpoint({
    method: "POST",
    path: "/calls/:id/publish",
    summary: "Publish a draft call (the deadline must be in the future)",
    tags,
    access: "calls.manage",
    params: CallIdParamsSchema,
    body: VersionBodySchema,
    status: 200,
    response: CallDetailSchema,
    problems: [409, 422],
  }),
  cancel: endpoint({
    method: "POST",
    path: "/calls/:id/cancel",
    summary: "Cancel a call that is not awarded yet",
    tags,
    access: "calls.manage",
    params: CallIdParamsSchema,
    body: VersionBodySchema,
    status: 200,
    response: CallDetailSchema,
    problems: [409, 422],
  }),
};

/** An organization's credit record (信用记录) built from its contracts, and its public summary. */
export const creditEndpoints = {
  record: endpoint({
    method: "GET",
    path: "/social-orgs/:id/credit",
    summary: "An organization's credit record: its contracts, grades, overdue milestones and returned reports",
    tags: ["projects", "social-orgs"],
    access: "social_orgs.read",
    params: CallIdParamsSchema,
    status: 200,
    response: CreditRecordSchema,
  }),
  publicSummary: endpoint({
    method: "GET",
    path: "/public/social-orgs/:id/credit",
    summary: "Public credit summary of an active organization: counts and grade distribution only",
    tags: ["projects", "public"],
    access: "public",
    params: CallIdParamsSchema,
    status: 200,
    response: CreditSummarySchema,
    omitProblems: [400, 401, 403],
  }),
};

/** Uploads are taken as raw bytes whatever their declared type: the server judges the type by the bytes. */
export const APPLICATION_UPLOAD_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "image/jpeg",
  "image/png",
  "application/octet-stream",
] as const;

/** Applications to calls (项目申报), their documents and withdrawal. */
export const applicationEndpoints = {
  search: endpoint({
    method: "GET",
    path: "/applications",
    summary:
      "Applications you may read across calls (purchasers and officials: their area; organizations: their own; panels: after the deadline), newest submitted first; sort, filter by call, status and title",
    tags,
    access: "projects.read",
    query: ApplicationListQuerySchema,
    status: 200,
    response: ApplicationPageSchema,
  }),
  list: endpoint({
    method: "GET",
    path: "/calls/:id/applications",
    summary: "Applications to a call: all for the purchaser, all after the deadline for the panel, your own for an organization",
    tags,
    access: "projects.read",
    params: CallIdParamsSchema,
    status: 200,
    response: ApplicationListSchema,
  }),
  apply: endpoint({
    method: "POST",
    path: "/calls/:id/applications",
    summary:
      "Apply to an open call for your organization (eligibility checked; once per call; a withdrawn one is re-submitted); Idempotency-Key supported",
    tags,
    access: "projects.apply",
    params: CallIdParamsSchema,
    body: ApplicationCreateSchema,
    status: 201,
    response: ApplicationDetailSchema,
    problems: [409, 422],
  }),
  get: endpoint({
    method: "GET",
    path: "/applications/:id",
    summary: "One application; the purchaser and panel see the applicant's credit record, panel members their own review",
    tags,
    access: "projects.read",
    params: ApplicationIdParamsSchema,
    status: 200,
    response: ApplicationDetailSchema,
  }),
  withdraw: endpoint({
    method: "POST",
    path: "/applications/:id/withdraw",
    summary: "Withdraw your application before the deadline",
    tags,
    access: "projects.apply",
    params: ApplicationIdParamsSchema,
    body: VersionBodySchema,
    status: 200,
    response: ApplicationDetailSchema,
    problems: [409, 422],
  }),
  attach: endpoint({
    method: "POST",
    path: "/applications/:id/attachments",
    summary:
      "Attach a document (raw PDF, DOCX, XLSX, JPEG or PNG body, judged by its bytes, 10 MB at most) before the deadline; Idempotency-Key supported",
    tags,
    access: "projects.apply",
    params: ApplicationIdParamsSchema,
    query: ApplicationAttachmentQuerySchema,
    upload: { types: APPLICATION_UPLOAD_TYPES, maxBytes: MAX_APPLICATION_ATTACHMENT_BYTES },
    status: 201,
    response: ApplicationAttachmentSchema,
    problems: [409, 413, 415, 422],
  }),
  download: endpoint({
    method: "GET",
    path: "/applications/:id/attachments/:attachmentId",
    summary: "Download a document of an application (applicant, purchaser or panel), under a server-made file name",
    tags,
    access: "projects.read",
    params: ApplicationAttachmentParamsSchema,
    status: 200,
    response: z.any().describe("The file's bytes"),
    download: true,
  }),
};

/** Review (评审): conflict-of-interest declarations, scores, the ranking, the award and each applicant's result. */
export const reviewEndpoints = {
  declare: endpoint({
    method: "PUT",
    path: "/applications/:id/declaration",
    summary: "Declare a conflict of interest (with a reason) or none, after the deadline; a declared conflict is final",
    tags,
    access: "projects.review",
    params: ApplicationIdParamsSchema,
    body: ReviewDeclarationInputSchema,
    status: 200,
    response: MyReviewSchema,
    problems: [409, 422],
  }),
  score: endpoint({
    method: "PUT",
    path: "/applications/:id/scores",
    summary: "Score criteria 0–100 with comments (no conflict declared first); editable until the award",
    tags,
    access: "projects.review",
    params: ApplicationIdParamsSchema,
    body: ReviewScoresInputSchema,
    status: 200,
    response: MyReviewSchema,
    problems: [409, 422],
  }),
  ranking: endpoint({
    method: "GET",
    path: "/calls/:id/ranking",
    summary: "The purchaser's ranking after the deadline: mean weighted score over reviewers who scored every criterion",
    tags,
    access: "calls.manage",
    params: CallIdParamsSchema,
    status: 200,
    response: RankingSchema,
    problems: [409],
  }),
  award: endpoint({
    method: "POST",
    path: "/calls/:id/award",
    summary:
      "Award complete applications with a written justification (total within budget, each within the cap); the others are not awarded",
    tags,
    access: "calls.manage",
    params: CallIdParamsSchema,
    body: AwardInputSchema,
    status: 200,
    response: CallDetailSchema,
    problems: [409, 422],
  }),
  result: endpoint({
    method: "GET",
    path: "/applications/:id/result",
    summary: "The outcome of an application after the award: per-criterion averages (reviewers anonymous) and the justification",
    tags,
    access: "projects.read",
    params: ApplicationIdParamsSchema,
    status: 200,
    response: ApplicationResultSchema,
    problems: [409],
  }),
};
