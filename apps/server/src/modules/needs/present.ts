import type { Need, NeedCategory, NeedDetail, Referral } from "@sanshe/contracts";
import type { Ctx } from "../../platform/ctx.js";
import { maskAddress } from "../../platform/pii/index.js";
import type { needCategories, needs } from "./schema.js";

/** A need with its category's names and its clocks, as the list and detail statements select it. */
export type NeedJoinRow = {
  need: typeof needs.$inferSelect;
  categoryName: string;
  categoryNameEn: string;
  overdue: boolean;
  confirmationOverdue: boolean;
};

/**
 * The need's address in full for whoever reported it and for readers whose needs.read covers its area
 * (they triage and visit); masked for a provider that reads the need through a referral, as in its
 * inbox (POST /referrals/{id}/contact reveals it, audited).
 */
function addressFor(ctx: Ctx, need: typeof needs.$inferSelect): string | null {
  if (need.address === null) {
    return null;
  }
  const actor = ctx.actor;
  const full =
    actor !== null && (need.createdBy === actor.userId || actor.scope("needs.read").some((prefix) => need.areaCode.startsWith(prefix)));
  return full ? need.address : maskAddress(need.address);
}

/** A need as the API shows it (the contact masked, the address as addressFor says, the reader's language). */
export function presentNeed(ctx: Ctx, row: NeedJoinRow): Need {
  const need = row.need;
  return {
    id: need.id,
    area_code: need.areaCode,
    resident_id: need.residentId,
    category: need.category,
    category_name: ctx.locale === "en" ? row.categoryNameEn : row.categoryName,
    description: need.description,
    urgency: need.urgency,
    channel: need.channel,
    status: need.status,
    tier: need.tier,
    routing: {
      rule: need.routingRuleId,
      explanation: ctx.locale === "en" && need.routingExplanationEn ? need.routingExplanationEn : need.routingExplanation,
    },
    overdue: Boolean(row.overdue),
    confirmation_overdue: Boolean(row.confirmationOverdue),
    rating: need.rating,
    callback_rating: need.callbackRating,
    confirmed_by: need.confirmedBy,
    closed_at: need.closedAt?.toISOString() ?? null,
    grid: need.gridId ? { id: need.gridId, name: need.gridName ?? "" } : null,
    contact: need.contactMasked ?? null,
    address: addressFor(ctx, need),
    version: need.version,
    created_at: need.createdAt.toISOString(),
    updated_at: need.updatedAt.toISOString(),
  };
}

/** A category as GET /need-categories shows it. */
export function presentCategory(ctx: Ctx, row: typeof needCategories.$inferSelect): NeedCategory {
  return {
    code: row.code,
    name: ctx.locale === "en" ? row.nameEn : row.name,
    tier: row.tier,
    respond_within_hours: row.respondWithinHours,
    resolve_within_days: row.resolveWithinDays,
  };
}

/** History entries, call-backs and photos as the detail statement aggregates them (JSON, or its text). */
export type RawHistoryEntry = { kind: string; status: Need["status"] | null; actor_login: string; reason: string | null; at: string };
export type RawCallback = Omit<NeedDetail["callbacks"][number], "called_at" | "recorded_at"> & { called_at: string; recorded_at: string };
export type RawAttachment = Omit<NeedDetail["attachments"][number], "created_at"> & { created_at: string };

const parseList = <T>(value: T[] | string): T[] => (typeof value === "string" ? (JSON.parse(value) as T[]) : value);

/** One need with its history, call-backs, referrals (presented) and photos. */
export function presentNeedDetail(
  ctx: Ctx,
  row: NeedJoinRow & { events: RawHistoryEntry[] | string; callbacks: RawCallback[] | string; attachments: RawAttachment[] | string },
  callbackAllowedFrom: Date | null,
  referrals: Referral[],
): NeedDetail {
  return {
    ...presentNeed(ctx, row),
    callbacks: parseList(row.callbacks).map((callback) => ({
      ...callback,
      called_at: new Date(callback.called_at).toISOString(),
      recorded_at: new Date(callback.recorded_at).toISOString(),
    })),
    callback_allowed_from: callbackAllowedFrom?.toISOString() ?? null,
    events: parseList(row.events).map((event) => ({
      kind: event.kind,
      status: event.status ?? null,
      actor_login: event.actor_login,
      reason: event.reason,
      at: new Date(event.at).toISOString(),
    })),
    referrals,
    attachments: parseList(row.attachments).map((attachment) => ({
      ...attachment,
      created_at: new Date(attachment.created_at).toISOString(),
    })),
  };
}

/** A need as an external channel (Open311) reads it: status, latest history entry and current provider. */
export type ChannelNeed = {
  id: string;
  areaCode: string;
  status: Need["status"];
  category: string;
  categoryName: string;
  description: string;
  address: string | null;
  lat: number | null;
  long: number | null;
  mediaUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastEvent: { kind: string; reason: string | null } | null;
  provider: { kind: "organization" | "social_worker" | "community_queue"; name: string | null; resolveBy: Date } | null;
};

export type RawEvent = { kind: string; reason: string | null } | null;
export type RawProvider = { kind: "organization" | "social_worker" | "community_queue"; id: string | null; resolve_by: string } | null;

/** A need as an external channel reads it, with its latest history entry and current provider (organization names looked up). */
export function presentChannelNeed(
  ctx: Ctx,
  row: { need: typeof needs.$inferSelect; categoryName: string; categoryNameEn: string },
  lastEvent: NonNullable<RawEvent> | null,
  provider: NonNullable<RawProvider> | null,
  organizations: ReadonlyMap<string, { name: string }>,
): ChannelNeed {
  const need = row.need;
  return {
    id: need.id,
    areaCode: need.areaCode,
    status: need.status,
    category: need.category,
    categoryName: ctx.locale === "en" ? row.categoryNameEn : row.categoryName,
    description: need.description,
    address: need.address,
    lat: need.lat,
    long: need.long,
    mediaUrl: need.mediaUrl,
    createdAt: need.createdAt,
    updatedAt: need.updatedAt,
    lastEvent,
    provider: provider
      ? {
          kind: provider.kind,
          name: provider.kind === "organization" ? (organizations.get(provider.id ?? "")?.name ?? null) : null,
          resolveBy: new Date(provider.resolve_by),
        }
      : null,
  };
}
