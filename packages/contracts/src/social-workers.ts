import { z } from "zod";
import { CalendarDateSchema, AreaCodeSchema, pageOf, PageQuerySchema, text, TimestampSchema, UuidSchema } from "./common.js";
import { endpoint } from "./endpoint.js";

/** Professional level of a social worker (社会工作者职业水平). */
export const SocialWorkerLevelSchema = z
  .enum(["staff", "assistant", "social_worker", "senior"])
  .describe("Level: staff 一般工作人员, assistant 助理社会工作师, social_worker 社会工作师, senior 高级社会工作师");
export type SocialWorkerLevel = z.infer<typeof SocialWorkerLevelSchema>;

export const GenderSchema = z.enum(["male", "female"]).describe("Gender: male 男, female 女");
export const SocialWorkerStatusSchema = z.enum(["active", "left"]).describe("active 在岗, left 离职");
export const SocialWorkerPostKindSchema = z
  .enum(["gov_purchased_post", "community_post", "agency_project"])
  .describe("Post kind: gov_purchased_post 政府购买岗位, community_post 社区岗位, agency_project 机构项目");

/** Certificate number (职业水平证书编号): letters, digits and dashes. */
export const CertificateNoSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z-]{4,32}$/, "INVALID_CERTIFICATE_NO")
  .describe("Professional certificate number (证书编号), 4–32 letters, digits or dashes; unique");

const CommunityCodeSchema = z
  .string()
  .regex(/^\d{12}$/, "INVALID_AREA_CODE")
  .describe("Community (社区) code, 12 digits");

/** A calendar date YYYY-MM-DD (impossible dates such as 2023-02-29 are refused). */
export const DateSchema = CalendarDateSchema;

export const SocialWorkerCommunitySchema = z.object({
  area_code: AreaCodeSchema.describe("Community served"),
  area_name: z.string().describe("Name of the community"),
});

export const SocialWorkerSchema = z.object({
  id: UuidSchema,
  name: z.string().describe("Name"),
  gender: GenderSchema.nullable(),
  level: SocialWorkerLevelSchema,
  certificate_no: z.string().nullable().describe("Certificate number"),
  certificate_year: z.number().int().nullable().describe("Year the certificate was obtained"),
  organization_id: UuidSchema.describe("Employer organization"),
  organization_name: z.string().nullable().describe("Employer name"),
  area_code: AreaCodeSchema.describe("Home jurisdiction (employer's area or main community)"),
  area_name: z.string().describe("Name of the home jurisdiction"),
  supervisor_id: UuidSchema.nullable().describe("Supervisor (督导), another social worker"),
  supervisor_name: z.string().nullable().describe("Supervisor's name"),
  status: SocialWorkerStatusSchema,
  user_id: UuidSchema.nullable().describe("Linked account, if any"),
  communities: z.array(SocialWorkerCommunitySchema).describe("Communities served"),
  training_hours_this_year: z.number().describe("Training hours this calendar year (Asia/Shanghai)"),
  training_hours_required: z.number().describe("Required training hours per year (configured)"),
  version: z.number().int().describe("Version for optimistic concurrency; send it back on update"),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type SocialWorker = z.infer<typeof SocialWorkerSchema>;

const certificateYear = z.number().int().min(1990).max(2100).describe("Year the certificate was obtained");

export const SocialWorkerCreateSchema = z.strictObject({
  name: text({ max: 64 }).describe("Name"),
  gender: GenderSchema.nullable().optional(),
  level: SocialWorkerLevelSchema,
  certificate_no: CertificateNoSchema.nullable().optional(),
  certificate_year: certificateYear.nullable().optional(),
  organization_id: UuidSchema.describe("Employer organization; must exist"),
  area_code: AreaCodeSchema.describe("Home jurisdiction; must be in your scope"),
  supervisor_id: UuidSchema.nullable().optional().describe("Supervisor (督导), another social worker"),
  user_id: UuidSchema.nullable().optional().describe("Linked account"),
  community_codes: z.array(CommunityCodeSchema).max(50).optional().describe("Communities served"),
});
export type SocialWorkerCreate = z.infer<typeof SocialWorkerCreateSchema>;

export const SocialWorkerUpdateSchema = z.strictObject({
  version: z.number().int().min(1).describe("The version you read"),
  data: z
    .strictObject({
      name: text({ max: 64 }).optional(),
      gender: GenderSchema.nullable().optional(),
      level: SocialWorkerLevelSchema.optional(),
      certificate_no: CertificateNoSchema.nullable().optional(),
      certificate_year: certificateYear.nullable().optional(),
      organization_id: UuidSchema.optional(),
      area_code: AreaCodeSchema.optional(),
      supervisor_id: UuidSchema.nullable().optional(),
      status: SocialWorkerStatusSchema.optional(),
      user_id: UuidSchema.nullable().optional(),
    })
    .describe("Fields to change"),
});
export type SocialWorkerUpdate = z.infer<typeof SocialWorkerUpdateSchema>;

export const SocialWorkerCommunitiesSetSchema = z.strictObject({
  version: z.number().int().min(1).describe("The version you read"),
  community_codes: z.array(CommunityCodeSchema).max(50).describe("The full set of communities served"),
});
export type SocialWorkerCommunitiesSet = z.infer<typeof SocialWorkerCommunitiesSetSchema>;

export const SocialWorkerIdParamsSchema = z.object({ id: UuidSchema });

export const SocialWorkerSortSchema = z
  .enum(["name", "level", "certificate_year", "updated_at"])
  .default("name")
  .describe("Sort key (allow-list)");
export const SocialWorkerListQuerySchema = PageQuerySchema.extend({
  q: text({ max: 64 }).optional().describe("Search by name, or exact certificate number"),
  area_code: AreaCodeSchema.optional().describe("Only workers whose home area or a served community lies under this code"),
  level: SocialWorkerLevelSchema.optional(),
  organization_id: UuidSchema.optional().describe("Only workers employed by this organization"),
  status: SocialWorkerStatusSchema.optional(),
  sort: SocialWorkerSortSchema,
  order: z.enum(["asc", "desc"]).default("asc").describe("Sort direction"),
});
export type SocialWorkerListQuery = z.infer<typeof SocialWorkerListQuerySchema>;
export const SocialWorkerPageSchema = pageOf(SocialWorkerSchema);
export type SocialWorkerPage = z.infer<typeof SocialWorkerPageSchema>;

/** Training hours: positive, at most 200 per record, one decimal place. */
export const TrainingHoursSchema = z
  .number()
  .positive()
  .max(200)
  .refine((value) => Math.abs(Math.round(value * 10) - value * 10) < 1e-9, { message: "HOURS_ONE_DECIMAL" })
  .describe("Hours (decimal, one place), e.g. 7.5");

export const SocialWorkerTrainingCreateSchema = z.strictObject({
  date: DateSchema,
  hours: TrainingHoursSchema,
  topic: text({ max: 200 }).describe("Topic"),
  provider: text({ max: 100 }).nullable().optional().describe("Training provider"),
});
export type SocialWorkerTrainingCreate = z.infer<typeof SocialWorkerTrainingCreateSchema>;

export const SocialWorkerTrainingSchema = z.object({
  id: UuidSchema,
  worker_id: UuidSchema,
  date: z.string().describe("Date YYYY-MM-DD"),
  hours: z.number().describe("Hours"),
  topic: z.string(),
  provider: z.string().nullable(),
  created_at: TimestampSchema,
});
export type SocialWorkerTraining = z.infer<typeof SocialWorkerTrainingSchema>;
export const SocialWorkerTrainingPageSchema = pageOf(SocialWorkerTrainingSchema);
export type SocialWorkerTrainingPage = z.infer<typeof SocialWorkerTrainingPageSchema>;

export const SocialWorkerPostCreateSchema = z
  .strictObject({
    kind: SocialWorkerPostKindSchema,
    title: text({ max: 100 }).describe("Post title"),
    area_code: AreaCodeSchema.describe("Where the post is"),
    from_date: DateSchema.describe("Start date"),
    to_date: DateSchema.nullable().optional().describe("End date (open when absent)"),
  })
  .refine((value) => !value.to_date || value.to_date >= value.from_date, { message: "END_BEFORE_START", path: ["to_date"] });
export type SocialWorkerPostCreate = z.infer<typeof SocialWorkerPostCreateSchema>;

export const SocialWorkerPostSchema = z.object({
  id: UuidSchema,
  worker_id: UuidSchema,
  kind: SocialWorkerPostKindSchema,
  title: z.string(),
  area_code: AreaCodeSchema,
  from_date: z.string(),
  to_date: z.string().nullable(),
  created_at: TimestampSchema,
});
export type SocialWorkerPost = z.infer<typeof SocialWorkerPostSchema>;
export const SocialWorkerPostListSchema = z.object({ items: z.array(SocialWorkerPostSchema) });

export const WorkforceQuerySchema = z.object({
  area_code: AreaCodeSchema.describe("Jurisdiction (prefix) to break down; must be in your scope"),
  by: z.enum(["district", "street", "community"]).describe("Level of the child units"),
});
export type WorkforceQuery = z.infer<typeof WorkforceQuerySchema>;

export const WorkforceRowSchema = z.object({
  area_code: z.string().describe("Unit code (empty for the totals row)"),
  area_name: z.string().describe("Unit name"),
  workers: z.number().int().describe("Active social workers serving communities in the unit (distinct)"),
  residents: z.number().int().describe("Residents (declared population)"),
  per_thousand: z.number().nullable().describe("Workers per 1,000 residents; null without residents"),
  shortfall: z.number().int().describe("ceil(standard × residents / 1000) − workers, when positive"),
  below_standard: z.boolean().describe("True when below the standard lower bound"),
});
export type WorkforceRow = z.infer<typeof WorkforceRowSchema>;
export const WorkforceSchema = z.object({
  area_code: z.string(),
  by: z.enum(["district", "street", "community"]),
  standard_per_thousand: z.number().describe("Lower bound of the standard (configured, default 2 per 1,000)"),
  standard_upper_per_thousand: z.number().describe("Upper bound the standard cites (3 per 1,000)"),
  rows: z.array(WorkforceRowSchema),
  total: WorkforceRowSchema,
});
export type Workforce = z.infer<typeof WorkforceSchema>;

const tags = ["social-workers"] as const;

/** The social-workers registry: workers, their communities, trainings and posts, and the workforce view. */
export const socialWorkerEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/social-workers",
    summary: "List social workers serving or based in your jurisdiction",
    tags,
    access: "social_workers.read",
    query: SocialWorkerListQuerySchema,
    status: 200,
    response: SocialWorkerPageSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/social-workers",
    summary: "Register a social worker",
    tags,
    access: "social_workers.write",
    body: SocialWorkerCreateSchema,
    status: 201,
    response: SocialWorkerSchema,
    problems: [409],
  }),
  workforce: endpoint({
    method: "GET",
    path: "/social-workers/workforce",
    summary: "Social workers per 1,000 residents for each child unit of a jurisdiction, against the 2–3 per 1,000 standard",
    tags,
    access: "social_workers.read",
    query: WorkforceQuerySchema,
    status: 200,
    response: WorkforceSchema,
  }),
  get: endpoint({
    method: "GET",
    path: "/social-workers/:id",
    summary: "One social worker with training hours this year; 404 outside your jurisdiction",
    tags,
    access: "social_workers.read",
    params: SocialWorkerIdParamsSchema,
    status: 200,
    response: SocialWorkerSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/social-workers/:id",
    summary: "Change a social worker (send the version you read)",
    tags,
    access: "social_workers.write",
    params: SocialWorkerIdParamsSchema,
    body: SocialWorkerUpdateSchema,
    status: 200,
    response: SocialWorkerSchema,
    problems: [409],
  }),
  setCommunities: endpoint({
    method: "PUT",
    path: "/social-workers/:id/communities",
    summary: "Replace the communities a social worker serves (send the version you read)",
    tags,
    access: "social_workers.write",
    params: SocialWorkerIdParamsSchema,
    body: SocialWorkerCommunitiesSetSchema,
    status: 200,
    response: SocialWorkerSchema,
    problems: [409],
  }),
  trainings: endpoint({
    method: "GET",
    path: "/social-workers/:id/trainings",
    summary: "A social worker's training records, newest first",
    tags,
    access: "social_workers.read",
    params: SocialWorkerIdParamsSchema,
    query: PageQuerySchema,
    status: 200,
    response: SocialWorkerTrainingPageSchema,
  }),
  addTraining: endpoint({
    method: "POST",
    path: "/social-workers/:id/trainings",
    summary: "Record a training (continuing education)",
    tags,
    access: "social_workers.write",
    params: SocialWorkerIdParamsSchema,
    body: SocialWorkerTrainingCreateSchema,
    status: 201,
    response: SocialWorkerTrainingSchema,
    problems: [409],
  }),
  posts: endpoint({
    method: "GET",
    path: "/social-workers/:id/posts",
    summary: "A social worker's posts",
    tags,
    access: "social_workers.read",
    params: SocialWorkerIdParamsSchema,
    status: 200,
    response: SocialWorkerPostListSchema,
  }),
  addPost: endpoint({
    method: "POST",
    path: "/social-workers/:id/posts",
    summary: "Record a post held (government-purchased post, community post, agency project)",
    tags,
    access: "social_workers.write",
    params: SocialWorkerIdParamsSchema,
    body: SocialWorkerPostCreateSchema,
    status: 201,
    response: SocialWorkerPostSchema,
    problems: [409],
  }),
};
