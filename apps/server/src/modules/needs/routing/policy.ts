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
