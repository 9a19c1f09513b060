import { withTx, type Ctx } from "../../platform/ctx.js";
import { socialOrgs } from "./schema.js";
import { findOrganizationByName } from "./queries.js";

/** The demo social-work agency serving 金水区 (fictional, marked 演示). */
export const demoAgencyName = "金水区丰乐社工服务中心（演示）";

export async function seedSocialOrgs(ctx: Ctx): Promise<void> {
  if (await findOrganizationByName(ctx, demoAgencyName)) {
    return;
  }
  await withTx(ctx, async (tx) => {
    const [org] = await tx.db
      .insert(socialOrgs)
      .values({ name: demoAgencyName, areaCode: "410105", isSocialWorkAgency: "yes" })
      .returning({ id: socialOrgs.id });
    await tx.audit.record("social_orgs.create", {
      entityType: "social_org",
      entityId: org?.id,
      areaCode: "410105",
      detail: { seed: "demo" },
    });
  });
}
