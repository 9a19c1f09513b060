import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { areaCode } from "../../platform/db/columns.js";
import { users } from "../../platform/auth/index.js";

/** In-app notifications (站内通知) to one user: escalations of overdue referrals and the like. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** E-mail outbox: when it was e-mailed (alone or in a digest); null while not (yet) sent. */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    emailAttempts: integer("email_attempts").notNull().default(0),
    /** After a failed send, not before this. */
    emailRetryAt: timestamp("email_retry_at", { withTimezone: true }),
  },
  (table) => [index("notifications_recipient_read_created_idx").on(table.recipientId, table.readAt, table.createdAt)],
);

/** How a user wants notifications e-mailed; no row means immediately, e-mail on (if an address is set). */
export const notificationPreferences = pgTable("notification_preferences", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  delivery: text("delivery", { enum: ["immediately", "daily_digest"] })
    .notNull()
    .default("immediately"),
  emailEnabled: boolean("email_enabled").notNull().default(true),
  /** When the last daily digest went out. */
  lastDigestAt: timestamp("last_digest_at", { withTimezone: true }),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
