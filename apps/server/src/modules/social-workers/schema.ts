import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";

/**
 * Social workers (社会工作者): the professionals employed by social organizations, with their level,
 * certificate, employer, supervisor (督导) and home jurisdiction (`area_code`).
 */
export const socialWorkers = pgTable(
  "social_workers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    name: text("name").notNull(),
    gender: text("gender", { enum: ["male", "female"] }),
    level: text("level", { enum: ["staff", "assistant", "social_worker", "senior"] }).notNull(),
    certificateNo: text("certificate_no"),
    certificateYear: integer("certificate_year"),
    organizationId: uuid("organization_id").notNull(),
    supervisorId: uuid("supervisor_id").references((): AnyPgColumn => socialWorkers.id, { onDelete: "set null" }),
    status: text("status", { enum: ["active", "left"] })
      .notNull()
      .default("active"),
    userId: uuid("user_id"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("social_workers_area_code_name_idx").on(table.areaCode, table.name),
    uniqueIndex("social_workers_certificate_no_key")
      .on(table.certificateNo)
      .where(sql`certificate_no IS NOT NULL`),
    index("social_workers_organization_id_idx").on(table.organizationId),
    check("social_workers_supervisor_not_self", sql`supervisor_id IS DISTINCT FROM id`),
  ],
);

/** The communities a social worker serves (scope and the workforce view go through these). */
export const socialWorkerCommunities = pgTable(
  "social_worker_communities",
  {
    workerId: uuid("worker_id")
      .notNull()
      .references(() => socialWorkers.id, { onDelete: "cascade" }),
    areaCode: areaCode("area_code").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workerId, table.areaCode] }),
    index("social_worker_communities_area_code_worker_idx").on(table.areaCode, table.workerId),
  ],
);

/** Posts held (政府购买岗位, 社区岗位, 机构项目) with their place and dates. */
export const socialWorkerPosts = pgTable(
  "social_worker_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => socialWorkers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["gov_purchased_post", "community_post", "agency_project"] }).notNull(),
    title: text("title").notNull(),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("social_worker_posts_area_code_idx").on(table.areaCode), index("social_worker_posts_worker_idx").on(table.workerId)],
);

/** Continuing-education records (继续教育) counted against the yearly requirement. */
export const socialWorkerTrainings = pgTable(
  "social_worker_trainings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workerId: uuid("worker_id")
      .notNull()
      .references(() => socialWorkers.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    hours: numeric("hours", { precision: 5, scale: 1 }).notNull(),
    topic: text("topic").notNull(),
    provider: text("provider"),
    ...timestamps,
  },
  (table) => [index("social_worker_trainings_worker_date_idx").on(table.workerId, table.date)],
);
