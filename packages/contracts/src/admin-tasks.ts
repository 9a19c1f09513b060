import { z } from "zod";
import { AreaCodeSchema, CalendarDateSchema, pageOf, PageQuerySchema, text, TimestampSchema, UuidSchema } from "./common.js";
import { endpoint } from "./endpoint.js";
import { OrganizationListQuerySchema, OrganizationRefPageSchema } from "./users.js";

/**
 * De-administration (社区减负): the catalogue of community work items (社区工作事项清单), departments
 * (政府部门) applying to put an administrative task on communities, the street's or district's
 * admission decision (准入), taking a task back from communities (回收), the community's queue with
 * occurrences, time logs and one-click refusal of demands never admitted, and the workload picture.
 * Money is integer fen (分); hours are decimal hours.
 */

const VersionSchema = z.number().int().min(1).describe("The version you read (optimistic concurrency)");
const FenSchema = z.number().int().min(0).max(1_000_000_000_000).describe("Amount in fen (分, 1/100 yuan)");

// ---------------------------------------------------------------- departments

export const DepartmentSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema.describe("The department's jurisdiction (a district's bureau: the district code)"),
  area_name: z.string(),
  name: z.string().describe("Name, e.g. 金水区民政局"),
  active: z.boolean(),
  version: z.number().int(),
});
export type Department = z.infer<typeof DepartmentSchema>;
export const DepartmentPageSchema = pageOf(DepartmentSchema);

export const DepartmentCreateSchema = z.strictObject({
  area_code: AreaCodeSchema.describe("Its jurisdiction: your area or below (a district or a street)"),
  name: text({ max: 80 }).describe("Name"),
});
export type DepartmentCreate = z.infer<typeof DepartmentCreateSchema>;

export const DepartmentUpdateSchema = z.strictObject({
  name: text({ max: 80 }).optional(),
  active: z.boolean().optional().describe("An inactive department can no longer apply"),
  version: VersionSchema,
});
export type DepartmentUpdate = z.infer<typeof DepartmentUpdateSchema>;

export const DepartmentListQuerySchema = PageQuerySchema.extend({
  area: AreaCodeSchema.optional().describe("Departments whose jurisdiction lies in this area"),
  q: text({ max: 64 }).optional().describe("Part of the name"),
});
export type DepartmentListQuery = z.infer<typeof DepartmentListQuerySchema>;

// ---------------------------------------------------------------- catalogue

export const CatalogListSchema = z
  .enum(["statutory", "assisted", "negative"])
  .describe("statutory (依法履职事项), assisted (依法协助事项), negative (负面清单: not to be borne by communities)");
export type CatalogList = z.infer<typeof CatalogListSchema>;

export const CatalogItemSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema.describe("The district (or city) whose catalogue it is"),
  area_name: z.string(),
  list: CatalogListSchema,
  title: z.string(),
  legal_basis: z.string().describe("Law, regulation or document it rests on"),
  department_name: z.string().nullable().describe("Responsible department, as written in the catalogue"),
  description: z.string().nullable(),
  version: z.number().int(),
  updated_at: TimestampSchema,
});
export type CatalogItem = z.infer<typeof CatalogItemSchema>;
export const CatalogItemPageSchema = pageOf(CatalogItemSchema).extend({
  total: z.number().int().describe("Items matching the filter"),
});

export const CatalogItemCreateSchema = z.strictObject({
  area_code: AreaCodeSchema.describe("A district or city in your jurisdiction"),
  list: CatalogListSchema,
  title: text({ max: 200 }),
  legal_basis: text({ max: 500 }),
  department_name: text({ max: 80 }).nullable().default(null),
  description: text({ max: 2000 }).nullable().default(null),
});
export type CatalogItemCreate = z.infer<typeof CatalogItemCreateSchema>;

export const CatalogItemUpdateSchema = z.strictObject({
  list: CatalogListSchema.optional(),
  title: text({ max: 200 }).optional(),
  legal_basis: text({ max: 500 }).optional(),
  department_name: text({ max: 80 }).nullable().optional(),
  description: text({ max: 2000 }).nullable().optional(),
  version: VersionSchema,
});
export type CatalogItemUpdate = z.infer<typeof CatalogItemUpdateSchema>;

export const CatalogListQuerySchema = PageQuerySchema.extend({
  area: AreaCodeSchema.optional().describe("The catalogue that applies to this area (its district's and city's items)"),
  list: CatalogListSchema.optional(),
  q: text({ max: 64 }).optional().describe("Part of the title or legal basis"),
});
export type CatalogListQuery = z.infer<typeof CatalogListQuerySchema>;

// ---------------------------------------------------------------- tasks (applications)

export const AdminTaskKindSchema = z
  .enum(["report", "inspection", "meeting", "campaign", "data_collection", "certification", "other"])
  .describe("报表 report, 检查考核 inspection, 会议 meeting, 创建活动 campaign, 数据采集 data_collection, 证明 certification, 其他 other");
export type AdminTaskKind = z.infer<typeof AdminTaskKindSchema>;

export const AdminTaskFrequencySchema = z
  .enum(["once", "weekly", "monthly", "quarterly", "yearly"])
  .describe("How often each target community must do it");
export type AdminTaskFrequency = z.infer<typeof AdminTaskFrequencySchema>;

export const AdminTaskStatusSchema = z
  .enum(["submitted", "returned", "admitted", "rejected", "withdrawn"])
  .describe("submitted (待审), returned (退回补充经费), admitted (准入), rejected (不予准入), withdrawn (撤回)");
export type AdminTaskStatus = z.infer<typeof AdminTaskStatusSchema>;

export const AdminTaskDecisionKindSchema = z
  .enum(["admit", "reject", "return"])
  .describe("admit (准入), reject (不予准入), return (退回补充经费)");
export type AdminTaskDecisionKind = z.infer<typeof AdminTaskDecisionKindSchema>;

export const TakeBackAssigneeSchema = z
  .enum(["street_office", "social_worker_post"])
  .describe("Who does the task after it is taken back: a street office (街道科室) or a social worker post (社工岗位)");
export type TakeBackAssignee = z.infer<typeof TakeBackAssigneeSchema>;

export const AdminTaskTargetSchema = z.object({
  area_code: AreaCodeSchema.describe("A target community"),
  area_name: z.string(),
  status: z.enum(["active", "taken_back", "refused"]).describe("active, taken_back (回收), refused (拒绝)"),
  taken_back_at: TimestampSchema.nullable(),
  assignee_kind: TakeBackAssigneeSchema.nullable(),
  assignee_name: z.string().nullable().describe("The street office or post that does it now"),
  credited_fen: FenSchema.nullable().describe("Funding credited to the community's ledger when the task started"),
});
export type AdminTaskTarget = z.infer<typeof AdminTaskTargetSchema>;

export const AdminTaskSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema.describe("The reviewing area: the targets' street when they share one, else their district"),
  area_name: z.string(),
  department_id: UuidSchema,
  department_name: z.string(),
  catalog_item_id: UuidSchema.nullable().describe("The catalogue item it falls under, if any"),
  title: z.string(),
  legal_basis: z.string(),
  kind: AdminTaskKindSchema,
  description: z.string().nullable(),
  frequency: AdminTaskFrequencySchema,
  hours_per_occurrence: z.number().describe("Estimated staff hours per community per occurrence"),
  funding_fen_per_community: FenSchema.describe("Funding it brings to each target community (for its whole period)"),
  staff_provided: z.number().int().describe("Staff the department provides (people)"),
  starts_on: CalendarDateSchema,
  ends_on: CalendarDateSchema,
  status: AdminTaskStatusSchema,
  decision_due_on: CalendarDateSchema.describe("Last working day for the decision"),
  decision_reason: z.string().nullable(),
  unfunded_exception: z.string().nullable().describe("Why an unfunded task was admitted (recorded exception)"),
  decided_at: TimestampSchema.nullable(),
  decided_by_name: z.string().nullable(),
  escalated_at: TimestampSchema.nullable().describe("When the overdue decision was escalated"),
  started_at: TimestampSchema.nullable().describe("When it started and its funding was credited (费随事转)"),
  target_count: z.number().int(),
  created_at: TimestampSchema,
  version: z.number().int(),
});
export type AdminTask = z.infer<typeof AdminTaskSchema>;

export const AdminTaskDetailSchema = AdminTaskSchema.extend({
  targets: z.array(AdminTaskTargetSchema),
  debt_fen: FenSchema.describe(
    "Funding owed (费随事转): for an admitted task without funding whose start date has passed, the estimated cost of the work (hours per occurrence × occurrences × SANSHE_ADMIN_HOUR_COST_FEN) summed over active targets; 0 otherwise",
  ),
});
export type AdminTaskDetail = z.infer<typeof AdminTaskDetailSchema>;
export const AdminTaskPageSchema = pageOf(AdminTaskSchema);

export const AdminTaskListQuerySchema = PageQuerySchema.extend({
  status: AdminTaskStatusSchema.optional(),
  area: AreaCodeSchema.optional().describe("Tasks reviewed in or targeting this area"),
  department_id: UuidSchema.optional(),
  q: text({ max: 64 }).optional().describe("Part of the title"),
});
export type AdminTaskListQuery = z.infer<typeof AdminTaskListQuerySchema>;

export const AdminTaskCreateSchema = z.strictObject({
  department_id: UuidSchema.optional().describe("Your department (needed only if you act for several)"),
  catalog_item_id: UuidSchema.nullable().default(null),
  title: text({ max: 200 }),
  legal_basis: text({ max: 500 }),
  kind: AdminTaskKindSchema,
  description: text({ max: 4000 }).nullable().default(null),
  target_communities: z.array(AreaCodeSchema).min(1).max(500).describe("12-digit community codes in your department's jurisdiction"),
  frequency: AdminTaskFrequencySchema,
  hours_per_occurrence: z.number().min(0).max(200).describe("Estimated staff hours per community per occurrence"),
  funding_fen_per_community: FenSchema,
  staff_provided: z.number().int().min(0).max(1000).default(0),
  starts_on: CalendarDateSchema,
  ends_on: CalendarDateSchema,
});
export type AdminTaskCreate = z.infer<typeof AdminTaskCreateSchema>;

/** A returned application resubmitted with its funding (or other fields) changed. */
export const AdminTaskResubmitSchema = z.strictObject({
  funding_fen_per_community: FenSchema.optional(),
  staff_provided: z.number().int().min(0).max(1000).optional(),
  hours_per_occurrence: z.number().min(0).max(200).optional(),
  description: text({ max: 4000 }).nullable().optional(),
  version: VersionSchema,
});
export type AdminTaskResubmit = z.infer<typeof AdminTaskResubmitSchema>;

export const AdminTaskDecisionSchema = z.strictObject({
  decision: AdminTaskDecisionKindSchema,
  reason: text({ max: 2000 }).describe("Why (required for every decision; shown to the department)"),
  unfunded_exception: text({ max: 2000 }).optional().describe("Required to admit a task that brings no funding: the recorded exception"),
  meeting_resolution_id: UuidSchema.optional().describe("A joint meeting's resolution this decision carries out"),
  version: VersionSchema,
});
export type AdminTaskDecision = z.infer<typeof AdminTaskDecisionSchema>;

export const AdminTaskTakeBackSchema = z.strictObject({
  communities: z
    .array(AreaCodeSchema)
    .min(1)
    .max(500)
    .optional()
    .describe("Target communities to take it back from (default: all in your scope)"),
  assignee_kind: TakeBackAssigneeSchema,
  assignee_name: text({ max: 80 }).describe("The street office or social worker post, e.g. 街道党政办"),
  reason: text({ max: 2000 }),
  version: VersionSchema,
});
export type AdminTaskTakeBack = z.infer<typeof AdminTaskTakeBackSchema>;

export const AdminTaskIdParamsSchema = z.object({ id: UuidSchema });

// ---------------------------------------------------------------- the community's queue

export const OccurrenceStatusSchema = z.enum(["open", "done", "cancelled"]).describe("open, done, cancelled (taken back or task ended)");
export type OccurrenceStatus = z.infer<typeof OccurrenceStatusSchema>;

export const OccurrenceSchema = z.object({
  id: UuidSchema,
  task_id: UuidSchema,
  task_title: z.string(),
  task_kind: AdminTaskKindSchema,
  department_name: z.string(),
  area_code: AreaCodeSchema,
  area_name: z.string(),
  due_on: CalendarDateSchema,
  status: OccurrenceStatusSchema,
  estimated_hours: z.number(),
  logged_hours: z.number().nullable().describe("Hours the community logged; null: the estimate counts"),
  done_at: TimestampSchema.nullable(),
  version: z.number().int(),
});
export type Occurrence = z.infer<typeof OccurrenceSchema>;
export const OccurrencePageSchema = pageOf(OccurrenceSchema);

export const QueueQuerySchema = PageQuerySchema.extend({
  area: AreaCodeSchema.optional().describe("A community in your jurisdiction (community staff: your own)"),
  status: OccurrenceStatusSchema.optional(),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

export const OccurrenceCompleteSchema = z.strictObject({
  hours: z.number().min(0).max(200).nullable().default(null).describe("Hours spent; null: count the task's estimate"),
  version: VersionSchema,
});
export type OccurrenceComplete = z.infer<typeof OccurrenceCompleteSchema>;
export const OccurrenceIdParamsSchema = z.object({ id: UuidSchema });

/** A demand on a community that was never admitted: a non-admitted application, or one received off-system. */
export const RefusalSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema.describe("The refusing community"),
  area_name: z.string(),
  department_id: UuidSchema,
  department_name: z.string(),
  task_id: UuidSchema.nullable().describe("The non-admitted application, when the demand came through Sanshe"),
  title: z.string(),
  kind: AdminTaskKindSchema,
  received_on: CalendarDateSchema,
  note: z.string().nullable(),
  refused_by_name: z.string(),
  created_at: TimestampSchema,
});
export type Refusal = z.infer<typeof RefusalSchema>;
export const RefusalPageSchema = pageOf(RefusalSchema);

/** The fields that describe a demand received off-system (all required without task_id, none with it). */
const offSystemFields = ["department_id", "title", "kind", "received_on"] as const;

export const RefusalCreateSchema = z
  .strictObject({
    task_id: UuidSchema.optional().describe("A task targeting your community that is not admitted (then leave out the off-system fields)"),
    area_code: AreaCodeSchema.optional().describe("Your community (needed only if you work for several)"),
    department_id: UuidSchema.optional().describe("Off-system demand: the department that made it"),
    title: text({ max: 200 }).optional().describe("Off-system demand: what was asked"),
    kind: AdminTaskKindSchema.optional().describe("Off-system demand: its kind"),
    received_on: CalendarDateSchema.optional().describe("Off-system demand: when it arrived"),
    note: text({ max: 1000 }).nullable().default(null),
  })
  .superRefine((value, context) => {
    for (const field of offSystemFields) {
      if (value.task_id !== undefined && value[field] !== undefined) {
        context.addIssue({ code: "custom", message: "REFUSAL_TASK_OR_DEMAND", path: [field] });
      }
      if (value.task_id === undefined && value[field] === undefined) {
        context.addIssue({ code: "custom", message: "REFUSAL_DEMAND_FIELD_REQUIRED", path: [field] });
      }
    }
  });
export type RefusalCreate = z.input<typeof RefusalCreateSchema>;

export const RefusalListQuerySchema = PageQuerySchema.extend({
  area: AreaCodeSchema.optional(),
  department_id: UuidSchema.optional(),
});
export type RefusalListQuery = z.infer<typeof RefusalListQuerySchema>;

/** Tasks that target a community but are not admitted: what it can refuse with one click. */
export const UnadmittedQuerySchema = PageQuerySchema.extend({
  area: AreaCodeSchema.optional().describe("A community in your jurisdiction (community staff: your own)"),
});
export type UnadmittedQuery = z.infer<typeof UnadmittedQuerySchema>;

// ---------------------------------------------------------------- workload

export const WorkloadQuerySchema = z.strictObject({
  area: AreaCodeSchema.describe("The area to describe (its children are the rows)"),
  from: CalendarDateSchema.describe("First day (inclusive)"),
  to: CalendarDateSchema.describe("Last day (inclusive)"),
});
export type WorkloadQuery = z.infer<typeof WorkloadQuerySchema>;

export const WorkloadFiguresSchema = z.object({
  administrative_hours: z.number().describe("Hours on admitted administrative tasks (logged, else estimated)"),
  service_hours: z.number().describe("Hours of service to residents (service records and case sessions)"),
  administrative_share: z.number().min(0).max(1).describe("administrative / (administrative + service); 0 when both are 0"),
  tasks_imposed: z.number().int().describe("Admitted tasks running in the period on the area's communities"),
  reports: z.number().int().describe("Occurrences due in the period of report tasks"),
  inspections: z.number().int(),
  meetings: z.number().int(),
  funded: z.number().int().describe("Of tasks_imposed: those bringing funding"),
  unfunded: z.number().int().describe("Of tasks_imposed: admitted without funding (recorded exception)"),
  refused: z.number().int().describe("Demands refused by communities in the period"),
  taken_back: z.number().int().describe("Community targets taken back (回收) in the period"),
});
export type WorkloadFigures = z.infer<typeof WorkloadFiguresSchema>;

export const WorkloadSchema = WorkloadFiguresSchema.extend({
  area_code: AreaCodeSchema,
  area_name: z.string(),
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  communities: z.number().int().describe("Communities in the area"),
  children: z
    .array(WorkloadFiguresSchema.extend({ area_code: AreaCodeSchema, area_name: z.string() }))
    .describe("One row per child area, one level down (none for a community)"),
  by_month: z
    .array(WorkloadFiguresSchema.extend({ month: z.string().regex(/^\d{4}-\d{2}$/) }))
    .describe("The trend: one row per calendar month of the period"),
  histogram: z
    .array(z.object({ band: z.string().describe("e.g. 0.3-0.4"), from: z.number(), to: z.number(), communities: z.number().int() }))
    .describe(
      "Figure 3-1: communities by administrative-share band (tenths; the last band includes 1.0); communities with no administrative or service hours in the period are left out",
    ),
  departments: z
    .array(
      z.object({
        department_id: UuidSchema,
        department_name: z.string(),
        tasks_imposed: z.number().int(),
        unfunded: z.number().int(),
        refused: z.number().int(),
        administrative_hours: z.number(),
      }),
    )
    .describe("Departments that impose the most, by administrative hours"),
});
export type Workload = z.infer<typeof WorkloadSchema>;

// ---------------------------------------------------------------- endpoints

const tags = ["admin-tasks"] as const;

export const departmentEndpoints = {
  refs: endpoint({
    method: "GET",
    path: "/departments/refs",
    summary: "Active departments an administrator may tie a department account to (in or above their scope), by name",
    tags,
    access: "users.admin",
    query: OrganizationListQuerySchema,
    status: 200,
    response: OrganizationRefPageSchema,
  }),
  list: endpoint({
    method: "GET",
    path: "/departments",
    summary: "Government departments (政府部门) with jurisdiction in your area or above it, by name",
    tags,
    access: "admin_tasks.read",
    query: DepartmentListQuerySchema,
    status: 200,
    response: DepartmentPageSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/departments",
    summary: "Register a department in your jurisdiction (its staff sign in with the department role); Idempotency-Key supported",
    tags,
    access: "admin_tasks.catalog",
    body: DepartmentCreateSchema,
    status: 201,
    response: DepartmentSchema,
    problems: [409],
  }),
  update: endpoint({
    method: "PATCH",
    path: "/departments/:id",
    summary: "Rename or deactivate a department in your jurisdiction; 409 on a stale version",
    tags,
    access: "admin_tasks.catalog",
    params: AdminTaskIdParamsSchema,
    body: DepartmentUpdateSchema,
    status: 200,
    response: DepartmentSchema,
    problems: [409],
  }),
};

export const catalogEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/admin-task-catalog",
    summary: "The community work catalogue (statutory, assisted, negative list) that applies to an area, with its total",
    tags,
    access: "admin_tasks.read",
    query: CatalogListQuerySchema,
    status: 200,
    response: CatalogItemPageSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/admin-task-catalog",
    summary: "Add a catalogue item for a district or city in your jurisdiction; Idempotency-Key supported",
    tags,
    access: "admin_tasks.catalog",
    body: CatalogItemCreateSchema,
    status: 201,
    response: CatalogItemSchema,
    problems: [409],
  }),
  update: endpoint({
    method: "PATCH",
    path: "/admin-task-catalog/:id",
    summary: "Edit a catalogue item; 409 on a stale version",
    tags,
    access: "admin_tasks.catalog",
    params: AdminTaskIdParamsSchema,
    body: CatalogItemUpdateSchema,
    status: 200,
    response: CatalogItemSchema,
    problems: [409],
  }),
  remove: endpoint({
    method: "DELETE",
    path: "/admin-task-catalog/:id",
    summary: "Remove a catalogue item no task refers to; 409 otherwise",
    tags,
    access: "admin_tasks.catalog",
    params: AdminTaskIdParamsSchema,
    status: 204,
    response: z.null().describe("Removed"),
    problems: [409],
  }),
};

export const adminTaskEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/admin-tasks",
    summary:
      "Administrative tasks: a department's own applications; reviewers' tasks in their area; community staff the admitted tasks on their community; newest first",
    tags,
    access: "admin_tasks.read",
    query: AdminTaskListQuerySchema,
    status: 200,
    response: AdminTaskPageSchema,
  }),
  apply: endpoint({
    method: "POST",
    path: "/admin-tasks",
    summary:
      "A department applies to put a task on communities of its jurisdiction; the decision is due within the configured working days; Idempotency-Key supported",
    tags,
    access: "admin_tasks.apply",
    body: AdminTaskCreateSchema,
    status: 201,
    response: AdminTaskDetailSchema,
    problems: [409, 422],
  }),
  get: endpoint({
    method: "GET",
    path: "/admin-tasks/:id",
    summary: "One task with its target communities and the funding it owes",
    tags,
    access: "admin_tasks.read",
    params: AdminTaskIdParamsSchema,
    status: 200,
    response: AdminTaskDetailSchema,
  }),
  resubmit: endpoint({
    method: "POST",
    path: "/admin-tasks/:id/resubmit",
    summary: "The department resubmits a returned application (with its funding); a new decision deadline starts",
    tags,
    access: "admin_tasks.apply",
    params: AdminTaskIdParamsSchema,
    body: AdminTaskResubmitSchema,
    status: 200,
    response: AdminTaskDetailSchema,
    problems: [409],
  }),
  withdraw: endpoint({
    method: "POST",
    path: "/admin-tasks/:id/withdraw",
    summary: "The department withdraws an application not yet decided",
    tags,
    access: "admin_tasks.apply",
    params: AdminTaskIdParamsSchema,
    body: z.strictObject({ version: VersionSchema }),
    status: 200,
    response: AdminTaskDetailSchema,
    problems: [409],
  }),
  decide: endpoint({
    method: "POST",
    path: "/admin-tasks/:id/decision",
    summary:
      "Admit, reject (reasons) or return (for funding) a submitted task in your area; admitting an unfunded task needs a recorded exception; 409 if already decided",
    tags,
    access: "admin_tasks.review",
    params: AdminTaskIdParamsSchema,
    body: AdminTaskDecisionSchema,
    status: 200,
    response: AdminTaskDetailSchema,
    problems: [409, 422],
  }),
  takeBack: endpoint({
    method: "POST",
    path: "/admin-tasks/:id/take-back",
    summary: "Take an admitted task back from communities in your street (回收) and assign it to a street office or social worker post",
    tags,
    access: "admin_tasks.review",
    params: AdminTaskIdParamsSchema,
    body: AdminTaskTakeBackSchema,
    status: 200,
    response: AdminTaskDetailSchema,
    problems: [409, 422],
  }),
};

export const communityQueueEndpoints = {
  occurrences: endpoint({
    method: "GET",
    path: "/community-queue",
    summary: "A community's work queue: occurrences of admitted tasks, earliest due first",
    tags,
    access: "admin_tasks.read",
    query: QueueQuerySchema,
    status: 200,
    response: OccurrencePageSchema,
  }),
  complete: endpoint({
    method: "POST",
    path: "/community-queue/:id/complete",
    summary: "Community staff mark an occurrence done and log the hours it took; 409 if it is not open",
    tags,
    access: "admin_tasks.queue",
    params: OccurrenceIdParamsSchema,
    body: OccurrenceCompleteSchema,
    status: 200,
    response: OccurrenceSchema,
    problems: [409],
  }),
  unadmitted: endpoint({
    method: "GET",
    path: "/community-queue/unadmitted",
    summary: "Tasks targeting a community that were never admitted (submitted, returned, rejected): each can be refused in one click",
    tags,
    access: "admin_tasks.queue",
    query: UnadmittedQuerySchema,
    status: 200,
    response: AdminTaskPageSchema,
  }),
  refuse: endpoint({
    method: "POST",
    path: "/community-queue/refusals",
    summary:
      "Refuse a demand never admitted (a non-admitted task, or one received off-system): the street is notified and it counts against the department; Idempotency-Key supported",
    tags,
    access: "admin_tasks.queue",
    body: RefusalCreateSchema,
    status: 201,
    response: RefusalSchema,
    problems: [409, 422],
  }),
  refusals: endpoint({
    method: "GET",
    path: "/community-queue/refusals",
    summary: "Refusals in your area (a department: those against it), newest first",
    tags,
    access: "admin_tasks.read",
    query: RefusalListQuerySchema,
    status: 200,
    response: RefusalPageSchema,
  }),
};

export const workloadEndpoints = {
  get: endpoint({
    method: "GET",
    path: "/workload",
    summary:
      "The workload picture of an area in your jurisdiction: administrative share, tasks imposed, funded, unfunded, refused, taken back; per child area, by month, figure 3-1 histogram, departments",
    tags: ["workload"],
    access: "workload.read",
    query: WorkloadQuerySchema,
    status: 200,
    response: WorkloadSchema,
  }),
  export: endpoint({
    method: "GET",
    path: "/workload/export.xlsx",
    summary: "The workload picture's per-child-area rows and departments as a spreadsheet",
    tags: ["workload"],
    access: "workload.read",
    query: WorkloadQuerySchema,
    status: 200,
    response: z.string().describe("An .xlsx workbook"),
    download: true,
  }),
};
