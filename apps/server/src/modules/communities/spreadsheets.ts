import { z } from "zod";
import {
  CommunityCodeSchema,
  CommunityExportFilterSchema,
  communityKindLabels,
  facilityTypeLabels,
  FacilityTypeSchema,
  standardFacilityTypes,
  text,
  type Community,
  type CommunityExportFilter,
} from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import { labelCell } from "../../platform/files/cells.js";
import { exportColumns, exportPages, optionsOf, templateColumns, withColumnDetails } from "../../platform/files/columns.js";
import type { ExportSpec, ImportSpec } from "../../platform/module.js";
import { listCommunities } from "./queries.js";
import { createFacility, findFacility, updateFacility } from "./service.js";

const yes = new Set(["是", "y", "yes", "true", "1", "可", "可预约"]);
const no = new Set(["否", "n", "no", "false", "0", "不可", "不可预约"]);

/** One row of the facilities template (cell texts), coerced to a facility. */
export const facilityRowSchema = z.object({
  area_code: z.string().trim().pipe(CommunityCodeSchema),
  type: labelCell(facilityTypeLabels, "INVALID_FACILITY_TYPE").pipe(FacilityTypeSchema),
  name: text({ max: 64 }),
  area_m2: z
    .string()
    .trim()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, "INVALID_AREA_M2")
    .transform(Number)
    .pipe(z.number().min(0).max(1_000_000))
    .optional(),
  opening_hours: text({ max: 200 }).optional(),
  bookable: z
    .string()
    .trim()
    .transform((value, context) => {
      const lowered = value.toLowerCase();
      if (yes.has(lowered)) {
        return true;
      }
      if (no.has(lowered)) {
        return false;
      }
      context.addIssue({ code: "custom", message: "INVALID_YES_NO" });
      return z.NEVER;
    })
    .optional(),
});
export type FacilityRow = z.infer<typeof facilityRowSchema>;

const facilityHeaders = {
  area_code: ["社区代码", "Community code"],
  type: ["设施类型", "Facility type"],
  name: ["名称", "Name"],
  area_m2: ["面积(平方米)", "Area (m²)"],
  opening_hours: ["开放时间", "Opening hours"],
  bookable: ["可预约", "Bookable"],
} as const;

/**
 * Facilities import (natural key: community code + type + name). A row for a community outside the
 * importer's communities.write scope is refused with NOT_FOUND.
 */
export const facilitiesImport: ImportSpec<FacilityRow> = {
  kind: "facilities",
  columns: withColumnDetails(
    templateColumns(facilityHeaders, {
      area_code: "410105007002",
      type: "文体活动室",
      name: "文体活动室",
      area_m2: "120.5",
      opening_hours: "周一至周五 9:00-17:00",
      bookable: "是",
    }),
    {
      area_code: { area: "community" },
      type: { options: optionsOf(facilityTypeLabels) },
      bookable: {
        options: [
          { code: "是", label: "是" },
          { code: "否", label: "否" },
        ],
      },
    },
  ),
  rowSchema: facilityRowSchema,
  naturalKey: (row) => `${row.area_code}|${row.type}|${row.name}`,
  upsert: upsertFacilityRow,
};

/** Inserts or updates one imported facility inside the caller's transaction (audited by the use cases). */
export async function upsertFacilityRow(ctx: ActorCtx, row: FacilityRow): Promise<"inserted" | "updated" | "unchanged"> {
  const data = {
    area_m2: row.area_m2 ?? null,
    opening_hours: row.opening_hours ?? null,
    bookable: row.bookable ?? false,
  };
  const current = await findFacility(ctx, row.area_code, row.type, row.name);
  if (!current) {
    await createFacility(ctx, row.area_code, { type: row.type, name: row.name, ...data });
    return "inserted";
  }
  if (current.area_m2 === data.area_m2 && current.opening_hours === data.opening_hours && current.bookable === data.bookable) {
    return "unchanged";
  }
  await updateFacility(ctx, current.id, { version: current.version, data });
  return "updated";
}

const yesNo = (value: boolean) => (value ? "是" : "否");

const communityHeaders = {
  code: ["社区代码", "Community code"],
  name: ["社区名称", "Community"],
  kind: ["社区类型", "Kind"],
  population: ["常住人口", "Population"],
  households: ["户数", "Households"],
  office_area_m2: ["办公面积(平方米)", "Office area (m²)"],
  compliant: ["三室两栏一站达标", "Compliant"],
  missing: ["缺少设施", "Missing"],
} as const;

/** The community list with 三室两栏一站 compliance columns. */
export const communitiesExport: ExportSpec<CommunityExportFilter, Community> = {
  kind: "communities",
  permission: "communities.read",
  filterSchema: CommunityExportFilterSchema,
  columns: [
    ...exportColumns<Community, typeof communityHeaders>(communityHeaders, {
      code: (item) => item.code,
      name: (item) => item.name,
      kind: (item) => (item.kind ? communityKindLabels[item.kind] : null),
      population: (item) => item.population,
      households: (item) => item.households,
      office_area_m2: (item) => item.office_area_m2,
    }),
    ...standardFacilityTypes.map((type) => ({
      key: type,
      header: facilityTypeLabels[type],
      header_en: type,
      value: (item: Community) => yesNo(item.has[type]),
    })),
    ...exportColumns<Community, typeof communityHeaders>(communityHeaders, {
      compliant: (item) => yesNo(item.compliant),
      missing: (item) => item.missing.map((type) => facilityTypeLabels[type]).join("、"),
    }),
  ],
  page: exportPages(listCommunities),
};
