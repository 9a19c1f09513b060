import { like } from "drizzle-orm";
import type { ServiceCategory, ServiceTier } from "@sanshe/contracts";
import { withTx, type Ctx } from "../../platform/ctx.js";
import type { SeedOptions } from "../../platform/module.js";
import { areaExists } from "../jurisdictions/index.js";
import { demoAgencyName, findOrganizationByName } from "../social-orgs/index.js";
import { services } from "./schema.js";
import { seededRandom } from "../../platform/seed.js";

/** 南阳新村街道's communities (011 does not exist). */
const communities = ["001", "002", "003", "004", "005", "006", "007", "008", "009", "010", "012", "013"].map((n) => `410105007${n}`);

type Template = {
  name: string;
  description: string;
  category: ServiceCategory;
  tier: ServiceTier;
  price: "free" | "low_cost" | "paid";
  fen?: number;
  groups?: string[];
  ages?: [number | null, number | null];
  schedule: string;
};

const organizationServices: Array<Template & { org: string }> = [
  {
    org: demoAgencyName,
    name: "独居老人定期探访（演示）",
    description: "社工每周上门探访独居老人，了解生活状况，链接助餐、助医资源。",
    category: "elderly_care",
    tier: "professional",
    price: "free",
    groups: ["elderly_alone"],
    ages: [60, null],
    schedule: "周一至周五 9:00-17:00",
  },
  {
    org: demoAgencyName,
    name: "心理疏导个案服务（演示）",
    description: "持证社工提供一对一心理疏导和危机干预，保护隐私。",
    category: "counseling",
    tier: "professional",
    price: "free",
    schedule: "周二、周四 14:00-17:00（需预约）",
  },
  {
    org: demoAgencyName,
    name: "困难家庭救助申请协助（演示）",
    description: "协助低收入家庭申请低保、临时救助，代办材料。",
    category: "social_assistance",
    tier: "professional",
    price: "free",
    groups: ["low_income"],
    schedule: "周一至周五 9:00-12:00",
  },
  {
    org: "金水区颐养老年服务中心（演示）",
    name: "老年助餐配送（演示）",
    description: "为高龄和行动不便老人提供午餐配送，每餐低偿收费。",
    category: "elderly_care",
    tier: "special",
    price: "low_cost",
    fen: 800,
    groups: ["elderly_alone"],
    ages: [70, null],
    schedule: "每日 11:00-12:30",
  },
  {
    org: "金水区颐养老年服务中心（演示）",
    name: "居家助浴服务（演示）",
    description: "专业护理员上门助浴，配备防滑和安全设备。",
    category: "elderly_care",
    tier: "personalized",
    price: "paid",
    fen: 6000,
    ages: [60, null],
    schedule: "周一至周六 9:00-17:00（需预约）",
  },
  {
    org: "金水区阳光青少年成长服务中心（演示）",
    name: "四点半课堂（演示）",
    description: "放学后作业辅导和兴趣活动，志愿者教师带队。",
    category: "children_youth",
    tier: "special",
    price: "free",
    groups: ["minor"],
    ages: [6, 14],
    schedule: "周一至周五 16:30-18:30",
  },
  {
    org: "金水区阳光青少年成长服务中心（演示）",
    name: "暑期托管班（演示）",
    description: "暑假期间全天托管，含午餐和安全看护。",
    category: "children_youth",
    tier: "personalized",
    price: "paid",
    fen: 30000,
    groups: ["minor"],
    ages: [6, 12],
    schedule: "7月-8月 周一至周五 8:00-17:30",
  },
  {
    org: "金水区残障人士康复服务中心（演示）",
    name: "残疾人康复训练（演示）",
    description: "肢体和语言康复训练，康复师一对一指导。",
    category: "disability",
    tier: "special",
    price: "low_cost",
    fen: 1000,
    groups: ["disabled"],
    schedule: "周一至周五 8:30-16:30",
  },
  {
    org: "金水区残障人士康复服务中心（演示）",
    name: "残疾人就业辅导（演示）",
    description: "职业评估、技能培训和岗位推荐。",
    category: "employment",
    tier: "special",
    price: "free",
    groups: ["disabled", "unemployed"],
    ages: [16, 60],
    schedule: "每周三 9:00-16:00",
  },
  {
    org: "金水区心桥社会工作服务中心（演示）",
    name: "婚姻家庭调解（演示）",
    description: "社工和调解员协助化解家庭矛盾和邻里纠纷。",
    category: "mediation",
    tier: "professional",
    price: "free",
    schedule: "周一至周五 9:00-17:00",
  },
  {
    org: "金水区心桥社会工作服务中心（演示）",
    name: "新市民融入服务（演示）",
    description: "帮助外来务工人员办理居住证、子女入学咨询和社区融入活动。",
    category: "employment",
    tier: "special",
    price: "free",
    groups: ["migrant"],
    schedule: "周六 9:00-12:00",
  },
];

const communityServices: Template[] = [
  {
    name: "社区法律咨询（演示）",
    description: "律师每月驻点，提供免费法律咨询和法律援助申请指引。",
    category: "legal_aid",
    tier: "public",
    price: "free",
    schedule: "每月第一个周三 9:00-11:30",
  },
  {
    name: "家电小修小补（演示）",
    description: "志愿者维修小家电、更换灯泡水龙头，只收材料费。",
    category: "repairs",
    tier: "developmental",
    price: "low_cost",
    fen: 500,
    schedule: "每周六 9:00-11:00",
  },
  {
    name: "社区健康讲座与血压测量（演示）",
    description: "社区卫生服务站医生测量血压、血糖，讲解慢病管理。",
    category: "health",
    tier: "public",
    price: "free",
    ages: [50, null],
    schedule: "每周四 8:30-10:30",
  },
  {
    name: "广场舞与太极晨练（演示）",
    description: "居民文体队组织晨练，欢迎加入。",
    category: "culture_sports",
    tier: "developmental",
    price: "free",
    schedule: "每日 6:30-7:30",
  },
  {
    name: "垃圾分类指导（演示）",
    description: "楼栋长和志愿者指导垃圾分类、回收旧衣物。",
    category: "environment",
    tier: "public",
    price: "free",
    schedule: "每日 7:00-9:00、18:00-20:00",
  },
  {
    name: "退役军人服务站（演示）",
    description: "优抚政策咨询、困难帮扶和走访慰问。",
    category: "social_assistance",
    tier: "public",
    price: "free",
    groups: ["veteran_family"],
    schedule: "周一至周五 9:00-17:00",
  },
  {
    name: "社区就业岗位推荐（演示）",
    description: "发布辖区招聘信息，登记失业人员求职意向。",
    category: "employment",
    tier: "public",
    price: "free",
    groups: ["unemployed"],
    ages: [16, 65],
    schedule: "周一至周五 9:00-17:00",
  },
  {
    name: "日间照料中心托老（演示）",
    description: "白天托管老人，提供午餐、午休和文娱活动。",
    category: "elderly_care",
    tier: "public",
    price: "low_cost",
    fen: 1500,
    ages: [60, null],
    schedule: "周一至周五 8:00-17:00",
  },
];

const prefix = "（演示）";

/**
 * About 25 published demo services: the demo organizations' services for 金水区 and 南阳新村 communities'
 * own services, across categories, tiers and price kinds. Idempotent: skipped when demo services exist.
 */
export async function seedServices(ctx: Ctx, _options: SeedOptions): Promise<void> {
  if (!(await areaExists(ctx, communities[0] as string))) {
    return;
  }
  const existing = await ctx.db
    .select({ id: services.id })
    .from(services)
    .where(like(services.name, `%${prefix}`))
    .limit(1);
  if (existing.length > 0) {
    return;
  }
  const random = seededRandom(20_261_127);
  const phone = () => `0371-6${String(Math.floor(random() * 10_000_000)).padStart(7, "0")}`;
  const base = (template: Template) => ({
    name: template.name,
    description: template.description,
    category: template.category,
    tier: template.tier,
    priceKind: template.price,
    priceFen: template.fen ?? null,
    eligibilityGroups: template.groups ?? [],
    minAge: template.ages?.[0] ?? null,
    maxAge: template.ages?.[1] ?? null,
    schedule: template.schedule,
    contactPhone: phone(),
    status: "published" as const,
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
  });
  await withTx(ctx, async (tx) => {
    for (const template of organizationServices) {
      const organization = await findOrganizationByName(tx, template.org);
      if (!organization) {
        continue;
      }
      await tx.db.insert(services).values({
        ...base(template),
        areaCode: organization.area_code,
        providerKind: "organization",
        organizationId: organization.id,
        serviceAreaCodes: ["410105007"],
        locationAddress: `郑州市金水区演示路${1 + Math.floor(random() * 200)}号`,
      });
    }
    // Each community publishes a few of the community services (3 per community, rotating).
    for (const [index, community] of communities.entries()) {
      for (let offset = 0; offset < (index < 4 ? 2 : 1); offset += 1) {
        const template = communityServices[(index + offset * 3) % communityServices.length] as Template;
        await tx.db.insert(services).values({
          ...base(template),
          areaCode: community,
          providerKind: "community",
          communityCode: community,
          serviceAreaCodes: [community],
          locationAddress: `社区党群服务中心${1 + Math.floor(random() * 3)}楼`,
        });
      }
    }
  });
}
