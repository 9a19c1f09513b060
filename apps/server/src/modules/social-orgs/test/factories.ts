import { randomBytes } from "node:crypto";
import type { Ctx } from "../../../platform/ctx.js";
import { socialOrgs } from "../schema.js";

/** Creates a social organization serving `areaCode`; returns its id. */
export async function buildSocialOrg(ctx: Ctx, areaCode: string, overrides: { name?: string } = {}): Promise<{ id: string; name: string }> {
  const name = overrides.name ?? `测试社会组织 ${randomBytes(3).toString("hex")}`;
  const [row] = await ctx.db.insert(socialOrgs).values({ name, areaCode, isSocialWorkAgency: "yes" }).returning({ id: socialOrgs.id });
  if (!row) {
    throw new Error("social org not created");
  }
  return { id: row.id, name };
}
