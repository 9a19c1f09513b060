import type { Ctx } from "../../platform/ctx.js";
import { accountOfResident } from "../residents/index.js";
import type { needs } from "./schema.js";

type NeedOwner = Pick<typeof needs.$inferSelect, "channel" | "createdBy" | "residentId">;

/**
 * The account of the resident a need belongs to: whoever reported it in the portal, else the account
 * linked to the resident record it is recorded for; null when nobody can confirm it themself.
 */
export async function residentAccountOf(ctx: Ctx, need: NeedOwner): Promise<string | null> {
  if (need.channel === "portal" && need.createdBy !== null) {
    return need.createdBy;
  }
  return need.residentId === null ? null : accountOfResident(ctx, need.residentId);
}

/**
 * Whether the need's resident can confirm it themself: they reported it in the portal, or the
 * resident record it is recorded for is linked to an account (then staff wait before a call-back).
 */
export async function residentHasAccount(ctx: Ctx, need: NeedOwner): Promise<boolean> {
  return (await residentAccountOf(ctx, need)) !== null;
}
