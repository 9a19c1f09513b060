import { z } from "zod";
import { CalendarDateSchema, PageQuerySchema, UuidSchema, pageOf, text } from "./common.js";
import { ReferralSchema, ReferralStatusSchema } from "./needs.js";

export const ReferralPageSchema = pageOf(ReferralSchema).extend({
  unread: z.number().int().describe("Pending referrals in the inbox not yet opened"),
});
export const ReferralListQuerySchema = PageQuerySchema.extend({
  inbox: z
    .enum(["1", "0"])
    .optional()
    .describe("1: only referrals addressed to you (your organization, your community queue, or you as a social worker)"),
  status: ReferralStatusSchema.optional(),
});
export type ReferralListQuery = z.infer<typeof ReferralListQuerySchema>;
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
