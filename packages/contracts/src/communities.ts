import { z } from "zod";
import { AreaCodeSchema, pageOf, PageQuerySchema, text, TimestampSchema, UuidSchema } from "./common.js";
import { endpoint } from "./endpoint.js";

/** A community (社区) code: the 12-digit statistical division code of a residents' committee. */
export const CommunityCodeSchema = z
  .string()
  .regex(/^\d{12}$/, "INVALID_COMMUNITY_CODE")
  .describe("Community code (12-digit statistical division code), e.g. 410105007002");

/** Kind of community: new housing estate, old town, transitional (城乡结合), converted village (村改居). */
export const CommunityKindSchema = z.enum(["new", "old", "transitional", "village_converted"]).describe("Community kind");
export type CommunityKind = z.infer<typeof CommunityKindSchema>;

/** 三室两栏一站: the six facilities every urban community should have. */
export const standardFacilityTypes = [
  "activity_room",
  "reading_room",
  "meeting_room",
  "notice_board",
  "newspaper_board",
  "culture_station",
] as const;
export const StandardFacilityTypeSchema = z.enum(standardFacilityTypes).describe("One of the six standard facilities (三室两栏一站)");
export type StandardFacilityType = z.infer<typeof StandardFacilityTypeSchema>;

export const FacilityTypeSchema = z
  .enum([...standardFacilityTypes, "day_care", "workshop", "service_hall", "other"])
  .describe("Facility type: the six standard ones (三室两栏一站), day_care (日间照料中心), workshop (公益坊), service_hall, other");
export type FacilityType = z.infer<typeof FacilityTypeSchema>;

/** Chinese labels of facility types (import headers and cells, export cells). */
export const facilityTypeLabels: Record<FacilityType, string> = {
  activity_room: "文体活动室",
  reading_room: "图书阅览室",
  meeting_room: "会议室",
  notice_board: "宣传栏",
  newspaper_board: "阅报栏",
  culture_station: "文化站",
  day_care: "日间照料中心",
  workshop: "公益坊",
  service_hall: "服务大厅",
  other: "其他",
};

export const communityKindLabels: Record<CommunityKind, string> = {
  new: "新建社区",
  old: "老旧社区",
  transitional: "过渡型社区",
  village_converted: "村改居社区",
};

const HasSchema = z
  .object(
    Object.fromEntries(standardFacilityTypes.map((type) => [type, z.boolean().describe(`Has a ${type}`)])) as Record<
      StandardFacilityType,
      z.ZodBoolean
    >,
  )
  .describe("Which of the six standard facilities the community has");

const complianceFields = {
  has: HasSchema,
  missing: z.array(StandardFacilityTypeSchema).describe("Standard facilities the community lacks"),
  compliant: z.boolean().describe("True when all six standard facilities (三室两栏一站) are present"),
};

/** A community with its profile (nulls and exists=false when no profile was entered yet) and compliance. */
export const CommunitySchema = z.object({
  code: CommunityCodeSchema,
  name: z.string().describe("Community name"),
  street_code: AreaCodeSchema.describe("The street (街道/乡镇) it belongs to"),
  exists: z.boolean().describe("False when no profile was entered yet (profile fields are null)"),
  kind: CommunityKindSchema.nullable(),
  population: z.number().int().nullable().describe("Resident population (declared)"),
  households: z.number().int().nullable().describe("Households (declared)"),
  office_area_m2: z.number().nullable().describe("Office area in m²"),
  facility_count: z.number().int().describe("Number of facilities recorded"),
  version: z.number().int().describe("Profile version; 0 when no profile exists (send 0 to create)"),
  updated_at: TimestampSchema.nullable().describe("When the profile last changed"),
  ...complianceFields,
});
export type Community = z.infer<typeof CommunitySchema>;

export const CommunityPageSchema = pageOf(CommunitySchema);
export type CommunityPage = z.infer<typeof CommunityPageSchema>;

export const CommunityListQuerySchema = PageQuerySchema.extend({
  area_code: AreaCodeSchema.optional().describe("Only communities under this code (jurisdiction filter)"),
  kind: CommunityKindSchema.optional().describe("Only communities of this kind"),
  q: text({ max: 64 }).optional().describe("Search by community name"),
  compliant: z.enum(["true", "false"]).optional().describe("Only compliant (true) or non-compliant (false) communities"),
});
export type CommunityListQuery = z.infer<typeof CommunityListQuerySchema>;

export const CommunityExportFilterSchema = CommunityListQuerySchema.omit({ cursor: true, limit: true });
export type CommunityExportFilter = z.infer<typeof CommunityExportFilterSchema>;

export const CommunityCodeParamsSchema = z.object({ code: CommunityCodeSchema });

const count = z.number().int().min(0).max(10_000_000);
const squareMetres = z.number().min(0, "NEGATIVE_AREA").max(1_000_000);

export const CommunityProfileUpdateSchema = z.strictObject({
  version: z.number().int().min(0).describe("The version you read; 0 creates the profile"),
  data: z
    .strictObject({
      kind: CommunityKindSchema.nullable().optional(),
      population: count.nullable().optional().describe("Resident population (declared)"),
      households: count.nullable().optional().describe("Households (declared)"),
      office_area_m2: squareMetres.nullable().optional().describe("Office area in m²"),
    })
    .describe("Fields to set"),
});
export type CommunityProfileUpdate = z.infer<typeof CommunityProfileUpdateSchema>;

export const ComplianceQuerySchema = PageQuerySchema.extend({
  area_code: AreaCodeSchema.optional().describe("Jurisdiction prefix (default: your whole scope)"),
  missing: StandardFacilityTypeSchema.optional().describe("Only communities lacking this standard facility"),
});
export type ComplianceQuery = z.infer<typeof ComplianceQuerySchema>;

export const ComplianceItemSchema = z.object({
  code: CommunityCodeSchema,
  name: z.string().describe("Community name"),
  ...complianceFields,
});
export type ComplianceItem = z.infer<typeof ComplianceItemSchema>;

export const ComplianceSummarySchema = z.object({
  communities: z.number().int().describe("Communities in the jurisdiction (all pages)"),
  compliant: z.number().int().describe("Of which have all six standard facilities"),
  missing_by_type: z
    .object(Object.fromEntries(standardFacilityTypes.map((type) => [type, z.number().int()])) as Record<StandardFacilityType, z.ZodNumber>)
    .describe("Communities lacking each standard facility"),
});
export type ComplianceSummary = z.infer<typeof ComplianceSummarySchema>;

export const CompliancePageSchema = pageOf(ComplianceItemSchema).extend({ summary: ComplianceSummarySchema });
export type CompliancePage = z.infer<typeof CompliancePageSchema>;

export const FacilitySchema = z.object({
  id: UuidSchema,
  area_code: CommunityCodeSchema,
  type: FacilityTypeSchema,
  name: z.string().describe("Facility name"),
  area_m2: z.number().nullable().describe("Floor area in m²"),
  opening_hours: z.string().nullable().describe("Opening hours, free text"),
  bookable: z.boolean().describe("Whether other parties (social organizations, residents) may book it"),
  version: z.number().int().describe("Version for optimistic concurrency"),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type Facility = z.infer<typeof FacilitySchema>;

const facilityFields = {
  type: FacilityTypeSchema,
  name: text({ max: 64 }).describe("Facility name, unique per community and type"),
  area_m2: squareMetres.nullable().optional().describe("Floor area in m²"),
  opening_hours: text({ max: 200 }).nullable().optional().describe("Opening hours, e.g. 周一至周五 9:00-17:00"),
  bookable: z.boolean().optional().describe("Whether other parties may book it (default false)"),
};

export const FacilityCreateSchema = z.strictObject(facilityFields);
export type FacilityCreate = z.infer<typeof FacilityCreateSchema>;

export const FacilityUpdateSchema = z.strictObject({
  version: z.number().int().min(1).describe("The version you read"),
  data: z.strictObject(facilityFields).partial().describe("Fields to change"),
});
export type FacilityUpdate = z.infer<typeof FacilityUpdateSchema>;

export const FacilityListQuerySchema = PageQuerySchema.extend({
  type: FacilityTypeSchema.optional().describe("Only facilities of this type"),
});
export type FacilityListQuery = z.infer<typeof FacilityListQuerySchema>;

export const FacilityPageSchema = pageOf(FacilitySchema);
export type FacilityPage = z.infer<typeof FacilityPageSchema>;

export const FacilityIdParamsSchema = z.object({ id: UuidSchema });

/** A grid (网格): a named part of a community with its grid worker. */
export const GridSchema = z.object({
  id: UuidSchema,
  area_code: CommunityCodeSchema,
  community_name: z.string().describe("Name of the community"),
  name: z.string().describe("Grid name, unique per community"),
  grid_worker_name: z.string().nullable().describe("Grid worker (网格员) name"),
  grid_worker_user_id: UuidSchema.nullable().describe("Grid worker's account, if any"),
  version: z.number().int().describe("Version for optimistic concurrency"),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type Grid = z.infer<typeof GridSchema>;

const gridFields = {
  name: text({ max: 64 }).describe("Grid name, e.g. 第一网格"),
  grid_worker_name: text({ max: 32 }).nullable().optional().describe("Grid worker (网格员) name"),
  grid_worker_user_id: UuidSchema.nullable().optional().describe("Grid worker's account, if any"),
};

export const GridCreateSchema = z.strictObject({ area_code: CommunityCodeSchema.describe("The community"), ...gridFields });
export type GridCreate = z.infer<typeof GridCreateSchema>;

export const GridUpdateSchema = z.strictObject({
  version: z.number().int().min(1).describe("The version you read"),
  data: z.strictObject(gridFields).partial().describe("Fields to change"),
});
export type GridUpdate = z.infer<typeof GridUpdateSchema>;

export const GridListQuerySchema = PageQuerySchema.extend({
  area_code: AreaCodeSchema.optional().describe("Only grids under this code (a community or a wider jurisdiction)"),
  q: text({ max: 64 }).optional().describe("Search by grid or grid worker name"),
});
export type GridListQuery = z.infer<typeof GridListQuerySchema>;

export const GridPageSchema = pageOf(GridSchema);
export type GridPage = z.infer<typeof GridPageSchema>;

export const GridIdParamsSchema = z.object({ id: UuidSchema });

const tags = ["communities"] as const;

/** Communities (社区): profiles, 三室两栏一站 compliance, facilities and grids (网格). */
export const communityEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/communities",
    summary: "Communities in your jurisdiction with their profile and 三室两栏一站 compliance",
    tags,
    access: "communities.read",
    query: CommunityListQuerySchema,
    status: 200,
    response: CommunityPageSchema,
  }),
  compliance: endpoint({
    method: "GET",
    path: "/communities/compliance",
    summary: "Which communities of a jurisdiction lack which standard facility (三室两栏一站), with a summary",
    tags,
    access: "communities.read",
    query: ComplianceQuerySchema,
    status: 200,
    response: CompliancePageSchema,
  }),
  profile: endpoint({
    method: "GET",
    path: "/communities/:code/profile",
    summary: "A community's profile; exists=false with nulls when none was entered yet",
    tags,
    access: "communities.read",
    params: CommunityCodeParamsSchema,
    status: 200,
    response: CommunitySchema,
  }),
  putProfile: endpoint({
    method: "PUT",
    path: "/communities/:code/profile",
    summary: "Create (version 0) or update (the version you read) a community's profile",
    tags,
    access: "communities.write",
    params: CommunityCodeParamsSchema,
    body: CommunityProfileUpdateSchema,
    status: 200,
    response: CommunitySchema,
    problems: [409],
  }),
  facilities: endpoint({
    method: "GET",
    path: "/communities/:code/facilities",
    summary: "A community's facilities",
    tags,
    access: "communities.read",
    params: CommunityCodeParamsSchema,
    query: FacilityListQuerySchema,
    status: 200,
    response: FacilityPageSchema,
  }),
  createFacility: endpoint({
    method: "POST",
    path: "/communities/:code/facilities",
    summary: "Add a facility to a community",
    tags,
    access: "communities.write",
    params: CommunityCodeParamsSchema,
    body: FacilityCreateSchema,
    status: 201,
    response: FacilitySchema,
    problems: [409],
  }),
  facility: endpoint({
    method: "GET",
    path: "/facilities/:id",
    summary: "One facility",
    tags,
    access: "communities.read",
    params: FacilityIdParamsSchema,
    status: 200,
    response: FacilitySchema,
  }),
  updateFacility: endpoint({
    method: "PATCH",
    path: "/facilities/:id",
    summary: "Change a facility (send the version you read)",
    tags,
    access: "communities.write",
    params: FacilityIdParamsSchema,
    body: FacilityUpdateSchema,
    status: 200,
    response: FacilitySchema,
    problems: [409],
  }),
  deleteFacility: endpoint({
    method: "DELETE",
    path: "/facilities/:id",
    summary: "Remove a facility",
    tags,
    access: "communities.write",
    params: FacilityIdParamsSchema,
    status: 204,
    response: z.null().describe("Removed"),
  }),
  grids: endpoint({
    method: "GET",
    path: "/grids",
    summary: "Grids (网格) in your jurisdiction",
    tags,
    access: "communities.read",
    query: GridListQuerySchema,
    status: 200,
    response: GridPageSchema,
  }),
  createGrid: endpoint({
    method: "POST",
    path: "/grids",
    summary: "Add a grid to a community",
    tags,
    access: "communities.write",
    body: GridCreateSchema,
    status: 201,
    response: GridSchema,
    problems: [409],
  }),
  grid: endpoint({
    method: "GET",
    path: "/grids/:id",
    summary: "One grid",
    tags,
    access: "communities.read",
    params: GridIdParamsSchema,
    status: 200,
    response: GridSchema,
  }),
  updateGrid: endpoint({
    method: "PATCH",
    path: "/grids/:id",
    summary: "Rename a grid or change its grid worker (send the version you read)",
    tags,
    access: "communities.write",
    params: GridIdParamsSchema,
    body: GridUpdateSchema,
    status: 200,
    response: GridSchema,
    problems: [409],
  }),
};
