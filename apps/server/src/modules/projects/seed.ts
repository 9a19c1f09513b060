import { createHash, randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { withTx, type Ctx } from "../../platform/ctx.js";
import type { SeedOptions } from "../../platform/module.js";
import { users } from "../../platform/auth/index.js";
import { seededRandom } from "../../platform/seed.js";
import { demoAgencyName, findOrganizationByName } from "../social-orgs/index.js";
import {
  applications,
  callCriteria,
  callReviewers,
  calls,
  contractAttachments,
  fundingLedger,
  milestoneReports,
  milestones,
  projectContracts,
  projectEvaluations,
  reviewDeclarations,
  reviewScores,
} from "./schema.js";
import { seedLedger } from "./ledger/seed.js";

/**
 * The projects demo world in 金水区: one call per stage of the life cycle, in every purchase mode —
 * an open call of 南阳新村街道 (panel demo-evaluator and demo-street, one application from demo-org's
 * agency), a call under review, a call just awarded, a contracted project paid for two milestones
 * with one overdue, and a closed, evaluated project — plus other funding of demo-org's agency.
 * Loaded once: nothing happens when the first demo call exists. Final scores, milestone amounts,
 * paid_fen and evaluation totals are computed here the way the services compute them.
 */

/** The OCDS prefix of demo calls (ocid = prefix + "-" + call id). */
export const demoOcidPrefix = "ocds-sanshe";
const street = "410105007";
const district = "410105";
const day = 86_400_000;

type Criterion = { name: string; weight: number };
const rubric: Criterion[] = [
  { name: "需求契合度", weight: 30 },
  { name: "服务方案可行性", weight: 30 },
  { name: "机构能力与经验", weight: 20 },
  { name: "预算合理性", weight: 20 },
];

/**
 * A one-page PDF (ASCII text, valid cross-reference table) standing in for a scanned sign-in sheet:
 * demo milestone reports carry evidence like real ones (finding 4 of issue 13: no evidence, no payment).
 */
export function demoSignInSheetPdf(label: string): Buffer {
  const text = label.replace(/[^\x20-\x7e]/g, "?").replace(/[()\\]/g, "");
  const content = `BT /F1 14 Tf 72 760 Td (Sign-in sheet - ${text} - demo) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Weighted score of one reviewer (scores per criterion in rubric order), out of 100. */
function weighted(scores: readonly number[]): number {
  return rubric.reduce((sum, criterion, index) => sum + (scores[index] ?? 0) * criterion.weight, 0) / 100;
}

/** The application's final score: average of the complete reviewers' weighted scores, two decimals; null if none. */
export function finalScoreOf(sheets: ReadonlyArray<readonly number[]>): number | null {
  const complete = sheets.filter((sheet) => sheet.length === rubric.length);
  if (complete.length === 0) {
    return null;
  }
  const average = complete.reduce((sum, sheet) => sum + weighted(sheet), 0) / complete.length;
  return Math.round(average * 100) / 100;
}

/** Grade of a closing evaluation total (优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60). */
export function gradeOf(total: number): "excellent" | "good" | "pass" | "fail" {
  return total >= 90 ? "excellent" : total >= 80 ? "good" : total >= 60 ? "pass" : "fail";
}

const isoDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

type Org = { id: string; name: string };
type Applicant = { org: Org; title: string; requestedFen: number; sheets: number[][] };
type CallPlan = {
  key: string;
  areaCode: string;
  purchaserName: string;
  mode: "venture" | "directed" | "commissioned";
  title: string;
  description: string;
  needCategories: string[];
  totalBudgetFen: number;
  projectCapFen: number;
  publishedDaysAgo: number;
  deadlineInDays: number;
  status: "open" | "under_review" | "awarded";
  awardedDaysAgo?: number;
  reviewers: string[];
  applicants: Applicant[];
  /** Applicants (by index) awarded. */
  winners?: number[];
};

export async function seedProjects(ctx: Ctx, _options: SeedOptions): Promise<void> {
  await seedLedger(ctx);
  const [existing] = await ctx.db
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.areaCode, street), eq(calls.title, "2026年南阳新村街道社区公益创投：老年助餐与居家探访")));
  if (existing) {
    return;
  }
  const names = [
    demoAgencyName,
    "金水区颐养老年服务中心（演示）",
    "金水区阳光青少年成长服务中心（演示）",
    "金水区心桥社会工作服务中心（演示）",
    "金水区同心社会工作服务社（演示）",
    "金水区暖心助老志愿服务中心（演示）",
  ];
  const found = await Promise.all(names.map((name) => findOrganizationByName(ctx, name)));
  const [agency, yiyang, sunshine, xinqiao, tongxin, nuanxin] = found;
  if (!agency || !yiyang || !sunshine || !xinqiao || !tongxin || !nuanxin) {
    return;
  }
  const accounts = await ctx.db
    .select({ id: users.id, login: users.login })
    .from(users)
    .where(inArray(users.login, ["demo-street", "demo-district", "demo-evaluator"]));
  const account = (login: string) => accounts.find((row) => row.login === login)?.id;
  const streetUser = account("demo-street");
  const districtUser = account("demo-district");
  const evaluator = account("demo-evaluator");
  if (!streetUser || !districtUser || !evaluator) {
    return;
  }
  const random = seededRandom(20261128);
  const sheet = (base: number) => rubric.map(() => Math.min(100, base + Math.floor(random() * 10)));
  const now = ctx.now().getTime();
  const ago = (days: number) => new Date(now - days * day);

  const plans: CallPlan[] = [
    {
      key: "open",
      areaCode: street,
      purchaserName: "南阳新村街道办事处",
      mode: "venture",
      title: "2026年南阳新村街道社区公益创投：老年助餐与居家探访",
      description: "面向辖区独居、高龄老人开展助餐配送和每周居家探访，鼓励社会组织联动社区志愿者。",
      needCategories: ["elderly_care"],
      totalBudgetFen: 30_000_000,
      projectCapFen: 10_000_000,
      publishedDaysAgo: 10,
      deadlineInDays: 20,
      status: "open",
      reviewers: [evaluator, streetUser],
      applicants: [{ org: agency, title: "丰乐暖食：独居老人助餐与探访计划", requestedFen: 8_600_000, sheets: [] }],
    },
    {
      key: "review",
      areaCode: district,
      purchaserName: "金水区民政局",
      mode: "directed",
      title: "金水区青少年课后托管服务定向购买项目",
      description: "为双职工家庭学龄儿童提供课后托管、作业辅导和心理支持，服务点设在社区党群服务中心。",
      needCategories: ["children_youth"],
      totalBudgetFen: 40_000_000,
      projectCapFen: 20_000_000,
      publishedDaysAgo: 40,
      deadlineInDays: -5,
      status: "under_review",
      reviewers: [evaluator, districtUser],
      applicants: [
        { org: sunshine, title: "阳光四点半课堂", requestedFen: 18_000_000, sheets: [sheet(80), sheet(76)] },
        { org: tongxin, title: "同心成长驿站", requestedFen: 16_500_000, sheets: [sheet(72)] },
        { org: agency, title: "丰乐社区课后托管服务", requestedFen: 15_000_000, sheets: [] },
      ],
    },
    {
      key: "awarded",
      areaCode: street,
      purchaserName: "南阳新村街道办事处",
      mode: "commissioned",
      title: "南阳新村街道社区矛盾纠纷调解服务委托项目",
      description: "委托专业机构驻点开展邻里纠纷、婚姻家庭矛盾调解，建立调解员队伍并定期开展法律宣传。",
      needCategories: ["neighbor_dispute", "legal_aid"],
      totalBudgetFen: 12_000_000,
      projectCapFen: 12_000_000,
      publishedDaysAgo: 60,
      deadlineInDays: -30,
      status: "awarded",
      awardedDaysAgo: 3,
      reviewers: [evaluator, streetUser],
      applicants: [
        { org: xinqiao, title: "心桥邻里调解工作室", requestedFen: 11_800_000, sheets: [sheet(84), sheet(82)] },
        { org: tongxin, title: "同心和事佬调解服务", requestedFen: 11_000_000, sheets: [sheet(70), sheet(68)] },
      ],
      winners: [0],
    },
    {
      key: "contracted",
      areaCode: district,
      purchaserName: "金水区民政局",
      mode: "directed",
      title: "金水区居家养老上门探访服务购买项目",
      description: "为辖区困难、失能老人提供每月上门探访、助洁和紧急呼叫响应服务。",
      needCategories: ["elderly_care"],
      totalBudgetFen: 50_000_000,
      projectCapFen: 24_000_000,
      publishedDaysAgo: 300,
      deadlineInDays: -260,
      status: "awarded",
      awardedDaysAgo: 240,
      reviewers: [evaluator, districtUser],
      applicants: [
        { org: agency, title: "丰乐银龄守护上门探访", requestedFen: 24_000_000, sheets: [sheet(86), sheet(83)] },
        { org: nuanxin, title: "暖心助老到家服务", requestedFen: 20_000_000, sheets: [sheet(85), sheet(80)] },
        { org: yiyang, title: "颐养居家照护服务", requestedFen: 22_000_000, sheets: [sheet(70), sheet(72)] },
      ],
      winners: [0, 1],
    },
    {
      key: "closed",
      areaCode: street,
      purchaserName: "南阳新村街道办事处",
      mode: "venture",
      title: "2024年南阳新村街道公益创投：社区老年助餐点运营",
      description: "支持社会组织运营社区老年助餐点，为60岁以上老人提供平价午餐和送餐上门。",
      needCategories: ["elderly_care"],
      totalBudgetFen: 20_000_000,
      projectCapFen: 10_000_000,
      publishedDaysAgo: 700,
      deadlineInDays: -670,
      status: "awarded",
      awardedDaysAgo: 650,
      reviewers: [evaluator, streetUser],
      applicants: [
        { org: yiyang, title: "颐养长者食堂", requestedFen: 9_600_000, sheets: [sheet(85), sheet(88)] },
        { org: agency, title: "丰乐邻里助餐", requestedFen: 9_000_000, sheets: [sheet(75), sheet(73)] },
      ],
      winners: [0],
    },
  ];

  await withTx(ctx, async (tx) => {
    const contractsByKey = new Map<string, Array<{ id: string; orgId: string; amountFen: number; signedAt: Date; callAreaCode: string }>>();
    for (const plan of plans) {
      const callId = randomUUID();
      const publishedAt = ago(plan.publishedDaysAgo);
      const deadline = new Date(now + plan.deadlineInDays * day);
      const awardedAt = plan.awardedDaysAgo === undefined ? null : ago(plan.awardedDaysAgo);
      const updatedAt = awardedAt ?? (plan.status === "under_review" ? deadline : publishedAt);
      await tx.db.insert(calls).values({
        id: callId,
        areaCode: plan.areaCode,
        ocid: `${demoOcidPrefix}-${callId}`,
        purchaserName: plan.purchaserName,
        mode: plan.mode,
        title: plan.title,
        description: plan.description,
        needCategories: plan.needCategories,
        targetAreaCodes: [plan.areaCode],
        totalBudgetFen: plan.totalBudgetFen,
        projectCapFen: plan.projectCapFen,
        minOrgGrade: plan.mode === "commissioned" ? "3A" : null,
        requiredDocuments: ["plan", "budget", "registration_certificate"],
        submissionDeadline: deadline,
        status: plan.status,
        publishedAt,
        awardedAt,
        createdBy: plan.areaCode === street ? streetUser : districtUser,
        version: plan.status === "open" ? 2 : 3,
        createdAt: new Date(publishedAt.getTime() - 2 * day),
        updatedAt,
      });
      const criteria = await tx.db
        .insert(callCriteria)
        .values(rubric.map((criterion, position) => ({ areaCode: plan.areaCode, callId, position, ...criterion })))
        .returning({ id: callCriteria.id, position: callCriteria.position });
      criteria.sort((a, b) => a.position - b.position);
      await tx.db
        .insert(callReviewers)
        .values(plan.reviewers.map((userId) => ({ areaCode: plan.areaCode, callId, userId, createdAt: publishedAt })));
      const contracts: Array<{ id: string; orgId: string; amountFen: number; signedAt: Date; callAreaCode: string }> = [];
      for (const [index, applicant] of plan.applicants.entries()) {
        const submittedAt = new Date(Math.min(deadline.getTime(), now) - (index + 1) * 2 * day);
        const won = plan.winners?.includes(index) ?? false;
        const decided = plan.status === "awarded";
        const [application] = await tx.db
          .insert(applications)
          .values({
            areaCode: plan.areaCode,
            callId,
            orgId: applicant.org.id,
            title: applicant.title,
            objectives: `${applicant.title}：覆盖目标人群，按期完成服务指标（演示）`,
            activities: "需求评估、个案服务、小组活动、志愿者培训（演示）",
            beneficiaries: plan.needCategories.includes("children_youth") ? "双职工家庭学龄儿童" : "辖区老年人及其家庭",
            beneficiaryCount: 120 + index * 40,
            kpis: [
              { name: "服务人次", target: 2400, unit: "人次" },
              { name: "服务对象满意度", target: 90, unit: "%" },
            ],
            budgetLines: [
              { item: "人员费用", amount_fen: Math.round(applicant.requestedFen * 0.6) },
              { item: "活动与物资", amount_fen: applicant.requestedFen - Math.round(applicant.requestedFen * 0.6) },
            ],
            requestedFen: applicant.requestedFen,
            status: decided ? (won ? "awarded" : "not_awarded") : "submitted",
            submittedAt,
            decisionReason: decided ? (won ? "综合评分排名靠前，方案可行（演示）" : "综合评分未进入资助名单（演示）") : null,
            decidedAt: decided ? awardedAt : null,
            finalScore: decided ? finalScoreOf(applicant.sheets) : null,
            version: decided ? 2 : 1,
            createdAt: submittedAt,
            updatedAt: decided && awardedAt ? awardedAt : submittedAt,
          })
          .returning({ id: applications.id });
        if (!application) {
          continue;
        }
        // Every reviewer declares; the district official declares a conflict with demo-org's agency.
        if (plan.status !== "open") {
          const scoredAt = new Date(deadline.getTime() + day);
          await tx.db.insert(reviewDeclarations).values(
            plan.reviewers.map((reviewerId) => {
              const conflicted = reviewerId === districtUser && applicant.org.id === agency.id && plan.status === "under_review";
              return {
                areaCode: plan.areaCode,
                applicationId: application.id,
                reviewerId,
                conflicted,
                reason: conflicted ? "曾担任该机构理事（演示）" : null,
                declaredAt: scoredAt,
              };
            }),
          );
          const scores = applicant.sheets.flatMap((scoresOfReviewer, reviewerIndex) =>
            scoresOfReviewer.map((score, criterionIndex) => ({
              areaCode: plan.areaCode,
              applicationId: application.id,
              reviewerId: plan.reviewers[reviewerIndex] as string,
              criterionId: (criteria[criterionIndex] as { id: string }).id,
              score,
              comment: null,
              scoredAt,
            })),
          );
          if (scores.length > 0) {
            await tx.db.insert(reviewScores).values(scores);
          }
        }
        if (won && awardedAt && plan.key !== "awarded") {
          const signedAt = new Date(awardedAt.getTime() + 10 * day);
          const closed = plan.key === "closed";
          const periodStart = isoDate(new Date(signedAt.getTime() + day));
          const periodEnd = isoDate(new Date(signedAt.getTime() + 365 * day));
          const [contract] = await tx.db
            .insert(projectContracts)
            .values({
              areaCode: plan.areaCode,
              callId,
              applicationId: application.id,
              orgId: applicant.org.id,
              title: applicant.title,
              amountFen: applicant.requestedFen,
              periodStart,
              periodEnd,
              kpis: [
                { name: "服务人次", target: 2400, unit: "人次" },
                { name: "服务对象满意度", target: 90, unit: "%" },
              ],
              status: closed ? "closed" : "active",
              signedAt,
              closedAt: closed ? new Date(signedAt.getTime() + 380 * day) : null,
              createdBy: plan.areaCode === street ? streetUser : districtUser,
              createdAt: signedAt,
              updatedAt: signedAt,
            })
            .returning({ id: projectContracts.id });
          if (contract) {
            contracts.push({
              id: contract.id,
              orgId: applicant.org.id,
              amountFen: applicant.requestedFen,
              signedAt,
              callAreaCode: plan.areaCode,
            });
          }
        }
      }
      contractsByKey.set(plan.key, contracts);
    }

    // Milestones: 30 % at start-up, 40 % mid-term, 30 % at closing. Accepted ones are paid into the ledger.
    const shares = [
      { title: "项目启动与需求评估", share: 3000, dueAfter: 30 },
      { title: "中期服务交付", share: 4000, dueAfter: 180 },
      { title: "结项总结与评估", share: 3000, dueAfter: 360 },
    ];
    // The closed project met every milestone on time. In the running one (signed 230 days ago) the first
    // milestones were accepted on time; demo-org's agency is overdue on the second, the other was late on it.
    const closedContracts = contractsByKey.get("closed") ?? [];
    const running = contractsByKey.get("contracted") ?? [];
    for (const contract of [...running, ...closedContracts]) {
      const closedProject = closedContracts.includes(contract);
      let paid = 0;
      let lastChange = contract.signedAt;
      for (const [position, stage] of shares.entries()) {
        const amountFen =
          position === shares.length - 1
            ? contract.amountFen - shares.slice(0, -1).reduce((sum, s) => sum + Math.floor((contract.amountFen * s.share) / 10000), 0)
            : Math.floor((contract.amountFen * stage.share) / 10000);
        const due = new Date(contract.signedAt.getTime() + stage.dueAfter * day);
        const overdue = !closedProject && position === 1 && contract.orgId === agency.id;
        const late = !closedProject && position === 1 && !overdue;
        const acceptedNow = closedProject || (due.getTime() < now && !overdue);
        const reportedAt = acceptedNow ? new Date(due.getTime() + (late ? 12 : -3) * day) : null;
        const acceptedAt = reportedAt ? new Date(reportedAt.getTime() + 2 * day) : null;
        const [milestone] = await tx.db
          .insert(milestones)
          .values({
            areaCode: contract.callAreaCode,
            contractId: contract.id,
            position,
            title: stage.title,
            deliverables: `${stage.title}：服务台账、活动记录和阶段报告（演示）`,
            dueOn: isoDate(due),
            shareBp: stage.share,
            amountFen,
            status: acceptedNow ? "accepted" : "pending",
            reportedAt: acceptedNow ? reportedAt : null,
            acceptedAt: acceptedNow ? acceptedAt : null,
            version: acceptedNow ? 3 : 1,
            createdAt: contract.signedAt,
            updatedAt: acceptedNow && acceptedAt ? acceptedAt : contract.signedAt,
          })
          .returning({ id: milestones.id });
        if (!milestone || !acceptedNow || !reportedAt || !acceptedAt) {
          continue;
        }
        // Evidence: the signed attendance sheet of the stage, attached to the contract.
        const sheet = demoSignInSheetPdf(`contract ${contract.id.slice(0, 8)} milestone ${position + 1}`);
        const [attachment] = await tx.db
          .insert(contractAttachments)
          .values({
            areaCode: contract.callAreaCode,
            contractId: contract.id,
            originalName: `${stage.title}签到表（演示）.pdf`,
            contentType: "application/pdf",
            sizeBytes: sheet.length,
            sha256: createHash("sha256").update(sheet).digest("hex"),
            bytes: sheet,
            createdAt: reportedAt,
          })
          .returning({ id: contractAttachments.id });
        await tx.db.insert(milestoneReports).values({
          areaCode: contract.callAreaCode,
          milestoneId: milestone.id,
          summary: `${stage.title}已完成，提交服务台账、签到表和阶段报告（演示）`,
          evidence: {
            referral_ids: [],
            service_record_ids: [],
            beneficiaries_reached: 80 + position * 40,
            attachment_ids: attachment ? [attachment.id] : [],
          },
          outcome: "accepted",
          decisionReason: "材料齐全，同意验收（演示）",
          decidedAt: acceptedAt,
          submittedAt: reportedAt,
        });
        await tx.db.insert(fundingLedger).values({
          areaCode: contract.callAreaCode,
          orgId: contract.orgId,
          source: "gov_purchase",
          amountFen,
          paidOn: isoDate(acceptedAt),
          contractId: contract.id,
          milestoneId: milestone.id,
          description: `${stage.title}验收付款（演示）`,
          createdAt: acceptedAt,
        });
        paid += amountFen;
        lastChange = acceptedAt;
      }
      await tx.db
        .update(projectContracts)
        .set({ paidFen: paid, updatedAt: closedProject ? new Date(contract.signedAt.getTime() + 380 * day) : lastChange })
        .where(eq(projectContracts.id, contract.id));
      if (closedProject) {
        const weights = { purchaser: 40, beneficiaries: 30, third_party: 30 };
        const scores = { purchaser: 88, beneficiaries: 86.5, third_party: 84 };
        const total =
          Math.round(
            ((scores.purchaser * weights.purchaser +
              scores.beneficiaries * weights.beneficiaries +
              scores.third_party * weights.third_party) /
              100) *
              100,
          ) / 100;
        const completedAt = new Date(contract.signedAt.getTime() + 380 * day);
        await tx.db.insert(projectEvaluations).values({
          contractId: contract.id,
          areaCode: contract.callAreaCode,
          evaluatorId: evaluator,
          purchaserScore: scores.purchaser,
          purchaserComment: "服务规范，台账完整（演示）",
          beneficiaryScore: scores.beneficiaries,
          beneficiaryRatings: 36,
          thirdPartyScore: scores.third_party,
          kpiResults: [
            { name: "服务人次", target: 2400, achieved: 2630, unit: "人次" },
            { name: "服务对象满意度", target: 90, achieved: 93, unit: "%" },
          ],
          thirdPartyComment: "目标达成，建议扩大送餐覆盖（演示）",
          weights,
          totalScore: total,
          grade: gradeOf(total),
          completedAt,
          createdAt: new Date(completedAt.getTime() - 20 * day),
          updatedAt: completedAt,
        });
      }
    }

    // demo-org's agency also lives on subsidies, donations, a foundation grant and its own income.
    const other = [
      { source: "gov_subsidy" as const, amountFen: 3_000_000, daysAgo: 400, description: "社工机构运营补贴（演示）" },
      { source: "donation" as const, amountFen: 860_000, daysAgo: 250, description: "爱心企业员工募捐（演示）" },
      { source: "foundation" as const, amountFen: 5_000_000, daysAgo: 120, description: "社区发展基金会小额资助（演示）" },
      { source: "self_income" as const, amountFen: 1_200_000, daysAgo: 60, description: "培训服务收入（演示）" },
      { source: "corporate" as const, amountFen: 2_000_000, daysAgo: 1400, description: "企业社会责任合作（演示，早于三年）" },
    ];
    await tx.db.insert(fundingLedger).values(
      other.map((row) => ({
        areaCode: district,
        orgId: agency.id,
        source: row.source,
        amountFen: row.amountFen,
        paidOn: isoDate(ago(row.daysAgo)),
        description: row.description,
        createdAt: ago(row.daysAgo),
      })),
    );
  });
}
