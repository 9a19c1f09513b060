import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";

/**
 * Social organizations (社会组织), including social-work agencies (社工机构). `area_code` is the home
 * area (where registered or filed); service areas and stations (入驻) live in their own tables.
 */
export const socialOrgs = pgTable(
  "social_orgs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    name: text("name").notNull(),
    uscc: text("uscc"),
    legalForm: text("legal_form", { enum: ["association", "private_non_enterprise", "foundation"] }),
    registration: text("registration", { enum: ["registered", "filed"] })
      .notNull()
      .default("filed"),
    category: text("category", { enum: ["charity", "culture_sports", "life_services", "rights", "comprehensive"] })
      .notNull()
      .default("comprehensive"),
    grade: text("grade", { enum: ["1A", "2A", "3A", "4A", "5A"] }),
    gradeYear: smallint("grade_year"),
    foundedOn: date("founded_on", { mode: "string" }),
    staffCount: integer("staff_count"),
    socialWorkerCount: integer("social_worker_count"),
    fundingSources: text("funding_sources")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text("status", { enum: ["active", "suspended", "deregistered"] })
      .notNull()
      .default("active"),
    isSocialWorkAgency: boolean("is_social_work_agency").notNull().default(false),
    description: text("description"),
    contactPhone: text("contact_phone"),
    contactAddress: text("contact_address"),
    contactEmail: text("contact_email"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index("social_orgs_area_code_name_idx").on(table.areaCode, table.name),
    uniqueIndex("social_orgs_uscc_key")
      .on(table.uscc)
      .where(sql`${table.uscc} IS NOT NULL`),
  ],
);

/** Areas an organization serves (it is visible to readers scoped on any of them). */
export const socialOrgServiceAreas = pgTable(
  "social_org_service_areas",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => socialOrgs.id, { onDelete: "cascade" }),
    areaCode: areaCode("area_code").notNull(),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.areaCode] }),
    index("social_org_service_areas_area_code_idx").on(table.areaCode, table.orgId),
  ],
);

/** Communities an organization is stationed in (入驻), since a date. */
export const socialOrgStations = pgTable(
  "social_org_stations",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => socialOrgs.id, { onDelete: "cascade" }),
    areaCode: areaCode("area_code").notNull(),
    since: date("since", { mode: "string" }),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.areaCode] }),
    index("social_org_stations_area_code_idx").on(table.areaCode, table.orgId),
  ],
);
