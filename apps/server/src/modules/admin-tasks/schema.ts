import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";

/**
 * De-administration (社区减负). Departments (政府部门) apply to put administrative tasks on communities;
 * a street or district admits, rejects or returns them (准入) within a number of working days; admitted
 * tasks become occurrences in each target community's queue and credit their funding to its ledger
 * when they start (费随事转); a street can take a task back (回收); communities refuse demands that were
 * never admitted. Every table carries the area_code its readers are scoped by, first in its indexes.
 */

const taskKinds = ["report", "inspection", "meeting", "campaign", "data_collection", "certification", "other"] as const;

/** Government departments; staff of one sign in with the `department` role (membership organization_id = id). */
export const departments = pgTable(
  "departments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [uniqueIndex("departments_area_code_name_key").on(table.areaCode, table.name)],
);

/** The community work catalogue of a district (or city): statutory, assisted, negative list. */
export const adminTaskCatalog = pgTable(
  "admin_task_catalog",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    list: text("list", { enum: ["statutory", "assisted", "negative"] }).notNull(),
    title: text("title").notNull(),
    legalBasis: text("legal_basis").notNull(),
    departmentName: text("department_name"),
    description: text("description"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [uniqueIndex("admin_task_catalog_area_code_list_title_key").on(table.areaCode, table.list, table.title)],
);

/**
 * A department's application to put a task on communities. `area_code` is the reviewing area: the
 * targets' street when they share one, else their district.
 */
export const adminTasks = pgTable(
  "admin_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    catalogItemId: uuid("catalog_item_id").references(() => adminTaskCatalog.id),
    title: text("title").notNull(),
    legalBasis: text("legal_basis").notNull(),
    kind: text("kind", { enum: taskKinds }).notNull(),
    description: text("description"),
    frequency: text("frequency", { enum: ["once", "weekly", "monthly", "quarterly", "yearly"] }).notNull(),
    hoursPerOccurrence: numeric("hours_per_occurrence", { precision: 6, scale: 2, mode: "number" }).notNull(),
    fundingFenPerCommunity: bigint("funding_fen_per_community", { mode: "number" }).notNull(),
    staffProvided: integer("staff_provided").notNull().default(0),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    status: text("status", { enum: ["submitted", "returned", "admitted", "rejected", "withdrawn"] })
      .notNull()
      .default("submitted"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    decisionDueOn: date("decision_due_on", { mode: "string" }).notNull(),
    decisionReason: text("decision_reason"),
    unfundedException: text("unfunded_exception"),
    meetingResolutionId: uuid("meeting_resolution_id"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by"),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    createdBy: uuid("created_by").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("admin_tasks_area_code_created_idx").on(table.areaCode, table.createdAt, table.id),
    index("admin_tasks_department_created_idx").on(table.departmentId, table.createdAt, table.id),
    // The escalation sweep and the start job look only at undecided or not-yet-started tasks.
    index("admin_tasks_decision_due_idx")
      .on(table.decisionDueOn)
      .where(sql`status = 'submitted' AND escalated_at IS NULL`),
    index("admin_tasks_starts_on_idx")
      .on(table.startsOn)
      .where(sql`status = 'admitted' AND started_at IS NULL`),
    check("admin_tasks_period", sql`${table.endsOn} >= ${table.startsOn}`),
    check("admin_tasks_funding", sql`${table.fundingFenPerCommunity} >= 0 AND ${table.hoursPerOccurrence} >= 0`),
    check(
      "admin_tasks_unfunded_exception",
      sql`${table.status} <> 'admitted' OR ${table.fundingFenPerCommunity} > 0 OR ${table.unfundedException} IS NOT NULL`,
    ),
  ],
);

/** The communities a task is put on; a street can take it back from one (回收). */
export const adminTaskTargets = pgTable(
  "admin_task_targets",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => adminTasks.id, { onDelete: "cascade" }),
    areaCode: areaCode("area_code").notNull(),
    status: text("status", { enum: ["active", "taken_back", "refused"] })
      .notNull()
      .default("active"),
    takenBackAt: timestamp("taken_back_at", { withTimezone: true }),
    takenBackBy: uuid("taken_back_by"),
    assigneeKind: text("assignee_kind", { enum: ["street_office", "social_worker_post"] }),
    assigneeName: text("assignee_name"),
    takeBackReason: text("take_back_reason"),
    creditedFen: bigint("credited_fen", { mode: "number" }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("admin_task_targets_task_area_key").on(table.taskId, table.areaCode),
    index("admin_task_targets_area_code_idx").on(table.areaCode, table.taskId),
  ],
);

/** One occurrence of an admitted task in one community's queue, with the hours logged for it. */
export const adminTaskOccurrences = pgTable(
  "admin_task_occurrences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => adminTasks.id, { onDelete: "cascade" }),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status", { enum: ["open", "done", "cancelled"] })
      .notNull()
      .default("open"),
    loggedMinutes: integer("logged_minutes"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: uuid("done_by"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("admin_task_occurrences_task_area_due_key").on(table.taskId, table.areaCode, table.dueOn),
    index("admin_task_occurrences_area_code_due_idx").on(table.areaCode, table.dueOn, table.id),
    check("admin_task_occurrences_minutes", sql`${table.loggedMinutes} IS NULL OR ${table.loggedMinutes} >= 0`),
  ],
);

/** A community's refusal of a demand that was never admitted; counted against the department. */
export const adminTaskRefusals = pgTable(
  "admin_task_refusals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    taskId: uuid("task_id").references(() => adminTasks.id),
    title: text("title").notNull(),
    kind: text("kind", { enum: taskKinds }).notNull(),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    note: text("note"),
    refusedBy: uuid("refused_by").notNull(),
    ...timestamps,
  },
  (table) => [
    index("admin_task_refusals_area_code_created_idx").on(table.areaCode, table.createdAt, table.id),
    index("admin_task_refusals_department_idx").on(table.departmentId, table.createdAt),
    // One refusal per community per non-admitted task (a double click refuses once).
    uniqueIndex("admin_task_refusals_task_area_key")
      .on(table.taskId, table.areaCode)
      .where(sql`${table.taskId} IS NOT NULL`),
  ],
);
