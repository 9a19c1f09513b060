import { sql } from "drizzle-orm";
import type { Ctx } from "../../../platform/ctx.js";
import { fundingLedger } from "../schema.js";

export type TaskCredit = {
  adminTaskId: string;
  /** The target community (the ledger holder). */
  communityCode: string;
  amountFen: number;
  paidOn: string;
  description: string;
};

/**
 * 费随事转: credits an admitted task's funding to a target community's ledger, once per task and
 * community (a retry or a second sweep credits nothing). Runs in the caller's transaction.
 * @returns the ledger row's id, or null when this credit was already written
 */
export async function creditTaskFunding(tx: Ctx, credit: TaskCredit): Promise<string | null> {
  const rows = await tx.db
    .insert(fundingLedger)
    .values({
      areaCode: credit.communityCode,
      holderKind: "community",
      orgId: null,
      direction: "in",
      source: "task_funding",
      amountFen: credit.amountFen,
      paidOn: credit.paidOn,
      adminTaskId: credit.adminTaskId,
      description: credit.description,
      createdAt: tx.now(),
    })
    .onConflictDoNothing({
      target: [fundingLedger.adminTaskId, fundingLedger.areaCode],
      where: sql`${fundingLedger.source} = 'task_funding'`,
    })
    .returning({ id: fundingLedger.id });
  return rows[0]?.id ?? null;
}
