import type { LedgerEntry, LedgerEntryCreate } from "@sanshe/contracts";
import { withTx, type ActorCtx } from "../../../platform/ctx.js";
import { AppError, notFound } from "../../../platform/errors/app-error.js";
import { getOrganizations } from "../../social-orgs/index.js";
import { actorOrganizations } from "../contracts/queries.js";
import { fundingLedger } from "../schema.js";
import { presentEntry, type OrganizationIncomeRow } from "./present.js";

/**
 * POST /funding-ledger: an organization's staff record income from a source other than government
 * purchase (those rows come only from milestone acceptance). The row carries the organization's home
 * area. @throws LEDGER_ORG_REQUIRED when the actor works for several organizations and named none;
 * NOT_FOUND for an organization the actor does not work for.
 */
export async function createLedgerEntry(ctx: ActorCtx, input: LedgerEntryCreate): Promise<LedgerEntry> {
  const organizations = actorOrganizations(ctx);
  const orgId = input.org_id ?? (organizations.length === 1 ? organizations[0] : undefined);
  if (!orgId) {
    throw new AppError("LEDGER_ORG_REQUIRED");
  }
  if (!organizations.includes(orgId)) {
    throw notFound();
  }
  return withTx(ctx, async (tx) => {
    const organization = (await getOrganizations(tx, [orgId])).get(orgId);
    if (!organization) {
      throw notFound();
    }
    const [row] = await tx.db
      .insert(fundingLedger)
      .values({
        areaCode: organization.area_code,
        orgId,
        source: input.source,
        amountFen: input.amount_fen,
        paidOn: input.paid_on,
        description: input.description,
        createdBy: tx.actor.userId,
        createdAt: tx.now(),
      })
      .returning();
    const entry = row as OrganizationIncomeRow;
    await tx.audit.record("projects.ledger_record", {
      entityType: "funding_ledger",
      entityId: entry.id,
      areaCode: entry.areaCode,
      detail: { org: orgId, source: entry.source, amount_fen: entry.amountFen, paid_on: entry.paidOn },
    });
    return presentEntry(entry, organization.name);
  });
}
