import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";
import { users } from "../../platform/auth/index.js";
import { attachmentColumns } from "../../platform/files/attachments.js";

/** Announcements (通知公告): sanitized rich text for an area, optionally narrowed to roles or organizations. */
export const announcements = pgTable(
  "announcements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    title: text("title").notNull(),
    bodyHtml: text("body_html").notNull(),
    audienceRoles: text("audience_roles").array().notNull().default([]),
    audienceOrgIds: uuid("audience_org_ids").array().notNull().default([]),
    pinned: boolean("pinned").notNull().default(false),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    publishedBy: uuid("published_by")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("announcements_area_code_published_idx").on(table.areaCode, table.publishedAt, table.id)],
);

/**
 * Who received an announcement (computed from memberships when it was published) and when each
 * opened it: the read receipts. Looked up by recipient for "my announcements", so the recipient
 * index leads with user_id; the sender's views go through the primary key (announcement first).
 */
export const announcementRecipients = pgTable(
  "announcement_recipients",
  {
    announcementId: uuid("announcement_id")
      .notNull()
      .references(() => announcements.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    areaCode: areaCode("area_code").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.announcementId, table.userId] }),
    index("announcement_recipients_user_idx").on(table.userId, table.announcementId),
    // The receipts list sorted by when each opened it (sort=read_at, unread last): walked in order, stopped after a page.
    index("announcement_recipients_announcement_read_at_idx").on(table.announcementId, table.readAt, table.userId),
  ],
);

/** Files attached to an announcement, stored in the database like need photos; names are made by the server. */
export const announcementAttachments = pgTable(
  "announcement_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    announcementId: uuid("announcement_id")
      .notNull()
      .references(() => announcements.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    ...attachmentColumns(["application/pdf", "image/jpeg", "image/png", "image/webp"]),
    createdBy: uuid("created_by").notNull(),
  },
  (table) => [index("announcement_attachments_area_code_announcement_idx").on(table.areaCode, table.announcementId)],
);
