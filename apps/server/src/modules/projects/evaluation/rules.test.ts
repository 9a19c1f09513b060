import { describe, expect, it } from "vitest";
import { milestoneAmounts } from "../contracts/rules.js";
import { appliedWeights, gradeOf, satisfactionScore, totalScore } from "./rules.js";

const weights = { purchaser: 40, beneficiaries: 30, third_party: 30 };

describe(totalScore.name, () => {
  it("weights the three parties with the call's weights", () => {
    expect(totalScore(weights, { purchaser: 90, beneficiaries: 80, thirdParty: 70 })).toBe(81);
  });

  it("without ratings shares the beneficiaries' weight in proportion to the other two", () => {
    expect(appliedWeights(weights, 0)).toEqual({ purchaser: 57.14, beneficiaries: 0, third_party: 42.86 });
    expect(totalScore(weights, { purchaser: 80, beneficiaries: null, thirdParty: 80 })).toBe(80);
    expect(totalScore(weights, { purchaser: 100, beneficiaries: null, thirdParty: 65 })).toBe(85);
    expect(appliedWeights(weights, 3)).toEqual(weights);
  });

  it("shares equally when the other two weights are zero", () => {
    const only = { purchaser: 0, beneficiaries: 100, third_party: 0 };
    expect(appliedWeights(only, 0)).toEqual({ purchaser: 50, beneficiaries: 0, third_party: 50 });
    expect(totalScore(only, { purchaser: 60, beneficiaries: null, thirdParty: 80 })).toBe(70);
  });
});

describe(gradeOf.name, () => {
  it.each([
    [100, "excellent"],
    [90, "excellent"],
    [89.99, "good"],
    [75, "good"],
    [74.99, "pass"],
    [60, "pass"],
    [59.99, "fail"],
    [0, "fail"],
  ] as const)("grades %s as %s", (total, grade) => {
    expect(gradeOf(total)).toBe(grade);
  });
});

describe(satisfactionScore.name, () => {
  it("turns the 1–5 average into a score out of 100", () => {
    expect(satisfactionScore(4.5)).toBe(90);
    expect(satisfactionScore(null)).toBeNull();
  });
});

describe(milestoneAmounts.name, () => {
  it("floors each share and puts the remainder on the last milestone", () => {
    expect(milestoneAmounts(100, [3333, 3333, 3334])).toEqual([33, 33, 34]);
    expect(milestoneAmounts(1, [5000, 5000])).toEqual([0, 1]);
    const amounts = milestoneAmounts(123_456_789, [1234, 4321, 4445]);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(123_456_789);
  });
});
