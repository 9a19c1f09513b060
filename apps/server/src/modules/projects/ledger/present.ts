import type { LedgerEntry } from "@sanshe/contracts";
import type { fundingLedger } from "../schema.js";

/** A ledger row with its organization's name. */
export function presentEntry(row: typeof fundingLedger.$inferSelect, orgName: string): LedgerEntry {
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
