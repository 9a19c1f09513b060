import type { RoutingRule } from "@sanshe/contracts";
import type { routingRules } from "../schema.js";

/** A routing rule as the API shows it. */
export function presentRule(row: typeof routingRules.$inferSelect): RoutingRule {
  return {
    id: row.id,
    area_code: row.areaCode,
    position: row.position,
    category: row.category,
    resident_groups: row.residentGroups,
    area_prefix: row.areaPrefix,
    tier: row.tier,
    provider_kind: row.providerKind,
    provider_id: row.providerId,
    enabled: row.enabled,
    version: row.version,
  };
}
