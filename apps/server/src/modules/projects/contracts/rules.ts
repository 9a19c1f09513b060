/**
 * Milestone amounts in fen: each share of the amount rounded down, the remainder on the last one, so
 * that they sum to the amount exactly. Shares are basis points summing to 10000.
 */
export function milestoneAmounts(amountFen: number, sharesBp: readonly number[]): number[] {
  const amounts = sharesBp.map((share) => Math.floor((amountFen * share) / 10_000));
  const assigned = amounts.reduce((sum, value) => sum + value, 0);
  if (amounts.length > 0) {
    amounts[amounts.length - 1] = (amounts.at(-1) ?? 0) + amountFen - assigned;
  }
  return amounts;
}

/** What a call covers: need categories (empty: any) and area prefixes (its targets, else the purchaser's area). */
export type CallCoverage = { categories: readonly string[]; areas: readonly string[] };

/**
 * Why a piece of evidence (a need served) lies outside the contract's call: its category is not one
 * the call answers, or its area lies under none of the call's areas. Empty when inside. Pure.
 */
export function evidenceOutsideReasons(need: { category: string; areaCode: string }, call: CallCoverage): Array<"category" | "area"> {
  const reasons: Array<"category" | "area"> = [];
  if (call.categories.length > 0 && !call.categories.includes(need.category)) {
    reasons.push("category");
  }
  if (!call.areas.some((prefix) => need.areaCode.startsWith(prefix))) {
    reasons.push("area");
  }
  return reasons;
}
