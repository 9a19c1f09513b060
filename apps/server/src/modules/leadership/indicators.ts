import type { PlanIndicator } from "@sanshe/contracts/leadership";
import type { Ctx } from "../../platform/ctx.js";
import { facilityComplianceUnder, populationByUnit } from "../communities/index.js";
import { countCertifiedWorkersUnder } from "../social-workers/index.js";

/** The live value of each computed indicator for one area (null where the area has no data for it). */
export type IndicatorValues = Partial<Record<PlanIndicator, number | null>>;

/**
 * Computes the live indicators a plan's targets need, for the plan's area, through the owning
 * modules' exported reads: certified social workers serving communities under the area per 1,000 of
 * their declared residents (social-workers, communities), and the percent of the area's communities
 * with all 三室两栏一站 facilities (communities). A handful of statements per plan, whatever the
 * number of targets.
 */
export async function computeIndicators(ctx: Ctx, areaCode: string, needed: readonly PlanIndicator[]): Promise<IndicatorValues> {
  const values: IndicatorValues = {};
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
