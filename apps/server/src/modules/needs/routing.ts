import type { ProviderKind, ServiceTier } from "@sanshe/contracts";

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

/**
 * Resolves a need: rules of the most specific owner first (street, then district, then city), then by
 * position; the first match wins. Without a match: the category's default tier in the community's
 * triage queue.
 */
export function resolveRouting(rules: readonly Rule[], input: RoutingInput, defaultTier: ServiceTier): RoutingOutcome {
  const ordered = [...rules].sort((a, b) => b.areaCode.length - a.areaCode.length || a.position - b.position || a.id.localeCompare(b.id));
  const rule = ordered.find((candidate) => ruleMatches(candidate, input)) ?? null;
  if (!rule) {
    return { rule: null, tier: defaultTier, providerKind: "community_queue", providerId: null };
  }
  return { rule, tier: rule.tier, providerKind: rule.providerKind, providerId: rule.providerId };
}

const tierNames: Record<ServiceTier, string> = {
  public: "公共服务",
  special: "特殊服务",
  professional: "专业服务",
  personalized: "个性化服务",
  developmental: "发展性服务",
};

/** The human explanation stored on the need, e.g. "南阳新村街道规则 #2：养老照护 + 独居老人 → 特殊服务 → 某组织". */
export function explainRouting(
  outcome: RoutingOutcome,
  names: { owner: string | null; category: string; provider: string | null },
): string {
  const provider = outcome.providerKind === "community_queue" ? "社区分派队列" : (names.provider ?? "指定服务方");
  if (!outcome.rule) {
    return `无匹配规则：${names.category}默认 → ${tierNames[outcome.tier]} → ${provider}`;
  }
  const groups = outcome.rule.residentGroups?.length ? ` + ${outcome.rule.residentGroups.join("/")}` : "";
  const category = outcome.rule.category ? names.category : "任意类别";
  return `${names.owner ?? outcome.rule.areaCode}规则 #${outcome.rule.position}：${category}${groups} → ${tierNames[outcome.tier]} → ${provider}`;
}
