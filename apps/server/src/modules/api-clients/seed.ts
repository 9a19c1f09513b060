import { eq } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import { apiClients } from "./schema.js";
import { hashKey, insertApiClient } from "./service.js";

/** The demo world's Open311 client and its published key (never use this key outside the demo). */
export const demoOpen311Key = "demo-open311-key";
export const demoOpen311ClientName = "郑州市12345热线（演示）";

/** One Open311 client for the city, once. */
export async function seedApiClients(ctx: Ctx): Promise<void> {
  const [existing] = await ctx.db
    .select({ id: apiClients.id })
    .from(apiClients)
    .where(eq(apiClients.keyHash, hashKey(demoOpen311Key)));
  if (existing) {
    return;
  }
  await insertApiClient(ctx, { name: demoOpen311ClientName, area_code: "4101" }, demoOpen311Key, null);
}
