import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";

/**
 * Standing services (常设服务) that organizations, communities and commercial providers publish in the
 * directory. `area_code` is the provider's home area; `service_area_codes` are the areas served.
 * Money is integer fen.
 */
export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    providerKind: text("provider_kind", { enum: ["organization", "community", "commercial"] }).notNull(),
    organizationId: uuid("organization_id"),
    communityCode: areaCode("community_code"),
    name: text("name").notNull(),
    description: text("description").notNull(),
    category: text("category").notNull(),
    tier: text("tier", { enum: ["public", "special", "professional", "personalized", "developmental"] }).notNull(),
    priceKind: text("price_kind", { enum: ["free", "low_cost", "paid"] }).notNull(),
    priceFen: integer("price_fen"),
    eligibilityGroups: text("eligibility_groups")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    minAge: integer("min_age"),
    maxAge: integer("max_age"),
    serviceAreaCodes: text("service_area_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    schedule: text("schedule"),
    locationFacilityId: uuid("location_facility_id"),
    locationAddress: text("location_address"),
    contactPhone: text("contact_phone"),
    status: text("status", { enum: ["draft", "published", "retired"] })
      .notNull()
      .default("draft"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("services_area_code_name_idx").on(table.areaCode, table.name),
    index("services_area_code_status_idx").on(table.areaCode, table.status),
    index("services_organization_id_idx").on(table.organizationId),
    check("services_price_nonnegative", sql`price_fen IS NULL OR price_fen >= 0`),
    check("services_paid_has_price", sql`price_kind <> 'paid' OR price_fen IS NOT NULL`),
  ],
);

export type ServiceRow = typeof services.$inferSelect;
