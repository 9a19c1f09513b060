import type { LedgerEntry } from "@sanshe/contracts";
import type { fundingLedger } from "../schema.js";

/** A row of money in to an organization (the rows the ledger endpoints answer). */
export type OrganizationIncomeRow = typeof fundingLedger.$inferSelect & { orgId: string; source: LedgerEntry["source"] };

/** A ledger row with its organization's name. */
export function presentEntry(row: OrganizationIncomeRow, orgName: string): LedgerEntry {
  return {
    id: row.id,
    area_code: row.areaCode,
    org_id: row.orgId,
    org_name: orgName,
    source: row.source,
    amount_fen: row.amountFen,
    paid_on: row.paidOn,
    contract_id: row.contractId,
    milestone_id: row.milestoneId,
    description: row.description,
    created_at: row.createdAt.toISOString(),
  };
}
