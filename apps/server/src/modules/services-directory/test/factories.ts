import { randomBytes } from "node:crypto";
import type { Ctx } from "../../../platform/ctx.js";
import { services } from "../schema.js";

type Overrides = Partial<typeof services.$inferInsert>;

/**
 * Creates a service directly (no access checks). Without a provider it is a community service of
 * `areaCode`; pass `organizationId` (and the org's home area as `areaCode`) for an organization service.
 */
export async function buildService(ctx: Ctx, areaCode: string, overrides: Overrides = {}): Promise<typeof services.$inferSelect> {
  const isOrg = Boolean(overrides.organizationId);
  const [row] = await ctx.db
    .insert(services)
    .values({
      providerKind: isOrg ? "organization" : "community",
      communityCode: isOrg ? null : areaCode,
      name: `测试服务 ${randomBytes(3).toString("hex")}`,
      description: "测试用的服务说明",
      category: "elderly_care",
      tier: "public",
      priceKind: "free",
      serviceAreaCodes: [areaCode],
      schedule: "周一至周五 9:00-17:00",
      contactPhone: "0371-12345678",
      status: "published",
      ...overrides,
      areaCode,
    })
    .returning();
  if (!row) {
    throw new Error("service not created");
  }
  return row;
}
