import { z } from "zod";
import { AreaCodeSchema, CalendarDateSchema, pageOf, PageQuerySchema, text, TimestampSchema, UuidSchema } from "./common.js";
import { endpoint } from "./endpoint.js";

/**
 * Leadership of de-administration (社区减负工作领导小组): the leadership group of a city, district or
 * street with its leader (组长), the leader in charge (分管领导), the lead department (牵头部门) and members;
 * each department's responsibility list (职责清单), optionally tied to items of the community work
 * catalogue; and the yearly implementation plan (实施方案) whose targets are indicator values, computed
 * from live data where the platform holds it and reported by their owners otherwise. Overdue targets
 * are escalated once to the plan's officials and the level above.
 */

const VersionSchema = z.number().int().min(1).describe("The version you read (optimistic concurrency)");

/** A leadership area: a city (4 digits), a district (6) or a street (9). */
export const LeadershipAreaCodeSchema = AreaCodeSchema.refine((code) => [4, 6, 9].includes(code.length), {
  message: "LEADERSHIP_AREA_LEVEL",
}).describe("A city (4 digits), district (6) or street (9) in your jurisdiction");

// ---------------------------------------------------------------- groups

export const GroupMemberRoleSchema = z
  .enum(["leader", "deputy", "member", "office_director"])
  .describe("Role in the group: leader (组长), deputy (副组长), member (成员), office_director (办公室主任)");
export type GroupMemberRole = z.infer<typeof GroupMemberRoleSchema>;

export const GroupMemberInputSchema = z.strictObject({
  name: text({ max: 40 }).describe("Name"),
  title: text({ max: 80 }).nullable().default(null).describe("Post, e.g. 副区长"),
  unit: text({ max: 80 }).nullable().default(null).describe("Unit (单位), e.g. 区民政局"),
  role: GroupMemberRoleSchema.default("member"),
});
export type GroupMemberInput = z.input<typeof GroupMemberInputSchema>;

export const GroupMemberSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  title: z.string().nullable(),
  unit: z.string().nullable(),
  role: GroupMemberRoleSchema,
});
export type GroupMember = z.infer<typeof GroupMemberSchema>;

const groupFields = {
  name: text({ max: 120 }).describe("Name, e.g. 金水区社区减负工作领导小组"),
  leader_name: text({ max: 40 }).describe("Leader (组长)"),
  leader_title: text({ max: 80 }).nullable().default(null).describe("The leader's post, e.g. 区委书记"),
  in_charge_name: text({ max: 40 }).nullable().default(null).describe("Leader in charge (分管领导)"),
  in_charge_title: text({ max: 80 }).nullable().default(null).describe("Post of the leader in charge"),
  lead_department_name: text({ max: 80 }).nullable().default(null).describe("Lead department (牵头部门), e.g. 区民政局"),
  lead_department_id: UuidSchema.nullable().default(null).describe("The lead department's record (departments), if registered"),
};

export const LeadershipGroupCreateSchema = z.strictObject({
  area_code: LeadershipAreaCodeSchema,
  ...groupFields,
  members: z.array(GroupMemberInputSchema).max(60).default([]).describe("Members, in the order shown"),
});
export type LeadershipGroupCreate = z.infer<typeof LeadershipGroupCreateSchema>;

export const LeadershipGroupUpdateSchema = z.strictObject({
  name: groupFields.name.optional(),
  leader_name: groupFields.leader_name.optional(),
  leader_title: text({ max: 80 }).nullable().optional(),
  in_charge_name: text({ max: 40 }).nullable().optional(),
  in_charge_title: text({ max: 80 }).nullable().optional(),
  lead_department_name: text({ max: 80 }).nullable().optional(),
  lead_department_id: UuidSchema.nullable().optional(),
  members: z.array(GroupMemberInputSchema).max(60).optional().describe("Replaces the members when given"),
  version: VersionSchema,
});
export type LeadershipGroupUpdate = z.infer<typeof LeadershipGroupUpdateSchema>;

export const LeadershipGroupSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema,
  area_name: z.string(),
  name: z.string(),
  leader_name: z.string(),
  leader_title: z.string().nullable(),
  in_charge_name: z.string().nullable(),
  in_charge_title: z.string().nullable(),
  lead_department_name: z.string().nullable(),
  lead_department_id: UuidSchema.nullable(),
  members: z.array(GroupMemberSchema),
  responsibilities: z.number().int().describe("Entries of its responsibility list"),
  can_manage: z.boolean().describe("True when you may edit it"),
  version: z.number().int(),
  updated_at: TimestampSchema,
});
export type LeadershipGroup = z.infer<typeof LeadershipGroupSchema>;
export const LeadershipGroupPageSchema = pageOf(LeadershipGroupSchema);
export type LeadershipGroupPage = z.infer<typeof LeadershipGroupPageSchema>;

export const LeadershipListQuerySchema = PageQuerySchema.extend({
  area: AreaCodeSchema.optional().describe("Only records of this area and below (default: all you may read, levels above included)"),
});
export type LeadershipListQuery = z.infer<typeof LeadershipListQuerySchema>;

export const LeadershipIdParamsSchema = z.object({ id: UuidSchema });

// ---------------------------------------------------------------- responsibilities

export const ResponsibilityCreateSchema = z.strictObject({
  department_name: text({ max: 80 }).describe("Department, e.g. 区卫健委"),
  department_id: UuidSchema.nullable().default(null).describe("The department's record (departments), if registered"),
  duty: text({ max: 2000 }).describe("What the department is responsible for"),
  catalog_item_id: UuidSchema.nullable().default(null).describe("The community work catalogue item it concerns, if any"),
  deadline: CalendarDateSchema.nullable().default(null).describe("Deadline, if any"),
});
export type ResponsibilityCreate = z.infer<typeof ResponsibilityCreateSchema>;

export const ResponsibilityUpdateSchema = z.strictObject({
  department_name: text({ max: 80 }).optional(),
  department_id: UuidSchema.nullable().optional(),
  duty: text({ max: 2000 }).optional(),
  catalog_item_id: UuidSchema.nullable().optional(),
  deadline: CalendarDateSchema.nullable().optional(),
  version: VersionSchema,
});
export type ResponsibilityUpdate = z.infer<typeof ResponsibilityUpdateSchema>;

export const ResponsibilitySchema = z.object({
  id: UuidSchema,
  group_id: UuidSchema,
  area_code: AreaCodeSchema,
  department_name: z.string(),
  department_id: UuidSchema.nullable(),
  duty: z.string(),
  catalog_item_id: UuidSchema.nullable(),
  deadline: z.string().nullable().describe("YYYY-MM-DD"),
  version: z.number().int(),
});
export type Responsibility = z.infer<typeof ResponsibilitySchema>;
export const ResponsibilityPageSchema = pageOf(ResponsibilitySchema);
export type ResponsibilityPage = z.infer<typeof ResponsibilityPageSchema>;

// ---------------------------------------------------------------- plans and targets

export const PlanStatusSchema = z.enum(["draft", "published"]).describe("draft (草稿) or published (已印发)");
export type PlanStatus = z.infer<typeof PlanStatusSchema>;

export const PlanIndicatorSchema = z
  .enum(["administrative_share_max", "social_workers_per_1000", "standard_facilities_rate", "manual"])
  .describe(
    "administrative_share_max: share of the communities' staff time spent on administrative tasks rather than services to residents, percent, over the plan's year up to today (as in GET /workload; no value without hours); social_workers_per_1000: certified social workers per 1,000 residents; standard_facilities_rate: percent of communities with all 三室两栏一站 (these three are computed from live data); manual: reported by the owner",
  );
export type PlanIndicator = z.infer<typeof PlanIndicatorSchema>;

export const PlanComparisonSchema = z
  .enum(["at_most", "at_least"])
  .describe("at_most: achieved at or below the target; at_least: at or above");
export type PlanComparison = z.infer<typeof PlanComparisonSchema>;

export const PlanTargetStatusSchema = z
  .enum(["on_track", "achieved", "overdue"])
  .describe("achieved: the current value meets the target; overdue: past its due date and not achieved; on_track otherwise");
export type PlanTargetStatus = z.infer<typeof PlanTargetStatusSchema>;

export const ProgressSourceSchema = z
  .enum(["computed", "reported", "none"])
  .describe("computed: from live data; reported: the owner's latest report; none: no value yet");

const TargetValueSchema = z.number().finite().min(0).max(1_000_000).describe("Target value in the indicator's unit");

export const PlanCreateSchema = z.strictObject({
  area_code: LeadershipAreaCodeSchema,
  year: z.number().int().min(2000).max(2100).describe("Plan year"),
  title: text({ max: 200 }).describe("Title, e.g. 金水区2026年社区减负实施方案"),
  status: PlanStatusSchema.default("draft"),
});
export type PlanCreate = z.infer<typeof PlanCreateSchema>;

export const PlanUpdateSchema = z.strictObject({
  title: text({ max: 200 }).optional(),
  status: PlanStatusSchema.optional(),
  version: VersionSchema,
});
export type PlanUpdate = z.infer<typeof PlanUpdateSchema>;

export const PlanTargetCreateSchema = z.strictObject({
  title: text({ max: 200 }).describe("What is to be achieved"),
  indicator: PlanIndicatorSchema,
  target_value: TargetValueSchema,
  comparison: PlanComparisonSchema.optional().describe("Default: at_most for administrative_share_max, at_least otherwise"),
  owner_name: text({ max: 80 }).describe("Owner (责任单位或责任人), e.g. 区民政局"),
  owner_department_id: UuidSchema.nullable().default(null).describe("The owner department's record; its staff may report progress"),
  owner_user_id: UuidSchema.nullable().default(null).describe("An owner account that may report progress"),
  due_on: CalendarDateSchema.describe("Due date"),
});
export type PlanTargetCreate = z.infer<typeof PlanTargetCreateSchema>;

export const PlanTargetUpdateSchema = z.strictObject({
  title: text({ max: 200 }).optional(),
  target_value: TargetValueSchema.optional(),
  comparison: PlanComparisonSchema.optional(),
  owner_name: text({ max: 80 }).optional(),
  owner_department_id: UuidSchema.nullable().optional(),
  owner_user_id: UuidSchema.nullable().optional(),
  due_on: CalendarDateSchema.optional(),
  version: VersionSchema,
});
export type PlanTargetUpdate = z.infer<typeof PlanTargetUpdateSchema>;

export const ProgressReportCreateSchema = z.strictObject({
  value: z.number().finite().min(0).max(1_000_000).describe("The value reached, in the indicator's unit"),
  note: text({ max: 1000 }).nullable().default(null).describe("What was done"),
});
export type ProgressReportCreate = z.infer<typeof ProgressReportCreateSchema>;

export const ProgressReportSchema = z.object({
  id: UuidSchema,
  target_id: UuidSchema,
  value: z.number(),
  note: z.string().nullable(),
  reported_by_name: z.string(),
  reported_at: TimestampSchema,
});
export type ProgressReport = z.infer<typeof ProgressReportSchema>;
export const ProgressReportPageSchema = pageOf(ProgressReportSchema);
export type ProgressReportPage = z.infer<typeof ProgressReportPageSchema>;

export const PlanTargetSchema = z.object({
  id: UuidSchema,
  plan_id: UuidSchema,
  area_code: AreaCodeSchema,
  title: z.string(),
  indicator: PlanIndicatorSchema,
  unit: z.enum(["percent", "per_1000", "value"]).describe("Unit of target and current values"),
  target_value: z.number(),
  comparison: PlanComparisonSchema,
  owner_name: z.string(),
  owner_department_id: UuidSchema.nullable(),
  owner_user_id: UuidSchema.nullable(),
  due_on: z.string().describe("YYYY-MM-DD"),
  computed_value: z
    .number()
    .nullable()
    .describe("From live data for every indicator but manual (null for manual, and where the area has no data for the indicator)"),
  reported_value: z.number().nullable().describe("The owner's latest reported value"),
  current_value: z.number().nullable().describe("computed_value for a computed indicator, reported_value for manual"),
  source: ProgressSourceSchema,
  progress: z.number().min(0).max(1).nullable().describe("How far the current value is toward the target (0–1)"),
  status: PlanTargetStatusSchema,
  can_report: z.boolean().describe("True when you may report progress (owner or manager, indicator not computed)"),
  last_reported_at: TimestampSchema.nullable(),
  escalated_at: TimestampSchema.nullable().describe("When the overdue target was escalated"),
  version: z.number().int(),
});
export type PlanTarget = z.infer<typeof PlanTargetSchema>;

export const PlanSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema,
  area_name: z.string(),
  year: z.number().int(),
  title: z.string(),
  status: PlanStatusSchema,
  targets_count: z.number().int(),
  can_manage: z.boolean().describe("True when you may edit it"),
  version: z.number().int(),
  updated_at: TimestampSchema,
});
export type Plan = z.infer<typeof PlanSchema>;
export const PlanPageSchema = pageOf(PlanSchema);
export type PlanPage = z.infer<typeof PlanPageSchema>;

export const PlanDetailSchema = PlanSchema.extend({
  targets: z.array(PlanTargetSchema).describe("Targets by due date, with progress computed now"),
  as_of: TimestampSchema.describe("When the values were computed"),
});
export type PlanDetail = z.infer<typeof PlanDetailSchema>;

export const PlanListQuerySchema = LeadershipListQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe("Only plans of this year"),
});
export type PlanListQuery = z.infer<typeof PlanListQuerySchema>;

// ---------------------------------------------------------------- endpoints

const tags = ["leadership"] as const;

export const leadershipGroupEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/leadership-groups",
    summary: "Leadership groups (领导小组) of your area, the levels above it and below it, by area and name; with members",
    tags,
    access: "leadership.read",
    query: LeadershipListQuerySchema,
    status: 200,
    response: LeadershipGroupPageSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/leadership-groups",
    summary: "Set up the leadership group of a city, district or street in your jurisdiction; Idempotency-Key supported",
    tags,
    access: "leadership.manage",
    body: LeadershipGroupCreateSchema,
    status: 201,
    response: LeadershipGroupSchema,
    problems: [409],
  }),
  get: endpoint({
    method: "GET",
    path: "/leadership-groups/:id",
    summary: "One leadership group you may read, with its members",
    tags,
    access: "leadership.read",
    params: LeadershipIdParamsSchema,
    status: 200,
    response: LeadershipGroupSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/leadership-groups/:id",
    summary: "Edit a leadership group in your jurisdiction (members are replaced when given); 409 on a stale version",
    tags,
    access: "leadership.manage",
    params: LeadershipIdParamsSchema,
    body: LeadershipGroupUpdateSchema,
    status: 200,
    response: LeadershipGroupSchema,
    problems: [409],
  }),
  responsibilities: endpoint({
    method: "GET",
    path: "/leadership-groups/:id/responsibilities",
    summary: "The responsibility list (职责清单) of a leadership group you may read, by department",
    tags,
    access: "leadership.read",
    params: LeadershipIdParamsSchema,
    query: PageQuerySchema,
    status: 200,
    response: ResponsibilityPageSchema,
  }),
  addResponsibility: endpoint({
    method: "POST",
    path: "/leadership-groups/:id/responsibilities",
    summary: "Add a department's responsibility to a group in your jurisdiction; Idempotency-Key supported",
    tags,
    access: "leadership.manage",
    params: LeadershipIdParamsSchema,
    body: ResponsibilityCreateSchema,
    status: 201,
    response: ResponsibilitySchema,
  }),
  updateResponsibility: endpoint({
    method: "PATCH",
    path: "/leadership-responsibilities/:id",
    summary: "Edit a responsibility of a group in your jurisdiction; 409 on a stale version",
    tags,
    access: "leadership.manage",
    params: LeadershipIdParamsSchema,
    body: ResponsibilityUpdateSchema,
    status: 200,
    response: ResponsibilitySchema,
    problems: [409],
  }),
  removeResponsibility: endpoint({
    method: "DELETE",
    path: "/leadership-responsibilities/:id",
    summary: "Remove a responsibility of a group in your jurisdiction",
    tags,
    access: "leadership.manage",
    params: LeadershipIdParamsSchema,
    status: 204,
    response: z.null().describe("Removed"),
  }),
};

export const planEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/plans",
    summary: "Implementation plans (实施方案) of your area, the levels above it and below it, newest year first",
    tags,
    access: "leadership.read",
    query: PlanListQuerySchema,
    status: 200,
    response: PlanPageSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/plans",
    summary:
      "Draw up the yearly plan of a city, district or street in your jurisdiction (one per area and year); Idempotency-Key supported",
    tags,
    access: "leadership.manage",
    body: PlanCreateSchema,
    status: 201,
    response: PlanDetailSchema,
    problems: [409],
  }),
  get: endpoint({
    method: "GET",
    path: "/plans/:id",
    summary: "A plan you may read with its targets and their progress computed from live data now",
    tags,
    access: "leadership.read",
    params: LeadershipIdParamsSchema,
    status: 200,
    response: PlanDetailSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/plans/:id",
    summary: "Edit or publish a plan in your jurisdiction; 409 on a stale version",
    tags,
    access: "leadership.manage",
    params: LeadershipIdParamsSchema,
    body: PlanUpdateSchema,
    status: 200,
    response: PlanDetailSchema,
    problems: [409],
  }),
  addTarget: endpoint({
    method: "POST",
    path: "/plans/:id/targets",
    summary: "Add a target to a plan in your jurisdiction; Idempotency-Key supported",
    tags,
    access: "leadership.manage",
    params: LeadershipIdParamsSchema,
    body: PlanTargetCreateSchema,
    status: 201,
    response: PlanTargetSchema,
  }),
  updateTarget: endpoint({
    method: "PATCH",
    path: "/plan-targets/:id",
    summary: "Edit a target of a plan in your jurisdiction; 409 on a stale version",
    tags,
    access: "leadership.manage",
    params: LeadershipIdParamsSchema,
    body: PlanTargetUpdateSchema,
    status: 200,
    response: PlanTargetSchema,
    problems: [409],
  }),
  progress: endpoint({
    method: "GET",
    path: "/plan-targets/:id/progress",
    summary: "The progress reports of a target you may read, newest first",
    tags,
    access: "leadership.read",
    params: LeadershipIdParamsSchema,
    query: PageQuerySchema,
    status: 200,
    response: ProgressReportPageSchema,
  }),
  reportProgress: endpoint({
    method: "POST",
    path: "/plan-targets/:id/progress",
    summary:
      "Report progress on a target you own (its owner account or a member of its owner department) or manage; refused for targets computed from live data; Idempotency-Key supported",
    tags,
    access: "leadership.read",
    params: LeadershipIdParamsSchema,
    body: ProgressReportCreateSchema,
    status: 201,
    response: PlanTargetSchema,
    problems: [409],
  }),
};
