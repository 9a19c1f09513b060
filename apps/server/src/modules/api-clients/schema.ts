import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";

/**
 * API clients (开放接口客户端): external systems calling the Open311 API with their own key, scoped
 * to an area prefix. Only the key's SHA-256 (hex) is stored; the key is shown once at creation.
 */
export const apiClients = pgTable(
  "api_clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    name: text("name").notNull(),
    keyHash: text("key_hash").notNull(),
    keyPrefix: text("key_prefix").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("api_clients_key_hash_key").on(table.keyHash),
    index("api_clients_area_code_created_at_idx").on(table.areaCode, table.createdAt, table.id),
  ],
);
