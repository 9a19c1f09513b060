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
import { codeByLabel } from "../../platform/files/cells.js";
import type { ExportSpec, ImportSpec } from "../../platform/module.js";
import { listCommunities } from "./queries.js";
import { createFacility, findFacility, updateFacility } from "./service.js";

const typeByLabel = codeByLabel(facilityTypeLabels);

const yes = new Set(["是", "y", "yes", "true", "1", "可", "可预约"]);
const no = new Set(["否", "n", "no", "false", "0", "不可", "不可预约"]);

/** One row of the facilities template (cell texts), coerced to a facility. */
export const facilityRowSchema = z.object({
  area_code: z.string().trim().pipe(CommunityCodeSchema),
  type: z
    .string()
    .trim()
    .transform((value, context) => {
      const type = typeByLabel.get(value);
      if (!type) {
        context.addIssue({ code: "custom", message: "INVALID_FACILITY_TYPE" });
        return z.NEVER;
      }
      return type;
    })
    .pipe(FacilityTypeSchema),
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

/**
 * Facilities import (natural key: community code + type + name). A row for a community outside the
 * importer's communities.write scope is refused with NOT_FOUND.
 */
export const facilitiesImport: ImportSpec<FacilityRow> = {
  kind: "facilities",
  columns: [
    { key: "area_code", header: "社区代码", header_en: "Community code", example: "410105007002" },
    { key: "type", header: "设施类型", header_en: "Facility type", example: "文体活动室" },
    { key: "name", header: "名称", header_en: "Name", example: "文体活动室" },
    { key: "area_m2", header: "面积(平方米)", header_en: "Area (m²)", example: "120.5" },
    { key: "opening_hours", header: "开放时间", header_en: "Opening hours", example: "周一至周五 9:00-17:00" },
    { key: "bookable", header: "可预约", header_en: "Bookable", example: "是" },
  ],
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

/** The community list with 三室两栏一站 compliance columns. */
export const communitiesExport: ExportSpec<CommunityExportFilter, Community> = {
  kind: "communities",
  permission: "communities.read",
  filterSchema: CommunityExportFilterSchema,
  columns: [
    { key: "code", header: "社区代码", header_en: "Community code", value: (item) => item.code },
    { key: "name", header: "社区名称", header_en: "Community", value: (item) => item.name },
    { key: "kind", header: "社区类型", header_en: "Kind", value: (item) => (item.kind ? communityKindLabels[item.kind] : null) },
    { key: "population", header: "常住人口", header_en: "Population", value: (item) => item.population },
    { key: "households", header: "户数", header_en: "Households", value: (item) => item.households },
    { key: "office_area_m2", header: "办公面积(平方米)", header_en: "Office area (m²)", value: (item) => item.office_area_m2 },
    ...standardFacilityTypes.map((type) => ({
      key: type,
      header: facilityTypeLabels[type],
      header_en: type,
      value: (item: Community) => yesNo(item.has[type]),
    })),
    { key: "compliant", header: "三室两栏一站达标", header_en: "Compliant", value: (item) => yesNo(item.compliant) },
    {
      key: "missing",
      header: "缺少设施",
      header_en: "Missing",
      value: (item) => item.missing.map((type) => facilityTypeLabels[type]).join("、"),
    },
  ],
  page: (ctx, filter, cursor, limit) => listCommunities(ctx, { ...filter, cursor, limit }),
};
