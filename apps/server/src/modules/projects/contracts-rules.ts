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
