import { pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/index.js";

/** The secret of a user's private calendar feed: only its SHA-256 is kept; one per user, revocable. */
export const calendarTokens = pgTable(
  "calendar_tokens",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("calendar_tokens_token_hash_key").on(table.tokenHash)],
);
