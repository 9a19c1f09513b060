import { residentGroupLabels, type ProviderKind, type ResidentGroup, type ServiceTier } from "@sanshe/contracts";

export type Rule = {
  id: string;
  areaCode: string;
  position: number;
  category: string | null;
  residentGroups: string[] | null;
  areaPrefix: string | null;
  tier: ServiceTier;
  providerKind: ProviderKind;
  providerId: string | null;
  enabled: boolean;
};

export type RoutingInput = {
  areaCode: string;
  category: string;
  residentGroups: readonly string[];
  /** Providers that already declined this need: rules pointing at them are skipped. */
  skipProviders?: readonly string[];
};

export type RoutingOutcome = {
  rule: Rule | null;
  tier: ServiceTier;
  providerKind: ProviderKind;
  providerId: string | null;
};

/** True when the rule applies to the need (owner above the community, category, groups, area). */
export function ruleMatches(rule: Rule, input: RoutingInput): boolean {
  if (!rule.enabled || !input.areaCode.startsWith(rule.areaCode)) {
    return false;
  }
  if (rule.category !== null && rule.category !== input.category) {
    return false;
  }
  if (rule.areaPrefix !== null && !input.areaCode.startsWith(rule.areaPrefix)) {
    return false;
  }
  if (
    rule.residentGroups !== null &&
    rule.residentGroups.length > 0 &&
    !rule.residentGroups.some((g) => input.residentGroups.includes(g))
  ) {
    return false;
  }
  if (rule.providerId !== null && input.skipProviders?.includes(rule.providerId)) {
    return false;
  }
  return true;
}

/** A catch-all rule names no category and no resident group: it decides who serves, never the tier. */
export function isCatchAll(rule: Rule): boolean {
  return rule.category === null && (rule.residentGroups === null || rule.residentGroups.length === 0);
}

/**
 * Resolves a need: rules of the most specific owner first (street, then district, then city), then by
 * position; the first match wins. Without a match: the category's default tier in the community's
 * triage queue. A catch-all rule keeps the category's tier (a housekeeping need stays personalized).
 */
export function resolveRouting(rules: readonly Rule[], input: RoutingInput, defaultTier: ServiceTier): RoutingOutcome {
  const ordered = [...rules].sort((a, b) => b.areaCode.length - a.areaCode.length || a.position - b.position || a.id.localeCompare(b.id));
  const rule = ordered.find((candidate) => ruleMatches(candidate, input)) ?? null;
  if (!rule) {
    return { rule: null, tier: defaultTier, providerKind: "community_queue", providerId: null };
  }
  return { rule, tier: isCatchAll(rule) ? defaultTier : rule.tier, providerKind: rule.providerKind, providerId: rule.providerId };
}

const tierNames: Record<ServiceTier, { zh: string; en: string }> = {
  public: { zh: "公共服务", en: "public service" },
  special: { zh: "特殊服务", en: "special service" },
  professional: { zh: "专业服务", en: "professional service" },
  personalized: { zh: "个性化服务", en: "personalized service" },
  developmental: { zh: "发展性服务", en: "developmental service" },
};

const residentGroupNamesEn: Record<ResidentGroup, string> = {
  elderly_alone: "elderly living alone",
  disabled: "people with disabilities",
  veteran_family: "veterans' families",
  low_income: "low-income",
  minor: "minors",
  unemployed: "unemployed",
  migrant: "migrants",
};

function groupLabel(code: string, locale: "zh" | "en"): string {
  const group = code as ResidentGroup;
  return (locale === "zh" ? residentGroupLabels[group] : residentGroupNamesEn[group]) ?? code;
}

/** The explanation of a routing decision in both languages; the reader sees their own. */
export type RoutingExplanation = { zh: string; en: string };

/**
 * The human explanation stored on the need, with labels only (no codes), e.g.
 * "南阳新村街道规则 #2：养老照护 + 独居老人 → 特殊服务 → 某组织" and its English.
 */
export function explainRouting(
  outcome: RoutingOutcome,
  names: { owner: string | null; category: string; categoryEn: string; provider: string | null },
): RoutingExplanation {
  const provider = {
    zh: outcome.providerKind === "community_queue" ? "社区分派队列" : (names.provider ?? "指定服务方"),
    en: outcome.providerKind === "community_queue" ? "the community's triage queue" : (names.provider ?? "the named provider"),
  };
  const tier = tierNames[outcome.tier];
  if (!outcome.rule) {
    return {
      zh: `无匹配规则：${names.category}默认 → ${tier.zh} → ${provider.zh}`,
      en: `No rule matched: ${names.categoryEn} by default → ${tier.en} → ${provider.en}`,
    };
  }
  const { rule } = outcome;
  const groups = rule.residentGroups ?? [];
  const groupsZh = groups.length ? ` + ${groups.map((g) => groupLabel(g, "zh")).join("/")}` : "";
  const groupsEn = groups.length ? ` + ${groups.map((g) => groupLabel(g, "en")).join("/")}` : "";
  const keptZh = isCatchAll(rule) ? `（${names.category}的服务层级）` : "";
  const keptEn = isCatchAll(rule) ? ` (the tier of ${names.categoryEn})` : "";
  const owner = names.owner ?? rule.areaCode;
  return {
    zh: `${owner}规则 #${rule.position}：${rule.category ? names.category : "任意类别"}${groupsZh} → ${tier.zh}${keptZh} → ${provider.zh}`,
    en: `Rule #${rule.position} of ${owner}: ${rule.category ? names.categoryEn : "any category"}${groupsEn} → ${tier.en}${keptEn} → ${provider.en}`,
  };
}
