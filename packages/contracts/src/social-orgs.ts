import { z } from "zod";
import { AreaCodeSchema, CalendarDateSchema, pageOf, PageQuerySchema, text, TimestampSchema, UuidSchema } from "./common.js";
import { normalizeUscc, PhoneSchema, UsccSchema } from "./identifiers.js";
import { OrganizationListQuerySchema, OrganizationRefPageSchema } from "./users.js";
import { endpoint } from "./endpoint.js";

/**
 * Social organizations (社会组织) registered with or filed at civil affairs, including social-work
 * agencies (社工机构). OrganizationRef (the picker shape memberships use) stays in users.ts.
 */

export const SocialOrgLegalFormSchema = z
  .enum(["association", "private_non_enterprise", "foundation"])
  .describe("Legal form: 社会团体 association, 民办非企业单位 private_non_enterprise, 基金会 foundation");
export type SocialOrgLegalForm = z.infer<typeof SocialOrgLegalFormSchema>;

export const SocialOrgRegistrationSchema = z
  .enum(["registered", "filed"])
  .describe("registered (登记, with civil affairs) or filed (备案, community-level organization)");
export type SocialOrgRegistration = z.infer<typeof SocialOrgRegistrationSchema>;

export const SocialOrgCategorySchema = z
  .enum(["charity", "culture_sports", "life_services", "rights", "comprehensive"])
  .describe("Category: 公益慈善类, 文体类, 生活服务类, 社区维权类, 综合类");
export type SocialOrgCategory = z.infer<typeof SocialOrgCategorySchema>;

export const SocialOrgGradeSchema = z.enum(["1A", "2A", "3A", "4A", "5A"]).describe("Evaluation grade (评估等级) 1A–5A");
export type SocialOrgGrade = z.infer<typeof SocialOrgGradeSchema>;

export const SocialOrgStatusSchema = z.enum(["active", "suspended", "deregistered"]).describe("Status");
export type SocialOrgStatus = z.infer<typeof SocialOrgStatusSchema>;

export const FundingSourceSchema = z
  .enum(["gov_purchase", "gov_subsidy", "self_income", "donation", "corporate", "resident", "foundation"])
  .describe("Funding source: 政府购买, 政府补贴, 自营收入, 社会捐赠, 企业资助, 居民自筹, 基金会资助");
export type FundingSource = z.infer<typeof FundingSourceSchema>;

/** The first two characters of a credit code for each legal form (民政登记: 51/52/53). */
export const usccPrefixByLegalForm: Record<SocialOrgLegalForm, string> = {
  association: "51",
  private_non_enterprise: "52",
  foundation: "53",
};

export type SocialOrgRegistrationProblem = { field: "uscc" | "legal_form"; code: "required" | "USCC_FORM_MISMATCH" };

/**
 * Why the registration fields do not fit together, or null: a registered organization needs a credit
 * code and a legal form, and the code's first two characters must match the form (51/52/53).
 * A filed (备案) organization may have neither. Pure: shared by the server and the console.
 */
export function socialOrgRegistrationProblem(input: {
  registration: SocialOrgRegistration;
  legal_form?: SocialOrgLegalForm | null | undefined;
  uscc?: string | null | undefined;
}): SocialOrgRegistrationProblem | null {
  if (input.registration === "filed") {
    if (input.uscc && input.legal_form && !normalizeUscc(input.uscc).startsWith(usccPrefixByLegalForm[input.legal_form])) {
      return { field: "uscc", code: "USCC_FORM_MISMATCH" };
    }
    return null;
  }
  if (!input.legal_form) {
    return { field: "legal_form", code: "required" };
  }
  if (!input.uscc) {
    return { field: "uscc", code: "required" };
  }
  return normalizeUscc(input.uscc).startsWith(usccPrefixByLegalForm[input.legal_form])
    ? null
    : { field: "uscc", code: "USCC_FORM_MISMATCH" };
}

const DateSchema = CalendarDateSchema;
const StoredDateSchema = z.iso.date().describe("Date, YYYY-MM-DD");

const editableFields = {
  name: text({ max: 100 }).describe("Registered name"),
  uscc: UsccSchema.nullable().optional().describe("统一社会信用代码 (GB 32100); required when registered"),
  legal_form: SocialOrgLegalFormSchema.nullable().optional(),
  registration: SocialOrgRegistrationSchema,
  category: SocialOrgCategorySchema,
  grade: SocialOrgGradeSchema.nullable().optional(),
  grade_year: z.number().int().min(1990).max(2100).nullable().optional().describe("Year of the evaluation"),
  area_code: AreaCodeSchema.describe("Home area: where the organization is registered or filed"),
  founded_on: DateSchema.nullable().optional().describe("Founding date"),
  staff_count: z.number().int().min(0).max(100000).nullable().optional().describe("Number of staff"),
  social_worker_count: z.number().int().min(0).max(100000).nullable().optional().describe("Number of licensed social workers"),
  funding_sources: z.array(FundingSourceSchema).max(7).optional().describe("Funding sources"),
  status: SocialOrgStatusSchema.optional(),
  is_social_work_agency: z.boolean().optional().describe("True for a social-work agency (社工机构)"),
  description: text({ max: 2000 }).nullable().optional().describe("Public description"),
  contact_phone: PhoneSchema.nullable().optional().describe("Public contact phone"),
  contact_address: text({ max: 200 }).nullable().optional().describe("Public contact address"),
  contact_email: z.email().max(200).nullable().optional().describe("Public contact e-mail"),
};

export const SocialOrgCreateSchema = z.strictObject(editableFields);
export type SocialOrgCreate = z.infer<typeof SocialOrgCreateSchema>;

export const SocialOrgUpdateSchema = z.strictObject({
  version: z.number().int().min(1).describe("The version you read"),
  data: z.strictObject(editableFields).partial().describe("Only the fields to change"),
});
export type SocialOrgUpdate = z.infer<typeof SocialOrgUpdateSchema>;

export const SocialOrgAreaSchema = z.object({ area_code: AreaCodeSchema, area_name: z.string().describe("Area name") });
export const SocialOrgStationSchema = z.object({
  area_code: AreaCodeSchema.describe("Community (12-digit code)"),
  area_name: z.string().describe("Community name"),
  since: StoredDateSchema.nullable().describe("Stationed since"),
});
export type SocialOrgStation = z.infer<typeof SocialOrgStationSchema>;

export const SocialOrgListItemSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  uscc: z.string().nullable(),
  legal_form: SocialOrgLegalFormSchema.nullable(),
  registration: SocialOrgRegistrationSchema,
  category: SocialOrgCategorySchema,
  grade: SocialOrgGradeSchema.nullable(),
  grade_year: z.number().int().nullable(),
  area_code: AreaCodeSchema,
  area_name: z.string().describe("Name of the home area"),
  founded_on: z.string().nullable(),
  staff_count: z.number().int().nullable(),
  social_worker_count: z.number().int().nullable(),
  funding_sources: z.array(FundingSourceSchema),
  status: SocialOrgStatusSchema,
  is_social_work_agency: z.boolean(),
  description: z.string().nullable(),
  contact_phone: z.string().nullable(),
  contact_address: z.string().nullable(),
  contact_email: z.string().nullable(),
  version: z.number().int(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type SocialOrgListItem = z.infer<typeof SocialOrgListItemSchema>;

export const SocialOrgSchema = SocialOrgListItemSchema.extend({
  service_areas: z.array(SocialOrgAreaSchema).describe("Areas the organization serves"),
  stations: z.array(SocialOrgStationSchema).describe("Communities the organization is stationed in (入驻)"),
});
export type SocialOrg = z.infer<typeof SocialOrgSchema>;

export const SocialOrgPageSchema = pageOf(SocialOrgListItemSchema);
export type SocialOrgPage = z.infer<typeof SocialOrgPageSchema>;

export const SocialOrgSortSchema = z
  .enum(["name", "-name", "founded_on", "-founded_on", "grade", "-grade", "updated_at", "-updated_at"])
  .default("name")
  .describe("Sort key; a leading minus sorts descending");
export type SocialOrgSort = z.infer<typeof SocialOrgSortSchema>;

const booleanQuery = z
  .enum(["true", "false"])
  .transform((value) => value === "true")
  .describe("true or false");

export const SocialOrgFilterSchema = z.object({
  q: text({ max: 64 }).optional().describe("Search in name and description (Chinese substring)"),
  area_code: AreaCodeSchema.optional().describe("Only organizations whose home area lies under this code"),
  category: SocialOrgCategorySchema.optional(),
  grade: SocialOrgGradeSchema.optional(),
  registration: SocialOrgRegistrationSchema.optional(),
  status: SocialOrgStatusSchema.optional(),
  is_social_work_agency: booleanQuery.optional(),
  sort: SocialOrgSortSchema,
});
export type SocialOrgFilter = z.infer<typeof SocialOrgFilterSchema>;

export const SocialOrgListQuerySchema = PageQuerySchema.extend(SocialOrgFilterSchema.shape);
export type SocialOrgListQuery = z.infer<typeof SocialOrgListQuerySchema>;

export const SocialOrgIdParamsSchema = z.object({ id: UuidSchema });

export const SocialOrgServiceAreasPutSchema = z.strictObject({
  version: z.number().int().min(1).describe("The organization's version you read"),
  area_codes: z.array(AreaCodeSchema).max(200).describe("The full list of served areas"),
});
export type SocialOrgServiceAreasPut = z.infer<typeof SocialOrgServiceAreasPutSchema>;

export const SocialOrgStationsPutSchema = z.strictObject({
  version: z.number().int().min(1).describe("The organization's version you read"),
  stations: z
    .array(
      z.strictObject({
        area_code: AreaCodeSchema.describe("Community (12-digit code)"),
        since: DateSchema.nullable().optional(),
      }),
    )
    .max(200)
    .describe("The full list of stations"),
});
export type SocialOrgStationsPut = z.infer<typeof SocialOrgStationsPutSchema>;

/** What the public profile shows (no login): public fields only. */
export const PublicSocialOrgSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  category: SocialOrgCategorySchema,
  grade: SocialOrgGradeSchema.nullable(),
  legal_form: SocialOrgLegalFormSchema.nullable(),
  is_social_work_agency: z.boolean(),
  description: z.string().nullable(),
  contact_phone: z.string().nullable(),
  contact_address: z.string().nullable(),
  contact_email: z.string().nullable(),
  service_areas: z.array(z.string()).describe("Names of the areas served"),
  stations: z.array(z.string()).describe("Names of the communities stationed in"),
});
export type PublicSocialOrg = z.infer<typeof PublicSocialOrgSchema>;
export const PublicSocialOrgPageSchema = pageOf(PublicSocialOrgSchema);
export type PublicSocialOrgPage = z.infer<typeof PublicSocialOrgPageSchema>;

export const PublicSocialOrgListQuerySchema = PageQuerySchema.extend({
  q: text({ max: 64 }).optional().describe("Search in name and description"),
  category: SocialOrgCategorySchema.optional(),
});
export type PublicSocialOrgListQuery = z.infer<typeof PublicSocialOrgListQuerySchema>;

const tags = ["social-orgs"] as const;

/** Social organizations (社会组织): the registry, its picker and the public directory. */
export const socialOrgEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/social-orgs",
    summary: "List social organizations registered in or serving your jurisdiction (filters, search, sort)",
    tags,
    access: "social_orgs.read",
    query: SocialOrgListQuerySchema,
    status: 200,
    response: SocialOrgPageSchema,
  }),
  refs: endpoint({
    method: "GET",
    path: "/social-orgs/refs",
    summary: "Organization picker for memberships: name and home area, by name",
    tags,
    access: "areas.read",
    query: OrganizationListQuerySchema,
    status: 200,
    response: OrganizationRefPageSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/social-orgs",
    summary: "Register a social organization (officials at district level and above)",
    tags,
    access: "social_orgs.write",
    body: SocialOrgCreateSchema,
    status: 201,
    response: SocialOrgSchema,
    problems: [409],
  }),
  get: endpoint({
    method: "GET",
    path: "/social-orgs/:id",
    summary: "One organization's full record; 404 outside your jurisdiction",
    tags,
    access: "social_orgs.read",
    params: SocialOrgIdParamsSchema,
    status: 200,
    response: SocialOrgSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/social-orgs/:id",
    summary: "Change an organization (send the version you read); org staff edit only their own",
    tags,
    access: "social_orgs.write",
    params: SocialOrgIdParamsSchema,
    body: SocialOrgUpdateSchema,
    status: 200,
    response: SocialOrgSchema,
    problems: [409],
  }),
  putServiceAreas: endpoint({
    method: "PUT",
    path: "/social-orgs/:id/service-areas",
    summary: "Replace the areas the organization serves (send the organization's version)",
    tags,
    access: "social_orgs.write",
    params: SocialOrgIdParamsSchema,
    body: SocialOrgServiceAreasPutSchema,
    status: 200,
    response: SocialOrgSchema,
    problems: [409],
  }),
  putStations: endpoint({
    method: "PUT",
    path: "/social-orgs/:id/stations",
    summary: "Replace the communities the organization is stationed in (send the organization's version)",
    tags,
    access: "social_orgs.write",
    params: SocialOrgIdParamsSchema,
    body: SocialOrgStationsPutSchema,
    status: 200,
    response: SocialOrgSchema,
    problems: [409],
  }),
  publicList: endpoint({
    method: "GET",
    path: "/public/social-orgs",
    summary: "Public directory of active social organizations (no sign-in; public fields only)",
    tags,
    access: "public",
    query: PublicSocialOrgListQuerySchema,
    status: 200,
    response: PublicSocialOrgPageSchema,
    omitProblems: [401, 403, 404],
  }),
  publicGet: endpoint({
    method: "GET",
    path: "/public/social-orgs/:id",
    summary: "Public profile of one active social organization (no sign-in)",
    tags,
    access: "public",
    params: SocialOrgIdParamsSchema,
    status: 200,
    response: PublicSocialOrgSchema,
    omitProblems: [401, 403],
  }),
};
