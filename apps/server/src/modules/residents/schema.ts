import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";
import { users } from "../../platform/auth/index.js";

/**
 * Households (户): an address in one community and its head. Members point here with
 * residents.household_id. The head is a resident id without a foreign key (the two tables refer to
 * each other); the service keeps it consistent.
 */
export const households = pgTable(
  "households",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    address: text("address").notNull(),
    headResidentId: uuid("head_resident_id"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("households_area_code_address_idx").on(table.areaCode, table.address)],
);

/**
 * Residents (居民), registered in one community (12-digit area_code). The ID number and phone are
 * stored SM4-encrypted (`*_enc`), with a keyed blind index (`*_bidx`) for exact look-up and a masked
 * copy (`*_masked`) for display; the plaintext is never stored. One ID number per city: the unique
 * index on id_number_bidx.
 */
export const residents = pgTable(
  "residents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    name: text("name").notNull(),
    gender: text("gender", { enum: ["male", "female"] }),
    birthDate: date("birth_date", { mode: "string" }),
    idNumberEnc: text("id_number_enc"),
    idNumberBidx: text("id_number_bidx"),
    idNumberMasked: text("id_number_masked"),
    phoneEnc: text("phone_enc"),
    phoneBidx: text("phone_bidx"),
    phoneMasked: text("phone_masked"),
    address: text("address"),
    building: text("building"),
    unit: text("unit"),
    room: text("room"),
    /** Grid (网格) of the communities module; no foreign key until that module lands. */
    gridId: uuid("grid_id"),
    gridName: text("grid_name"),
    householdId: uuid("household_id").references(() => households.id, { onDelete: "set null" }),
    relationToHead: text("relation_to_head", { enum: ["head", "spouse", "child", "parent", "grandchild", "sibling", "other"] }),
    groups: text("groups")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    legalBasis: text("legal_basis", { enum: ["consent", "statutory_duty"] }),
    consentDate: date("consent_date", { mode: "string" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("residents_area_code_name_idx").on(table.areaCode, table.name, table.id),
    index("residents_area_code_created_at_idx").on(table.areaCode, table.createdAt, table.id),
    uniqueIndex("residents_id_number_bidx_key").on(table.idNumberBidx),
    index("residents_phone_bidx_idx").on(table.phoneBidx),
    index("residents_household_id_idx").on(table.householdId),
  ],
);

/** Moves between communities (迁移记录): the resident row's area_code changes, this keeps the history. */
export const residentMoves = pgTable(
  "resident_moves",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    residentId: uuid("resident_id")
      .notNull()
      .references(() => residents.id, { onDelete: "cascade" }),
    fromAreaCode: areaCode("from_area_code").notNull(),
    toAreaCode: areaCode("to_area_code").notNull(),
    reason: text("reason").notNull(),
    movedAt: timestamp("moved_at", { withTimezone: true }).notNull().defaultNow(),
    movedBy: uuid("moved_by"),
  },
  (table) => [index("resident_moves_resident_id_idx").on(table.residentId, table.movedAt)],
);

/**
 * A resident account (居民账号) linked to its own resident record: at most one record per account and
 * one account per record. Linked by community staff (method staff) or by the resident matching name, ID
 * number and phone (method self). The record must lie in a community of the account's resident
 * membership; a record that later moves away stops counting (linkedResidentOf) until re-linked.
 */
export const residentAccounts = pgTable(
  "resident_accounts",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    residentId: uuid("resident_id")
      .notNull()
      .references(() => residents.id, { onDelete: "cascade" }),
    method: text("method", { enum: ["staff", "self"] }).notNull(),
    linkedBy: uuid("linked_by"),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("resident_accounts_resident_id_key").on(table.residentId)],
);

/** Self-link attempts per account (rate limit: counted over the last hour, whatever their outcome). */
export const residentLinkAttempts = pgTable(
  "resident_link_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("resident_link_attempts_user_id_at_idx").on(table.userId, table.at)],
);
