import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";

/**
 * Cases (个案): one social worker's file on one resident. `area_code` is the resident's community
 * when the case was opened; `worker_id` is the social worker record owning it (no foreign key across
 * modules); `referral_id` points at the referral it came from and `need_id` at that referral's need
 * (no foreign keys across modules; at most one case per referral).
 */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    residentId: uuid("resident_id").notNull(),
    workerId: uuid("worker_id").notNull(),
    openedBy: uuid("opened_by"),
    referralId: uuid("referral_id"),
    needId: uuid("need_id"),
    status: text("status", { enum: ["intake", "planning", "in_service", "review", "closed"] })
      .notNull()
      .default("intake"),
    presentingProblem: text("presenting_problem").notNull(),
    needs: text("needs"),
    risks: text("risks"),
    riskLevel: text("risk_level", { enum: ["low", "medium", "high"] }).notNull(),
    openedOn: date("opened_on", { mode: "string" }).notNull(),
    closedOn: date("closed_on", { mode: "string" }),
    closingSummary: text("closing_summary"),
    closingReason: text("closing_reason"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("cases_area_code_updated_at_idx").on(table.areaCode, table.updatedAt, table.id),
    index("cases_worker_id_idx").on(table.workerId, table.updatedAt),
    index("cases_resident_id_idx").on(table.residentId),
    uniqueIndex("cases_referral_id_key")
      .on(table.referralId)
      .where(sql`referral_id IS NOT NULL`),
  ],
);

/** Goals of the case plan (服务计划目标). */
export const caseGoals = pgTable(
  "case_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    targetDate: date("target_date", { mode: "string" }),
    status: text("status", { enum: ["open", "achieved", "dropped"] })
      .notNull()
      .default("open"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("case_goals_case_id_idx").on(table.caseId, table.createdAt)],
);

/** Sessions (服务记录): home visits, office talks, phone calls, group sessions. */
export const caseSessions = pgTable(
  "case_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    minutes: integer("minutes").notNull(),
    kind: text("kind", { enum: ["home_visit", "office", "phone", "group"] }).notNull(),
    notes: text("notes").notNull(),
    recordedBy: uuid("recorded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("case_sessions_case_id_date_idx").on(table.caseId, table.date)],
);

/** Reviews (评估): progress against the plan and the decision taken. */
export const caseReviews = pgTable(
  "case_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    progress: text("progress").notNull(),
    decision: text("decision", { enum: ["continue", "close", "refer"] }).notNull(),
    reviewedBy: uuid("reviewed_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("case_reviews_case_id_date_idx").on(table.caseId, table.date)],
);

export type CaseRow = typeof cases.$inferSelect;
