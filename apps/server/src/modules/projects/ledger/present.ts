import type { LedgerEntry } from "@sanshe/contracts";
import type { fundingLedger } from "../schema.js";

export type LedgerRow = typeof fundingLedger.$inferSelect;

/** A ledger row with its holder's name and the number of its attachments. */
export function presentEntry(row: LedgerRow, holderName: string, attachments = 0): LedgerEntry {
  const isOrganization = row.holderKind === "organization";
  return {
    id: row.id,
    area_code: row.areaCode,
    holder_kind: row.holderKind,
    org_id: row.orgId,
    org_name: isOrganization ? holderName : null,
    community_code: isOrganization ? null : row.areaCode,
    holder_name: holderName,
    direction: row.direction,
    source: row.source,
    purpose: row.purpose,
    amount_fen: row.amountFen,
    paid_on: row.paidOn,
    contract_id: row.contractId,
    milestone_id: row.milestoneId,
    admin_task_id: row.adminTaskId,
    reference: row.reference,
    voucher_no: row.voucherNo,
    description: row.description,
    attachments,
    created_at: row.createdAt.toISOString(),
  };
}
