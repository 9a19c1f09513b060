import type { ServiceTier } from "@sanshe/contracts";
import type { Ctx } from "../../platform/ctx.js";
import { needCategories } from "./schema.js";

type CategorySeed = {
  code: string;
  name: string;
  nameEn: string;
  tier: ServiceTier;
  respondWithinHours: number;
  resolveWithinDays: number;
};

/** One category: code, zh-CN and English names, default tier, hours to respond and days to resolve. */
const categorySeed = (
  code: string,
  name: string,
  nameEn: string,
  tier: ServiceTier,
  respondWithinHours: number,
  resolveWithinDays: number,
): CategorySeed => ({ code, name, nameEn, tier, respondWithinHours, resolveWithinDays });

/** The need taxonomy (需求类别) with default tier and service-level clock. */
export const categorySeeds: readonly CategorySeed[] = [
  categorySeed("elderly_care", "养老照护", "Elderly care", "special", 24, 7),
  categorySeed("disability", "助残服务", "Disability support", "special", 24, 7),
  categorySeed("children_youth", "儿童青少年", "Children and youth", "special", 48, 14),
  categorySeed("employment", "就业帮扶", "Employment support", "public", 48, 30),
  categorySeed("counseling", "心理疏导", "Psychological support", "professional", 24, 14),
  categorySeed("legal_aid", "法律援助", "Legal aid", "professional", 48, 30),
  categorySeed("health", "医疗健康", "Health", "public", 24, 7),
  categorySeed("social_assistance", "社会救助", "Social assistance", "public", 24, 15),
  categorySeed("neighbor_dispute", "邻里纠纷", "Neighbour disputes", "public", 24, 7),
  categorySeed("sanitation", "环境卫生", "Sanitation", "public", 24, 3),
  categorySeed("repairs", "设施维修", "Facility repairs", "public", 24, 5),
  categorySeed("culture_sports", "文体活动", "Culture and sports", "developmental", 72, 30),
  categorySeed("housekeeping", "家政便民", "Housekeeping", "personalized", 48, 7),
  categorySeed("other", "其他", "Other", "public", 48, 14),
];

/** Inserts or refreshes the categories (idempotent, independent of migrations); used by seeds and the test template. */
export async function seedNeedCategories(ctx: Ctx): Promise<void> {
  for (const [index, category] of categorySeeds.entries()) {
    const values = { ...category, sortOrder: (index + 1) * 10 };
    await ctx.db.insert(needCategories).values(values).onConflictDoUpdate({ target: needCategories.code, set: values });
  }
}
