import { z } from "zod";
import { AreaCodeSchema, pageOf, PageQuerySchema, text, TimestampSchema, UuidSchema } from "./common.js";
import { PhoneSchema } from "./identifiers.js";
import { ServiceTierSchema, type ServiceTier } from "./needs.js";
import { endpoint } from "./endpoint.js";

/** Service categories of the directory (need-category style codes), with Chinese and English labels. */
export const serviceCategories = {
  elderly_care: { "zh-CN": "养老照护", en: "Elderly care" },
  disability: { "zh-CN": "助残服务", en: "Disability services" },
  children_youth: { "zh-CN": "儿童青少年", en: "Children and youth" },
  employment: { "zh-CN": "就业帮扶", en: "Employment support" },
  counseling: { "zh-CN": "心理疏导", en: "Counseling" },
  legal_aid: { "zh-CN": "法律援助", en: "Legal aid" },
  health: { "zh-CN": "医疗健康", en: "Health" },
  social_assistance: { "zh-CN": "社会救助", en: "Social assistance" },
  mediation: { "zh-CN": "邻里纠纷调解", en: "Mediation" },
  environment: { "zh-CN": "环境卫生", en: "Environment" },
  repairs: { "zh-CN": "设施维修", en: "Repairs" },
  culture_sports: { "zh-CN": "文体活动", en: "Culture and sports" },
} as const;
export type ServiceCategory = keyof typeof serviceCategories;
export const ServiceCategorySchema = z
  .enum(Object.keys(serviceCategories) as [ServiceCategory, ...ServiceCategory[]])
  .describe(
    "Category: elderly_care 养老照护, disability 助残, children_youth 儿童青少年, employment 就业, counseling 心理, legal_aid 法律援助, health 医疗健康, social_assistance 社会救助, mediation 调解, environment 环境卫生, repairs 维修, culture_sports 文体",
  );

/** Provider tiers (服务分层). */
export const serviceTiers = {
  public: { "zh-CN": "公共服务", en: "Public" },
  special: { "zh-CN": "专项服务", en: "Special" },
  professional: { "zh-CN": "专业服务", en: "Professional" },
  personalized: { "zh-CN": "个性化服务", en: "Personalized" },
  developmental: { "zh-CN": "发展性服务", en: "Developmental" },
} as const satisfies Record<ServiceTier, { "zh-CN": string; en: string }>;
export { ServiceTierSchema, type ServiceTier } from "./needs.js";

export const ServiceProviderKindSchema = z
  .enum(["organization", "community", "commercial"])
  .describe("Provider: organization 社会组织, community 社区, commercial 市场主体");
export const ServicePriceKindSchema = z.enum(["free", "low_cost", "paid"]).describe("Price: free 免费, low_cost 低偿, paid 有偿");
export type ServicePriceKind = z.infer<typeof ServicePriceKindSchema>;
export const ServiceStatusSchema = z.enum(["draft", "published", "retired"]).describe("draft 草稿, published 已发布, retired 已下线");
export type ServiceStatus = z.infer<typeof ServiceStatusSchema>;
export type ServiceProviderKind = z.infer<typeof ServiceProviderKindSchema>;
export const eligibilityGroups = ["elderly_alone", "disabled", "veteran_family", "low_income", "minor", "unemployed", "migrant"] as const;
export const EligibilityGroupSchema = z
  .enum(["elderly_alone", "disabled", "veteran_family", "low_income", "minor", "unemployed", "migrant"])
  .describe(
    "Resident group: elderly_alone 独居老人, disabled 残疾人, veteran_family 优抚对象, low_income 低收入, minor 未成年人, unemployed 失业人员, migrant 流动人口",
  );

export type EligibilityGroup = z.infer<typeof EligibilityGroupSchema>;

/** Money in integer fen (分): 0 to 10,000,000 (¥100,000). */
export const PriceFenSchema = z.number().int().min(0).max(10_000_000).describe("Price in fen (分), integer; paid services require it");

const CommunityCodeSchema = z
  .string()
  .regex(/^\d{12}$/, "INVALID_AREA_CODE")
  .describe("Community (社区) code, 12 digits");

/** A service as the public sees it (no internal fields). */
export const PublicServiceSchema = z.object({
  id: UuidSchema,
  name: z.string().describe("Name"),
  description: z.string().describe("Description"),
  category: ServiceCategorySchema,
  tier: ServiceTierSchema,
  provider_kind: ServiceProviderKindSchema,
  provider_name: z.string().describe("Organization or community name"),
  organization_id: UuidSchema.nullable().describe("Providing organization"),
  community_code: AreaCodeSchema.nullable().describe("Providing community"),
  price_kind: ServicePriceKindSchema,
  price_fen: z.number().int().nullable().describe("Price in fen"),
  eligibility_groups: z.array(EligibilityGroupSchema).describe("Resident groups the service is for (empty: everyone)"),
  min_age: z.number().int().nullable().describe("Minimum age"),
  max_age: z.number().int().nullable().describe("Maximum age"),
  service_area_codes: z.array(AreaCodeSchema).describe("Areas served"),
  schedule: z.string().nullable().describe("Opening hours, e.g. 周一至周五 9:00-17:00"),
  location_address: z.string().nullable().describe("Address"),
  contact_phone: z.string().nullable().describe("Public contact phone"),
  updated_at: TimestampSchema,
});
export type PublicService = z.infer<typeof PublicServiceSchema>;

/** A service as its publishers see it. */
export const ServiceSchema = PublicServiceSchema.extend({
  area_code: AreaCodeSchema.describe("Provider's home area"),
  location_facility_id: UuidSchema.nullable().describe("Facility where the service is delivered"),
  status: ServiceStatusSchema,
  version: z.number().int().describe("Version for optimistic concurrency; send it back on update"),
  created_at: TimestampSchema,
});
export type Service = z.infer<typeof ServiceSchema>;

const serviceFields = {
  name: text({ max: 100 }).describe("Name"),
  description: text({ max: 2000 }).describe("Description"),
  category: ServiceCategorySchema,
  tier: ServiceTierSchema,
  price_kind: ServicePriceKindSchema,
  price_fen: PriceFenSchema.nullable().optional(),
  eligibility_groups: z.array(EligibilityGroupSchema).max(7).optional(),
  min_age: z.number().int().min(0).max(150).nullable().optional().describe("Minimum age"),
  max_age: z.number().int().min(0).max(150).nullable().optional().describe("Maximum age"),
  service_area_codes: z.array(AreaCodeSchema).max(50).optional().describe("Areas served (default: the provider's area)"),
  schedule: text({ max: 200 }).nullable().optional().describe("Opening hours"),
  location_facility_id: UuidSchema.nullable().optional(),
  location_address: text({ max: 200 }).nullable().optional().describe("Address"),
  contact_phone: PhoneSchema.nullable().optional(),
  status: ServiceStatusSchema.optional(),
};

export const ServiceCreateSchema = z.strictObject({
  provider_kind: ServiceProviderKindSchema,
  organization_id: UuidSchema.nullable().optional().describe("Providing organization (organization services)"),
  community_code: CommunityCodeSchema.nullable().optional().describe("Providing community (community services)"),
  area_code: AreaCodeSchema.optional().describe("Provider's home area (commercial services; derived otherwise)"),
  ...serviceFields,
});
export type ServiceCreate = z.infer<typeof ServiceCreateSchema>;

export const ServiceUpdateSchema = z.strictObject({
  version: z.number().int().min(1).describe("The version you read"),
  data: z
    .strictObject({
      name: serviceFields.name.optional(),
      description: serviceFields.description.optional(),
      category: ServiceCategorySchema.optional(),
      tier: ServiceTierSchema.optional(),
      price_kind: ServicePriceKindSchema.optional(),
      price_fen: serviceFields.price_fen,
      eligibility_groups: serviceFields.eligibility_groups,
      min_age: serviceFields.min_age,
      max_age: serviceFields.max_age,
      service_area_codes: serviceFields.service_area_codes,
      schedule: serviceFields.schedule,
      location_facility_id: serviceFields.location_facility_id,
      location_address: serviceFields.location_address,
      contact_phone: serviceFields.contact_phone,
      status: ServiceStatusSchema.optional(),
    })
    .describe("Fields to change"),
});
export type ServiceUpdate = z.infer<typeof ServiceUpdateSchema>;

export const ServiceIdParamsSchema = z.object({ id: UuidSchema });

export const ServiceListQuerySchema = PageQuerySchema.extend({
  q: text({ max: 64 }).optional().describe("Search in name and description (Chinese works)"),
  category: ServiceCategorySchema.optional(),
  tier: ServiceTierSchema.optional(),
  price_kind: ServicePriceKindSchema.optional(),
  area_code: AreaCodeSchema.optional().describe("Only services serving an area under (or containing) this code"),
  status: ServiceStatusSchema.optional(),
});
export type ServiceListQuery = z.infer<typeof ServiceListQuerySchema>;
export const ServicePageSchema = pageOf(ServiceSchema);
export type ServicePage = z.infer<typeof ServicePageSchema>;

export const PublicServiceListQuerySchema = PageQuerySchema.extend({
  q: text({ max: 64 }).optional().describe("Search in name and description (Chinese works)"),
  category: ServiceCategorySchema.optional(),
  area_code: AreaCodeSchema.optional().describe("Only services serving an area under (or containing) this code"),
});
export type PublicServiceListQuery = z.infer<typeof PublicServiceListQuerySchema>;
export const PublicServicePageSchema = pageOf(PublicServiceSchema);
export type PublicServicePage = z.infer<typeof PublicServicePageSchema>;

const tags = ["services-directory"] as const;

/** The service directory: publishers' CRUD and the public directory. */
export const serviceDirectoryEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/services",
    summary: "Services you may publish (your organization's or your community's)",
    tags,
    access: "services.write",
    query: ServiceListQuerySchema,
    status: 200,
    response: ServicePageSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/services",
    summary: "Create a service (draft unless status is given)",
    tags,
    access: "services.write",
    body: ServiceCreateSchema,
    status: 201,
    response: ServiceSchema,
    problems: [409],
  }),
  get: endpoint({
    method: "GET",
    path: "/services/:id",
    summary: "One service; 404 outside your scope",
    tags,
    access: "services.write",
    params: ServiceIdParamsSchema,
    status: 200,
    response: ServiceSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/services/:id",
    summary: "Change, publish or retire a service (send the version you read)",
    tags,
    access: "services.write",
    params: ServiceIdParamsSchema,
    body: ServiceUpdateSchema,
    status: 200,
    response: ServiceSchema,
    problems: [409],
  }),
  publicList: endpoint({
    method: "GET",
    path: "/public/services",
    summary: "Public service directory: published services (no sign-in; public fields only)",
    tags,
    access: "public",
    query: PublicServiceListQuerySchema,
    status: 200,
    response: PublicServicePageSchema,
    omitProblems: [401, 403, 404],
  }),
  publicGet: endpoint({
    method: "GET",
    path: "/public/services/:id",
    summary: "One published service (no sign-in)",
    tags,
    access: "public",
    params: ServiceIdParamsSchema,
    status: 200,
    response: PublicServiceSchema,
    omitProblems: [401, 403],
  }),
};
