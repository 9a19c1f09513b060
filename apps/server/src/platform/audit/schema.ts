import { sql } from "drizzle-orm";
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { areaCode } from "../db/columns.js";

/**
 * The append-only audit log. Rows are inserted unsealed (seq and hash null) inside the business
 * transaction; the sealer links committed rows into the SM3 hash chain in the order it finds them
 * (seq), so no writer waits on a chain lock. Triggers (migration 0001) refuse updates other than
 * sealing, and every delete.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorLogin: text("actor_login"),
    action: text("action").notNull(),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    areaCode: areaCode("area_code").notNull().default(""),
    ip: text("ip"),
    requestId: text("request_id"),
    outcome: text("outcome", { enum: ["success", "denied", "failure"] }).notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    seq: bigint("seq", { mode: "bigint" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (table) => [
    uniqueIndex("audit_log_seq_key").on(table.seq),
    index("audit_log_area_code_at_idx").on(table.areaCode, table.at),
    // the audit log sorted by time (either way), ties by id: a walk of the index, never a sort of the log
    index("audit_log_at_id_idx").on(table.at, table.id),
    index("audit_log_unsealed_idx")
      .on(table.id)
      .where(sql`seq IS NULL`),
  ],
);
