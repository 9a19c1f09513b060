import type { Referral, ServiceRecord } from "@sanshe/contracts";
import { maskAddress, maskName } from "../../../platform/pii/index.js";
import type { needs, referrals, serviceRecords } from "../schema.js";

/** A referral row with its need's category and description, its clock and its provider's name (one statement). */
export type ReferralJoinRow = {
  referral: typeof referrals.$inferSelect;
  category: string;
  description: string;
  urgency: (typeof needs.$inferSelect)["urgency"];
  needAddress: string | null;
  contactMasked: (typeof needs.$inferSelect)["contactMasked"];
  resident: { name: string; phone_masked: string | null; address: string | null } | string | null;
  overdue: boolean;
  providerName: string | null;
};

/** A referral as the API shows it, with the case opened from it when the reader may read it. */
export function presentReferral(row: ReferralJoinRow, caseLink: Referral["case"]): Referral {
  const { referral, category, description, urgency, overdue, providerName } = row;
  return {
    id: referral.id,
    need_id: referral.needId,
    area_code: referral.areaCode,
    category,
    description,
    urgency,
    ...maskedVisitContact(row),
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

/**
 * Whom the provider visits, masked: the registered resident's name, phone and address, or the
 * anonymous contact (stored masked) and the address given with the need.
 */
function maskedVisitContact(row: ReferralJoinRow): Pick<Referral, "contact_name" | "contact_phone" | "address"> {
  const resident =
    typeof row.resident === "string" ? (JSON.parse(row.resident) as Exclude<ReferralJoinRow["resident"], string>) : row.resident;
  const address = resident?.address ?? row.needAddress;
  return {
    contact_name: resident ? maskName(resident.name) : (row.contactMasked?.name_masked ?? null),
    contact_phone: resident ? resident.phone_masked : (row.contactMasked?.phone_masked ?? null),
    address: address ? maskAddress(address) : null,
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
