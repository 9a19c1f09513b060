import { membershipPermissions, type MembershipGrant } from "../../platform/auth/permissions.js";

/** What the edit rule needs to know about a social worker. */
export type WorkerFacts = { areaCode: string; organizationId: string; communityCodes: readonly string[] };

/**
 * May these memberships edit this social worker? A membership with social_workers.write (officials at
 * district level and above, org staff) covers the worker when the worker's home area or a served
 * community lies under its area; org staff additionally only for workers employed by their own
 * organization. Pure rule, no I/O.
 */
export function canEditWorker(grants: readonly MembershipGrant[], worker: WorkerFacts): boolean {
  const codes = [worker.areaCode, ...worker.communityCodes];
  return grants.some(
    (grant) =>
      membershipPermissions(grant).includes("social_workers.write") &&
      (grant.role !== "org_staff" || grant.organizationId === worker.organizationId) &&
      codes.some((code) => code.startsWith(grant.areaCode)),
  );
}

/** Workers per 1,000 residents (null without residents) and the shortfall against the standard's lower bound. */
export function workforceRatio(
  workers: number,
  residents: number,
  standardPerThousand: number,
): { per_thousand: number | null; shortfall: number; below_standard: boolean } {
  if (residents <= 0) {
    return { per_thousand: null, shortfall: 0, below_standard: false };
  }
  const perThousand = Math.round(((workers * 1000) / residents) * 100) / 100;
  const needed = Math.ceil((standardPerThousand * residents) / 1000 - 1e-9);
  return {
    per_thousand: perThousand,
    shortfall: Math.max(0, needed - workers),
    below_standard: (workers * 1000) / residents < standardPerThousand,
  };
}
