import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";
import { attachmentColumns } from "../../platform/files/attachments.js";

/**
 * Government purchase of services (项目化运作): a call (项目征集) receives applications, a review panel
 * scores them, an award becomes a contract with milestones, accepted milestones are paid into the
 * funding ledger, and a multi-party evaluation grades the closed project. Every table carries the
 * purchaser's `area_code`, so purchaser-side reads are one prefix predicate; organizations reach their
 * own rows through `org_id`. Money is integer fen.
 */

const modes = ["venture", "directed", "commissioned"] as const;
const orgGrades = ["1A", "2A", "3A", "4A", "5A"] as const;

/** Calls for projects (项目征集), one OCDS contracting process each. */
export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The purchaser's jurisdiction: a community, street, district or the city. */
    areaCode: areaCode("area_code").notNull(),
    /** Open Contracting ID: the configured prefix and the call id. */
    ocid: text("ocid").notNull(),
    /** The purchasing body's name as published (e.g. 南阳新村街道办事处, 金水区民政局). */
    purchaserName: text("purchaser_name").notNull(),
    mode: text("mode", { enum: modes }).notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** Need categories the call answers (need_categories.code). */
    needCategories: text("need_categories")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Areas the projects must serve (inside the purchaser's area). */
    targetAreaCodes: text("target_area_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    totalBudgetFen: bigint("total_budget_fen", { mode: "number" }).notNull(),
    projectCapFen: bigint("project_cap_fen", { mode: "number" }).notNull(),
    /** Eligibility: the lowest evaluation grade (等级评估) accepted, or none. */
    minOrgGrade: text("min_org_grade", { enum: orgGrades }),
    /** Eligibility: organization categories accepted (social_orgs.category); empty = all. */
    eligibleOrgCategories: text("eligible_org_categories")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Eligibility: the organization must be registered in, or serve, one of the target areas. */
    requireLocalPresence: boolean("require_local_presence").notNull().default(true),
    /** Document types an application must attach (e.g. plan, budget, registration_certificate). */
    requiredDocuments: text("required_documents")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    submissionDeadline: timestamp("submission_deadline", { withTimezone: true }).notNull(),
    /** Weights of the closing evaluation (purchaser, beneficiaries, third party), summing to 100. */
    evaluationWeights: jsonb("evaluation_weights")
      .$type<{ purchaser: number; beneficiaries: number; third_party: number }>()
      .notNull()
      .default({ purchaser: 40, beneficiaries: 30, third_party: 30 }),
    status: text("status", { enum: ["draft", "open", "under_review", "awarded", "cancelled"] }).notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    awardedAt: timestamp("awarded_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("calls_area_code_created_at_idx").on(table.areaCode, table.createdAt, table.id),
    index("calls_status_deadline_idx").on(table.status, table.submissionDeadline),
    uniqueIndex("calls_ocid_key").on(table.ocid),
    check("calls_cap_within_budget", sql`${table.projectCapFen} > 0 AND ${table.projectCapFen} <= ${table.totalBudgetFen}`),
  ],
);

/** The scoring rubric of a call: criteria whose weights sum to 100. */
export const callCriteria = pgTable(
  "call_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    weight: smallint("weight").notNull(),
  },
  (table) => [
    uniqueIndex("call_criteria_call_position_key").on(table.callId, table.position),
    check("call_criteria_weight_range", sql`${table.weight} BETWEEN 1 AND 100`),
  ],
);

/** The review panel of a call (评审专家). */
export const callReviewers = pgTable(
  "call_reviewers",
  {
    areaCode: areaCode("area_code").notNull(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.callId, table.userId] }), index("call_reviewers_user_idx").on(table.userId)],
);

/** An organization's application to a call: one per call and organization. */
export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The call's (purchaser's) area. */
    areaCode: areaCode("area_code").notNull(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").notNull(),
    title: text("title").notNull(),
    objectives: text("objectives").notNull(),
    activities: text("activities").notNull(),
    beneficiaries: text("beneficiaries").notNull(),
    beneficiaryCount: integer("beneficiary_count").notNull(),
    /** KPIs promised: name, target and unit. */
    kpis: jsonb("kpis").$type<{ name: string; target: number; unit: string }[]>().notNull(),
    /** Budget lines; their sum is requested_fen. */
    budgetLines: jsonb("budget_lines").$type<{ item: string; amount_fen: number }[]>().notNull(),
    requestedFen: bigint("requested_fen", { mode: "number" }).notNull(),
    status: text("status", { enum: ["submitted", "withdrawn", "awarded", "not_awarded"] }).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    /** The purchaser's written justification of the award decision. */
    decisionReason: text("decision_reason"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** Weighted score out of 100, averaged over the reviewers who scored every criterion; set at award. */
    finalScore: numeric("final_score", { precision: 5, scale: 2, mode: "number" }),
    createdBy: uuid("created_by"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("applications_call_org_key").on(table.callId, table.orgId),
    index("applications_area_code_call_idx").on(table.areaCode, table.callId),
    index("applications_org_idx").on(table.orgId, table.createdAt),
  ],
);

/** Documents attached to an application, stored in the database; downloaded only with a session. */
export const applicationAttachments = pgTable(
  "application_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    docType: text("doc_type").notNull(),
    /** The name the uploader gave, for display only; the download name is made by the server. */
    originalName: text("original_name").notNull(),
    ...attachmentColumns([
      "application/pdf",
      "image/jpeg",
      "image/png",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]),
  },
  (table) => [index("application_attachments_area_code_app_idx").on(table.areaCode, table.applicationId)],
);

/** A reviewer's declaration on one application: a conflicted reviewer cannot score it. */
export const reviewDeclarations = pgTable(
  "review_declarations",
  {
    areaCode: areaCode("area_code").notNull(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id").notNull(),
    conflicted: boolean("conflicted").notNull(),
    reason: text("reason"),
    declaredAt: timestamp("declared_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.applicationId, table.reviewerId] })],
);

/** A reviewer's score (0–100) on one criterion of one application. */
export const reviewScores = pgTable(
  "review_scores",
  {
    areaCode: areaCode("area_code").notNull(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id").notNull(),
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => callCriteria.id, { onDelete: "cascade" }),
    score: smallint("score").notNull(),
    comment: text("comment"),
    scoredAt: timestamp("scored_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.applicationId, table.reviewerId, table.criterionId] }),
    check("review_scores_range", sql`${table.score} BETWEEN 0 AND 100`),
  ],
);

/** A contract (服务合同) made from an awarded application. */
export const projectContracts = pgTable(
  "project_contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    callId: uuid("call_id")
      .notNull()
      .references(() => calls.id),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    orgId: uuid("org_id").notNull(),
    title: text("title").notNull(),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    /** Sum of the ledger's disbursements for this contract, kept in the paying transaction. */
    paidFen: bigint("paid_fen", { mode: "number" }).notNull().default(0),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    kpis: jsonb("kpis").$type<{ name: string; target: number; unit: string }[]>().notNull(),
    status: text("status", { enum: ["active", "closing", "closed", "terminated"] }).notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("project_contracts_application_key").on(table.applicationId),
    index("project_contracts_area_code_signed_idx").on(table.areaCode, table.signedAt, table.id),
    index("project_contracts_org_idx").on(table.orgId, table.signedAt),
    check("project_contracts_paid_within_amount", sql`${table.paidFen} >= 0 AND ${table.paidFen} <= ${table.amountFen}`),
    check("project_contracts_period", sql`${table.periodStart} <= ${table.periodEnd}`),
  ],
);

/** Milestones of a contract: deliverables, a due date and the share of the payment (basis points of the amount). */
export const milestones = pgTable(
  "milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => projectContracts.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    title: text("title").notNull(),
    deliverables: text("deliverables").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** Share of the contract amount in basis points (10000 = all); shares of a contract sum to 10000. */
    shareBp: integer("share_bp").notNull(),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    status: text("status", { enum: ["pending", "reported", "accepted", "returned"] }).notNull(),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("milestones_contract_position_key").on(table.contractId, table.position),
    index("milestones_area_code_due_idx").on(table.areaCode, table.dueOn),
  ],
);

/** Progress reports on a milestone with their evidence, and the purchaser's decision on each. */
export const milestoneReports = pgTable(
  "milestone_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "cascade" }),
    summary: text("summary").notNull(),
    /** Evidence: referral ids and service-record ids from the needs data, beneficiaries reached, attachment ids. */
    evidence: jsonb("evidence")
      .$type<{ referral_ids: string[]; service_record_ids: string[]; beneficiaries_reached: number; attachment_ids: string[] }>()
      .notNull(),
    outcome: text("outcome", { enum: ["pending", "accepted", "returned"] }).notNull(),
    decisionReason: text("decision_reason"),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    submittedBy: uuid("submitted_by"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("milestone_reports_area_code_milestone_idx").on(table.areaCode, table.milestoneId, table.submittedAt)],
);

/** Files attached to a contract or its milestone reports (evidence). */
export const contractAttachments = pgTable(
  "contract_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => projectContracts.id, { onDelete: "cascade" }),
    originalName: text("original_name").notNull(),
    ...attachmentColumns(["application/pdf", "image/jpeg", "image/png", "image/webp"]),
  },
  (table) => [index("contract_attachments_area_code_contract_idx").on(table.areaCode, table.contractId)],
);

/**
 * The funding ledger (费随事转): money in and out of a holder, an organization or a community, by source
 * (in) or purpose (out). Accepted milestones write `gov_purchase` rows (one per milestone at most); an
 * admitted administrative task credits `task_funding` to each target community when it starts (one per
 * task and community); other rows are recorded by hand or imported. `area_code` is the payer's area for
 * gov_purchase, the holder's home area otherwise (a community holder: its own code).
 */
export const fundingLedger = pgTable(
  "funding_ledger",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    holderKind: text("holder_kind", { enum: ["organization", "community"] })
      .notNull()
      .default("organization"),
    /** The organization holder; null for a community holder (whose code is area_code). */
    orgId: uuid("org_id"),
    direction: text("direction", { enum: ["in", "out"] })
      .notNull()
      .default("in"),
    source: text("source", {
      enum: ["gov_purchase", "gov_subsidy", "task_funding", "self_income", "donation", "corporate", "resident", "foundation"],
    }),
    purpose: text("purpose", { enum: ["staff", "activity", "service", "admin_task", "project", "operations", "other"] }),
    amountFen: bigint("amount_fen", { mode: "number" }).notNull(),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    contractId: uuid("contract_id").references(() => projectContracts.id),
    milestoneId: uuid("milestone_id").references(() => milestones.id),
    /** The administrative task the money came with or was spent on (admin-tasks module; no cross-module key). */
    adminTaskId: uuid("admin_task_id"),
    /** Free reference to what an out-payment paid for (an activity, a service) when it has no id here. */
    reference: text("reference"),
    /** External voucher number (凭证号) of a row recorded by hand or imported: re-imports match on it, per holder. */
    voucherNo: text("voucher_no"),
    description: text("description").notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("funding_ledger_milestone_key")
      .on(table.milestoneId)
      .where(sql`${table.milestoneId} IS NOT NULL`),
    // 费随事转 credits once per task and community, whatever the retries.
    uniqueIndex("funding_ledger_task_credit_key")
      .on(table.adminTaskId, table.areaCode)
      .where(sql`${table.source} = 'task_funding'`),
    index("funding_ledger_area_code_paid_idx").on(table.areaCode, table.paidOn),
    // The ledger sorted by amount over an area (the date sort has the index above).
    index("funding_ledger_area_code_amount_idx").on(table.areaCode, table.amountFen, table.id),
    index("funding_ledger_org_paid_idx").on(table.orgId, table.paidOn),
    // A contract's payments (contract page, OCDS implementation releases): without it each is a scan.
    index("funding_ledger_contract_idx")
      .on(table.contractId, table.source)
      .where(sql`${table.contractId} IS NOT NULL`),
    // One row per holder and voucher number (the natural key of spreadsheet re-imports).
    uniqueIndex("funding_ledger_voucher_key")
      .on(table.areaCode, table.holderKind, sql`coalesce(${table.orgId}::text, '')`, table.voucherNo)
      .where(sql`${table.voucherNo} IS NOT NULL`),
    index("funding_ledger_area_holder_idx").on(table.areaCode, table.holderKind, table.direction, table.paidOn),
    check("funding_ledger_positive", sql`${table.amountFen} > 0`),
    check("funding_ledger_holder", sql`(${table.holderKind} = 'organization') = (${table.orgId} IS NOT NULL)`),
    check(
      "funding_ledger_direction",
      sql`(${table.direction} = 'in' AND ${table.source} IS NOT NULL AND ${table.purpose} IS NULL) OR (${table.direction} = 'out' AND ${table.purpose} IS NOT NULL AND ${table.source} IS NULL)`,
    ),
  ],
);

/** Files attached to a ledger entry (receipts, invoices): PDF or images, the type decided from the bytes. */
export const fundingLedgerAttachments = pgTable(
  "funding_ledger_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => fundingLedger.id, { onDelete: "cascade" }),
    originalName: text("original_name").notNull(),
    ...attachmentColumns(["application/pdf", "image/jpeg", "image/png", "image/webp"]),
  },
  (table) => [index("funding_ledger_attachments_area_code_entry_idx").on(table.areaCode, table.entryId)],
);

/** The closing evaluation (结项评估) of a contract: three parties' scores combined with the call's weights. */
export const projectEvaluations = pgTable(
  "project_evaluations",
  {
    contractId: uuid("contract_id")
      .primaryKey()
      .references(() => projectContracts.id, { onDelete: "cascade" }),
    areaCode: areaCode("area_code").notNull(),
    /** The assigned third-party evaluator (a user with the evaluator role). */
    evaluatorId: uuid("evaluator_id").notNull(),
    purchaserScore: numeric("purchaser_score", { precision: 5, scale: 2, mode: "number" }),
    purchaserComment: text("purchaser_comment"),
    /** Beneficiaries' satisfaction out of 100, from residents' ratings of the project's referrals. */
    beneficiaryScore: numeric("beneficiary_score", { precision: 5, scale: 2, mode: "number" }),
    beneficiaryRatings: integer("beneficiary_ratings").notNull().default(0),
    /** Ratings staff recorded from call-backs in the same scope: shown beside the score, never in it. */
    callbackRatings: integer("callback_ratings").notNull().default(0),
    callbackAverage: numeric("callback_average", { precision: 3, scale: 2, mode: "number" }),
    thirdPartyScore: numeric("third_party_score", { precision: 5, scale: 2, mode: "number" }),
    /** The evaluator's KPI findings: achieved value per KPI. */
    kpiResults: jsonb("kpi_results").$type<{ name: string; target: number; achieved: number; unit: string }[]>(),
    thirdPartyComment: text("third_party_comment"),
    weights: jsonb("weights").$type<{ purchaser: number; beneficiaries: number; third_party: number }>().notNull(),
    totalScore: numeric("total_score", { precision: 5, scale: 2, mode: "number" }),
    grade: text("grade", { enum: ["excellent", "good", "pass", "fail"] }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("project_evaluations_area_code_idx").on(table.areaCode, table.completedAt)],
);
