import { inArray, or, sql, type SQL } from "drizzle-orm";
import type { ActorCtx } from "../../../platform/ctx.js";
import { membershipPermissions } from "../../../platform/auth/permissions.js";
import { inScope } from "../../../platform/scope/index.js";
import { actorOrganizations, purchaserReadScope } from "../contracts/queries.js";
import { fundingLedger } from "../schema.js";

/**
 * Who reads and who records which ledger rows. Officials and community staff read the rows recorded in
 * their area (area_code: a community holder's own code, an organization's home area, the purchaser's area
 * for gov_purchase) — a community's staff therefore read their community's ledger and nothing of a
 * sibling's; organizations' staff read their organization's rows wherever they were recorded.
 */
export function ledgerVisible(ctx: ActorCtx): SQL {
  const organizations = actorOrganizations(ctx);
  const area = inScope(fundingLedger.areaCode, purchaserReadScope(ctx));
  return organizations.length > 0 ? (or(area, inArray(fundingLedger.orgId, organizations)) as SQL) : area;
}

/** The communities (12-digit codes) whose ledger the actor records (community staff with ledger.record). */
export function recordableCommunities(ctx: ActorCtx): string[] {
  return [
    ...new Set(
      ctx.actor.memberships
        .filter((m) => m.organizationId === null && m.areaCode.length === 12 && membershipPermissions(m).includes("ledger.record"))
        .map((m) => m.areaCode),
    ),
  ];
}

/** The organizations whose ledger the actor records (organizations' staff with ledger.record). */
export function recordableOrganizations(ctx: ActorCtx): string[] {
  return [
    ...new Set(
      ctx.actor.memberships
        .filter((m) => m.organizationId !== null && membershipPermissions(m).includes("ledger.record"))
        .map((m) => m.organizationId as string),
    ),
  ];
}

/** SQL: the row belongs to a holder the actor records for. */
export function ledgerRecordable(ctx: ActorCtx): SQL {
  const communities = recordableCommunities(ctx);
  const organizations = recordableOrganizations(ctx);
  const branches: SQL[] = [];
  if (communities.length > 0) {
    branches.push(sql`(${fundingLedger.holderKind} = 'community' AND ${inArray(fundingLedger.areaCode, communities)})`);
  }
  if (organizations.length > 0) {
    branches.push(inArray(fundingLedger.orgId, organizations));
  }
  return branches.length > 0 ? (or(...branches) as SQL) : sql`false`;
}
