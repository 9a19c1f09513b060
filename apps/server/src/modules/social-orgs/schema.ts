import { index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";

/**
 * Social organizations (社会组织). The foundation keeps what memberships need (name and the area the
 * organization serves); the registries work extends it with 统一社会信用代码, form, category and grade.
 */
export const socialOrgs = pgTable(
  "social_orgs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    name: text("name").notNull(),
    isSocialWorkAgency: text("is_social_work_agency", { enum: ["yes", "no"] })
      .notNull()
      .default("no"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [index("social_orgs_area_code_name_idx").on(table.areaCode, table.name)],
);
