import { z } from "zod";
import { CalendarDateSchema, countedPageOf, PageQuerySchema, sortQuery, text, TimestampSchema, UuidSchema } from "./common.js";
import { endpoint } from "./endpoint.js";

/**
 * Casework (个案): a social worker's file on one resident — intake assessment, plan with goals,
 * sessions (service records), reviews and the closing summary. Confidential: readable only by the
 * owning worker, their supervisor (督导) and the community staff in charge; every read is audited.
 */

export const CaseStatusSchema = z
  .enum(["intake", "planning", "in_service", "review", "closed"])
  .describe("Stage: intake (接案评估), planning (制定计划), in_service (服务中), review (评估), closed (结案)");
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const CaseRiskLevelSchema = z.enum(["low", "medium", "high"]).describe("Risk level (风险等级)");
export type CaseRiskLevel = z.infer<typeof CaseRiskLevelSchema>;

export const CaseGoalStatusSchema = z.enum(["open", "achieved", "dropped"]).describe("Goal status");
export type CaseGoalStatus = z.infer<typeof CaseGoalStatusSchema>;

export const CaseSessionKindSchema = z.enum(["home_visit", "office", "phone", "group"]).describe("Kind of session (入户/面谈/电话/小组)");
export type CaseSessionKind = z.infer<typeof CaseSessionKindSchema>;

export const CaseReviewDecisionSchema = z.enum(["continue", "close", "refer"]).describe("Review decision: continue, close or refer");
export type CaseReviewDecision = z.infer<typeof CaseReviewDecisionSchema>;

/** The transitions PATCH accepts (closing goes through POST /cases/{id}/close). */
export const caseTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  intake: ["planning"],
  planning: ["in_service"],
  in_service: ["review"],
  review: ["in_service", "closed"],
  closed: [],
};

export const caseStatusLabels: Record<CaseStatus, string> = {
  intake: "接案评估",
  planning: "制定计划",
  in_service: "服务中",
  review: "评估",
  closed: "已结案",
};

const DateSchema = CalendarDateSchema;

export const CaseGoalSchema = z.object({
  id: UuidSchema,
  text: z.string().describe("The goal"),
  target_date: z.string().nullable().describe("Target date"),
  status: CaseGoalStatusSchema,
  version: z.number().int().describe("Version for optimistic concurrency"),
});
export type CaseGoal = z.infer<typeof CaseGoalSchema>;

export const CaseSessionSchema = z.object({
  id: UuidSchema,
  date: z.string().describe("Date of the session"),
  minutes: z.number().int().describe("Duration in minutes"),
  kind: CaseSessionKindSchema,
  notes: z.string().describe("Service record"),
  created_at: TimestampSchema,
});
export type CaseSession = z.infer<typeof CaseSessionSchema>;

export const CaseReviewSchema = z.object({
  id: UuidSchema,
  date: z.string().describe("Date of the review"),
  progress: z.string().describe("Progress against the plan"),
  decision: CaseReviewDecisionSchema,
  created_at: TimestampSchema,
});
export type CaseReview = z.infer<typeof CaseReviewSchema>;

export const CaseListItemSchema = z.object({
  id: UuidSchema,
  area_code: z.string().describe("The resident's community"),
  resident_id: UuidSchema,
  resident_name: z.string().nullable().describe("The resident's name"),
  worker_id: UuidSchema.describe("Social worker record owning the case"),
  worker_name: z.string().nullable().describe("The social worker's name"),
  referral_id: UuidSchema.nullable().describe("The referral the case came from, if any"),
  need_id: UuidSchema.nullable().describe("The need of that referral, if any"),
  status: CaseStatusSchema,
  risk_level: CaseRiskLevelSchema,
  opened_on: z.string().describe("Date the case was opened"),
  closed_on: z.string().nullable().describe("Date the case was closed"),
  version: z.number().int().describe("Version for optimistic concurrency"),
  updated_at: TimestampSchema,
});
export type CaseListItem = z.infer<typeof CaseListItemSchema>;

export const CaseSchema = CaseListItemSchema.extend({
  presenting_problem: z.string().describe("Presenting problem (主诉问题)"),
  needs: z.string().nullable().describe("Assessed needs"),
  risks: z.string().nullable().describe("Assessed risks"),
  closing_summary: z.string().nullable().describe("Closing summary (结案小结)"),
  closing_reason: z.string().nullable().describe("Why the case was closed with goals still open"),
  is_owner: z.boolean().describe("True when the caller owns the case (may write)"),
  goals: z.array(CaseGoalSchema),
  sessions: z.array(CaseSessionSchema),
  reviews: z.array(CaseReviewSchema),
  created_at: TimestampSchema,
});
export type Case = z.infer<typeof CaseSchema>;

export const CasePageSchema = countedPageOf(CaseListItemSchema);
export type CasePage = z.infer<typeof CasePageSchema>;

export const CaseListFilterSchema = z.object({
  status: CaseStatusSchema.optional(),
  risk_level: CaseRiskLevelSchema.optional(),
  worker_id: UuidSchema.optional().describe("Only the cases of this social worker"),
  q: text({ max: 64 }).optional().describe("Search the resident's name"),
});
export type CaseListFilter = z.infer<typeof CaseListFilterSchema>;

/** The columns the cases list sorts by: last change, opening date, stage (in the order of the casework). */
export const CASE_SORTS = ["updated_at", "opened_on", "status"] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export const CaseListQuerySchema = PageQuerySchema.extend({
  ...CaseListFilterSchema.shape,
  sort: sortQuery(CASE_SORTS, "-updated_at"),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;
/** The cases export's filter: the list's filters and sort without paging. */
export const CaseExportFilterSchema = CaseListQuerySchema.omit({ cursor: true, limit: true });
export type CaseExportFilter = z.infer<typeof CaseExportFilterSchema>;

export const CaseIdParamsSchema = z.object({ id: UuidSchema });
export const CaseGoalParamsSchema = z.object({ id: UuidSchema, goal_id: UuidSchema });

const assessmentFields = {
  presenting_problem: text({ max: 4000 }).describe("Presenting problem (主诉问题)"),
  needs: text({ max: 4000 }).nullable().optional().describe("Assessed needs"),
  risks: text({ max: 4000 }).nullable().optional().describe("Assessed risks"),
  risk_level: CaseRiskLevelSchema,
};

export const CaseCreateSchema = z.strictObject({
  resident_id: UuidSchema.describe("The resident, in your readable scope"),
  referral_id: z
    .null()
    .optional()
    .describe("Always null here: open a case from a referral with POST /referrals/{id}/case (resident and community come from the need)"),
  opened_on: DateSchema.optional().describe("Date opened (default today)"),
  ...assessmentFields,
});
export type CaseCreate = z.infer<typeof CaseCreateSchema>;

/** POST /referrals/{id}/case: the assessment; resident and community come from the referral's need. */
export const CaseFromReferralSchema = z.strictObject({
  opened_on: DateSchema.optional().describe("Date opened (default today)"),
  ...assessmentFields,
  presenting_problem: assessmentFields.presenting_problem.optional().describe("Presenting problem (default: the need's description)"),
});
export type CaseFromReferral = z.infer<typeof CaseFromReferralSchema>;

/** That a case exists for a referral: shown only to those who may read the case. */
export const CaseLinkSchema = z.object({ id: UuidSchema, status: CaseStatusSchema });
export type CaseLink = z.infer<typeof CaseLinkSchema>;

export const CaseUpdateSchema = z.strictObject({
  version: z.number().int().describe("The version you read"),
  data: z.strictObject({
    presenting_problem: assessmentFields.presenting_problem.optional(),
    needs: assessmentFields.needs,
    risks: assessmentFields.risks,
    risk_level: CaseRiskLevelSchema.optional(),
    status: CaseStatusSchema.exclude(["closed"])
      .optional()
      .describe("Move to the next stage (intake → planning → in_service → review → in_service)"),
  }),
});
export type CaseUpdate = z.infer<typeof CaseUpdateSchema>;

export const CaseGoalCreateSchema = z.strictObject({
  text: text({ max: 1000 }).describe("The goal"),
  target_date: DateSchema.nullable().optional(),
});
export type CaseGoalCreate = z.infer<typeof CaseGoalCreateSchema>;

export const CaseGoalUpdateSchema = z.strictObject({
  version: z.number().int().describe("The goal version you read"),
  data: z.strictObject({
    text: text({ max: 1000 }).optional(),
    target_date: DateSchema.nullable().optional(),
    status: CaseGoalStatusSchema.optional(),
  }),
});
export type CaseGoalUpdate = z.infer<typeof CaseGoalUpdateSchema>;

export const CaseSessionCreateSchema = z.strictObject({
  date: DateSchema.describe("Date of the session, not in the future"),
  minutes: z.number().int().min(1).max(1440).describe("Duration in minutes, 1 to 1440"),
  kind: CaseSessionKindSchema,
  notes: text({ max: 8000 }).describe("Service record"),
});
export type CaseSessionCreate = z.infer<typeof CaseSessionCreateSchema>;

export const CaseReviewCreateSchema = z.strictObject({
  date: DateSchema.describe("Date of the review, not in the future"),
  progress: text({ max: 8000 }).describe("Progress against the plan"),
  decision: CaseReviewDecisionSchema.describe("continue moves the case back to in_service; close and refer leave it in review"),
});
export type CaseReviewCreate = z.infer<typeof CaseReviewCreateSchema>;

export const CaseCloseSchema = z.strictObject({
  version: z.number().int().describe("The version you read"),
  closing_summary: text({ max: 8000 }).describe("Closing summary (结案小结)"),
  reason: text({ max: 1000 }).optional().describe("Required when goals are still open: why the case closes anyway"),
});
export type CaseClose = z.infer<typeof CaseCloseSchema>;

const tags = ["cases"] as const;

/** The casework API (个案): case files with plan, sessions, reviews and closing; confidential, every read audited. */
export const caseEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/cases",
    summary: "List the cases you may read (your own, those you supervise, or your community's as community staff)",
    tags,
    access: "cases.read",
    query: CaseListQuerySchema,
    status: 200,
    response: CasePageSchema,
  }),
  open: endpoint({
    method: "POST",
    path: "/cases",
    summary: "Open a case for a resident in your scope (you become its worker)",
    tags,
    access: "cases.write",
    body: CaseCreateSchema,
    status: 201,
    response: CaseSchema,
    problems: [409],
  }),
  get: endpoint({
    method: "GET",
    path: "/cases/:id",
    summary: "One case file with plan, sessions and reviews (every read is audited)",
    tags,
    // Any signed-in user: the confidentiality rule answers 404 to everyone else (officials included),
    // so a case's existence is never confirmed by a 403.
    access: "authenticated",
    params: CaseIdParamsSchema,
    status: 200,
    response: CaseSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/cases/:id",
    summary: "Change the assessment or move the case to its next stage (send the version you read)",
    tags,
    access: "cases.write",
    params: CaseIdParamsSchema,
    body: CaseUpdateSchema,
    status: 200,
    response: CaseSchema,
    problems: [409],
  }),
  addGoal: endpoint({
    method: "POST",
    path: "/cases/:id/goals",
    summary: "Add a goal to the case plan",
    tags,
    access: "cases.write",
    params: CaseIdParamsSchema,
    body: CaseGoalCreateSchema,
    status: 201,
    response: CaseSchema,
    problems: [409],
  }),
  updateGoal: endpoint({
    method: "PATCH",
    path: "/cases/:id/goals/:goal_id",
    summary: "Change a goal of the plan (send the goal's version)",
    tags,
    access: "cases.write",
    params: CaseGoalParamsSchema,
    body: CaseGoalUpdateSchema,
    status: 200,
    response: CaseSchema,
    problems: [409],
  }),
  addSession: endpoint({
    method: "POST",
    path: "/cases/:id/sessions",
    summary: "Record a session (service record) of a case in service",
    tags,
    access: "cases.write",
    params: CaseIdParamsSchema,
    body: CaseSessionCreateSchema,
    status: 201,
    response: CaseSchema,
    problems: [409],
  }),
  addReview: endpoint({
    method: "POST",
    path: "/cases/:id/reviews",
    summary: "Record a review of a case at stage review (continue sends it back to service)",
    tags,
    access: "cases.write",
    params: CaseIdParamsSchema,
    body: CaseReviewCreateSchema,
    status: 201,
    response: CaseSchema,
    problems: [409],
  }),
  close: endpoint({
    method: "POST",
    path: "/cases/:id/close",
    summary: "Close a reviewed case with a closing summary (open goals need a reason)",
    tags,
    access: "cases.write",
    params: CaseIdParamsSchema,
    body: CaseCloseSchema,
    status: 200,
    response: CaseSchema,
    problems: [409],
  }),
};
