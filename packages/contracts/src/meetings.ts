import { z } from "zod";
import { endpoint } from "./endpoint.js";
import {
  CalendarInstantSchema,
  CalendarDateSchema,
  AreaCodeSchema,
  countedPageOf,
  pageOf,
  PageQuerySchema,
  sortQuery,
  text,
  TimestampSchema,
  UuidSchema,
  code,
  richText,
} from "./common.js";

/**
 * Joint meetings (联席会议): a street or community convenes community staff, organizations, social
 * workers, residents' representatives and departments around an agenda; resolutions (决议) taken per
 * agenda item yield action items (督办事项) followed until the convener accepts their completion.
 */

export const MeetingStatusSchema = z
  .enum(["draft", "scheduled", "held", "minuted", "cancelled"])
  .describe("draft (草稿), scheduled (已通知), held (已召开), minuted (已形成纪要), cancelled (已取消)");
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

/** The status changes PATCH accepts (scheduling sends the invitations). */
export const meetingTransitions: Record<MeetingStatus, readonly MeetingStatus[]> = {
  draft: ["scheduled", "cancelled"],
  scheduled: ["held", "cancelled"],
  held: ["minuted"],
  minuted: [],
  cancelled: [],
};

export const InviteeKindSchema = z
  .enum(["staff", "organization", "social_worker", "resident_rep", "department"])
  .describe("Invited party: community staff user, organization (its staff), social worker, residents' representative, department");
export type InviteeKind = z.infer<typeof InviteeKindSchema>;

export const InvitationResponseSchema = z.enum(["pending", "attend", "decline", "delegate"]).describe("Answer to the invitation");
export type InvitationResponse = z.infer<typeof InvitationResponseSchema>;

export const AgendaKindSchema = z
  .enum(["need_category", "referral", "project", "call", "free"])
  .describe("What the agenda item is about: a need category's open needs, a referral, a project, a call, or free text");
export type AgendaKind = z.infer<typeof AgendaKindSchema>;

export const ActionItemStatusSchema = z
  .enum(["open", "done", "closed"])
  .describe("open (办理中), done (已报办结, awaiting the convener), closed (已验收)");
export type ActionItemStatus = z.infer<typeof ActionItemStatusSchema>;

const DateSchema = CalendarDateSchema;

export const ActionItemOwnerKindSchema = z
  .enum(["organization", "community", "department"])
  .describe("The owner unit: an organization, a community of the meeting's area, or a government department");
export type ActionItemOwnerKind = z.infer<typeof ActionItemOwnerKindSchema>;
const VersionSchema = z.number().int().min(1).describe("The version you read (optimistic concurrency)");

export const MeetingPlaceSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("facility"), facility_id: UuidSchema.describe("A facility of the community profile") }),
    z.strictObject({
      kind: z.literal("online"),
      url: z
        .url({ protocol: /^https?$/ })
        .max(500)
        .describe("Meeting link (http/https)"),
    }),
  ])
  .describe("Where the meeting takes place");
export type MeetingPlace = z.infer<typeof MeetingPlaceSchema>;

export const InviteeCreateSchema = z.strictObject({
  kind: InviteeKindSchema,
  user_id: UuidSchema.optional().describe("The invited user (staff, social worker; optional for a residents' representative)"),
  organization_id: UuidSchema.optional().describe("The invited organization (kind organization)"),
  name: text({ max: 100 }).optional().describe("Name of a residents' representative or a department"),
});
export type InviteeCreate = z.infer<typeof InviteeCreateSchema>;

export const AgendaItemCreateSchema = z.strictObject({
  kind: AgendaKindSchema,
  title: text({ max: 200 }).describe("Agenda item"),
  need_category: code(64).optional().describe("Need category code (kind need_category)"),
  referral_id: UuidSchema.optional().describe("Referral in the meeting's area (kind referral)"),
  link_id: UuidSchema.optional().describe("Project or call id (kinds project, call; not validated yet)"),
});
export type AgendaItemCreate = z.infer<typeof AgendaItemCreateSchema>;

export const MeetingCreateSchema = z.strictObject({
  title: text({ max: 200 }).describe("Title"),
  area_code: AreaCodeSchema.describe("Street or community convening"),
  starts_at: CalendarInstantSchema.describe("Start (ISO 8601)"),
  ends_at: CalendarInstantSchema.describe("End (ISO 8601)"),
  place: MeetingPlaceSchema,
  invitees: z.array(InviteeCreateSchema).max(100).default([]),
  agenda: z.array(AgendaItemCreateSchema).max(50).default([]),
  schedule: z.boolean().default(false).describe("true: schedule at once and send the invitations"),
});
export type MeetingCreate = z.infer<typeof MeetingCreateSchema>;

export const MeetingUpdateSchema = z.strictObject({
  version: VersionSchema,
  title: text({ max: 200 }).optional(),
  starts_at: CalendarInstantSchema.optional(),
  ends_at: CalendarInstantSchema.optional(),
  place: MeetingPlaceSchema.optional(),
  status: MeetingStatusSchema.optional().describe("Next status (see meetingTransitions)"),
});
export type MeetingUpdate = z.infer<typeof MeetingUpdateSchema>;

export const MeetingIdParamsSchema = z.object({ id: UuidSchema });
export const InviteeParamsSchema = z.object({ id: UuidSchema, invitee_id: UuidSchema });

/** The columns the meetings list sorts by: the start, the title, the status (in the order of its life). */
export const MEETING_SORTS = ["starts_at", "title", "status"] as const;
export type MeetingSort = (typeof MEETING_SORTS)[number];
export const MeetingListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional().describe("Words of the title"),
  status: MeetingStatusSchema.optional(),
  area_code: AreaCodeSchema.optional().describe("Only this area and below"),
  reply: z
    .literal("pending")
    .optional()
    .describe("pending: scheduled meetings whose invitation you (or your organization) have not answered yet (首页 待答复)"),
  sort: sortQuery(MEETING_SORTS, "-starts_at"),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuerySchema>;
/** The meetings export's filter: the list's filters and sort without paging. */
export const MeetingExportFilterSchema = MeetingListQuerySchema.omit({ cursor: true, limit: true });
export type MeetingExportFilter = z.infer<typeof MeetingExportFilterSchema>;

export const MeetingListItemSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema,
  area_name: z.string().nullable(),
  title: z.string(),
  starts_at: TimestampSchema,
  ends_at: TimestampSchema,
  status: MeetingStatusSchema,
  convener_name: z.string().nullable(),
  invitees: z.number().int().describe("How many parties are invited"),
  version: z.number().int(),
});
export type MeetingListItem = z.infer<typeof MeetingListItemSchema>;
export const MeetingPageSchema = countedPageOf(MeetingListItemSchema);
export type MeetingPage = z.infer<typeof MeetingPageSchema>;

export const InviteeSchema = z.object({
  id: UuidSchema,
  kind: InviteeKindSchema,
  user_id: UuidSchema.nullable(),
  organization_id: UuidSchema.nullable(),
  name: z.string().describe("Who: the user's, organization's, representative's or department's name"),
  response: InvitationResponseSchema,
  delegate_name: z.string().nullable(),
  responded_at: TimestampSchema.nullable(),
  signed_in_at: TimestampSchema.nullable(),
  is_me: z.boolean().describe("The caller answers for this invitee"),
});
export type Invitee = z.infer<typeof InviteeSchema>;

export const ActionItemUpdateSchema = z.object({
  id: UuidSchema,
  kind: z.enum(["progress", "done", "accepted", "returned"]),
  text: z.string(),
  referral_id: UuidSchema.nullable(),
  service_record_id: UuidSchema.nullable(),
  author_name: z.string().nullable(),
  created_at: TimestampSchema,
});
export type ActionItemUpdate = z.infer<typeof ActionItemUpdateSchema>;

export const ActionItemSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema,
  meeting_id: UuidSchema,
  meeting_title: z.string(),
  resolution_id: UuidSchema,
  resolution_text: z.string(),
  owner_kind: ActionItemOwnerKindSchema,
  owner_organization_id: UuidSchema.nullable(),
  owner_community_code: AreaCodeSchema.nullable(),
  owner_department_id: UuidSchema.nullable().describe("The owner department (owner_kind department)"),
  owner_unit_name: z.string().nullable().describe("Organization, community or department name"),
  owner_user_id: UuidSchema,
  owner_user_name: z.string().nullable(),
  due_on: z.string().describe("Due date"),
  expected_result: z.string(),
  status: ActionItemStatusSchema,
  overdue: z.boolean().describe("Open (or returned) past its due date"),
  returned_reason: z.string().nullable().describe("Why the convener sent it back (last time)"),
  done_note: z.string().nullable().describe("The owner's completion note (报办结说明) of the last report of completion"),
  done_at: TimestampSchema.nullable(),
  closed_at: TimestampSchema.nullable(),
  escalated: z.boolean(),
  version: z.number().int(),
  updates: z.array(ActionItemUpdateSchema).optional().describe("Progress history (detail only)"),
  can_report: z.boolean().describe("The caller owns it and may post progress / mark done"),
  can_review: z.boolean().describe("The caller convened the meeting and may accept or return"),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

export const ActionItemCreateSchema = z.strictObject({
  owner_kind: ActionItemOwnerKindSchema,
  owner_organization_id: UuidSchema.optional(),
  owner_community_code: AreaCodeSchema.optional(),
  owner_department_id: UuidSchema.optional().describe("A government department (owner_kind department; street meetings)"),
  owner_user_id: UuidSchema.describe("The person responsible"),
  due_on: DateSchema,
  expected_result: text({ max: 500 }),
});
export type ActionItemCreate = z.infer<typeof ActionItemCreateSchema>;

export const ResolutionCreateSchema = z.strictObject({
  agenda_item_id: UuidSchema,
  text: text({ max: 2000 }).describe("The decision"),
  action_items: z.array(ActionItemCreateSchema).max(20).default([]),
});
export type ResolutionCreate = z.infer<typeof ResolutionCreateSchema>;

export const AgendaItemSchema = z.object({
  id: UuidSchema,
  position: z.number().int(),
  kind: AgendaKindSchema,
  title: z.string(),
  need_category: z.string().nullable(),
  open_needs: z.number().int().nullable().describe("Open needs of that category in the area (kind need_category)"),
  referral_id: UuidSchema.nullable(),
  link_id: UuidSchema.nullable(),
  resolutions: z.array(
    z.object({ id: UuidSchema, text: z.string(), created_at: TimestampSchema, action_items: z.array(ActionItemSchema) }),
  ),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const MinutesVersionSchema = z.object({
  number: z.number().int().describe("1 as finalized, then 2, 3 … per amendment"),
  html: z.string().describe("The minutes of this version (sanitized HTML)"),
  reason: z.string().nullable().describe("Why it was amended (null for the finalized text)"),
  author_name: z.string().nullable().describe("Who recorded this version"),
  created_at: TimestampSchema,
});
export type MinutesVersion = z.infer<typeof MinutesVersionSchema>;

export const MeetingSchema = MeetingListItemSchema.extend({
  place: z.object({
    kind: z.enum(["facility", "online"]),
    facility_id: UuidSchema.nullable(),
    facility_name: z.string().nullable(),
    url: z.string().nullable(),
  }),
  convener_id: UuidSchema,
  is_convener: z.boolean(),
  sign_in_token: z.string().nullable().describe("Secret of the sign-in QR code (convener only)"),
  minutes_html: z.string().nullable().describe("Minutes (sanitized HTML); the newest version once finalized"),
  minutes_versions: z
    .array(MinutesVersionSchema)
    .describe("Recorded versions of the finalized minutes, oldest first: 1 as finalized, then each amendment"),
  summary: z.string().nullable(),
  summary_published_at: TimestampSchema.nullable(),
  invitees: z.array(InviteeSchema),
  agenda: z.array(AgendaItemSchema),
  overdue_action_items: z.array(ActionItemSchema).describe("Overdue open action items of the area (computed when read)"),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const InvitationAnswerSchema = z.strictObject({
  response: z.enum(["attend", "decline", "delegate"]),
  delegate_name: text({ max: 100 }).optional().describe("Who goes instead (delegate)"),
});
export type InvitationAnswer = z.infer<typeof InvitationAnswerSchema>;

export const SignInSchema = z.strictObject({
  token: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, "TOKEN_INVALID")
    .describe("Token of the QR code"),
});
export type SignIn = z.infer<typeof SignInSchema>;

export const MinutesUpdateSchema = z.strictObject({
  version: VersionSchema,
  html: richText(200_000).describe("Minutes as HTML; sanitized on write"),
});
export type MinutesUpdate = z.infer<typeof MinutesUpdateSchema>;

export const MinutesAmendmentSchema = z.strictObject({
  version: VersionSchema,
  html: richText(200_000).describe("The amended minutes as HTML; sanitized on write"),
  reason: text({ max: 500 }).describe("Why the finalized minutes are amended (recorded with the version)"),
});
export type MinutesAmendment = z.infer<typeof MinutesAmendmentSchema>;

export const SummaryPublishSchema = z.strictObject({
  version: VersionSchema,
  summary: text({ max: 5000 }).describe("Decisions for residents; no personal data"),
});
export type SummaryPublish = z.infer<typeof SummaryPublishSchema>;

export const ActionItemIdParamsSchema = z.object({ id: UuidSchema });

/** The columns the action-items list sorts by: the due date, the status (open, done, closed), the owner's name. */
export const ACTION_ITEM_SORTS = ["due_on", "status", "owner"] as const;
export type ActionItemSort = (typeof ACTION_ITEM_SORTS)[number];
export const ActionItemListQuerySchema = PageQuerySchema.extend({
  role: z.enum(["owner", "convener"]).default("owner").describe("Items you own, or items of meetings you convened"),
  status: ActionItemStatusSchema.optional(),
  sort: sortQuery(ACTION_ITEM_SORTS, "due_on"),
});
export type ActionItemListQuery = z.infer<typeof ActionItemListQuerySchema>;
/** The action-items export's filter: the list's role, status and sort without paging. */
export const ActionItemExportFilterSchema = ActionItemListQuerySchema.omit({ cursor: true, limit: true });
export type ActionItemExportFilter = z.infer<typeof ActionItemExportFilterSchema>;
export const ActionItemPageSchema = countedPageOf(ActionItemSchema);
export type ActionItemPage = z.infer<typeof ActionItemPageSchema>;

export const ProgressCreateSchema = z.strictObject({
  text: text({ max: 2000 }).describe("What was done, with evidence"),
  referral_id: UuidSchema.optional().describe("A referral as evidence"),
  service_record_id: UuidSchema.optional().describe("A service record as evidence"),
});
export type ProgressCreate = z.infer<typeof ProgressCreateSchema>;

export const ActionItemTransitionSchema = z.strictObject({ version: VersionSchema });
export type ActionItemTransition = z.infer<typeof ActionItemTransitionSchema>;

export const ActionItemDoneSchema = z.strictObject({
  version: VersionSchema,
  note: text({ max: 2000 }).optional().describe("Completion note (报办结说明): what was done; kept and shown with the item"),
});
export type ActionItemDone = z.infer<typeof ActionItemDoneSchema>;

export const ActionItemReturnSchema = z.strictObject({ version: VersionSchema, reason: text({ max: 1000 }) });
export type ActionItemReturn = z.infer<typeof ActionItemReturnSchema>;

export const MeetingHistoryQuerySchema = z.object({ area_code: AreaCodeSchema });
export const MeetingHistorySchema = z.object({
  area_code: AreaCodeSchema,
  meetings_held: z.number().int(),
  decisions: z.number().int(),
  action_items: z.number().int(),
  closed: z.number().int(),
  completion_rate: z.number().nullable().describe("Closed / all action items (0..1), null without items"),
  median_delay_days: z.number().nullable().describe("Median days past due at completion of closed items (0 when on time)"),
});
export type MeetingHistory = z.infer<typeof MeetingHistorySchema>;

export const PublicMeetingSummaryQuerySchema = PageQuerySchema.extend({ area_code: AreaCodeSchema });
export const PublicMeetingSummarySchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema,
  area_name: z.string().nullable(),
  title: z.string(),
  held_on: z.string().describe("Date of the meeting"),
  summary: z.string(),
  published_at: TimestampSchema,
});
export type PublicMeetingSummary = z.infer<typeof PublicMeetingSummarySchema>;
export const PublicMeetingSummaryPageSchema = pageOf(PublicMeetingSummarySchema);

export const InviteeOptionsQuerySchema = z.object({ area_code: AreaCodeSchema });
export const InviteeOptionsSchema = z.object({
  users: z.array(
    z.object({
      id: UuidSchema,
      name: z.string(),
      role: z.string(),
      organization_id: UuidSchema.nullable().describe("Organization (org_staff) or department (department) of the membership"),
      area_code: AreaCodeSchema.describe("Area of the membership"),
    }),
  ),
  organizations: z.array(z.object({ id: UuidSchema, name: z.string() })),
  communities: z.array(z.object({ code: AreaCodeSchema, name: z.string() })).describe("Communities of the area (action-item owners)"),
  departments: z
    .array(z.object({ id: UuidSchema, name: z.string() }))
    .describe("Departments of the street, district or city with an account (action-item owners of a street meeting)"),
  facilities: z.array(z.object({ id: UuidSchema, name: z.string(), area_code: AreaCodeSchema })),
});
export type InviteeOptions = z.infer<typeof InviteeOptionsSchema>;

const tags = ["meetings"] as const;

/** The joint meetings API (联席会议): convening, invitations, sign-in, minutes, resolutions and summaries. */
export const meetingEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/meetings",
    summary: "Meetings you may read (your area as official or community staff; those you or your organization are invited to)",
    tags,
    access: "meetings.read",
    query: MeetingListQuerySchema,
    status: 200,
    response: MeetingPageSchema,
  }),
  convene: endpoint({
    method: "POST",
    path: "/meetings",
    summary: "Convene a meeting in your street or community (schedule: true sends the invitations); Idempotency-Key supported",
    tags,
    access: "meetings.convene",
    body: MeetingCreateSchema,
    status: 201,
    response: MeetingSchema,
    problems: [409],
  }),
  inviteeOptions: endpoint({
    method: "GET",
    path: "/meetings/invitee-options",
    summary: "Users, organizations and facilities a convener can pick for a meeting of an area",
    tags,
    access: "meetings.convene",
    query: InviteeOptionsQuerySchema,
    status: 200,
    response: InviteeOptionsSchema,
  }),
  history: endpoint({
    method: "GET",
    path: "/meetings/history",
    summary: "Meeting history of an area: meetings held, decisions, action-item completion rate and median delay",
    tags,
    access: "meetings.read",
    query: MeetingHistoryQuerySchema,
    status: 200,
    response: MeetingHistorySchema,
  }),
  get: endpoint({
    method: "GET",
    path: "/meetings/:id",
    summary: "One meeting: invitees and answers, agenda (overdue action items of the area first), resolutions and action items",
    tags,
    access: "meetings.read",
    params: MeetingIdParamsSchema,
    status: 200,
    response: MeetingSchema,
  }),
  update: endpoint({
    method: "PATCH",
    path: "/meetings/:id",
    summary: "Change time, place or title, or move the meeting on (scheduled sends the invitations); convener only",
    tags,
    access: "meetings.convene",
    params: MeetingIdParamsSchema,
    body: MeetingUpdateSchema,
    status: 200,
    response: MeetingSchema,
    problems: [409],
  }),
  answerInvitation: endpoint({
    method: "POST",
    path: "/meetings/:id/invitees/:invitee_id/answer",
    summary: "Answer an invitation for yourself or your organization: attend, decline or delegate",
    tags,
    access: "meetings.read",
    params: InviteeParamsSchema,
    body: InvitationAnswerSchema,
    status: 200,
    response: MeetingSchema,
    problems: [409],
  }),
  signInInvitee: endpoint({
    method: "POST",
    path: "/meetings/:id/invitees/:invitee_id/sign-in",
    summary: "Sign an invitee in (convener)",
    tags,
    access: "meetings.convene",
    params: InviteeParamsSchema,
    status: 200,
    response: MeetingSchema,
    problems: [409],
  }),
  signIn: endpoint({
    method: "POST",
    path: "/meetings/:id/sign-in",
    summary: "Sign yourself in with the meeting's QR-code token (within an hour of the meeting; wrong token 404)",
    tags,
    access: "meetings.read",
    params: MeetingIdParamsSchema,
    body: SignInSchema,
    status: 200,
    response: MeetingSchema,
    problems: [409],
  }),
  saveMinutes: endpoint({
    method: "PUT",
    path: "/meetings/:id/minutes",
    summary:
      "Write the minutes (HTML, sanitized on write); convener only, held meetings (finalized minutes: MINUTES_FINALIZED, amend them)",
    tags,
    access: "meetings.convene",
    params: MeetingIdParamsSchema,
    body: MinutesUpdateSchema,
    status: 200,
    response: MeetingSchema,
    problems: [409],
  }),
  amendMinutes: endpoint({
    method: "POST",
    path: "/meetings/:id/minutes/amendments",
    summary: "Amend finalized minutes: a new recorded version with its author, time and reason; convener only",
    tags,
    access: "meetings.convene",
    params: MeetingIdParamsSchema,
    body: MinutesAmendmentSchema,
    status: 201,
    response: MeetingSchema,
    problems: [409],
  }),
  addResolution: endpoint({
    method: "POST",
    path: "/meetings/:id/resolutions",
    summary: "Record a resolution on an agenda item with its action items (owners are notified); Idempotency-Key supported",
    tags,
    access: "meetings.convene",
    params: MeetingIdParamsSchema,
    body: ResolutionCreateSchema,
    status: 201,
    response: MeetingSchema,
    problems: [409],
  }),
  publishSummary: endpoint({
    method: "POST",
    path: "/meetings/:id/summary",
    summary: "Publish the summary residents of the area see (decisions, no personal data)",
    tags,
    access: "meetings.convene",
    params: MeetingIdParamsSchema,
    body: SummaryPublishSchema,
    status: 200,
    response: MeetingSchema,
    problems: [409],
  }),
  publicSummaries: endpoint({
    method: "GET",
    path: "/public/meeting-summaries",
    summary: "Published summaries of joint meetings of an area (no sign-in; no names, no minutes)",
    tags,
    access: "public",
    query: PublicMeetingSummaryQuerySchema,
    status: 200,
    response: PublicMeetingSummaryPageSchema,
    omitProblems: [401, 403, 404],
  }),
};

/** Action items (督办事项) of meeting resolutions: their owners report progress, conveners accept or return them. */
export const actionItemEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/action-items",
    summary: "Your action items (督办事项): those you own, or (role=convener) those of meetings you convened",
    tags,
    access: "meetings.read",
    query: ActionItemListQuerySchema,
    status: 200,
    response: ActionItemPageSchema,
  }),
  get: endpoint({
    method: "GET",
    path: "/action-items/:id",
    summary: "One action item with its progress history",
    tags,
    access: "meetings.read",
    params: ActionItemIdParamsSchema,
    status: 200,
    response: ActionItemSchema,
  }),
  addProgress: endpoint({
    method: "POST",
    path: "/action-items/:id/progress",
    summary: "Report progress with evidence (owner); Idempotency-Key supported",
    tags,
    access: "action_items.handle",
    params: ActionItemIdParamsSchema,
    body: ProgressCreateSchema,
    status: 201,
    response: ActionItemSchema,
    problems: [409],
  }),
  markDone: endpoint({
    method: "POST",
    path: "/action-items/:id/done",
    summary: "Mark the action item done with a completion note (owner); the convener accepts or returns it",
    tags,
    access: "action_items.handle",
    params: ActionItemIdParamsSchema,
    body: ActionItemDoneSchema,
    status: 200,
    response: ActionItemSchema,
    problems: [409],
  }),
  accept: endpoint({
    method: "POST",
    path: "/action-items/:id/accept",
    summary: "Accept a done action item (convener): closed",
    tags,
    access: "meetings.convene",
    params: ActionItemIdParamsSchema,
    body: ActionItemTransitionSchema,
    status: 200,
    response: ActionItemSchema,
    problems: [409],
  }),
  return: endpoint({
    method: "POST",
    path: "/action-items/:id/return",
    summary: "Send a done action item back with a reason (convener): open again",
    tags,
    access: "meetings.convene",
    params: ActionItemIdParamsSchema,
    body: ActionItemReturnSchema,
    status: 200,
    response: ActionItemSchema,
    problems: [409],
  }),
};
