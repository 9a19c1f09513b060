import { describe, expect, it } from "vitest";
import { explainRouting, resolveRouting, type Rule } from "./routing.js";

let sequence = 0;
function rule(overrides: Partial<Rule> & { areaCode: string; position: number }): Rule {
  sequence += 1;
  return {
    id: `00000000-0000-0000-0000-${String(sequence).padStart(12, "0")}`,
    category: null,
    residentGroups: null,
    areaPrefix: null,
    tier: "public",
    providerKind: "community_queue",
    providerId: null,
    enabled: true,
    ...overrides,
  };
}

const org1 = "11111111-1111-1111-1111-111111111111";
const org2 = "22222222-2222-2222-2222-222222222222";
const cityAny = rule({ areaCode: "4101", position: 1, tier: "public" });
const cityElderly = rule({
  areaCode: "4101",
  position: 0,
  category: "elderly_care",
  tier: "special",
  providerKind: "organization",
  providerId: org2,
});
const districtCounseling = rule({
  areaCode: "410105",
  position: 1,
  category: "counseling",
  tier: "professional",
  providerKind: "organization",
  providerId: org2,
});
const streetElderlyAlone = rule({
  areaCode: "410105007",
  position: 2,
  category: "elderly_care",
  residentGroups: ["elderly_alone"],
  tier: "special",
  providerKind: "organization",
  providerId: org1,
});
const streetElderlyLater = rule({
  areaCode: "410105007",
  position: 5,
  category: "elderly_care",
  tier: "special",
  providerKind: "organization",
  providerId: org2,
});
const streetOnlyCommunity2 = rule({ areaCode: "410105007", position: 1, category: "repairs", areaPrefix: "410105007002", tier: "public" });
const disabled = rule({ areaCode: "410105007", position: 0, tier: "personalized", enabled: false });
const otherStreet = rule({ areaCode: "410105001", position: 0, tier: "developmental" });
const rules = [
  cityAny,
  cityElderly,
  districtCounseling,
  streetElderlyAlone,
  streetElderlyLater,
  streetOnlyCommunity2,
  disabled,
  otherStreet,
];

describe("resolveRouting", () => {
  const cases: Array<[string, { areaCode: string; category: string; groups?: string[]; skip?: string[] }, Rule | null, string]> = [
    [
      "street rule with a matching group wins over district and city",
      { areaCode: "410105007002", category: "elderly_care", groups: ["elderly_alone"] },
      streetElderlyAlone,
      "special",
    ],
    [
      "without the group the next street rule by position",
      { areaCode: "410105007002", category: "elderly_care" },
      streetElderlyLater,
      "special",
    ],
    [
      "declined provider is skipped, falls to the next street rule",
      { areaCode: "410105007002", category: "elderly_care", groups: ["elderly_alone"], skip: [org1] },
      streetElderlyLater,
      "special",
    ],
    [
      "both street providers declined: inherited city rule",
      { areaCode: "410105007002", category: "elderly_care", skip: [org1, org2] },
      cityAny,
      "professional",
    ],
    ["district rule inherited by the street", { areaCode: "410105007003", category: "counseling" }, districtCounseling, "professional"],
    ["area prefix matches its community", { areaCode: "410105007002", category: "repairs" }, streetOnlyCommunity2, "public"],
    ["area prefix excludes another community: city rule", { areaCode: "410105007003", category: "repairs" }, cityAny, "professional"],
    ["another street's rule never applies", { areaCode: "410105007003", category: "legal_aid" }, cityAny, "professional"],
    ["other district: only city rules", { areaCode: "410103001001", category: "counseling" }, cityAny, "professional"],
  ];
  for (const [name, input, expected, tier] of cases) {
    it(name, () => {
      const outcome = resolveRouting(
        rules,
        { areaCode: input.areaCode, category: input.category, residentGroups: input.groups ?? [], skipProviders: input.skip ?? [] },
        "professional",
      );
      expect(outcome.rule?.id ?? null).toBe(expected?.id ?? null);
      expect(outcome.tier).toBe(tier);
    });
  }

  it("falls back to the category default tier in the community queue", () => {
    const outcome = resolveRouting(
      [otherStreet, disabled],
      { areaCode: "410105007002", category: "legal_aid", residentGroups: [] },
      "professional",
    );
    expect(outcome).toEqual({ rule: null, tier: "professional", providerKind: "community_queue", providerId: null });
    expect(explainRouting(outcome, { owner: null, category: "法律援助", categoryEn: "Legal aid", provider: null })).toEqual({
      zh: "无匹配规则：法律援助默认 → 专业服务 → 社区分派队列",
      en: "No rule matched: Legal aid by default → professional service → the community's triage queue",
    });
  });

  it("explains the rule that matched", () => {
    const outcome = resolveRouting(
      rules,
      { areaCode: "410105007002", category: "elderly_care", residentGroups: ["elderly_alone"] },
      "public",
    );
    const explanation = explainRouting(outcome, {
      owner: "南阳新村街道",
      category: "养老照护",
      categoryEn: "Elderly care",
      provider: "演示组织",
    });
    expect(explanation.zh).toBe("南阳新村街道规则 #2：养老照护 + 独居老人 → 特殊服务 → 演示组织");
    expect(explanation.en).toBe("Rule #2 of 南阳新村街道: Elderly care + elderly living alone → special service → 演示组织");
    // No code leaks into either language.
    expect(`${explanation.zh} ${explanation.en}`).not.toMatch(/[a-z]+_[a-z]+/);
  });

  it("a catch-all rule keeps the category's tier (housekeeping stays personalized, culture stays developmental)", () => {
    for (const tier of ["personalized", "developmental"] as const) {
      const outcome = resolveRouting([cityAny], { areaCode: "410105007002", category: "housekeeping", residentGroups: [] }, tier);
      expect(outcome.rule?.id).toBe(cityAny.id);
      expect(outcome.tier).toBe(tier);
      const explanation = explainRouting(outcome, { owner: "郑州市", category: "家政服务", categoryEn: "Housekeeping", provider: null });
      expect(explanation.zh).toContain("（家政服务的服务层级）");
    }
  });

  it("a rule with a resident group but no category sets its own tier", () => {
    const groupRule = rule({ areaCode: "410105007", position: 0, residentGroups: ["disabled"], tier: "special" });
    const outcome = resolveRouting(
      [groupRule],
      { areaCode: "410105007002", category: "housekeeping", residentGroups: ["disabled"] },
      "personalized",
    );
    expect(outcome.tier).toBe("special");
  });
});
