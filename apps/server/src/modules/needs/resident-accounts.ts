import type { Ctx } from "../../platform/ctx.js";
import type { needs } from "./schema.js";

// Integration point with the resident-account link (issue 13 finding 5); replaced by the residents
// module's functions when that lands.
export async function linkedResidentOf(
  _ctx: Ctx,
  _userId: string,
): Promise<{ residentId: string; areaCode: string; groups: string[] } | null> {
  return null;
}

export async function accountOfResident(_ctx: Ctx, _residentId: string): Promise<string | null> {
  return null;
}

/**
 * Whether the need's resident can confirm it themself: they reported it in the portal, or the
 * resident record it is recorded for is linked to an account.
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
