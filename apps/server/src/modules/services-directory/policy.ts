import { membershipPermissions, type MembershipGrant } from "../../platform/auth/permissions.js";

/** What the edit rule needs to know about a service. */
export type ServiceFacts = { areaCode: string; providerKind: "organization" | "community" | "commercial"; organizationId: string | null };

/**
 * May these memberships edit this service? A membership with services.write covers services whose
 * provider's home area lies under its area; org staff only their own organization's services,
 * community staff only community and commercial services (not an organization's). Pure rule, no I/O.
 */
export function canEditService(grants: readonly MembershipGrant[], service: ServiceFacts): boolean {
  return grants.some(
    (grant) =>
      membershipPermissions(grant).includes("services.write") &&
      service.areaCode.startsWith(grant.areaCode) &&
      (grant.role === "org_staff"
        ? service.providerKind === "organization" && grant.organizationId === service.organizationId
        : service.providerKind !== "organization"),
  );
}

/** Price rule: paid services carry an amount; free services none. Returns an error code or null. */
export function priceProblem(kind: "free" | "low_cost" | "paid", fen: number | null): "SERVICE_PRICE_REQUIRED" | null {
  return kind === "paid" && (fen === null || fen <= 0) ? "SERVICE_PRICE_REQUIRED" : null;
}
