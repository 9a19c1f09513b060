import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { withTx, type Ctx } from "../../platform/ctx.js";
import type { SeedOptions } from "../../platform/module.js";
import { seededRandom } from "../../platform/seed.js";
import { users } from "../../platform/auth/index.js";
import { todayOf } from "./access.js";
import { ensureDemoDepartments } from "./demo-departments.js";
import { escalateOverdueAdmissions } from "./escalation.js";
import { adminTaskOccurrences, adminTaskRefusals, adminTasks, adminTaskTargets } from "./schema.js";
import { startTask } from "./start.js";
import { addDays, addWorkingDays, type Frequency } from "./working-days.js";

type Kind = (typeof adminTasks.$inferInsert)["kind"];

type DemoTask = {
  department: "金水区民政局" | "金水区卫健委" | "金水区住建局";
  title: string;
  legalBasis: string;
  kind: Kind;
  frequency: Frequency;
  hours: number;
  fundingFen: number;
  targets: string[];
  /** Days from today. */
  submitted: number;
  starts: number;
  ends: number;
  outcome: "admitted" | "rejected" | "returned" | "submitted" | "overdue";
  decider?: "demo-street" | "demo-district";
  reason?: string;
  exception?: string;
  /** Refused by these communities (non-admitted tasks only). */
  refusedBy?: string[];
  /** Taken back from these communities, days from today. */
  takenBack?: { communities: string[]; day: number; assignee: string };
};

// 南阳新村街道 (410105007), 经八路街道 (410105001), 花园路街道 (410105002)
const fengle = "410105007002";
const demoTasks: DemoTask[] = [
  {
    department: "金水区民政局",
    title: "高龄津贴资格月度核查",
    legalBasis: "《河南省高龄津贴发放管理办法》",
    kind: "certification",
    frequency: "monthly",
    hours: 6,
    fundingFen: 240_000,
    targets: ["410105007001", fengle, "410105007003", "410105007004"],
    submitted: -230,
    starts: -210,
    ends: 150,
    outcome: "admitted",
    decider: "demo-street",
    reason: "属民政法定职责，经费随事项下达，同意准入。",
  },
  {
    department: "金水区卫健委",
    title: "居民健康档案入户核查",
    legalBasis: "《国家基本公共卫生服务规范（第三版）》",
    kind: "inspection",
    frequency: "quarterly",
    hours: 16,
    fundingFen: 300_000,
    targets: [fengle, "410105001003", "410105002001"],
    submitted: -200,
    starts: -180,
    ends: 185,
    outcome: "admitted",
    decider: "demo-district",
    reason: "卫健部门提供经费和 2 名专职人员，同意准入。",
  },
  {
    department: "金水区住建局",
    title: "老旧小区改造入户意愿调查",
    legalBasis: "《郑州市老旧小区改造工作实施方案》",
    kind: "data_collection",
    frequency: "once",
    hours: 24,
    fundingFen: 0,
    targets: [fengle, "410105007005", "410105001006"],
    submitted: -80,
    starts: -60,
    ends: 20,
    outcome: "admitted",
    decider: "demo-district",
    reason: "改造项目时间紧，先行准入。",
    exception: "区政府常务会议决定限期完成，经费由住建局下季度追加。",
  },
  {
    department: "金水区民政局",
    title: "社区养老服务数据月报",
    legalBasis: "《郑州市养老服务条例》",
    kind: "report",
    frequency: "monthly",
    hours: 3,
    fundingFen: 120_000,
    targets: ["410105002001", "410105002003", "410105002004", "410105002005"],
    submitted: -170,
    starts: -150,
    ends: 215,
    outcome: "admitted",
    decider: "demo-district",
    reason: "同意准入，报表经区养老服务平台直接采集，社区只需核对。",
  },
  {
    department: "金水区住建局",
    title: "燃气安全入户检查",
    legalBasis: "《城镇燃气管理条例》",
    kind: "inspection",
    frequency: "monthly",
    hours: 10,
    fundingFen: 80_000,
    targets: [fengle, "410105007004", "410105007008"],
    submitted: -130,
    starts: -110,
    ends: 120,
    outcome: "admitted",
    decider: "demo-street",
    reason: "同意准入。",
    takenBack: { communities: [fengle], day: -30, assignee: "南阳新村街道平安建设办公室" },
  },
  {
    department: "金水区卫健委",
    title: "爱国卫生运动周报",
    legalBasis: "卫健委工作通知（非法定事项）",
    kind: "report",
    frequency: "weekly",
    hours: 2,
    fundingFen: 0,
    targets: [fengle, "410105007006", "410105007007"],
    submitted: -95,
    starts: -80,
    ends: 100,
    outcome: "rejected",
    decider: "demo-street",
    reason: "属负面清单事项（不应由社区承担的统计报表），不予准入。",
    refusedBy: [fengle],
  },
  {
    department: "金水区住建局",
    title: "违法建设日常巡查",
    legalBasis: "《郑州市城市管理条例》",
    kind: "inspection",
    frequency: "weekly",
    hours: 4,
    fundingFen: 0,
    targets: ["410105001003", "410105001007", "410105002001"],
    submitted: -60,
    starts: -30,
    ends: 150,
    outcome: "returned",
    decider: "demo-district",
    reason: "未随事转费，请补充经费和人员后重新申报。",
  },
  {
    department: "金水区民政局",
    title: "社区社会组织登记摸底",
    legalBasis: "《社会团体登记管理条例》",
    kind: "data_collection",
    frequency: "once",
    hours: 8,
    fundingFen: 50_000,
    targets: [fengle, "410105007003"],
    submitted: -25,
    starts: 10,
    ends: 60,
    outcome: "overdue",
  },
  {
    department: "金水区卫健委",
    title: "家庭医生签约宣传月活动",
    legalBasis: "《关于推进家庭医生签约服务的指导意见》",
    kind: "campaign",
    frequency: "monthly",
    hours: 5,
    fundingFen: 60_000,
    targets: [fengle, "410105007001"],
    submitted: -2,
    starts: 20,
    ends: 110,
    outcome: "submitted",
  },
];

const statusOf = {
  admitted: "admitted",
  rejected: "rejected",
  returned: "returned",
  submitted: "submitted",
  overdue: "submitted",
} as const;

function at(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+08:00`);
}

/**
 * The demo world's de-administration in 金水区: three departments (民政局, 卫健委, 住建局) and their
 * applications on communities of 南阳新村街道, 经八路街道 and 花园路街道 over the past months — admitted
 * (funded and started, with occurrences done and hours logged; one unfunded with its exception),
 * rejected and refused by 丰乐社区, returned for funding, submitted (one overdue and escalated), one
 * taken back from 丰乐社区 by the street, and an off-system demand refused. Idempotent.
 */
export async function seedAdminTasks(ctx: Ctx, options: SeedOptions): Promise<void> {
  const ids = await ensureDemoDepartments(ctx);
  const accounts = await ctx.db
    .select({ id: users.id, login: users.login })
    .from(users)
    .where(inArray(users.login, ["demo-department", "demo-street", "demo-district", "demo-community"]));
  const account = (login: string) => accounts.find((a) => a.login === login)?.id;
  const applicant = account("demo-department");
  const community = account("demo-community");
  if (!applicant || !community || !account("demo-street") || !account("demo-district")) {
    options.log("admin-tasks: demo accounts missing, demo tasks skipped");
    return;
  }
  const existing = await ctx.db.select({ id: adminTasks.id }).from(adminTasks).where(eq(adminTasks.createdBy, applicant)).limit(1);
  if (existing.length > 0) {
    return;
  }
  const today = todayOf(ctx);
  const random = seededRandom(16);
  await withTx(ctx, async (tx) => {
    for (const demo of demoTasks) {
      const departmentId = ids.get(demo.department) as string;
      const submittedOn = addDays(today, demo.submitted);
      const decided = demo.outcome !== "submitted" && demo.outcome !== "overdue";
      const decidedOn = addWorkingDays(submittedOn, 4);
      const streets = new Set(demo.targets.map((code) => code.slice(0, 9)));
      const areaCode = streets.size === 1 ? (demo.targets[0] as string).slice(0, 9) : "410105";
      const [task] = await tx.db
        .insert(adminTasks)
        .values({
          areaCode,
          departmentId,
          title: demo.title,
          legalBasis: demo.legalBasis,
          kind: demo.kind,
          description: null,
          frequency: demo.frequency,
          hoursPerOccurrence: demo.hours,
          fundingFenPerCommunity: demo.fundingFen,
          staffProvided: demo.fundingFen > 0 ? 1 : 0,
          startsOn: addDays(today, demo.starts),
          endsOn: addDays(today, demo.ends),
          status: statusOf[demo.outcome],
          submittedAt: at(submittedOn, "10:00"),
          decisionDueOn: addWorkingDays(submittedOn, demo.outcome === "overdue" ? 5 : 10),
          decisionReason: decided ? (demo.reason ?? null) : null,
          unfundedException: demo.exception ?? null,
          decidedAt: decided ? at(decidedOn, "15:00") : null,
          decidedBy: decided && demo.decider ? (account(demo.decider) ?? null) : null,
          createdBy: applicant,
          createdAt: at(submittedOn, "10:00"),
          updatedAt: at(decided ? decidedOn : submittedOn, "15:00"),
        })
        .returning({ id: adminTasks.id });
      const taskId = (task as { id: string }).id;
      await tx.db.insert(adminTaskTargets).values(
        demo.targets.map((code) => ({
          taskId,
          areaCode: code,
          status: demo.refusedBy?.includes(code) ? ("refused" as const) : ("active" as const),
          createdAt: at(submittedOn, "10:00"),
        })),
      );
      for (const code of demo.refusedBy ?? []) {
        await tx.db.insert(adminTaskRefusals).values({
          areaCode: code,
          departmentId,
          taskId,
          title: demo.title,
          kind: demo.kind,
          receivedOn: submittedOn,
          note: "属负面清单事项，社区不予承担。",
          refusedBy: community,
          createdAt: at(addDays(submittedOn, 2), "09:30"),
        });
      }
      if (demo.outcome !== "admitted") {
        continue;
      }
      await startTask(tx, taskId);
      // Occurrences already due: most done with hours logged, some on the estimate, a few left open (overdue).
      const due = await tx.db
        .select({ id: adminTaskOccurrences.id, dueOn: adminTaskOccurrences.dueOn })
        .from(adminTaskOccurrences)
        .where(and(eq(adminTaskOccurrences.taskId, taskId), lt(adminTaskOccurrences.dueOn, today)));
      for (const occurrence of due) {
        const roll = random();
        if (roll < 0.1) {
          continue;
        }
        await tx.db
          .update(adminTaskOccurrences)
          .set({
            status: "done",
            loggedMinutes: roll < 0.3 ? null : Math.round(demo.hours * 60 * (0.6 + random())),
            doneAt: at(addDays(occurrence.dueOn, -1), "16:00"),
            doneBy: community,
            version: 2,
          })
          .where(eq(adminTaskOccurrences.id, occurrence.id));
      }
      if (demo.takenBack) {
        const day = addDays(today, demo.takenBack.day);
        await tx.db
          .update(adminTaskTargets)
          .set({
            status: "taken_back",
            takenBackAt: at(day, "11:00"),
            takenBackBy: account("demo-street") ?? null,
            assigneeKind: "street_office",
            assigneeName: demo.takenBack.assignee,
            takeBackReason: "入户安全检查专业性强，由街道平安办统一组织，减轻社区负担（社区减负）。",
          })
          .where(and(eq(adminTaskTargets.taskId, taskId), inArray(adminTaskTargets.areaCode, demo.takenBack.communities)));
        await tx.db
          .update(adminTaskOccurrences)
          .set({ status: "cancelled", version: sql`${adminTaskOccurrences.version} + 1` })
          .where(
            and(
              eq(adminTaskOccurrences.taskId, taskId),
              inArray(adminTaskOccurrences.areaCode, demo.takenBack.communities),
              sql`${adminTaskOccurrences.dueOn} >= ${day}::date`,
            ),
          );
      }
    }
    // A demand that never came through Sanshe, refused by 丰乐社区.
    await tx.db.insert(adminTaskRefusals).values({
      areaCode: fengle,
      departmentId: ids.get("金水区卫健委") as string,
      taskId: null,
      title: "创卫迎检台账材料整理（微信群通知）",
      kind: "inspection",
      receivedOn: addDays(today, -45),
      note: "未经准入，通过工作群直接下派。",
      refusedBy: community,
      createdAt: at(addDays(today, -44), "09:00"),
    });
  });
  await escalateOverdueAdmissions(ctx);
  options.log(`admin-tasks: ${demoTasks.length} demo administrative tasks`);
}
