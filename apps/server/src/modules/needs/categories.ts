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

/** The need taxonomy (需求类别) with default tier and service-level clock. */
export const categorySeeds: readonly CategorySeed[] = [
  { code: "elderly_care", name: "养老照护", nameEn: "Elderly care", tier: "special", respondWithinHours: 24, resolveWithinDays: 7 },
  { code: "disability", name: "助残服务", nameEn: "Disability support", tier: "special", respondWithinHours: 24, resolveWithinDays: 7 },
  {
    code: "children_youth",
    name: "儿童青少年",
    nameEn: "Children and youth",
    tier: "special",
    respondWithinHours: 48,
    resolveWithinDays: 14,
  },
  { code: "employment", name: "就业帮扶", nameEn: "Employment support", tier: "public", respondWithinHours: 48, resolveWithinDays: 30 },
  {
    code: "counseling",
    name: "心理疏导",
    nameEn: "Psychological support",
    tier: "professional",
    respondWithinHours: 24,
    resolveWithinDays: 14,
  },
  { code: "legal_aid", name: "法律援助", nameEn: "Legal aid", tier: "professional", respondWithinHours: 48, resolveWithinDays: 30 },
  { code: "health", name: "医疗健康", nameEn: "Health", tier: "public", respondWithinHours: 24, resolveWithinDays: 7 },
  {
    code: "social_assistance",
    name: "社会救助",
    nameEn: "Social assistance",
    tier: "public",
    respondWithinHours: 24,
    resolveWithinDays: 15,
  },
  {
    code: "neighbor_dispute",
    name: "邻里纠纷",
    nameEn: "Neighbour disputes",
    tier: "public",
    respondWithinHours: 24,
    resolveWithinDays: 7,
  },
  { code: "sanitation", name: "环境卫生", nameEn: "Sanitation", tier: "public", respondWithinHours: 24, resolveWithinDays: 3 },
  { code: "repairs", name: "设施维修", nameEn: "Facility repairs", tier: "public", respondWithinHours: 24, resolveWithinDays: 5 },
  {
    code: "culture_sports",
    name: "文体活动",
    nameEn: "Culture and sports",
    tier: "developmental",
    respondWithinHours: 72,
    resolveWithinDays: 30,
  },
  { code: "housekeeping", name: "家政便民", nameEn: "Housekeeping", tier: "personalized", respondWithinHours: 48, resolveWithinDays: 7 },
  { code: "other", name: "其他", nameEn: "Other", tier: "public", respondWithinHours: 48, resolveWithinDays: 14 },
];

/** Inserts or refreshes the categories (idempotent, independent of migrations); used by seeds and the test template. */
export async function seedNeedCategories(ctx: Ctx): Promise<void> {
  for (const [index, category] of categorySeeds.entries()) {
    const values = { ...category, sortOrder: (index + 1) * 10 };
    await ctx.db.insert(needCategories).values(values).onConflictDoUpdate({ target: needCategories.code, set: values });
  }
}
