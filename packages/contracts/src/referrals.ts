import { z } from "zod";
import { CalendarDateSchema, PageQuerySchema, UuidSchema, countedPageOf, sortQuery, text } from "./common.js";
import { ReferralSchema, ReferralStatusSchema } from "./needs.js";
import { CaseFromReferralSchema, CaseSchema } from "./cases.js";
import { endpoint } from "./endpoint.js";

export const ReferralPageSchema = countedPageOf(ReferralSchema).extend({
  unread: z.number().int().describe("Pending referrals in the inbox not yet opened"),
});
/** The columns the referral lists sort by: arrival, the acceptance deadline, the completion deadline. */
export const REFERRAL_SORTS = ["created_at", "respond_by", "resolve_by"] as const;
export const ReferralListQuerySchema = PageQuerySchema.extend({
  inbox: z
    .enum(["1", "0"])
    .optional()
    .describe("1: only referrals addressed to you (your organization, your community queue, or you as a social worker)"),
  status: ReferralStatusSchema.optional(),
  sort: sortQuery(REFERRAL_SORTS, "-created_at"),
});
export type ReferralListQuery = z.infer<typeof ReferralListQuerySchema>;
export type ReferralSort = (typeof REFERRAL_SORTS)[number];
export const ReferralIdParamsSchema = z.object({ id: UuidSchema });
export const ReferralDeclineSchema = z.strictObject({ reason: text({ max: 500 }).describe("Why the provider declines") });

export const ServiceRecordCreateSchema = z.strictObject({
  served_on: CalendarDateSchema.describe("Date of service"),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .describe("Minutes of service"),
  party_kind: z.enum(["community", "organization", "social_worker", "volunteer"]).describe("Who served"),
  party_name: text({ max: 100 }).describe("Name of the serving party"),
  notes: text({ max: 2000 }).optional().describe("Notes"),
});
export type ServiceRecordCreate = z.infer<typeof ServiceRecordCreateSchema>;
export const ServiceRecordSchema = ServiceRecordCreateSchema.extend({
  id: UuidSchema,
  referral_id: UuidSchema,
  notes: z.string().nullable(),
});
export type ServiceRecord = z.infer<typeof ServiceRecordSchema>;

export const ReferralReassignSchema = z.strictObject({
  provider_kind: z.enum(["organization", "social_worker"]).describe("Kind of the provider chosen by hand"),
  provider_id: UuidSchema.describe("Organization or social worker"),
  reason: text({ max: 500 }).describe("Why the community staff route it by hand"),
});
export type ReferralReassign = z.infer<typeof ReferralReassignSchema>;

/** Why the provider needs the contact in full (recorded in the audit log with the fields shown). */
export const ReferralContactRevealSchema = z.strictObject({
  purpose: text({ min: 2, max: 200 }).describe("Why you need the contact in full, e.g. 电话预约上门时间 (recorded in the audit log)"),
});
export type ReferralContactReveal = z.infer<typeof ReferralContactRevealSchema>;

/** The contact of an accepted referral's resident, unmasked (audited). */
export const ReferralContactSchema = z.object({
  contact_name: z.string().nullable().describe("The resident's or contact's name"),
  contact_phone: z.string().nullable().describe("Their phone"),
  contact_email: z.string().nullable().describe("An anonymous contact's e-mail"),
  address: z.string().nullable().describe("Where to go"),
});
export type ReferralContact = z.infer<typeof ReferralContactSchema>;

const referralTags = ["referrals"] as const;

/** The referrals API (转介联办): the inbox, accept, decline, reassign, service records, complete, open a case. */
export const referralEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/referrals",
    summary: "Referrals: inbox=1 for those addressed to you, with the unread count; overdue flagged",
    tags: referralTags,
    access: "authenticated",
    query: ReferralListQuerySchema,
    status: 200,
    response: ReferralPageSchema,
  }),
  get: endpoint({
    method: "GET",
    path: "/referrals/:id",
    summary: "One referral addressed to you (marks it read)",
    tags: referralTags,
    access: "referrals.handle",
    params: ReferralIdParamsSchema,
    status: 200,
    response: ReferralSchema,
  }),
  accept: endpoint({
    method: "POST",
    path: "/referrals/:id/accept",
    summary: "Accept a pending referral (409 REFERRAL_NOT_PENDING if already handled)",
    tags: referralTags,
    access: "referrals.handle",
    params: ReferralIdParamsSchema,
    status: 200,
    response: ReferralSchema,
    problems: [409],
  }),
  complete: endpoint({
    method: "POST",
    path: "/referrals/:id/complete",
    summary: "Mark an accepted referral done; the resident confirms next",
    tags: referralTags,
    access: "referrals.handle",
    params: ReferralIdParamsSchema,
    status: 200,
    response: ReferralSchema,
    problems: [409],
  }),
  decline: endpoint({
    method: "POST",
    path: "/referrals/:id/decline",
    summary: "Decline a pending referral with a reason; the need is routed to the next provider",
    tags: referralTags,
    access: "referrals.handle",
    params: ReferralIdParamsSchema,
    body: ReferralDeclineSchema,
    status: 200,
    response: ReferralSchema,
    problems: [409],
  }),
  reassign: endpoint({
    method: "POST",
    path: "/referrals/:id/reassign",
    summary: "Route a pending triage-queue referral by hand to a provider, with a reason",
    tags: referralTags,
    access: "referrals.handle",
    params: ReferralIdParamsSchema,
    body: ReferralReassignSchema,
    status: 200,
    response: ReferralSchema,
    problems: [409],
  }),
  addServiceRecord: endpoint({
    method: "POST",
    path: "/referrals/:id/service-records",
    summary: "Record service on an accepted referral (minutes per party)",
    tags: referralTags,
    access: "referrals.handle",
    params: ReferralIdParamsSchema,
    body: ServiceRecordCreateSchema,
    status: 201,
    response: ServiceRecordSchema,
    problems: [409],
  }),
  contact: endpoint({
    method: "POST",
    path: "/referrals/:id/contact",
    summary:
      "Show the contact and address of an accepted referral addressed to you, unmasked, for a stated purpose; audited with the purpose (409 REFERRAL_CONTACT_LOCKED before accepting)",
    tags: referralTags,
    access: "referrals.handle",
    params: ReferralIdParamsSchema,
    body: ReferralContactRevealSchema,
    status: 200,
    response: ReferralContactSchema,
    problems: [409],
  }),
  openCase: endpoint({
    method: "POST",
    path: "/referrals/:id/case",
    summary:
      "Open a case from an accepted referral addressed to you (resident and community from the need); 409 CASE_EXISTS with existing_id if one exists",
    tags: ["referrals", "cases"],
    access: "cases.write",
    params: ReferralIdParamsSchema,
    body: CaseFromReferralSchema,
    status: 201,
    response: CaseSchema,
    problems: [409],
  }),
};
