import { and, asc, eq, like, sql } from "drizzle-orm";
import type { LedgerPurpose, LedgerSource } from "@sanshe/contracts";
import { withTx, type Ctx } from "../../../platform/ctx.js";
import { seededRandom } from "../../../platform/seed.js";
import { queryRows } from "../../../platform/db/client.js";
import { areas } from "../../jurisdictions/index.js";
import { demoAgencyName, getOrganizations, organizationIdsUnder } from "../../social-orgs/index.js";
import { fundingLedger } from "../schema.js";

/**
 * The demo ledgers of 金水区 (410105): eight communities' money in and out over last year and this one,
 * shaped like Zhengzhou's survey (report figure 3-4: government purchase and subsidy about 57 %,
 * self-income about 24 %, the rest donations, residents, companies and foundations), and the money in
 * of most of the district's organizations, most of them living on their own paid services (figure 3-5);
 * the others are counted by the sources they declared. Task-funding credits (费随事转) come from the
 * admin-tasks seed, not from here. Loaded once: nothing happens when a demo voucher exists.
 */

const district = "410105";
const street = "410105007";
const marker = "DEMO-";

/** Shares of a community's money in (figure 3-4's shape). */
const communityIncome: Array<{ source: LedgerSource; share: number; what: string }> = [
  { source: "gov_subsidy", share: 0.42, what: "区财政社区服务经费补贴" },
  { source: "gov_purchase", share: 0.15, what: "街道购买社区养老服务经费" },
  { source: "self_income", share: 0.24, what: "社区服务场地与便民服务收入" },
  { source: "donation", share: 0.08, what: "辖区单位与居民爱心捐赠" },
  { source: "resident", share: 0.06, what: "居民自筹（楼院微更新）" },
  { source: "corporate", share: 0.03, what: "共建企业资助" },
  { source: "foundation", share: 0.02, what: "社区发展基金会小额资助" },
];

/** Shares of a community's money out (about 90 % of what came in). */
const communitySpending: Array<{ purpose: LedgerPurpose; share: number; what: string }> = [
  { purpose: "staff", share: 0.36, what: "社区专职工作者绩效补贴" },
  { purpose: "activity", share: 0.18, what: "邻里节与文体活动" },
  { purpose: "service", share: 0.16, what: "居家养老上门服务" },
  { purpose: "admin_task", share: 0.08, what: "上级部门交办事务支出" },
  { purpose: "operations", share: 0.09, what: "办公与党群服务中心运转" },
  { purpose: "other", share: 0.03, what: "其他支出" },
];

/** Organizations' main sources (figure 3-5: most live on their own paid services), cycled over the organizations. */
const organizationMains: LedgerSource[] = [
  "self_income",
  "self_income",
  "gov_purchase",
  "self_income",
  "gov_subsidy",
  "self_income",
  "donation",
  "self_income",
  "gov_purchase",
  "foundation",
  "self_income",
  "corporate",
];
const organizationWhat: Record<LedgerSource, string> = {
  gov_purchase: "政府购买服务项目经费",
  gov_subsidy: "社会组织培育补贴",
  task_funding: "任务经费",
  self_income: "有偿服务收入",
  donation: "社会捐赠",
  corporate: "企业资助",
  resident: "会员会费",
  foundation: "基金会项目资助",
};

/** Loads the demo ledgers once (see the file comment). */
export async function seedLedger(ctx: Ctx): Promise<void> {
  const [done] = await ctx.db
    .select({ id: fundingLedger.id })
    .from(fundingLedger)
    .where(like(fundingLedger.voucherNo, `${marker}%`))
    .limit(1);
  if (done) {
    return;
  }
  // Five communities of 南阳新村街道 (丰乐社区 among them) and three of other streets.
  const communitiesUnder = (prefix: string, except: string | null, limit: number) =>
    ctx.db
      .select({ code: areas.code })
      .from(areas)
      .where(
        and(like(areas.code, `${prefix}%`), eq(areas.level, "community"), except ? sql`${areas.code} NOT LIKE ${`${except}%`}` : undefined),
      )
      .orderBy(asc(areas.code))
      .limit(limit);
  const communities = [...(await communitiesUnder(street, null, 5)), ...(await communitiesUnder(district, street, 3))];
  const idRows = await queryRows<{ id: string }>(ctx.db, sql`${organizationIdsUnder(district, { activeOnly: true })}`);
  const organizations = [
    ...(
      await getOrganizations(
        ctx,
        idRows.map((row) => row.id),
      )
    ).values(),
  ]
    .filter((org) => org.name !== demoAgencyName)
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"))
    .slice(0, 14);

  const now = ctx.now();
  const thisYear = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const random = seededRandom(20_250_304);
  /** A date in `year` at `fraction` of the way through it, never after today. */
  const dateIn = (year: number, fraction: number) => {
    const start = Date.UTC(year, 0, 1);
    const end = year === thisYear ? Date.parse(`${today}T00:00:00Z`) : Date.UTC(year, 11, 31);
    return new Date(start + Math.floor((end - start) * fraction)).toISOString().slice(0, 10);
  };
  const yuanRound = (fen: number) => Math.max(100, Math.round(fen / 100) * 100);

  type Row = typeof fundingLedger.$inferInsert;
  const rows: Row[] = [];
  let voucher = 0;
  const next = (holder: string) => `${marker}${holder.slice(-6)}-${String((voucher += 1)).padStart(4, "0")}`;
  for (const { code } of communities) {
    for (const year of [thisYear - 1, thisYear]) {
      // This year is the part of it that has passed; last year is whole.
      const scale = year === thisYear ? 0.4 : 1;
      const income = (300_000_00 + Math.floor(random() * 250_000_00)) * scale;
      communityIncome.forEach((part, index) => {
        rows.push({
          areaCode: code,
          holderKind: "community",
          orgId: null,
          direction: "in",
          source: part.source,
          amountFen: yuanRound(income * part.share * (0.9 + random() * 0.2)),
          paidOn: dateIn(year, (index + 1) / (communityIncome.length + 2)),
          voucherNo: next(code),
          description: `${part.what}（演示）`,
          createdAt: now,
        });
      });
      communitySpending.forEach((part, index) => {
        rows.push({
          areaCode: code,
          holderKind: "community",
          orgId: null,
          direction: "out",
          purpose: part.purpose,
          amountFen: yuanRound(income * part.share * (0.9 + random() * 0.2)),
          paidOn: dateIn(year, (index + 2) / (communitySpending.length + 3)),
          voucherNo: next(code),
          ...(part.purpose === "activity" ? { reference: "社区邻里节" } : {}),
          description: `${part.what}（演示）`,
          createdAt: now,
        });
      });
    }
  }
  organizations.forEach((org, index) => {
    const main = organizationMains[index % organizationMains.length] as LedgerSource;
    const others = (["donation", "self_income", "gov_subsidy", "resident"] as const).filter((source) => source !== main);
    for (const year of [thisYear - 1, thisYear]) {
      const scale = year === thisYear ? 0.4 : 1;
      const total = (200_000_00 + Math.floor(random() * 300_000_00)) * scale;
      const parts: Array<[LedgerSource, number]> = [
        [main, 0.6],
        [others[index % others.length] as LedgerSource, 0.25],
        [others[(index + 1) % others.length] as LedgerSource, 0.15],
      ];
      parts.forEach(([source, share], part) => {
        rows.push({
          areaCode: org.area_code,
          holderKind: "organization",
          orgId: org.id,
          direction: "in",
          source,
          amountFen: yuanRound(total * share),
          paidOn: dateIn(year, (part + 1) / 5),
          voucherNo: next(org.id.replace(/-/g, "")),
          description: `${organizationWhat[source]}（演示）`,
          createdAt: now,
        });
      });
      rows.push({
        areaCode: org.area_code,
        holderKind: "organization",
        orgId: org.id,
        direction: "out",
        purpose: "staff",
        amountFen: yuanRound(total * 0.55),
        paidOn: dateIn(year, 0.7),
        voucherNo: next(org.id.replace(/-/g, "")),
        description: "专职社工薪酬（演示）",
        createdAt: now,
      });
    }
  });
  if (rows.length === 0) {
    return;
  }
  await withTx(ctx, async (tx) => {
    for (let start = 0; start < rows.length; start += 200) {
      await tx.db.insert(fundingLedger).values(rows.slice(start, start + 200));
    }
  });
}
