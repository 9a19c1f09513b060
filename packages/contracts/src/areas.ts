import { z } from "zod";
import { AreaCodeSchema, pageOf, PageQuerySchema, text } from "./common.js";
import { endpoint } from "./endpoint.js";

/** Levels of a division code, by its length: 2 province, 4 city, 6 district, 9 street, 12 community. */
export const AreaLevelSchema = z
  .enum(["province", "city", "district", "street", "community"])
  .describe("Level: province 省, city 市, district 区/县, street 街道/乡镇, community 社区/村");
export type AreaLevel = z.infer<typeof AreaLevelSchema>;

/**
 * Kind of a street- or community-level unit from the NBS code ranges: 街道 subdistrict, 镇 town,
 * 乡 township, 开发区-type zone; 居委会 neighborhood (001–199, 400–599), 村委会 village (200–399, 600+).
 */
export const AreaKindSchema = z
  .enum(["subdistrict", "town", "township", "zone", "neighborhood", "village"])
  .nullable()
  .describe("Kind from the NBS code range (street and community levels only)");
export type AreaKind = z.infer<typeof AreaKindSchema>;

export const AreaRefSchema = z.object({
  code: AreaCodeSchema,
  name: z.string().describe("Official name"),
  level: AreaLevelSchema,
});
export type AreaRef = z.infer<typeof AreaRefSchema>;

export const AreaSchema = AreaRefSchema.extend({
  parent_code: AreaCodeSchema.nullable().describe("Code of the parent unit, null at the top"),
  kind: AreaKindSchema,
  child_count: z.number().int().describe("Number of direct children"),
  path: z.array(AreaRefSchema).describe("Ancestors from the top down, excluding this unit"),
});
export type Area = z.infer<typeof AreaSchema>;

export const AreaCodeParamsSchema = z.object({ code: AreaCodeSchema });

export const AreaListQuerySchema = PageQuerySchema.extend({
  parent: AreaCodeSchema.optional().describe("List the children of this unit"),
  q: text({ max: 50 }).optional().describe("Search by name (Chinese), within the caller's scope, any depth"),
});
export type AreaListQuery = z.infer<typeof AreaListQuerySchema>;

export const AreaPageSchema = pageOf(AreaSchema);
export type AreaPage = z.infer<typeof AreaPageSchema>;

export const areaEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/areas",
    summary: "List areas in your jurisdiction: children of a parent, a name search, or your scope's roots",
    tags: ["jurisdictions"],
    access: "areas.read",
    query: AreaListQuerySchema,
    status: 200,
    response: AreaPageSchema,
  }),
  get: endpoint({
    method: "GET",
    path: "/areas/:code",
    summary: "One area with its path; 404 outside your jurisdiction",
    tags: ["jurisdictions"],
    access: "areas.read",
    params: AreaCodeParamsSchema,
    status: 200,
    response: AreaSchema,
  }),
};
