import { z } from "zod";
import {
  AreaCodeSchema,
  CalendarDateSchema,
  PageQuerySchema,
  TimestampSchema,
  UuidSchema,
  countedPageOf,
  sortQuery,
  text,
  code,
} from "./common.js";
import { CaseLinkSchema } from "./cases.js";
import { AttachmentContentTypeSchema, MAX_ATTACHMENT_BYTES, NeedAttachmentParamsSchema, NeedAttachmentSchema } from "./need-attachments.js";
import { endpoint } from "./endpoint.js";
import { PhoneSchema } from "./identifiers.js";

/** Service tiers (服务分层): public → community, special → social organization, professional → social worker, … */
export const ServiceTierSchema = z
  .enum(["public", "special", "professional", "personalized", "developmental"])
  .describe(
    "Service tier: public (community), special (social organization), professional (social worker), personalized (commercial), developmental (residents' self-organization)",
  );
export type ServiceTier = z.infer<typeof ServiceTierSchema>;

export const NeedCategorySchema = z.object({
  code: z.string().describe("Category code, e.g. elderly_care"),
  name: z.string().describe("Name in the caller's language"),
  tier: ServiceTierSchema.describe("Default tier when no routing rule matches"),
  respond_within_hours: z.number().int().describe("Time allowed to accept a referral, in hours"),
  resolve_within_days: z.number().int().describe("Time allowed to complete a referral, in days"),
});
export type NeedCategory = z.infer<typeof NeedCategorySchema>;
export const NeedCategoryListSchema = z.object({ items: z.array(NeedCategorySchema).describe("Categories in display order") });

export const NeedStatusSchema = z
  .enum(["new", "routed", "accepted", "in_service", "done", "closed", "reopened"])
  .describe("Need status; only a confirmation closes a need");
export type NeedStatus = z.infer<typeof NeedStatusSchema>;
export const NeedUrgencySchema = z.enum(["low", "normal", "high"]).describe("Urgency");
export const NeedChannelSchema = z.enum(["portal", "staff", "open311", "joint_meeting"]).describe("Channel the need came in by");
/** The needs dashboard lists this many providers, most referrals first (a city has tens of thousands). */
export const dashboardProviderLimit = 50;

export const ProviderKindSchema = z.enum(["organization", "social_worker", "community_queue"]).describe("Kind of provider");
export type ProviderKind = z.infer<typeof ProviderKindSchema>;

export const ReferralStatusSchema = z
  .enum(["pending", "accepted", "declined", "done", "failed", "cancelled"])
  .describe("Referral status; failed: done, but the resident (or a call-back) said the need was not solved");
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

export const ConfirmationSourceSchema = z
  .enum(["resident", "callback", "staff"])
  .describe(
    "How a need was confirmed: resident (the resident themself), callback (staff after a recorded call-back), staff (by staff before call-backs were recorded: unverified)",
  );
export type ConfirmationSource = z.infer<typeof ConfirmationSourceSchema>;

export const ReferralSchema = z.object({
  id: UuidSchema,
  need_id: UuidSchema,
  area_code: AreaCodeSchema,
  category: z.string().describe("Category code of the need"),
  description: z.string().describe("What the resident needs (the need's description)"),
  urgency: NeedUrgencySchema,
  contact_name: z
    .string()
    .nullable()
    .describe("Whom to visit: the resident's or contact's name, masked (POST /referrals/{id}/contact reveals it)"),
  contact_phone: z.string().nullable().describe("Their phone, masked"),
  address: z.string().nullable().describe("Where to go, masked"),
  provider_kind: ProviderKindSchema,
  provider_id: UuidSchema.nullable().describe("Organization or social worker; null for the community queue"),
  provider_name: z.string().nullable().describe("Provider's name"),
  status: ReferralStatusSchema,
  decline_reason: z.string().nullable().describe("Why the provider declined"),
  respond_by: TimestampSchema.describe("Accept before this instant"),
  resolve_by: TimestampSchema.describe("Complete before this instant"),
  overdue: z.boolean().describe("Past respond_by while pending, or past resolve_by while accepted"),
  read: z.boolean().describe("The provider has opened it"),
  rating: z.number().int().nullable().describe("The rating of this provider's work, given once at the confirmation after it"),
  rating_source: ConfirmationSourceSchema.nullable().describe("Who gave the rating"),
  case: CaseLinkSchema.nullable()
    .optional()
    .describe("The case opened from this referral: only for those who may read it (cases are confidential)"),
  version: z.number().int(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type Referral = z.infer<typeof ReferralSchema>;

export const NeedEventSchema = z.object({
  kind: z.string().describe("What happened: created, routed, accepted, declined, completed, confirmed, reopened, service, escalated"),
  status: NeedStatusSchema.nullable().describe("Status of the need after the event"),
  actor_login: z.string().nullable().describe("Who acted (system for automatic routing)"),
  reason: z.string().nullable().describe("Reason or explanation"),
  at: TimestampSchema,
});

/** An anonymous contact for a need without a registered resident (stored encrypted). */
export const NeedContactSchema = z.strictObject({
  name: text({ max: 50 }).describe("Contact name"),
  phone: PhoneSchema.optional().describe("Contact phone"),
  email: z.email().max(120).optional().describe("Contact e-mail"),
});
export type NeedContact = z.infer<typeof NeedContactSchema>;

/** The anonymous contact as every reader sees it: masked. */
export const NeedContactMaskedSchema = z.object({
  name_masked: z.string(),
  phone_masked: z.string().nullable(),
  email_masked: z.string().nullable(),
});

export const NeedSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema.describe("The resident's community"),
  resident_id: UuidSchema.nullable().describe("Resident record, when known"),
  grid: z.object({ id: UuidSchema, name: z.string() }).nullable().describe("The grid (网格) of the community, when known"),
  category: z.string().describe("Category code"),
  category_name: z.string().describe("Category name"),
  description: z.string().describe("What the resident needs"),
  urgency: NeedUrgencySchema,
  channel: NeedChannelSchema,
  status: NeedStatusSchema,
  tier: ServiceTierSchema,
  routing: z
    .object({
      rule: UuidSchema.nullable().describe("The routing rule that matched; null for the category default"),
      explanation: z.string(),
    })
    .describe("Which rule routed the need and why"),
  overdue: z.boolean().describe("An open referral of the need is past its clock"),
  confirmation_overdue: z.boolean().describe("Done for more than 7 days without the resident's confirmation"),
  rating: z.number().int().nullable().describe("The resident's own rating 1–5 at closure (null when staff confirmed)"),
  callback_rating: z.number().int().nullable().describe("The rating recorded by staff from a call-back"),
  confirmed_by: ConfirmationSourceSchema.nullable().describe("How the closure was confirmed; null while open"),
  closed_at: TimestampSchema.nullable(),
  contact: NeedContactMaskedSchema.nullable().describe("Anonymous contact (no registered resident), masked"),
  address: z
    .string()
    .nullable()
    .describe(
      "Where the need is (free text, e.g. from Open311 address_string); masked for a provider reading it through a referral (POST /referrals/{id}/contact reveals it)",
    ),
  duplicate_of: UuidSchema.nullable().optional().describe("On create: an open need of the same resident and category"),
  version: z.number().int(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type Need = z.infer<typeof NeedSchema>;

export const CallbackMethodSchema = z.enum(["phone", "visit", "other"]).describe("How the resident was reached: phone, visit, other");

/** A call-back (回访) staff recorded to confirm a need. */
export const NeedCallbackSchema = z.object({
  method: CallbackMethodSchema,
  called_at: TimestampSchema.describe("When the call-back took place"),
  answered_by: z.string().describe("Who answered (the resident, a family member …)"),
  summary: z.string().describe("What they said"),
  solved: z.boolean(),
  rating: z.number().int(),
  recorded_at: TimestampSchema,
});

export const NeedDetailSchema = NeedSchema.extend({
  callbacks: z.array(NeedCallbackSchema).describe("Call-backs recorded by staff, oldest first"),
  callback_allowed_from: TimestampSchema.nullable().describe(
    "While done: from when staff may confirm by a call-back (now when the resident has no account)",
  ),
  events: z.array(NeedEventSchema).describe("History, oldest first"),
  referrals: z.array(ReferralSchema).describe("Referrals, oldest first"),
  attachments: z.array(NeedAttachmentSchema).describe("Photos, oldest first (GET /needs/{id}/attachments/{attachmentId})"),
});
export type NeedDetail = z.infer<typeof NeedDetailSchema>;
export const NeedPageSchema = countedPageOf(NeedSchema);

export const NeedCreateSchema = z.strictObject({
  category: code(40).describe("Category code from GET /need-categories"),
  description: text({ max: 2000 }).describe("What is needed"),
  urgency: NeedUrgencySchema.default("normal"),
  resident_id: UuidSchema.optional().describe("Staff only: the resident the need is recorded for"),
  area_code: AreaCodeSchema.optional().describe("Staff only, without resident_id: the community"),
  grid_id: UuidSchema.optional().describe("Staff only: the grid of the community (default: the resident's grid)"),
  channel: z.enum(["staff", "joint_meeting"]).optional().describe("Staff only: channel (default staff)"),
  contact: NeedContactSchema.optional().describe("Staff only, with area_code and without resident_id: an anonymous contact"),
});
export type NeedCreate = z.infer<typeof NeedCreateSchema>;

/** The columns the needs list sorts by. */
export const NEED_SORTS = ["created_at", "updated_at", "urgency", "closed_at"] as const;
export const NeedListQuerySchema = PageQuerySchema.extend({
  status: NeedStatusSchema.optional(),
  category: z.string().max(40).optional().describe("Category code"),
  tier: ServiceTierSchema.optional(),
  overdue: z.enum(["1", "0"]).optional().describe("1: only needs with an overdue referral"),
  area: AreaCodeSchema.optional().describe("Only needs under this area (code prefix)"),
  sort: sortQuery(NEED_SORTS, "-created_at"),
});
export type NeedListQuery = z.infer<typeof NeedListQuerySchema>;
export type NeedSort = (typeof NEED_SORTS)[number];
export const NeedIdParamsSchema = z.object({ id: UuidSchema });

export const NeedCallbackInputSchema = z.strictObject({
  method: CallbackMethodSchema,
  called_at: z.iso.datetime({ offset: true }).describe("When the call-back took place, ISO 8601 with offset (not in the future)"),
  answered_by: text({ max: 50 }).describe("Who answered (the resident, a family member …)"),
  summary: text({ max: 500 }).describe("What they said"),
});

export const NeedConfirmationSchema = z.strictObject({
  solved: z.boolean().describe("Was the need met?"),
  rating: z.number().int().min(1).max(5).describe("Rating 1–5"),
  comment: text({ max: 500 }).optional().describe("Comment"),
  callback: NeedCallbackInputSchema.optional().describe(
    "Staff only, and required for staff: the call-back that confirms it (after the resident's wait, or at once when the resident has no account)",
  ),
});
export type NeedConfirmation = z.infer<typeof NeedConfirmationSchema>;

export const RoutingRuleSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema.describe("Jurisdiction that owns the rule (city, district or street)"),
  position: z.number().int().describe("Order within the owner; lower first"),
  category: z.string().nullable().describe("Category matched; null for any"),
  resident_groups: z.array(z.string()).nullable().describe("Resident groups matched (any of); null for any"),
  area_prefix: AreaCodeSchema.nullable().describe("Only needs under this area; inside the owner"),
  tier: ServiceTierSchema,
  provider_kind: ProviderKindSchema,
  provider_id: UuidSchema.nullable(),
  enabled: z.boolean(),
  version: z.number().int(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;
export const RoutingRuleListSchema = z.object({ items: z.array(RoutingRuleSchema) });

const ruleData = {
  position: z.number().int().min(0).max(10000).describe("Order within the owner"),
  category: code(40).nullable().describe("Category code; null for any"),
  resident_groups: z.array(z.string().max(40)).max(20).nullable().describe("Resident groups; null for any"),
  area_prefix: AreaCodeSchema.nullable().describe("Only needs under this area"),
  tier: ServiceTierSchema,
  provider_kind: ProviderKindSchema,
  provider_id: UuidSchema.nullable(),
  enabled: z.boolean(),
};
const confirmCatchAll = z
  .boolean()
  .optional()
  .describe(
    "Set true to confirm an enabled catch-all rule (no category and no resident group: it takes every need under its area); without it such a rule is refused with ROUTING_CATCH_ALL_UNCONFIRMED",
  );
export const RoutingRuleCreateSchema = z.strictObject({ area_code: AreaCodeSchema, ...ruleData, confirm_catch_all: confirmCatchAll });
export type RoutingRuleCreate = z.infer<typeof RoutingRuleCreateSchema>;
export const RoutingRuleUpdateSchema = z.strictObject({
  version: z.number().int().describe("The version you read"),
  data: z.strictObject(ruleData).partial(),
  confirm_catch_all: confirmCatchAll,
});
export type RoutingRuleUpdate = z.infer<typeof RoutingRuleUpdateSchema>;
export const RoutingRuleDeleteQuerySchema = z.object({
  version: z.coerce.number().int().describe("The version you read; a stale one is refused with 409"),
});
export const RoutingRulePreviewSchema = z.strictObject({
  area_code: AreaCodeSchema.describe("Jurisdiction that would own the rule"),
  category: ruleData.category,
  resident_groups: ruleData.resident_groups,
  area_prefix: ruleData.area_prefix,
});
export type RoutingRulePreview = z.infer<typeof RoutingRulePreviewSchema>;
export const RoutingPreviewNeedSchema = z.object({
  id: UuidSchema,
  area_code: AreaCodeSchema.describe("Community of the need"),
  category: z.string().describe("Category code"),
  urgency: NeedUrgencySchema,
  status: z.string().describe("Status of the need"),
  created_at: TimestampSchema,
});
export const RoutingPreviewResultSchema = z.object({
  days: z.number().int().describe("How many days back the preview looks"),
  count: z.number().int().describe("Needs of those days, in your scope, that the rule's conditions match"),
  items: z.array(RoutingPreviewNeedSchema).describe("The newest of them (at most 10)"),
});
export type RoutingPreviewResult = z.infer<typeof RoutingPreviewResultSchema>;
export const RoutingRuleListQuerySchema = z.object({
  area_code: AreaCodeSchema.optional().describe("Rules owned by this area and its ancestors"),
});

const DashboardDateSchema = z.iso.date().describe("Date, YYYY-MM-DD (China Standard Time)");

export const NeedsDashboardQuerySchema = z
  .object({
    area: AreaCodeSchema.optional().describe("Jurisdiction to show; default: your own"),
    from: CalendarDateSchema.optional().describe("Only needs reported on or after this date"),
    to: CalendarDateSchema.optional().describe("Only needs reported on or before this date"),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: "from must not be after to", path: ["from"] });
export type NeedsDashboardQuery = z.infer<typeof NeedsDashboardQuerySchema>;

const CountSchema = z.number().int().min(0);
const MaybeNumber = z.number().nullable();

export const NeedsDashboardAreaSchema = z.object({
  code: AreaCodeSchema,
  name: z.string(),
  level: z.enum(["province", "city", "district", "street", "community"]),
});

export const NeedsDashboardSchema = z.object({
  area: NeedsDashboardAreaSchema.describe("The jurisdiction shown"),
  path: z.array(NeedsDashboardAreaSchema).describe("Breadcrumb from the top of your scope down to the area (inclusive)"),
  period: z.object({ from: DashboardDateSchema.nullable(), to: DashboardDateSchema.nullable() }).describe("Reporting dates counted"),
  approximate_medians: z
    .boolean()
    .describe(
      "The medians come from roll-up histograms (district and above): each lies within 9 % of the exact median; a street or a community gets exact medians",
    ),
  generated_at: TimestampSchema,
  refresh_seconds: z
    .number()
    .int()
    .nullable()
    .describe("District and wider: the figures are computed at most this often (generated_at says when); null: live"),
  totals: z.object({
    total: CountSchema.describe("Needs reported"),
    open: CountSchema.describe("Needs not closed (awaiting confirmation counts as open)"),
    closed: CountSchema,
    overdue_referrals: CountSchema.describe("Referrals pending past respond_by or accepted past resolve_by, now"),
    median_respond_hours: MaybeNumber.describe("Median hours from referral to acceptance"),
    median_resolve_days: MaybeNumber.describe("Median days from report to done"),
    closed_by_resident: CountSchema.describe("Closed needs confirmed by the resident themself"),
    closed_by_callback: CountSchema.describe("Closed needs confirmed by staff after a recorded call-back"),
    closed_by_staff: CountSchema.describe("Closed needs confirmed by staff before call-backs were recorded (unverified)"),
    resident_confirmation_share: MaybeNumber.describe("closed_by_resident / closed (0–1)"),
    average_rating: MaybeNumber.describe("Average of the residents' own ratings 1–5 of closed needs"),
    rated: CountSchema.describe("Closed needs with the resident's own rating"),
    average_callback_rating: MaybeNumber.describe("Average rating 1–5 recorded by staff (call-backs, and staff confirmations before them)"),
    callback_rated: CountSchema.describe("Closed needs with a rating recorded by staff"),
  }),
  by_status: z.array(z.object({ status: NeedStatusSchema, count: CountSchema })).describe("Needs by status (every status)"),
  by_category: z
    .array(
      z.object({
        category: z.string(),
        name: z.string(),
        total: CountSchema,
        open: CountSchema,
        statuses: z.array(z.object({ status: NeedStatusSchema, count: CountSchema })).describe("Non-zero counts by status"),
      }),
    )
    .describe("Categories with needs, in display order"),
  by_tier: z
    .array(z.object({ tier: ServiceTierSchema, total: CountSchema, open: CountSchema, closed: CountSchema, average_rating: MaybeNumber }))
    .describe("Every tier"),
  providers: z
    .array(
      z.object({
        provider_kind: ProviderKindSchema,
        provider_id: UuidSchema.nullable(),
        name: z.string().nullable().describe("Organization or social worker; null for the community queue"),
        referrals: CountSchema,
        accepted: CountSchema.describe("Referrals the provider accepted (including those since done)"),
        done: CountSchema,
        overdue: CountSchema,
        declined: CountSchema,
        minutes: CountSchema.describe("Minutes served, from service records"),
        average_rating: MaybeNumber.describe("Average rating of closed needs the provider completed"),
      }),
    )
    .describe(`Providers, most referrals first: the first ${dashboardProviderLimit}`),
  providers_total: CountSchema.describe("Providers with referrals under the area (and in the period), all of them"),
  children: z
    .array(
      NeedsDashboardAreaSchema.extend({
        total: CountSchema,
        open: CountSchema,
        overdue: CountSchema.describe("Overdue referrals"),
        closed: CountSchema,
        median_resolve_days: MaybeNumber,
        average_rating: MaybeNumber,
      }),
    )
    .describe("One row per direct child area, for drill-down (empty at community level)"),
  recent_closures: z
    .array(
      z.object({
        id: UuidSchema,
        area_code: AreaCodeSchema,
        area_name: z.string().nullable(),
        category: z.string(),
        category_name: z.string(),
        excerpt: z.string().nullable().describe("First 60 characters of the description; null without needs.read there (aggregates only)"),
        rating: z.number().int().nullable(),
        confirmed_by: ConfirmationSourceSchema.nullable(),
        closed_at: TimestampSchema.nullable(),
      }),
    )
    .describe("The 10 most recently closed needs"),
});
export type NeedsDashboard = z.infer<typeof NeedsDashboardSchema>;

const needTags = ["needs"] as const;

/** The needs API (需求): categories, intake, lists, one need, the resident's confirmation, the dashboard and photos. */
export const needEndpoints = {
  categories: endpoint({
    method: "GET",
    path: "/need-categories",
    summary: "Need categories with default tier and service-level clock",
    tags: needTags,
    access: "authenticated",
    status: 200,
    response: NeedCategoryListSchema,
  }),
  list: endpoint({
    method: "GET",
    path: "/needs",
    summary: "Needs in your jurisdiction (residents: your own), newest first",
    tags: needTags,
    access: "authenticated",
    query: NeedListQuerySchema,
    status: 200,
    response: NeedPageSchema,
  }),
  report: endpoint({
    method: "POST",
    path: "/needs",
    summary: "Report a need (residents for themselves; staff for a resident) — routed at once; Idempotency-Key supported",
    tags: needTags,
    access: "authenticated",
    body: NeedCreateSchema,
    status: 201,
    response: NeedDetailSchema,
    problems: [409],
  }),
  dashboard: endpoint({
    method: "GET",
    path: "/needs/dashboard",
    summary: "Needs dashboard of a jurisdiction in your scope (default: yours), with one row per child area for drill-down",
    tags: needTags,
    access: "needs.dashboard",
    query: NeedsDashboardQuerySchema,
    status: 200,
    response: NeedsDashboardSchema,
  }),
  get: endpoint({
    method: "GET",
    path: "/needs/:id",
    summary: "One need with its history and referrals; 404 outside your scope",
    tags: needTags,
    access: "authenticated",
    params: NeedIdParamsSchema,
    status: 200,
    response: NeedDetailSchema,
  }),
  confirm: endpoint({
    method: "POST",
    path: "/needs/:id/confirmation",
    summary: "Confirm a done need: solved closes it, not solved reopens and re-routes it",
    tags: needTags,
    access: "authenticated",
    params: NeedIdParamsSchema,
    body: NeedConfirmationSchema,
    status: 200,
    response: NeedDetailSchema,
    problems: [409],
  }),
  attach: endpoint({
    method: "POST",
    path: "/needs/:id/attachments",
    summary:
      "Attach a photo to a need: the raw JPEG, PNG or WebP image as the body (5 MB at most, 6 per need); the reporting resident or staff with needs.write; Idempotency-Key supported",
    tags: needTags,
    access: "authenticated",
    params: NeedIdParamsSchema,
    upload: { types: AttachmentContentTypeSchema.options, maxBytes: MAX_ATTACHMENT_BYTES },
    status: 201,
    response: NeedAttachmentSchema,
    problems: [409, 413, 415],
  }),
  photo: endpoint({
    method: "GET",
    path: "/needs/:id/attachments/:attachmentId",
    summary: "The bytes of a need's photo, with its stored image type; 404 outside the need's scope",
    tags: needTags,
    access: "authenticated",
    params: NeedAttachmentParamsSchema,
    status: 200,
    response: z.any().describe("The image bytes (image/jpeg, image/png or image/webp)"),
    download: true,
  }),
};

const routingTags = ["routing"] as const;

/** The routing rules API (分层分派): the rules of a jurisdiction and those it inherits. */
export const routingRuleEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/routing-rules",
    summary: "Routing rules of your jurisdiction and those it inherits, most specific owner first",
    tags: routingTags,
    access: "authenticated",
    query: RoutingRuleListQuerySchema,
    status: 200,
    response: RoutingRuleListSchema,
  }),
  create: endpoint({
    method: "POST",
    path: "/routing-rules",
    summary: "Create a routing rule for a jurisdiction you manage",
    tags: routingTags,
    access: "routing.manage",
    body: RoutingRuleCreateSchema,
    status: 201,
    response: RoutingRuleSchema,
    problems: [409, 422],
  }),
  update: endpoint({
    method: "PATCH",
    path: "/routing-rules/:id",
    summary: "Change a routing rule (send the version you read)",
    tags: routingTags,
    access: "routing.manage",
    params: NeedIdParamsSchema,
    body: RoutingRuleUpdateSchema,
    status: 200,
    response: RoutingRuleSchema,
    problems: [409, 422],
  }),
  remove: endpoint({
    method: "DELETE",
    path: "/routing-rules/:id",
    summary: "Delete a routing rule of a jurisdiction you manage (send the version you read)",
    tags: routingTags,
    access: "routing.manage",
    params: NeedIdParamsSchema,
    query: RoutingRuleDeleteQuerySchema,
    status: 204,
    response: z.null().describe("Deleted"),
    problems: [409],
  }),
  preview: endpoint({
    method: "POST",
    path: "/routing-rules/preview",
    summary: "Which needs of the last 90 days, in your scope, a rule with these conditions would catch",
    tags: routingTags,
    access: "routing.manage",
    body: RoutingRulePreviewSchema,
    status: 200,
    response: RoutingPreviewResultSchema,
  }),
};
