import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";

/**
 * Statistical divisions (统计用区划代码): province, city, district, street and community rows keyed by
 * their code; a code is the prefix of its descendants, which is what jurisdiction scope relies on.
 */
export const areas = pgTable(
  "areas",
  {
    code: areaCode("code").primaryKey(),
    name: text("name").notNull(),
    level: text("level", { enum: ["province", "city", "district", "street", "community"] }).notNull(),
    kind: text("kind", { enum: ["subdistrict", "town", "township", "zone", "neighborhood", "village"] }),
    parentCode: areaCode("parent_code"),
    childCount: integer("child_count").notNull().default(0),
    ...timestamps,
  },
  (table) => [index("areas_parent_code_code_idx").on(table.parentCode, table.code)],
);
