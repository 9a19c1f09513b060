import type { Ctx } from "../../platform/ctx.js";
import { accountOfResident } from "../residents/index.js";
import type { needs } from "./schema.js";

/**
 * Whether the need's resident can confirm it themself: they reported it in the portal, or the
 * resident record it is recorded for is linked to an account (then staff wait before a call-back).
 */
export async function residentHasAccount(
  ctx: Ctx,
  need: Pick<typeof needs.$inferSelect, "channel" | "createdBy" | "residentId">,
): Promise<boolean> {
  if (need.channel === "portal" && need.createdBy !== null) {
    return true;
  }
  return need.residentId !== null && (await accountOfResident(ctx, need.residentId)) !== null;
}
