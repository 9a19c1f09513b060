import type { AuditVerification } from "@sanshe/contracts";
import type { ActorCtx } from "../../platform/ctx.js";
import { sealAll, verifyAuditChain } from "../../platform/audit/chain.js";

/**
 * Seals what is pending, then recomputes the whole hash chain and records that a verification ran.
 * The chain is global (one sequence for the platform), so any auditor may verify all of it.
 */
export async function verifyChain(ctx: ActorCtx): Promise<AuditVerification> {
  await sealAll(ctx.db);
  const result = await verifyAuditChain(ctx.db);
  await ctx.audit.record("audit.verify", {
    outcome: result.ok ? "success" : "failure",
    detail: { verified: result.verified, first_broken: result.firstBroken },
  });
  return { ok: result.ok, verified: result.verified, first_broken: result.firstBroken, sealed_until: result.sealedUntil };
}
