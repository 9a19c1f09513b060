import { eq } from "drizzle-orm";
import type { CaseGoalStatus, CaseReviewDecision, CaseRiskLevel, CaseSessionKind, CaseStatus } from "@sanshe/contracts";
import { withTx, type Ctx } from "../../platform/ctx.js";
import type { SeedOptions } from "../../platform/module.js";
import { users } from "../../platform/auth/index.js";
import { residentIdsIn } from "../residents/index.js";
import { findWorkerOfUser } from "../social-workers/index.js";
import { caseGoals, caseReviews, cases, caseSessions } from "./schema.js";

const community = "410105007002";

type DemoCase = {
  status: CaseStatus;
  risk: CaseRiskLevel;
  problem: string;
  needs: string;
  risks: string;
  goals: Array<[string, CaseGoalStatus]>;
  sessions: Array<[CaseSessionKind, number, string]>;
  reviews: Array<[CaseReviewDecision, string]>;
  summary?: string;
};

const demoCases: DemoCase[] = [
  {
    status: "intake",
    risk: "medium",
    problem: "独居老人，近期跌倒一次，子女在外地（演示）",
    needs: "居家安全评估、紧急呼叫设备",
    risks: "再次跌倒",
    goals: [],
    sessions: [],
    reviews: [],
  },
  {
    status: "planning",
    risk: "low",
    problem: "失业后情绪低落，希望重新就业（演示）",
    needs: "就业信息、技能培训",
    risks: "无明显风险",
    goals: [["三个月内参加一次职业技能培训", "open"]],
    sessions: [],
    reviews: [],
  },
  {
    status: "in_service",
    risk: "high",
    problem: "家庭矛盾激烈，存在家暴风险（演示）",
    needs: "安全计划、法律援助转介",
    risks: "人身安全风险",
    goals: [
      ["制定家庭安全计划", "achieved"],
      ["对接法律援助", "open"],
    ],
    sessions: [
      ["home_visit", 90, "入户了解家庭情况，与案主共同制定安全计划。"],
      ["phone", 20, "电话跟进，案主情绪稳定。"],
    ],
    reviews: [],
  },
  {
    status: "in_service",
    risk: "medium",
    problem: "残疾人康复需求，出行困难（演示）",
    needs: "康复服务、无障碍出行",
    risks: "社会隔离",
    goals: [["每月参加一次社区康复活动", "open"]],
    sessions: [["office", 45, "面谈评估康复需求。"]],
    reviews: [],
  },
  {
    status: "review",
    risk: "low",
    problem: "青少年学业困难，亲子沟通不畅（演示）",
    needs: "学业辅导、亲子沟通",
    risks: "辍学风险较低",
    goals: [
      ["每周参加两次课业辅导", "achieved"],
      ["亲子沟通小组完成四节", "achieved"],
    ],
    sessions: [
      ["group", 120, "亲子沟通小组第一节。"],
      ["home_visit", 60, "家访，与家长沟通学习安排。"],
    ],
    reviews: [],
  },
  {
    status: "review",
    risk: "medium",
    problem: "低保家庭，子女就学费用困难（演示）",
    needs: "助学资源链接",
    risks: "经济压力",
    goals: [["申请助学金", "open"]],
    sessions: [["office", 40, "协助准备助学金申请材料。"]],
    reviews: [["continue", "材料已提交，等待结果，继续跟进。"]],
  },
  {
    status: "closed",
    risk: "low",
    problem: "新迁入居民，不熟悉社区资源（演示）",
    needs: "社区融入",
    risks: "无",
    goals: [["参加两次社区活动", "achieved"]],
    sessions: [
      ["office", 30, "介绍社区服务资源。"],
      ["group", 90, "参加社区邻里节活动。"],
    ],
    reviews: [["close", "目标达成，案主已融入社区。"]],
    summary: "案主已熟悉社区资源并参与活动，目标达成，结案。",
  },
  {
    status: "closed",
    risk: "medium",
    problem: "高龄老人照护压力大（演示）",
    needs: "喘息服务",
    risks: "照护者身心耗竭",
    goals: [
      ["链接喘息服务", "achieved"],
      ["照护者支持小组", "dropped"],
    ],
    sessions: [["home_visit", 60, "入户评估照护需求，链接喘息服务。"]],
    reviews: [["close", "喘息服务已稳定提供。"]],
    summary: "喘息服务稳定，照护者压力缓解，结案。",
  },
];

function daysBefore(today: Date, days: number): string {
  return new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Demo cases: eight case files of 丰乐社区 residents owned by the social worker linked to the
 * demo-worker account, in every stage. Needs the residents and social-workers seeds; idempotent.
 */
export async function seedCases(ctx: Ctx, options: SeedOptions): Promise<void> {
  const [account] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.login, "demo-worker"));
  const worker = account ? await findWorkerOfUser(ctx, account.id) : null;
  if (!account || !worker) {
    options.log("cases: no social worker linked to demo-worker, demo cases skipped");
    return;
  }
  const existing = await ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.workerId, worker.id)).limit(1);
  if (existing.length > 0) {
    return;
  }
  const residentIds = await residentIdsIn(ctx, community, demoCases.length);
  if (residentIds.length === 0) {
    options.log("cases: no residents in 丰乐社区, demo cases skipped");
    return;
  }
  const today = ctx.now();
  await withTx(ctx, async (tx) => {
    for (const [index, demo] of demoCases.entries()) {
      const residentId = residentIds[index % residentIds.length] as string;
      const openedOn = daysBefore(today, 120 - index * 12);
      const [row] = await tx.db
        .insert(cases)
        .values({
          areaCode: community,
          residentId,
          workerId: worker.id,
          openedBy: account.id,
          status: demo.status,
          presentingProblem: demo.problem,
          needs: demo.needs,
          risks: demo.risks,
          riskLevel: demo.risk,
          openedOn,
          closedOn: demo.status === "closed" ? daysBefore(today, 5 + index) : null,
          closingSummary: demo.summary ?? null,
        })
        .returning({ id: cases.id });
      if (!row) {
        continue;
      }
      if (demo.goals.length > 0) {
        await tx.db
          .insert(caseGoals)
          .values(demo.goals.map(([text, status], n) => ({ caseId: row.id, text, status, targetDate: daysBefore(today, -30 * (n + 1)) })));
      }
      if (demo.sessions.length > 0) {
        await tx.db.insert(caseSessions).values(
          demo.sessions.map(([kind, minutes, notes], n) => ({
            caseId: row.id,
            kind,
            minutes,
            notes,
            date: daysBefore(today, 100 - index * 12 - n * 7),
            recordedBy: account.id,
          })),
        );
      }
      if (demo.reviews.length > 0) {
        await tx.db.insert(caseReviews).values(
          demo.reviews.map(([decision, progress]) => ({
            caseId: row.id,
            decision,
            progress,
            date: daysBefore(today, 20 - index),
            reviewedBy: account.id,
          })),
        );
      }
      await tx.audit.record("cases.open", {
        entityType: "case",
        entityId: row.id,
        areaCode: community,
        detail: { seed: "demo", risk_level: demo.risk },
      });
    }
  });
  options.log(`cases: ${demoCases.length} demo cases created`);
}
