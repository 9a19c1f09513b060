import { inArray } from "drizzle-orm";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { loadActor } from "../../platform/auth/actor.js";
import { users } from "../../platform/auth/index.js";
import { localDate } from "./policy.js";
import { leadershipGroups } from "./schema.js";
import { addResponsibility, addTarget, createGroup, createPlan, reportProgress } from "./service.js";

const day = 24 * 60 * 60 * 1000;

/**
 * The demo leadership: 金水区's and 南阳新村街道's groups for 社区减负 with members and responsibility
 * lists, and 金水区's published 2026 plan with one target per indicator (administrative share ≤ 30 %,
 * 2 certified social workers per 1,000 residents, 三室两栏一站 in ≥ 90 % of communities; all three
 * computed from live data), a manual target with a report, and one overdue manual target (for the
 * escalation). Once.
 */
export async function seedLeadership(ctx: Ctx): Promise<void> {
  const [existing] = await ctx.db.select({ id: leadershipGroups.id }).from(leadershipGroups).limit(1);
  if (existing) {
    return;
  }
  const accounts = await ctx.db
    .select({ id: users.id, login: users.login })
    .from(users)
    .where(inArray(users.login, ["demo-district", "demo-street"]));
  const actors = new Map<string, ActorCtx>();
  for (const account of accounts) {
    const actor = await loadActor(ctx.db, account.id);
    if (actor) {
      actors.set(account.login, { ...ctx, actor });
    }
  }
  const district = actors.get("demo-district");
  const street = actors.get("demo-street");
  if (!district || !street) {
    return;
  }

  const districtGroup = await createGroup(district, {
    area_code: "410105",
    name: "金水区社区减负增效工作领导小组",
    leader_name: "王建国",
    leader_title: "区委副书记、区长",
    in_charge_name: "李秀梅",
    in_charge_title: "副区长",
    lead_department_name: "金水区民政局",
    lead_department_id: null,
    members: [
      { name: "王建国", title: "区委副书记、区长", unit: "金水区人民政府", role: "leader" },
      { name: "李秀梅", title: "副区长", unit: "金水区人民政府", role: "deputy" },
      { name: "张志强", title: "局长", unit: "金水区民政局", role: "office_director" },
      { name: "刘洋", title: "部长", unit: "区委组织部", role: "member" },
      { name: "陈静", title: "局长", unit: "金水区财政局", role: "member" },
      { name: "赵磊", title: "主任", unit: "金水区卫生健康委员会", role: "member" },
    ],
  });
  const districtDuties = [
    { department_name: "金水区民政局", duty: "牵头制定社区工作事项清单，组织开展社区减负专项督查，每季度通报进展。", deadline: null },
    { department_name: "区委组织部", duty: "清理规范社区挂牌、考核评比和“一票否决”事项，纳入年度考核。", deadline: null },
    { department_name: "金水区财政局", duty: "落实“费随事转”，准入事项的工作经费随事项拨付到社区。", deadline: null },
    { department_name: "金水区卫生健康委员会", duty: "取消要求社区出具的证明材料，通过数据共享核验。", deadline: "2026-06-30" },
  ];
  for (const duty of districtDuties) {
    await addResponsibility(district, districtGroup.id, { ...duty, department_id: null, catalog_item_id: null });
  }

  const streetGroup = await createGroup(street, {
    area_code: "410105007",
    name: "南阳新村街道社区减负工作领导小组",
    leader_name: "孙海燕",
    leader_title: "街道党工委书记",
    in_charge_name: "周明",
    in_charge_title: "街道办事处副主任",
    lead_department_name: "街道社会事务办",
    lead_department_id: null,
    members: [
      { name: "孙海燕", title: "党工委书记", unit: "南阳新村街道", role: "leader" },
      { name: "周明", title: "办事处副主任", unit: "南阳新村街道", role: "deputy" },
      { name: "吴婷", title: "主任", unit: "街道社会事务办", role: "office_director" },
      { name: "郑凯", title: "书记", unit: "丰乐社区", role: "member" },
    ],
  });
  for (const duty of [
    { department_name: "街道社会事务办", duty: "审核进入社区的工作事项，未准入事项由社区拒绝并登记。", deadline: null },
    { department_name: "街道党政办", duty: "统一社区报表和台账，同类数据一次采集、多方共享。", deadline: "2026-09-30" },
  ]) {
    await addResponsibility(street, streetGroup.id, { ...duty, department_id: null, catalog_item_id: null });
  }

  const now = ctx.now();
  const endOfYear = "2026-12-31";
  const later = localDate(new Date(now.getTime() + 60 * day));
  const due = endOfYear > localDate(now) ? endOfYear : later;
  const plan = await createPlan(district, {
    area_code: "410105",
    year: 2026,
    title: "金水区2026年社区减负增效实施方案",
    status: "published",
  });
  const targets = [
    {
      title: "社区行政事务工作时长占比降至30%以下",
      indicator: "administrative_share_max" as const,
      target_value: 30,
      owner_name: "金水区民政局",
      due_on: due,
    },
    {
      title: "每千名居民配备持证社工2名",
      indicator: "social_workers_per_1000" as const,
      target_value: 2,
      owner_name: "金水区民政局",
      due_on: due,
    },
    {
      title: "“三室两栏一站”达标社区比例不低于90%",
      indicator: "standard_facilities_rate" as const,
      target_value: 90,
      owner_name: "金水区住房和城乡建设局",
      due_on: due,
    },
    {
      title: "清理社区证明事项（项）",
      indicator: "manual" as const,
      target_value: 20,
      owner_name: "金水区司法局",
      due_on: due,
    },
    {
      title: "统一社区报表系统上线（个街道）",
      indicator: "manual" as const,
      target_value: 17,
      owner_name: "金水区大数据管理局",
      due_on: localDate(new Date(now.getTime() - 20 * day)),
    },
  ];
  const created = [];
  for (const target of targets) {
    created.push(await addTarget(district, plan.id, { ...target, owner_department_id: null, owner_user_id: null }));
  }
  // The three indicator targets are computed from live data (the share from admin-tasks' workload): no reports.
  const [, , , proofs, reports] = created;
  if (proofs && reports) {
    await reportProgress(district, proofs.id, { value: 12, note: "已取消居住证明、亲属关系证明等12项。" });
    await reportProgress(district, reports.id, { value: 9, note: "9个街道已上线，其余街道延期。" });
  }
}
