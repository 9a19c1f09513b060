import { boolean, index, integer, numeric, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { areaCode, timestamps } from "../../platform/db/columns.js";

/**
 * Community profiles (社区档案): one row per community (12-digit area code) once someone entered it;
 * population and households are the numbers the community declares.
 */
export const communityProfiles = pgTable("community_profiles", {
  areaCode: areaCode("area_code").primaryKey(),
  kind: text("kind", { enum: ["new", "old", "transitional", "village_converted"] }),
  population: integer("population"),
  households: integer("households"),
  officeAreaM2: numeric("office_area_m2", { precision: 10, scale: 2, mode: "number" }),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/** Facilities of a community: the six standard ones (三室两栏一站) and others (日间照料中心, 公益坊…). */
export const facilities = pgTable(
  "facilities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    type: text("type", {
      enum: [
        "activity_room",
        "reading_room",
        "meeting_room",
        "notice_board",
        "newspaper_board",
        "culture_station",
        "day_care",
        "workshop",
        "service_hall",
        "other",
      ],
    }).notNull(),
    name: text("name").notNull(),
    areaM2: numeric("area_m2", { precision: 10, scale: 2, mode: "number" }),
    openingHours: text("opening_hours"),
    bookable: boolean("bookable").notNull().default(false),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [uniqueIndex("facilities_area_code_type_name_idx").on(table.areaCode, table.type, table.name)],
);

/** Grids (网格): named parts of a community, each with a grid worker (网格员). */
export const grids = pgTable(
  "grids",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    areaCode: areaCode("area_code").notNull(),
    name: text("name").notNull(),
    gridWorkerName: text("grid_worker_name"),
    gridWorkerUserId: uuid("grid_worker_user_id"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("grids_area_code_name_idx").on(table.areaCode, table.name),
    index("grids_area_code_id_idx").on(table.areaCode, table.id),
  ],
);
