import { inArray } from "drizzle-orm";
import {
  usccCheckCharacter,
  type FundingSource,
  type SocialOrgCategory,
  type SocialOrgGrade,
  type SocialOrgLegalForm,
} from "@sanshe/contracts";
import { withTx, type Ctx } from "../../platform/ctx.js";
import { socialOrgs, socialOrgServiceAreas, socialOrgStations } from "./schema.js";
import { seededRandom } from "../../platform/seed.js";

/** The demo social-work agency serving 金水区 (fictional, marked 演示); memberships reference it by name. */
export const demoAgencyName = "金水区丰乐社工服务中心（演示）";

const usccBodyAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const prefixByForm: Record<SocialOrgLegalForm, string> = { association: "51", private_non_enterprise: "52", foundation: "53" };

/** A well-formed civil-affairs credit code: 51/52/53 + area + 9 characters + the GB 32100 check character. */
export function demoUscc(form: SocialOrgLegalForm, area: string, random: () => number): string {
  let body = "";
  for (let index = 0; index < 9; index += 1) {
    body += usccBodyAlphabet[Math.floor(random() * usccBodyAlphabet.length)];
  }
  const first17 = `${prefixByForm[form]}${area}${body}`;
  return first17 + usccCheckCharacter(first17);
}

type Theme = { name: string; category: SocialOrgCategory; form: SocialOrgLegalForm; description: string; agency?: boolean };

/** One theme: name, category, legal form, description, and whether it is a social-work agency. */
const theme = (name: string, category: SocialOrgCategory, form: SocialOrgLegalForm, description: string, agency?: true): Theme => ({
  name,
  category,
  form,
  description,
  ...(agency ? { agency } : {}),
});

const themes: Theme[] = [
  theme("颐养老年服务中心", "life_services", "private_non_enterprise", "为辖区老年人提供助餐、助浴和日间照料服务。"),
  theme("丰乐社工服务中心", "comprehensive", "private_non_enterprise", "专业社会工作服务机构，承接社区治理和困难群众帮扶项目。", true),
  theme("同心社会工作服务社", "comprehensive", "private_non_enterprise", "开展社区矫正、青少年服务和居家养老探访。", true),
  theme("阳光青少年成长服务中心", "charity", "private_non_enterprise", "为青少年提供课后托管和心理支持。"),
  theme("书画艺术协会", "culture_sports", "association", "组织书法、国画交流和社区展览。"),
  theme("慈善基金会", "charity", "foundation", "资助困难家庭和社区公益项目。"),
  theme("邻里互助服务中心", "life_services", "private_non_enterprise", "组织邻里互助、便民维修和志愿服务。"),
  theme("太极拳协会", "culture_sports", "association", "组织居民晨练和太极拳培训。"),
  theme("残障人士康复服务中心", "charity", "private_non_enterprise", "为残障人士提供康复训练和就业辅导。"),
  theme("心桥社会工作服务中心", "rights", "private_non_enterprise", "开展婚姻家庭调解和法律援助转介。", true),
  theme("消费者权益服务站", "rights", "association", "为居民提供消费维权咨询。"),
  theme("家庭教育促进会", "comprehensive", "association", "开展家庭教育讲座和亲子活动。"),
  theme("暖心助老志愿服务中心", "life_services", "private_non_enterprise", "探访独居老人，开展居家养老上门服务。"),
  theme("社区发展基金会", "comprehensive", "foundation", "支持社区营造和居民自治项目。"),
  theme("合唱团协会", "culture_sports", "association", "组织社区合唱排练和演出。"),
  theme("绿色家园环保服务中心", "charity", "private_non_enterprise", "推动垃圾分类和社区绿化。"),
  theme("新市民融入服务中心", "rights", "private_non_enterprise", "为外来务工人员提供融入服务和权益咨询。", true),
  theme("全民健身促进会", "culture_sports", "association", "组织广场舞、健步走等健身活动。"),
];

const filedThemes: Array<{ name: string; category: SocialOrgCategory; description: string }> = [
  { name: "广场舞队", category: "culture_sports", description: "社区居民自发组织的广场舞队。" },
  { name: "老年协会", category: "life_services", description: "社区老年人自治组织，协助开展居家养老互助。" },
  { name: "志愿者服务队", category: "charity", description: "社区志愿者服务队，参与环境整治和助老服务。" },
  { name: "调解委员会", category: "rights", description: "社区居民纠纷调解组织。" },
];

const grades: Array<SocialOrgGrade | null> = ["1A", "2A", "3A", "4A", "5A", null];
const funding: FundingSource[] = ["gov_purchase", "gov_subsidy", "self_income", "donation", "corporate", "resident", "foundation"];
const districts = [
  { code: "410105", name: "金水区" },
  { code: "410103", name: "二七区" },
];
/** 南阳新村街道's communities (011 does not exist). */
const nanyangCommunities = ["001", "002", "003", "004", "005", "006", "007", "008", "009", "010", "012", "013"].map((n) => `410105007${n}`);

type SeedOrg = typeof socialOrgs.$inferInsert & { serviceAreas: string[]; stations: Array<{ areaCode: string; since: string }> };

/** The demo organizations (about 40), deterministic. */
export function demoSocialOrgs(): SeedOrg[] {
  const random = seededRandom(20261127);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const orgs: SeedOrg[] = [];
  districts.forEach((district, districtIndex) => {
    themes.forEach((theme, themeIndex) => {
      const isHome = district.code === "410105";
      const name = `${district.name}${theme.name}（演示）`;
      if (!isHome && (theme.name === "颐养老年服务中心" || theme.name === "丰乐社工服务中心")) {
        return;
      }
      const grade = grades[(themeIndex + districtIndex) % grades.length] ?? null;
      const year = 2015 + Math.floor(random() * 10);
      const stations = isHome
        ? [...new Set([pick(nanyangCommunities), pick(nanyangCommunities)])].map((areaCode) => ({ areaCode, since: `${year + 1}-03-01` }))
        : [];
      orgs.push({
        name,
        areaCode: district.code,
        uscc: demoUscc(theme.form, district.code, random),
        legalForm: theme.form,
        registration: "registered",
        category: theme.category,
        grade,
        gradeYear: grade ? 2023 + (themeIndex % 3) : null,
        foundedOn: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
        staffCount: 3 + Math.floor(random() * 40),
        socialWorkerCount: theme.agency ? 5 + Math.floor(random() * 20) : Math.floor(random() * 4),
        fundingSources: [...new Set([pick(funding), pick(funding)])],
        status: themeIndex === 10 && !isHome ? "suspended" : themeIndex === 14 && !isHome ? "deregistered" : "active",
        isSocialWorkAgency: theme.agency ?? false,
        description: theme.description,
        contactPhone: `0371-6${String(1000000 + Math.floor(random() * 8999999)).slice(0, 7)}`,
        contactAddress: `郑州市${district.name}演示路${1 + Math.floor(random() * 200)}号`,
        contactEmail: null,
        serviceAreas: isHome && themeIndex % 4 === 0 ? ["410105007", "410103"] : [],
        stations,
      });
    });
  });
  nanyangCommunities.slice(0, 6).forEach((community, index) => {
    const theme = filedThemes[index % filedThemes.length] as (typeof filedThemes)[number];
    orgs.push({
      name: `南阳新村第${index + 1}社区${theme.name}（演示）`,
      areaCode: community,
      uscc: null,
      legalForm: null,
      registration: "filed",
      category: theme.category,
      grade: null,
      gradeYear: null,
      foundedOn: `20${18 + index}-06-01`,
      staffCount: 5 + index,
      socialWorkerCount: 0,
      fundingSources: ["resident"],
      status: "active",
      isSocialWorkAgency: false,
      description: theme.description,
      contactPhone: null,
      contactAddress: null,
      contactEmail: null,
      serviceAreas: [community],
      stations: [{ areaCode: community, since: `20${18 + index}-06-01` }],
    });
  });
  return orgs;
}

/** Loads the demo organizations that are missing (idempotent by name), with service areas and stations. */
export async function seedSocialOrgs(ctx: Ctx): Promise<void> {
  const orgs = demoSocialOrgs();
  const existing = await ctx.db
    .select({ name: socialOrgs.name })
    .from(socialOrgs)
    .where(
      inArray(
        socialOrgs.name,
        orgs.map((org) => org.name),
      ),
    );
  const have = new Set(existing.map((row) => row.name));
  const missing = orgs.filter((org) => !have.has(org.name));
  if (missing.length === 0) {
    return;
  }
  await withTx(ctx, async (tx) => {
    const inserted = await tx.db
      .insert(socialOrgs)
      .values(missing.map(({ serviceAreas: _areas, stations: _stations, ...org }) => org))
      .onConflictDoNothing()
      .returning({ id: socialOrgs.id, name: socialOrgs.name });
    const idByName = new Map(inserted.map((row) => [row.name, row.id]));
    const areas = missing.flatMap((org) => {
      const orgId = idByName.get(org.name);
      return orgId ? org.serviceAreas.map((areaCode) => ({ orgId, areaCode })) : [];
    });
    const stations = missing.flatMap((org) => {
      const orgId = idByName.get(org.name);
      return orgId ? org.stations.map((station) => ({ orgId, ...station })) : [];
    });
    if (areas.length > 0) {
      await tx.db.insert(socialOrgServiceAreas).values(areas);
    }
    if (stations.length > 0) {
      await tx.db.insert(socialOrgStations).values(stations);
    }
    await tx.audit.record("social_orgs.seed", {
      entityType: "social_org",
      areaCode: "4101",
      detail: { seed: "demo", inserted: inserted.length },
    });
  });
}
