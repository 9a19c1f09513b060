import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
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

const tiers = ["public", "special", "professional", "personalized", "developmental"] as const;
const providerKinds = ["organization", "social_worker", "community_queue"] as const;

/** Need categories (需求类别): reference data with a default tier and the service-level clock. */
export const needCategories = pgTable("need_categories", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  tier: text("tier", { enum: tiers }).notNull(),
  respondWithinHours: integer("respond_within_hours").notNull(),
  resolveWithinDays: integer("resolve_within_days").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

/** Needs (需求): what a resident asks for, from any channel, with its routing and closure. */
export const needs = pgTable(
  "needs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    residentId: uuid("resident_id"),
    /** The grid (网格) of the community the need lies in, with its name at the time (like residents keep it). */
    gridId: uuid("grid_id"),
    gridName: text("grid_name"),
    category: text("category")
      .notNull()
      .references(() => needCategories.code),
    description: text("description").notNull(),
    urgency: text("urgency", { enum: ["low", "normal", "high"] }).notNull(),
    channel: text("channel", { enum: ["portal", "staff", "open311", "joint_meeting"] }).notNull(),
    status: text("status", { enum: ["new", "routed", "accepted", "in_service", "done", "closed", "reopened"] }).notNull(),
    tier: text("tier", { enum: tiers }).notNull(),
    routingRuleId: uuid("routing_rule_id"),
    routingExplanation: text("routing_explanation").notNull().default(""),
    /** The same explanation in English (shown to readers whose language is en; empty before migration 0026). */
    routingExplanationEn: text("routing_explanation_en").notNull().default(""),
    doneAt: timestamp("done_at", { withTimezone: true }),
    /** The resident's own rating 1–5 at closure (never a rating staff recorded: see callbackRating). */
    rating: smallint("rating"),
    /** The rating staff recorded from a call-back (or, before call-backs were recorded, a staff confirmation). */
    callbackRating: smallint("callback_rating"),
    confirmationComment: text("confirmation_comment"),
    /**
     * When a confirmation closed the need, and how: the resident themself, staff after a recorded
     * call-back (need_callbacks), or "staff" for closures made before call-backs were recorded.
     */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    confirmedBy: text("confirmed_by", { enum: ["resident", "callback", "staff"] }),
    /** Anonymous contact (name, phone, e-mail) without a registered resident: JSON encrypted with platform/pii. */
    contactEnc: text("contact_enc"),
    /** The same contact masked, for display. */
    contactMasked: jsonb("contact_masked").$type<{ name_masked: string; phone_masked: string | null; email_masked: string | null }>(),
    /** Where the need is, as given (e.g. Open311 address_string, lat, long). */
    address: text("address"),
    lat: doublePrecision("lat"),
    long: doublePrecision("long"),
    /** A photo or document the reporter linked (Open311 media_url). */
    mediaUrl: text("media_url"),
    createdBy: uuid("created_by"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("needs_area_code_created_at_idx").on(table.areaCode, table.createdAt, table.id),
    // The one index that does not start with area_code: a newest-first page over a street, district or
    // the city walks it backwards and stops after a page (79 ms → 0.2 ms for a district of 100k needs);
    // a community's page still uses the area_code index.
    index("needs_created_at_idx").on(table.createdAt, table.id),
    // A street's and a district's newest-first pages (platform/scope inPrefixIndexed): an equality on
    // the code's first 9 or 6 digits walks these in order and stops after a page, at any city size.
    index("needs_street_created_at_idx").on(sql`left(${table.areaCode}, 9)`, table.createdAt, table.id),
    index("needs_district_created_at_idx").on(sql`left(${table.areaCode}, 6)`, table.createdAt, table.id),
    // The list sorted by last change (sort=-updated_at) over a district: walked in order, stopped after a page.
    index("needs_district_updated_at_idx").on(sql`left(${table.areaCode}, 6)`, table.updatedAt, table.id),
    index("needs_area_code_status_idx").on(table.areaCode, table.status),
    index("needs_created_by_idx").on(table.createdBy),
    index("needs_resident_id_idx").on(table.residentId),
    index("needs_area_code_channel_idx").on(table.areaCode, table.channel, table.createdAt),
    // The dashboard's recent closures over a district or the city: newest closed first, stopping after a page.
    index("needs_closed_at_idx")
      .on(table.closedAt.desc().nullsLast(), table.id.desc())
      .where(sql`${table.status} = 'closed'`),
  ],
);

/** The history of a need: every status change with who, why and when. */
export const needEvents = pgTable(
  "need_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    status: text("status"),
    actorLogin: text("actor_login"),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** Insertion order, for events recorded at the same instant. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
  },
  (table) => [index("need_events_area_code_need_idx").on(table.areaCode, table.needId, table.at)],
);

/** Routing rules (分层分派规则) owned by a city, district or street; first match wins, most specific owner first. */
export const routingRules = pgTable(
  "routing_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    position: integer("position").notNull(),
    category: text("category"),
    residentGroups: text("resident_groups").array(),
    areaPrefix: areaCode("area_prefix"),
    tier: text("tier", { enum: tiers }).notNull(),
    providerKind: text("provider_kind", { enum: providerKinds }).notNull(),
    providerId: uuid("provider_id"),
    enabled: boolean("enabled").notNull().default(true),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("routing_rules_area_code_position_idx").on(table.areaCode, table.position)],
);

/** Referrals (转介): a need sent to one provider, with the category's clock. */
export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    providerKind: text("provider_kind", { enum: providerKinds }).notNull(),
    providerId: uuid("provider_id"),
    /** failed: done, but the resident (or a call-back) said the need was not solved. */
    status: text("status", { enum: ["pending", "accepted", "declined", "done", "failed", "cancelled"] }).notNull(),
    declineReason: text("decline_reason"),
    /** Who accepted and who marked it done: neither may confirm the need (the honest loop). */
    acceptedBy: uuid("accepted_by"),
    completedBy: uuid("completed_by"),
    /** The rating of this provider's work, given once at the confirmation that followed it, and by whom. */
    rating: smallint("rating"),
    ratingSource: text("rating_source", { enum: ["resident", "callback", "staff"] }),
    ratedAt: timestamp("rated_at", { withTimezone: true }),
    respondBy: timestamp("respond_by", { withTimezone: true }).notNull(),
    resolveBy: timestamp("resolve_by", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** When the provider accepted (time to respond = accepted_at − created_at). */
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    /**
     * Minutes of service recorded on this referral: the sum of its service_records, kept by a
     * statement-level trigger on service_records (migration 0017), so dashboards never scan them.
     */
    serviceMinutes: integer("service_minutes").notNull().default(0),
    /** Insertion order, for referrals created at the same instant. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("referrals_area_code_status_idx").on(table.areaCode, table.status),
    // Open referrals only (the few that can be overdue), for the dashboards' overdue counts.
    index("referrals_area_code_open_idx")
      .on(table.areaCode, table.respondBy, table.resolveBy)
      .where(sql`${table.status} IN ('pending', 'accepted')`),
    // Newest-first referral lists over a wide scope (see needs_created_at_idx).
    index("referrals_created_at_idx").on(table.createdAt, table.id),
    // Newest-first pages of one community (its queue), street or district, and of one provider's inbox.
    index("referrals_area_code_created_at_idx").on(table.areaCode, table.createdAt, table.id),
    index("referrals_street_created_at_idx").on(sql`left(${table.areaCode}, 9)`, table.createdAt, table.id),
    index("referrals_district_created_at_idx").on(sql`left(${table.areaCode}, 6)`, table.createdAt, table.id),
    index("referrals_provider_created_at_idx").on(table.providerId, table.createdAt, table.id),
    index("referrals_provider_idx").on(table.providerId, table.status),
    index("referrals_need_id_idx").on(table.needId),
    // Open referrals by their current deadline (respond_by while pending, resolve_by while accepted):
    // the dashboard counts live only those due today before now (ADR 0011, referral_deadline_rollups).
    index("referrals_open_deadline_idx")
      .on(sql`(CASE WHEN ${table.status} = 'pending' THEN ${table.respondBy} ELSE ${table.resolveBy} END)`)
      .where(sql`${table.status} IN ('pending', 'accepted')`),
  ],
);

/**
 * Call-backs (回访): how staff confirmed a need the resident did not confirm themself. Only a
 * recorded call-back lets staff close a need, and only after the resident's wait (or without an
 * account).
 */
export const needCallbacks = pgTable(
  "need_callbacks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    method: text("method", { enum: ["phone", "visit", "other"] }).notNull(),
    calledAt: timestamp("called_at", { withTimezone: true }).notNull(),
    answeredBy: text("answered_by").notNull(),
    summary: text("summary").notNull(),
    solved: boolean("solved").notNull(),
    rating: smallint("rating").notNull(),
    recordedBy: uuid("recorded_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("need_callbacks_area_code_need_idx").on(table.areaCode, table.needId)],
);

/** Service records (服务记录): minutes attributed to each party that served a referral. */
export const serviceRecords = pgTable(
  "service_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id, { onDelete: "cascade" }),
    servedOn: date("served_on", { mode: "string" }).notNull(),
    minutes: integer("minutes").notNull(),
    partyKind: text("party_kind", { enum: ["community", "organization", "social_worker", "volunteer"] }).notNull(),
    partyName: text("party_name").notNull(),
    notes: text("notes"),
    createdBy: uuid("created_by"),
    ...timestamps,
  },
  (table) => [index("service_records_area_code_referral_idx").on(table.areaCode, table.referralId)],
);

/** Photos attached to a need (at most 6, 5 MB each), stored in the database with their SHA-256. */
export const needAttachments = pgTable(
  "need_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    ...attachmentColumns(["image/jpeg", "image/png", "image/webp"]),
  },
  (table) => [index("need_attachments_area_code_need_idx").on(table.areaCode, table.needId)],
);

/**
 * Escalations of overdue referrals to the street official: one row per referral and clock (respond,
 * resolve), so a clock escalates once however many sweeps run, on however many servers.
 */
export const referralEscalations = pgTable(
  "referral_escalations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id, { onDelete: "cascade" }),
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    clock: text("clock", { enum: ["respond", "resolve"] }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }).notNull(),
    recipients: integer("recipients").notNull(),
  },
  (table) => [
    index("referral_escalations_area_code_at_idx").on(table.areaCode, table.escalatedAt),
    uniqueIndex("referral_escalations_referral_clock_key").on(table.referralId, table.clock),
  ],
);

/**
 * Dashboard roll-up of needs (ADR 0011): counts by area × period × category × status × tier.
 * Every need is counted once at each level of its area code (province, city, district, street,
 * community) and three times in time: on the China Standard Time date it was reported (grain 'day'),
 * in that month (grain 'month', day = the 1st) and all-time (grain 'all', day = '-infinity'), so a
 * dashboard reads only its own area's rows, a period its whole months and at most two partial months
 * of days. Kept by statement-level triggers on needs in the writing transaction (migration 0021),
 * never written by the application.
 */
export const needRollups = pgTable(
  "need_rollups",
  {
    areaCode: areaCode("area_code").notNull(),
    grain: text("grain", { enum: ["all", "month", "day"] }).notNull(),
    day: date("day", { mode: "string" }).notNull(),
    category: text("category").notNull(),
    status: text("status").notNull(),
    tier: text("tier").notNull(),
    needs: integer("needs").notNull().default(0),
    /** Closed needs with the resident's own rating, and the sum of those ratings. */
    rated: integer("rated").notNull().default(0),
    ratingSum: integer("rating_sum").notNull().default(0),
    /** Closed needs confirmed by the resident themself; by staff before call-backs were recorded (legacy). */
    byResident: integer("by_resident").notNull().default(0),
    byStaff: integer("by_staff").notNull().default(0),
    /** Closed needs confirmed by staff after a recorded call-back, and their call-back ratings (migration 0026). */
    byCallback: integer("by_callback").notNull().default(0),
    callbackRated: integer("callback_rated").notNull().default(0),
    callbackRatingSum: integer("callback_rating_sum").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.areaCode, table.grain, table.day, table.category, table.status, table.tier] })],
);

/**
 * Dashboard histograms of durations (ADR 0011), for medians of districts and above: hours to respond
 * (referrals accepted, measure 'respond', on the need's reporting day) and days to resolve (needs
 * done, measure 'resolve'), in logarithmic buckets of an eighth of an octave (bucket = floor(8·log2 v);
 * -32768 holds zero). Same grains as need_rollups, for provinces, cities, districts and streets only
 * (a street's or community's own medians are exact, live); kept by triggers on needs and referrals.
 */
export const needDurationRollups = pgTable(
  "need_duration_rollups",
  {
    areaCode: areaCode("area_code").notNull(),
    grain: text("grain", { enum: ["all", "month", "day"] }).notNull(),
    day: date("day", { mode: "string" }).notNull(),
    measure: text("measure", { enum: ["respond", "resolve"] }).notNull(),
    bucket: smallint("bucket").notNull(),
    count: integer("count").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.areaCode, table.measure, table.grain, table.day, table.bucket] })],
);

/**
 * Dashboard roll-up of referrals by provider (ADR 0011), all-time only (a dashboard with a period
 * reads referrals live): counts, minutes served and the ratings of closed needs the provider
 * completed, at each level of the area code. provider_key is the provider's id, '' for the community
 * queue. Kept by triggers on referrals and on needs (a closure or a new rating changes the ratings).
 */
export const referralRollups = pgTable(
  "referral_rollups",
  {
    areaCode: areaCode("area_code").notNull(),
    providerKind: text("provider_kind", { enum: providerKinds }).notNull(),
    providerKey: text("provider_key").notNull(),
    status: text("status").notNull(),
    referrals: integer("referrals").notNull().default(0),
    /** Accepted at some point (accepted_at set, or accepted or done). */
    accepted: integer("accepted").notNull().default(0),
    minutes: integer("minutes").notNull().default(0),
    rated: integer("rated").notNull().default(0),
    ratingSum: integer("rating_sum").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.areaCode, table.providerKind, table.providerKey, table.status] })],
);

/**
 * Dashboard roll-up of open referrals by deadline (ADR 0011): referrals pending or accepted, counted by
 * the China Standard Time date of their current deadline (respond_by while pending, resolve_by while
 * accepted), per community (the referral's own area_code; a dashboard sums the rows under its prefix),
 * provider kind and provider (provider_key: the id, '' for the community queue). Days before today are
 * folded now and then into one row per key with day = '-infinity' (fold_referral_deadline_rollups, run
 * by the escalation sweep); the dashboard sums every row before today whether folded or not, and counts
 * today's deadlines live. Kept by triggers on referrals (migration 0025), never written by the application.
 */
export const referralDeadlineRollups = pgTable(
  "referral_deadline_rollups",
  {
    areaCode: areaCode("area_code").notNull(),
    providerKind: text("provider_kind", { enum: providerKinds }).notNull(),
    providerKey: text("provider_key").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    referrals: integer("referrals").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.areaCode, table.providerKind, table.providerKey, table.day] })],
);
