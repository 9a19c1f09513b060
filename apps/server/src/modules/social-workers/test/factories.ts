import { randomBytes } from "node:crypto";
import type { SocialWorkerLevel } from "@sanshe/contracts";
import type { Ctx } from "../../../platform/ctx.js";
import { socialWorkerCommunities, socialWorkers, socialWorkerTrainings } from "../schema.js";

/** Creates a social worker directly (no access checks); returns its id and certificate number. */
export async function buildSocialWorker(
  ctx: Ctx,
  overrides: {
    organizationId: string;
    areaCode: string;
    communities?: string[];
    name?: string;
    level?: SocialWorkerLevel;
    certificateNo?: string | null;
    status?: "active" | "left";
  },
): Promise<{ id: string; certificateNo: string | null }> {
  const certificateNo =
    overrides.certificateNo === undefined ? `T-${randomBytes(4).toString("hex").toUpperCase()}` : overrides.certificateNo;
  const [row] = await ctx.db
    .insert(socialWorkers)
    .values({
      name: overrides.name ?? `测试社工${randomBytes(2).toString("hex")}`,
      level: overrides.level ?? "social_worker",
      certificateNo,
      organizationId: overrides.organizationId,
      areaCode: overrides.areaCode,
      status: overrides.status ?? "active",
    })
    .returning({ id: socialWorkers.id });
  if (!row) {
    throw new Error("social worker not created");
  }
  if (overrides.communities?.length) {
    await ctx.db.insert(socialWorkerCommunities).values(overrides.communities.map((areaCode) => ({ workerId: row.id, areaCode })));
  }
  return { id: row.id, certificateNo };
}

/** Adds a training record to a worker. */
export async function buildTraining(ctx: Ctx, workerId: string, date: string, hours: number): Promise<void> {
  await ctx.db.insert(socialWorkerTrainings).values({ workerId, date, hours: String(hours), topic: "测试培训" });
}
