import { sql } from "drizzle-orm";
import { bigserial, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";

/**
 * Joint meetings (联席会议) convened by a street official or community staff in their area.
 * `facility_id` names a facility of the community profile (no foreign key across modules);
 * `sign_in_token` is the secret of the QR code for self sign-in.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    placeKind: text("place_kind", { enum: ["facility", "online"] }).notNull(),
    facilityId: uuid("facility_id"),
    onlineUrl: text("online_url"),
    convenerId: uuid("convener_id").notNull(),
    status: text("status", { enum: ["draft", "scheduled", "held", "minuted", "cancelled"] })
      .notNull()
      .default("draft"),
    minutesHtml: text("minutes_html"),
    summary: text("summary"),
    summaryPublishedAt: timestamp("summary_published_at", { withTimezone: true }),
    signInToken: text("sign_in_token").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("meetings_area_code_starts_at_idx").on(table.areaCode, table.startsAt, table.id),
    // A convener's action items (GET /action-items?role=convener) start from their meetings.
    index("meetings_convener_idx").on(table.convenerId),
    index("meetings_area_code_published_idx")
      .on(table.areaCode, table.summaryPublishedAt)
      .where(sql`summary_published_at IS NOT NULL`),
  ],
);

/**
 * Invited parties. A user (staff, social worker, representative with an account) answers for
 * themselves; an organization is answered for by any of its staff. Departments and representatives
 * without an account are names only.
 */
export const meetingInvitees = pgTable(
  "meeting_invitees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["staff", "organization", "social_worker", "resident_rep", "department"] }).notNull(),
    userId: uuid("user_id"),
    organizationId: uuid("organization_id"),
    name: text("name").notNull(),
    response: text("response", { enum: ["pending", "attend", "decline", "delegate"] })
      .notNull()
      .default("pending"),
    delegateName: text("delegate_name"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    signedInAt: timestamp("signed_in_at", { withTimezone: true }),
    signedInBy: uuid("signed_in_by"),
  },
  (table) => [
    index("meeting_invitees_area_code_meeting_idx").on(table.areaCode, table.meetingId),
    index("meeting_invitees_user_idx").on(table.userId),
    index("meeting_invitees_org_idx").on(table.organizationId),
  ],
);

/** Agenda items, in order; `link_id` keeps a project's or call's id (not validated yet). */
export const meetingAgendaItems = pgTable(
  "meeting_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind", { enum: ["need_category", "referral", "project", "call", "free"] }).notNull(),
    title: text("title").notNull(),
    needCategory: text("need_category"),
    referralId: uuid("referral_id"),
    linkId: uuid("link_id"),
  },
  (table) => [index("meeting_agenda_items_area_code_meeting_idx").on(table.areaCode, table.meetingId, table.position)],
);

/** Resolutions (决议) taken on an agenda item. */
export const meetingResolutions = pgTable(
  "meeting_resolutions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => meetingAgendaItems.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("meeting_resolutions_area_code_meeting_idx").on(table.areaCode, table.meetingId, table.createdAt)],
);

/**
 * Action items (督办事项) of a resolution: an owner unit (organization or community) and person, a due
 * date and the expected result. open → done (owner) → closed (convener accepts) or back to open
 * (returned, with the reason).
 */
export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    resolutionId: uuid("resolution_id")
      .notNull()
      .references(() => meetingResolutions.id, { onDelete: "cascade" }),
    ownerKind: text("owner_kind", { enum: ["organization", "community", "department"] }).notNull(),
    ownerOrganizationId: uuid("owner_organization_id"),
    /** A government department (admin-tasks) when a street meeting assigns the item to one; no foreign key across modules. */
    ownerDepartmentId: uuid("owner_department_id"),
    ownerCommunityCode: areaCode("owner_community_code"),
    ownerUserId: uuid("owner_user_id").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    expectedResult: text("expected_result").notNull(),
    status: text("status", { enum: ["open", "done", "closed"] })
      .notNull()
      .default("open"),
    returnedReason: text("returned_reason"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("action_items_area_code_status_due_idx").on(table.areaCode, table.status, table.dueOn),
    index("action_items_owner_user_idx").on(table.ownerUserId, table.status, table.dueOn),
    index("action_items_meeting_idx").on(table.meetingId),
  ],
);

/**
 * Recorded versions of finalized minutes: number 1 is the text as finalized (status minuted); every
 * amendment after that is a new number with its author, time and reason. The meeting's minutes_html is
 * always the newest version; versions are never changed.
 */
export const meetingMinutesVersions = pgTable(
  "meeting_minutes_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    html: text("html").notNull(),
    reason: text("reason"),
    authorId: uuid("author_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex("meeting_minutes_versions_meeting_number_key").on(table.meetingId, table.number)],
);

/** Progress history of an action item: progress with evidence, done, accepted, returned. */
export const actionItemUpdates = pgTable(
  "action_item_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    actionItemId: uuid("action_item_id")
      .notNull()
      .references(() => actionItems.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["progress", "done", "accepted", "returned"] }).notNull(),
    text: text("text").notNull(),
    referralId: uuid("referral_id"),
    serviceRecordId: uuid("service_record_id"),
    authorId: uuid("author_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Insertion order, for updates written at the same instant. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
  },
  (table) => [index("action_item_updates_area_code_item_idx").on(table.areaCode, table.actionItemId, table.seq)],
);

/** Escalations of overdue action items: one per item (the unique key makes a sweep idempotent). */
export const actionItemEscalations = pgTable(
  "action_item_escalations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    actionItemId: uuid("action_item_id")
      .notNull()
      .references(() => actionItems.id, { onDelete: "cascade" }),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }).notNull(),
    recipients: integer("recipients").notNull(),
  },
  (table) => [
    index("action_item_escalations_area_code_at_idx").on(table.areaCode, table.escalatedAt),
    uniqueIndex("action_item_escalations_item_key").on(table.actionItemId),
  ],
);

export type MeetingRow = typeof meetings.$inferSelect;
export type ActionItemRow = typeof actionItems.$inferSelect;
