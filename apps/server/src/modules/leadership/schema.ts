import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";

/**
 * Leadership of de-administration (社区减负工作领导小组) and the yearly plan (实施方案). Departments are
 * referenced as an optional `department_id` (a row of admin-tasks' `departments`, no foreign key: that
 * module exports no read of it yet) plus the name as written, a snapshot that stays readable. Catalogue
 * items are referenced the same way (`catalog_item_id`, no foreign key). Every table carries the
 * area_code its readers are scoped by, first in its indexes.
 */

/** The leadership group of a city, district or street (one per area and name). */
export const leadershipGroups = pgTable(
  "leadership_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    name: text("name").notNull(),
    leaderName: text("leader_name").notNull(),
    leaderTitle: text("leader_title"),
    inChargeName: text("in_charge_name"),
    inChargeTitle: text("in_charge_title"),
    leadDepartmentName: text("lead_department_name"),
    leadDepartmentId: uuid("lead_department_id"),
    createdBy: uuid("created_by").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [uniqueIndex("leadership_groups_area_code_name_key").on(table.areaCode, table.name)],
);

/** Members of a leadership group, in the order shown (replaced as a whole when the group is edited). */
export const leadershipGroupMembers = pgTable(
  "leadership_group_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => leadershipGroups.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    title: text("title"),
    unit: text("unit"),
    role: text("role", { enum: ["leader", "deputy", "member", "office_director"] }).notNull(),
  },
  (table) => [index("leadership_group_members_group_idx").on(table.groupId, table.position)],
);

/** A department's responsibility (职责清单) under a leadership group, optionally tied to a catalogue item. */
export const leadershipResponsibilities = pgTable(
  "leadership_responsibilities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => leadershipGroups.id, { onDelete: "cascade" }),
    departmentName: text("department_name").notNull(),
    departmentId: uuid("department_id"),
    duty: text("duty").notNull(),
    catalogItemId: uuid("catalog_item_id"),
    deadline: date("deadline", { mode: "string" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("leadership_responsibilities_area_code_group_idx").on(table.areaCode, table.groupId, table.departmentName, table.id)],
);

/** The yearly implementation plan (实施方案) of an area: one per area and year. */
export const leadershipPlans = pgTable(
  "leadership_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    year: integer("year").notNull(),
    title: text("title").notNull(),
    status: text("status", { enum: ["draft", "published"] })
      .notNull()
      .default("draft"),
    createdBy: uuid("created_by").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [uniqueIndex("leadership_plans_area_code_year_key").on(table.areaCode, table.year)],
);

/** A target of a plan: an indicator value to reach by a date, with an owner. */
export const leadershipPlanTargets = pgTable(
  "leadership_plan_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => leadershipPlans.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    indicator: text("indicator", {
      enum: ["administrative_share_max", "social_workers_per_1000", "standard_facilities_rate", "manual"],
    }).notNull(),
    targetValue: numeric("target_value", { precision: 14, scale: 4, mode: "number" }).notNull(),
    comparison: text("comparison", { enum: ["at_most", "at_least"] }).notNull(),
    ownerName: text("owner_name").notNull(),
    ownerDepartmentId: uuid("owner_department_id"),
    ownerUserId: uuid("owner_user_id"),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("leadership_plan_targets_area_code_plan_idx").on(table.areaCode, table.planId, table.dueOn, table.id),
    // The escalation sweep looks only at targets not escalated yet, by due date.
    index("leadership_plan_targets_due_idx")
      .on(table.dueOn)
      .where(sql`escalated_at IS NULL`),
    check("leadership_plan_targets_value", sql`${table.targetValue} >= 0`),
  ],
);

/** A progress report on a target (history kept; the latest is the reported value). */
export const leadershipProgressReports = pgTable(
  "leadership_progress_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    targetId: uuid("target_id")
      .notNull()
      .references(() => leadershipPlanTargets.id, { onDelete: "cascade" }),
    value: numeric("value", { precision: 14, scale: 4, mode: "number" }).notNull(),
    note: text("note"),
    reportedBy: uuid("reported_by").notNull(),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("leadership_progress_reports_target_idx").on(table.targetId, table.reportedAt, table.id)],
);
