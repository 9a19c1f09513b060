import type { PlanIndicator } from "@sanshe/contracts/leadership";
import type { Ctx } from "../../platform/ctx.js";
import { facilityComplianceUnder, populationByUnit } from "../communities/index.js";
import { countCertifiedWorkersUnder } from "../social-workers/index.js";
import { administrativeShareUnder } from "../admin-tasks/index.js";
import { localDate } from "./policy.js";

/** The live value of each computed indicator for one area (null where the area has no data for it). */
export type IndicatorValues = Partial<Record<PlanIndicator, number | null>>;

/**
 * The period a plan's share is measured over: its year from 1 January to the earlier of 31 December
 * and today (Asia/Shanghai); null while the year has not begun.
 */
export function planPeriod(year: number, today: string): { from: string; to: string } | null {
  const from = `${String(year).padStart(4, "0")}-01-01`;
  const end = `${String(year).padStart(4, "0")}-12-31`;
  const to = today < end ? today : end;
  return to < from ? null : { from, to };
}

/**
 * Computes the live indicators a plan's targets need, for the plan's area and year, through the
 * owning modules' exported reads: certified social workers serving communities under the area per
 * 1,000 of their declared residents (social-workers, communities), the percent of the area's
 * communities with all 三室两栏一站 facilities (communities), and the administrative share of the
 * communities' staff time over the plan's year so far, in percent (admin-tasks; null without hours).
 * A handful of statements per plan, whatever the number of targets.
 */
export async function computeIndicators(
  ctx: Ctx,
  areaCode: string,
  year: number,
  needed: readonly PlanIndicator[],
): Promise<IndicatorValues> {
  const values: IndicatorValues = {};
  if (needed.includes("administrative_share_max")) {
    const period = planPeriod(year, localDate(ctx.now()));
    const share = period ? await administrativeShareUnder(ctx, areaCode, period.from, period.to) : null;
    values.administrative_share_max = share === null ? null : round(share * 100);
  }
  if (needed.includes("social_workers_per_1000")) {
    const [workers, population] = await Promise.all([countCertifiedWorkersUnder(ctx, areaCode), populationByUnit(ctx, [areaCode])]);
    const residents = population.get(areaCode) ?? 0;
    values.social_workers_per_1000 = residents > 0 ? round((workers * 1000) / residents) : null;
  }
  if (needed.includes("standard_facilities_rate")) {
    const { communities, compliant } = await facilityComplianceUnder(ctx, areaCode);
    values.standard_facilities_rate = communities > 0 ? round((compliant * 100) / communities) : null;
  }
  return values;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
