import { AppError } from "../../../platform/errors/app-error.js";

/**
 * A rule's area prefix must lie inside the jurisdiction that owns the rule.
 * @throws AppError ROUTING_AREA_OUTSIDE
 */
export function checkRuleArea(owner: string, areaPrefix: string | null | undefined): void {
  if (areaPrefix && !areaPrefix.startsWith(owner)) {
    throw new AppError("ROUTING_AREA_OUTSIDE");
  }
}

/**
 * An enabled rule with no category and no resident group takes every need under its area: saving one
 * (or turning a rule into one) must be confirmed explicitly.
 * @throws AppError ROUTING_CATCH_ALL_UNCONFIRMED
 */
export function checkCatchAllConfirmed(
  rule: { category: string | null; residentGroups: readonly string[] | null; enabled: boolean },
  confirmed: boolean | undefined,
): void {
  const catchAll = rule.category === null && (rule.residentGroups === null || rule.residentGroups.length === 0);
  if (rule.enabled && catchAll && confirmed !== true) {
    throw new AppError("ROUTING_CATCH_ALL_UNCONFIRMED");
  }
}

/** True when the rule, as stored, is an enabled catch-all (see checkCatchAllConfirmed). */
export function isEnabledCatchAll(rule: { category: string | null; residentGroups: readonly string[] | null; enabled: boolean }): boolean {
  return rule.enabled && rule.category === null && (rule.residentGroups === null || rule.residentGroups.length === 0);
}
