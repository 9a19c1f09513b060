import { and, desc, eq, gte, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import { inScope } from "../../platform/scope/index.js";
import { needs, referrals, serviceRecords } from "./schema.js";

/**
 * What the projects module reads from the needs data: evidence for a milestone report (referrals
 * addressed to an organization and their service records) and residents' ratings of the needs it
 * served. The caller has already checked that the actor acts for the organization.
 */

const addressedTo = (orgId: string) => and(eq(referrals.providerKind, "organization"), eq(referrals.providerId, orgId)) as SQL;

/** A day in Asia/Shanghai as a half-open instant range start: `YYYY-MM-DD` 00:00 +08:00. */
const dayStart = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/** An evidence item's need: its category and community (for the purchaser's check against the call). */
export type EvidenceItem = { id: string; needId: string; category: string; areaCode: string };

export type OrganizationEvidence = {
  /** Referral ids (of those asked) addressed to the organization, with their needs. */
  referrals: EvidenceItem[];
  /** Service-record ids (of those asked) on referrals addressed to the organization, with their needs. */
  serviceRecords: EvidenceItem[];
};

/** The given referrals and service records that belong to the organization, with their needs' category and area (two queries at most). */
export async function organizationEvidence(
  ctx: Ctx,
  orgId: string,
  referralIds: readonly string[],
  serviceRecordIds: readonly string[],
): Promise<OrganizationEvidence> {
  const ownReferrals =
    referralIds.length === 0
      ? []
      : await ctx.db
          .select({ id: referrals.id, needId: referrals.needId, category: needs.category, areaCode: needs.areaCode })
          .from(referrals)
          .innerJoin(needs, eq(needs.id, referrals.needId))
          .where(and(inArray(referrals.id, [...referralIds]), addressedTo(orgId)));
  const ownRecords =
    serviceRecordIds.length === 0
      ? []
      : await ctx.db
          .select({ id: serviceRecords.id, needId: referrals.needId, category: needs.category, areaCode: needs.areaCode })
          .from(serviceRecords)
          .innerJoin(referrals, eq(referrals.id, serviceRecords.referralId))
          .innerJoin(needs, eq(needs.id, referrals.needId))
          .where(and(inArray(serviceRecords.id, [...serviceRecordIds]), addressedTo(orgId)));
  return { referrals: ownReferrals, serviceRecords: ownRecords };
}

export type EvidenceReferralRow = {
  id: string;
  needId: string;
  category: string;
  status: string;
  createdAt: Date;
  serviceRecordIds: string[];
};

/** Referrals addressed to the organization created from `from` to `to` (dates), newest first, with their service records (one query). */
export async function organizationReferralsBetween(ctx: Ctx, orgId: string, from: string, to: string): Promise<EvidenceReferralRow[]> {
  const rows = await ctx.db
    .select({
      id: referrals.id,
      needId: referrals.needId,
      category: needs.category,
      status: referrals.status,
      createdAt: referrals.createdAt,
      serviceRecordIds: sql<
        string[]
      >`coalesce((SELECT array_agg(sr.id::text ORDER BY sr.created_at) FROM ${serviceRecords} sr WHERE sr.referral_id = ${referrals.id}), '{}')`,
    })
    .from(referrals)
    .innerJoin(needs, eq(needs.id, referrals.needId))
    .where(
      and(
        addressedTo(orgId),
        gte(referrals.createdAt, sql`${dayStart(from)}`),
        sql`${referrals.createdAt} < ${dayStart(to)} + interval '1 day'`,
      ),
    )
    .orderBy(desc(referrals.createdAt), desc(referrals.id))
    .limit(200);
  return rows;
}

export type RatingFigures = { count: number; average: number | null };

/** Ratings of an organization's work: the served residents' own, and those staff recorded (call-backs), apart. */
export type OrganizationRatings = RatingFigures & { callback: RatingFigures };

/**
 * Only work the organization did counts: referrals addressed to it that it completed (done, or
 * failed when the resident said not solved) with at least one service record. A provider that
 * declined or never served a need is never credited with its rating.
 */
function servedAndRated(orgId: string): SQL {
  return and(
    addressedTo(orgId),
    inArray(referrals.status, ["done", "failed"]),
    isNotNull(referrals.rating),
    sql`EXISTS (SELECT 1 FROM ${serviceRecords} sr WHERE sr.referral_id = ${referrals.id})`,
  ) as SQL;
}

const ratingColumns = {
  count: sql<number>`count(*) FILTER (WHERE ${referrals.ratingSource} = 'resident')::int`,
  average: sql<string | null>`(avg(${referrals.rating}) FILTER (WHERE ${referrals.ratingSource} = 'resident'))::text`,
  callbackCount: sql<number>`count(*) FILTER (WHERE ${referrals.ratingSource} <> 'resident')::int`,
  callbackAverage: sql<string | null>`(avg(${referrals.rating}) FILTER (WHERE ${referrals.ratingSource} <> 'resident'))::text`,
};

type RatingRow = { count: number; average: string | null; callbackCount: number; callbackAverage: string | null } | undefined;

function figures(row: RatingRow): OrganizationRatings {
  const number = (value: string | null | undefined) => (value === null || value === undefined ? null : Number(value));
  return {
    count: Number(row?.count ?? 0),
    average: number(row?.average),
    callback: { count: Number(row?.callbackCount ?? 0), average: number(row?.callbackAverage) },
  };
}

/**
 * Ratings (1–5) of the organization's work on needs in the given categories (empty: any) and areas
 * (prefixes; empty: none), given from `from` to `to` inclusive (dates in Asia/Shanghai): the served
 * residents' own ratings, and apart from them those recorded by staff (one query).
 */
export async function organizationRatings(
  ctx: Ctx,
  filter: { orgId: string; categories: readonly string[]; areaPrefixes: readonly string[]; from: string; to: string },
): Promise<OrganizationRatings> {
  const conditions: SQL[] = [
    servedAndRated(filter.orgId),
    inScope(referrals.areaCode, filter.areaPrefixes),
    sql`${referrals.ratedAt} >= ${dayStart(filter.from)}`,
    sql`${referrals.ratedAt} < ${dayStart(filter.to)} + interval '1 day'`,
  ];
  if (filter.categories.length > 0) {
    conditions.push(inArray(needs.category, [...filter.categories]));
  }
  const [row] = await ctx.db
    .select(ratingColumns)
    .from(referrals)
    .innerJoin(needs, eq(needs.id, referrals.needId))
    .where(and(...conditions));
  return figures(row);
}

/** All ratings of the organization's work, for its credit record (one query over its referrals). */
export async function organizationRatingSummary(ctx: Ctx, orgId: string): Promise<OrganizationRatings> {
  const [row] = await ctx.db.select(ratingColumns).from(referrals).where(servedAndRated(orgId));
  return figures(row);
}
