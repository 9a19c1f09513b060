import { sql } from "drizzle-orm";
import { withTx, type Ctx } from "../ctx.js";
import { queryRows } from "../db/client.js";
import type { Job } from "../module.js";

/** What an escalation sweep did: items escalated and notifications sent. */
export type EscalationResult = { escalated: number; notifications: number };

/** One batch of a sweep: what it escalated, and whether it was full (more may wait). */
export type EscalationBatch = EscalationResult & { full: boolean };

/**
 * Runs `escalateBatch` batch after batch, each in its own transaction holding the advisory lock
 * `lockKey` (one sweeper at a time across servers; the caller's unique index is the final guard), and
 * adds up the results. Stops when a batch is not full or escalated nothing, or at once when another
 * sweep holds the lock.
 */
export async function sweepEscalations(
  ctx: Ctx,
  lockKey: number,
  escalateBatch: (tx: Ctx) => Promise<EscalationBatch>,
): Promise<EscalationResult> {
  const total: EscalationResult = { escalated: 0, notifications: 0 };
  for (;;) {
    const batch = await withTx(ctx, async (tx) => {
      const [lock] = await queryRows<{ locked: boolean }>(tx.db, sql`SELECT pg_try_advisory_xact_lock(${lockKey}) AS locked`);
      return lock?.locked ? escalateBatch(tx) : null;
    });
    if (!batch) {
      return total;
    }
    total.escalated += batch.escalated;
    total.notifications += batch.notifications;
    if (!batch.full || batch.escalated === 0) {
      return total;
    }
  }
}

/**
 * A job of the "escalate" phase that runs `escalate` once and reports
 * "<n> <things> escalated, <m> notifications sent".
 */
export function escalationJob(options: {
  name: string;
  description: string;
  things: string;
  escalate: (ctx: Ctx) => Promise<EscalationResult>;
}): Job {
  return {
    name: options.name,
    description: options.description,
    phase: "escalate",
    async run(ctx) {
      const result = await options.escalate(ctx);
      return {
        summary: `${result.escalated} ${options.things} escalated, ${result.notifications} notifications sent`,
        changed: result.escalated > 0,
      };
    },
  };
}
