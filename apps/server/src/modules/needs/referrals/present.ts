import type { Referral, ServiceRecord } from "@sanshe/contracts";
import type { referrals, serviceRecords } from "../schema.js";

/** A referral row with its need's category and description, its clock and its provider's name (one statement). */
export type ReferralJoinRow = {
  referral: typeof referrals.$inferSelect;
  category: string;
  description: string;
  overdue: boolean;
  providerName: string | null;
};

/** A referral as the API shows it, with the case opened from it when the reader may read it. */
export function presentReferral(
  { referral, category, description, overdue, providerName }: ReferralJoinRow,
  caseLink: Referral["case"],
): Referral {
  return {
    id: referral.id,
    need_id: referral.needId,
    area_code: referral.areaCode,
    category,
    description,
    provider_kind: referral.providerKind,
    provider_id: referral.providerId,
    provider_name: providerName,
    status: referral.status,
    decline_reason: referral.declineReason,
    respond_by: referral.respondBy.toISOString(),
    resolve_by: referral.resolveBy.toISOString(),
    overdue: Boolean(overdue),
    read: referral.readAt !== null,
    rating: referral.rating,
    rating_source: referral.ratingSource,
    case: caseLink,
    version: referral.version,
    created_at: referral.createdAt.toISOString(),
    updated_at: referral.updatedAt.toISOString(),
  };
}

/** A service record as the API shows it. */
export function presentServiceRecord(record: typeof serviceRecords.$inferSelect): ServiceRecord {
  return {
    id: record.id,
    referral_id: record.referralId,
    served_on: record.servedOn,
    minutes: record.minutes,
    party_kind: record.partyKind,
    party_name: record.partyName,
    notes: record.notes,
  };
}
