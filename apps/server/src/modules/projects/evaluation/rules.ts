import type { ProjectEvaluationGrade } from "@sanshe/contracts";

/** Weights of the closing evaluation, in percent (the call's `evaluation_weights`). */
export type EvaluationWeights = { purchaser: number; beneficiaries: number; third_party: number };

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The weights applied to the total. With at least one resident rating they are the call's. Without
 * any, beneficiaries' satisfaction is unknown (not zero), so its weight is shared between the purchaser
 * and the third party in proportion to their own weights: 40/30/30 becomes 57.14/0/42.86. If both of
 * those are zero as well, they share it equally.
 */
export function appliedWeights(weights: EvaluationWeights, ratings: number): EvaluationWeights {
  if (ratings > 0) {
    return weights;
  }
  const rest = weights.purchaser + weights.third_party;
  const total = weights.purchaser + weights.beneficiaries + weights.third_party;
  if (rest === 0) {
    return { purchaser: round2(total / 2), beneficiaries: 0, third_party: round2(total / 2) };
  }
  return {
    purchaser: round2((weights.purchaser / rest) * total),
    beneficiaries: 0,
    third_party: round2((weights.third_party / rest) * total),
  };
}

/** Residents' satisfaction out of 100 from the average rating on the 1–5 scale: avg ÷ 5 × 100. */
export function satisfactionScore(averageRating: number | null): number | null {
  return averageRating === null ? null : round2((averageRating / 5) * 100);
}

/**
 * The weighted total out of 100 (two decimals). Uses the unrounded proportional weights so that, with
 * no ratings, purchaser 80 and third party 80 give exactly 80.
 */
export function totalScore(
  weights: EvaluationWeights,
  scores: { purchaser: number; beneficiaries: number | null; thirdParty: number },
): number {
  const sum = weights.purchaser + weights.beneficiaries + weights.third_party;
  if (scores.beneficiaries === null) {
    const rest = weights.purchaser + weights.third_party;
    const total =
      rest === 0
        ? (scores.purchaser + scores.thirdParty) / 2
        : (scores.purchaser * weights.purchaser + scores.thirdParty * weights.third_party) / rest;
    return round2(total);
  }
  return round2(
    (scores.purchaser * weights.purchaser + scores.beneficiaries * weights.beneficiaries + scores.thirdParty * weights.third_party) / sum,
  );
}

/** The grade of a total: ≥90 excellent 优秀, ≥75 good 良好, ≥60 pass 合格, otherwise fail 不合格. */
export function gradeOf(total: number): ProjectEvaluationGrade {
  if (total >= 90) {
    return "excellent";
  }
  if (total >= 75) {
    return "good";
  }
  if (total >= 60) {
    return "pass";
  }
  return "fail";
}
