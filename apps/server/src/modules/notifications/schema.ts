import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { areaCode } from "../../platform/db/columns.js";
import { users } from "../../platform/auth/schema.js";

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
  },
  (table) => [index("notifications_recipient_read_created_idx").on(table.recipientId, table.readAt, table.createdAt)],
);
