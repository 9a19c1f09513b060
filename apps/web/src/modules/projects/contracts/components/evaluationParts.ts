import type { ProjectEvaluation } from "@sanshe/contracts";

export type EvaluationPart = {
  part: "purchaser" | "beneficiaries" | "third_party";
  /** The weight applied to the total, percent. */
  weight: number;
  /** The call's weight, percent. */
  base: number;
  score: number | null;
  /** The party's comment; for the beneficiaries, how many ratings the satisfaction comes from. */
  comment: string | null;
  ratings?: number;
};

/** The three parts of a closing evaluation (购买方、服务对象、第三方), each with its weights and score. */
export function evaluationParts(evaluation: ProjectEvaluation): EvaluationPart[] {
  const applied = evaluation.applied_weights;
  const base = evaluation.weights;
  return [
    {
      part: "purchaser",
      weight: applied.purchaser,
      base: base.purchaser,
      score: evaluation.purchaser_score,
      comment: evaluation.purchaser_comment,
    },
    {
      part: "beneficiaries",
      weight: applied.beneficiaries,
      base: base.beneficiaries,
      score: evaluation.beneficiary_score,
      comment: null,
      ratings: evaluation.beneficiary_ratings,
    },
    {
      part: "third_party",
      weight: applied.third_party,
      base: base.third_party,
      score: evaluation.third_party_score,
      comment: evaluation.third_party_comment,
    },
  ];
}

/** A score with two decimals, a dash while it is missing. */
export const formatScore = (value: number | null) => (value === null ? "—" : value.toFixed(2));
