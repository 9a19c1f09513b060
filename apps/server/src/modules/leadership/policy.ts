import type { PlanComparison, PlanIndicator, PlanTargetStatus } from "@sanshe/contracts/leadership";

/** The unit of an indicator's values: shares in percent, the workforce per 1,000 residents, manual values as given. */
export function unitOf(indicator: PlanIndicator): "percent" | "per_1000" | "value" {
  switch (indicator) {
    case "administrative_share_max":
    case "standard_facilities_rate":
      return "percent";
    case "social_workers_per_1000":
      return "per_1000";
    case "manual":
      return "value";
  }
}

/** The comparison a target takes when none is given: a share "below X" is at_most, everything else at_least. */
export function defaultComparison(indicator: PlanIndicator): PlanComparison {
  return indicator === "administrative_share_max" ? "at_most" : "at_least";
}

/**
 * Indicators whose value the platform computes from live data (so owners do not report them): every
 * indicator but `manual` (docs/decisions/0020-leadership-and-plans.md).
 */
export const computedIndicators: readonly PlanIndicator[] = [
  "administrative_share_max",
  "social_workers_per_1000",
  "standard_facilities_rate",
];

/** True when the indicator's value comes from live data. */
export function isComputed(indicator: PlanIndicator): boolean {
  return computedIndicators.includes(indicator);
}

/** True when `value` meets the target. */
export function meets(value: number, target: number, comparison: PlanComparison): boolean {
  return comparison === "at_most" ? value <= target : value >= target;
}

/**
 * A target's status and progress from its current value and today's date (YYYY-MM-DD, local):
 * achieved when the value meets the target, overdue when past its due date and not achieved, else
 * on_track. Progress is how far the value is toward the target, 0–1 (for "at most", the target over
 * the value once above it); null without a value.
 */
export function evaluateTarget(
  target: { targetValue: number; comparison: PlanComparison; dueOn: string },
  current: number | null,
  today: string,
): { status: PlanTargetStatus; progress: number | null } {
  const achieved = current !== null && meets(current, target.targetValue, target.comparison);
  const status: PlanTargetStatus = achieved ? "achieved" : target.dueOn < today ? "overdue" : "on_track";
  if (current === null) {
    return { status, progress: null };
  }
  let progress: number;
  if (target.comparison === "at_least") {
    progress = target.targetValue <= 0 ? 1 : current / target.targetValue;
  } else {
    progress = current <= target.targetValue ? 1 : current === 0 ? 1 : target.targetValue / current;
  }
  return { status, progress: Math.round(Math.min(1, Math.max(0, progress)) * 10_000) / 10_000 };
}

/** Today's date (YYYY-MM-DD) in China Standard Time from an instant: due dates are local dates. */
export function localDate(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** The area one level up (street → district → city → province); null above a province. */
export function parentArea(code: string): string | null {
  switch (code.length) {
    case 12:
      return code.slice(0, 9);
    case 9:
      return code.slice(0, 6);
    case 6:
      return code.slice(0, 4);
    case 4:
      return code.slice(0, 2);
    default:
      return null;
  }
}
