/**
 * Government purchase of services (项目化运作) for the benchmark world (issue 7): calls with their
 * rubric and review panel, applications of organizations of the purchaser's area, review declarations
 * and scores, contracts of awarded applications with 2–4 milestones, milestone reports, the funding
 * ledger and closing evaluations — shaped as apps/server/src/modules/projects/*-service.ts write them,
 * from the loader's seeded PRNG.
 *
 * Calls: 75% awarded, 8% open, 7% under review, 5% draft, 5% cancelled; purchasers are communities
 * (30%), streets (40%), districts (25%) and the city (5%) within the loaded area; modes venture 40%,
 * directed 35%, commissioned 25%; ocid `${prefix}-${id}`; criteria weights sum to 100. An awarded call
 * has 2–6 applications, 1–3 of the best scored awarded; reviewers (the area's official and 1–3
 * evaluators) declare on every application (3% conflicted) and score every criterion they may; the
 * final score is the average of the complete reviewers' weighted scores, as the award computes it.
 * Calls are generated until the contract target is reached (an application awarded less than ~two
 * weeks ago may have no contract yet, as in life).
 *
 * Contracts run 12 months (6 in one of five) from the day after signing; milestone shares are basis
 * points summing to 10000 with amounts in fen, the remainder on the last (milestoneAmounts). A
 * contract whose period ended more than 30 days ago is closed (85%, evaluation complete), closing (8%,
 * evaluation under way) or terminated (7%); the others are active: milestones due in the past are
 * accepted (75%), reported (10%), returned (5%) or overdue (10%). Each accepted milestone has an
 * accepted report (one in ten after a returned one) and one `gov_purchase` ledger row; paid_fen is
 * their sum, so never above the amount. Other income (subsidies, donations, …) is ≈ 1.5 rows per
 * contract on the organizations' home areas.
 *
 * Audit: one row per record a user creates through the API, as the services write them —
 * calls.create, applications.submit, projects.contract_create and projects.ledger_record (other
 * income); the decisions that follow (award, acceptances, evaluation) are left out, as the needs
 * loader leaves out everything after needs.create.
 */
import type { auditLog } from "../apps/server/src/platform/audit/schema.js";
import { categorySeeds } from "../apps/server/src/modules/needs/categories.js";
import { milestoneAmounts } from "../apps/server/src/modules/projects/contracts/rules.js";
import { gradeOf, satisfactionScore, totalScore } from "../apps/server/src/modules/projects/evaluation/rules.js";
import type {
  applications,
  callCriteria,
  callReviewers,
  calls,
  fundingLedger,
  milestoneReports,
  milestones,
  projectContracts,
  projectEvaluations,
  reviewDeclarations,
  reviewScores,
} from "../apps/server/src/modules/projects/schema.js";
import type { Random } from "./data-needs.mjs";

export type Org = { id: string; name: string; areaCode: string; category: string };
export type Person = { id: string; login: string };
/** Accounts acting in the world: demo accounts where they serve, bench accounts elsewhere. */
export type People = {
  /** Who manages calls and convenes meetings in an area: community staff of a community, the official of a street, district or city. */
  manager: (areaCode: string) => Person;
  /** An official holding projects.review over the area (a community's street official). */
  official: (areaCode: string) => Person;
  evaluators: readonly Person[];
  /** A staff account of the organization (created on first use). */
  orgStaff: (org: Org) => Person;
};
export type World = {
  /** Names of the areas (city, districts, streets, communities) under the loaded prefix. */
  areaName: (code: string) => string;
  communities: readonly string[];
  streets: readonly string[];
  districts: readonly string[];
  /** "4101" when the city is loaded, else null. */
  city: string | null;
  orgs: readonly Org[];
  people: People;
  ocidPrefix: string;
};

export type ProjectBatch = {
  calls: Array<typeof calls.$inferInsert>;
  criteria: Array<typeof callCriteria.$inferInsert>;
  reviewers: Array<typeof callReviewers.$inferInsert>;
  applications: Array<typeof applications.$inferInsert>;
  declarations: Array<typeof reviewDeclarations.$inferInsert>;
  scores: Array<typeof reviewScores.$inferInsert>;
  contracts: Array<typeof projectContracts.$inferInsert>;
  milestones: Array<typeof milestones.$inferInsert>;
  reports: Array<typeof milestoneReports.$inferInsert>;
  ledger: Array<typeof fundingLedger.$inferInsert>;
  evaluations: Array<typeof projectEvaluations.$inferInsert>;
  audits: Array<typeof auditLog.$inferInsert>;
};

const hour = 3_600_000;
const day = 24 * hour;

const rubrics = [
  ["需求契合度", "服务方案可行性", "机构能力与经验", "预算合理性"],
  ["需求分析", "服务设计", "团队与资质", "预算与绩效目标", "社区参与"],
  ["项目创新性", "实施可行性", "预期成效"],
  ["服务对象覆盖", "专业方法", "过往项目绩效", "经费使用计划"],
];
const topics: Record<string, readonly string[]> = {
  elderly_care: ["老年助餐与居家探访", "高龄独居老人关爱", "居家养老上门服务"],
  disability: ["残疾人康复与就业支持", "助残辅具适配服务"],
  children_youth: ["青少年课后托管", "儿童安全与成长陪伴", "四点半课堂"],
  employment: ["困难群体就业援助", "灵活就业技能培训"],
  counseling: ["社区心理健康服务", "家庭关系调适"],
  legal_aid: ["社区法律援助驿站", "普法宣传与咨询"],
  health: ["慢病健康管理", "家庭医生签约推广"],
  social_assistance: ["困难家庭综合救助", "低保家庭帮扶"],
  neighbor_dispute: ["邻里矛盾纠纷调解", "楼栋议事协商"],
  sanitation: ["垃圾分类宣传督导", "老旧小区环境整治"],
  repairs: ["老旧小区便民维修", "楼院设施微更新"],
  culture_sports: ["社区文化活动", "全民健身进社区"],
  housekeeping: ["家政便民服务", "社区便民服务站运营"],
  other: ["社区治理能力提升", "志愿服务体系建设"],
};
const modeWords = { venture: "社区公益创投", directed: "定向购买服务项目", commissioned: "委托服务项目" } as const;
const documents = ["plan", "budget", "registration_certificate", "audit_report", "qualification"];
const orgCategories = ["charity", "culture_sports", "life_services", "rights", "comprehensive"];
const otherSources = ["gov_subsidy", "self_income", "donation", "corporate", "resident", "foundation"] as const;
const otherDescriptions: Record<(typeof otherSources)[number], string> = {
  gov_subsidy: "社工机构运营补贴",
  self_income: "培训与咨询服务收入",
  donation: "爱心人士捐赠",
  corporate: "企业社会责任合作",
  resident: "居民自筹",
  foundation: "基金会小额资助",
};
const shareSets: Record<number, ReadonlyArray<readonly number[]>> = {
  2: [
    [5000, 5000],
    [4000, 6000],
    [3000, 7000],
  ],
  3: [
    [3000, 4000, 3000],
    [3000, 3000, 4000],
    [2000, 5000, 3000],
  ],
  4: [
    [2500, 2500, 2500, 2500],
    [2000, 3000, 3000, 2000],
    [3000, 2000, 2000, 3000],
  ],
};
const returnReasons = ["服务台账不完整，请补充活动签到表", "受益人数与台账不一致，请核对后重新提交", "缺少阶段性成效说明"];

/** Adds a value to the list under a key (in place). */
export function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

export const emptyProjectBatch = (): ProjectBatch => ({
  calls: [],
  criteria: [],
  reviewers: [],
  applications: [],
  declarations: [],
  scores: [],
  contracts: [],
  milestones: [],
  reports: [],
  ledger: [],
  evaluations: [],
  audits: [],
});

/** Calls and contracts to link from meeting agendas. */
export type ProjectLinks = { calls: Array<{ id: string; areaCode: string }>; contracts: Array<{ id: string; areaCode: string }> };

/** Generates calls until `contractTarget` contracts exist, with everything that hangs off them. */
export function generateProjects(
  rng: Random,
  asOf: Date,
  world: World,
  contractTarget: number,
): { batch: ProjectBatch; links: ProjectLinks } {
  const { random, between, pick, uuid } = rng;
  const end = asOf.getTime();
  const at = (ms: number) => new Date(Math.round(ms));
  const dateOf = (ms: number) => new Date(ms + 8 * hour).toISOString().slice(0, 10);
  const msOf = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
  const batch = emptyProjectBatch();
  const links: ProjectLinks = { calls: [], contracts: [] };
  const audit = (row: {
    at: Date;
    actor: Person | null;
    action: string;
    entityType: string;
    entityId: string;
    areaCode: string;
    detail: Record<string, unknown>;
  }) =>
    batch.audits.push({
      at: row.at,
      actorId: row.actor?.id ?? null,
      actorLogin: row.actor?.login ?? "system",
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      areaCode: row.areaCode,
      ip: null,
      requestId: null,
      outcome: "success",
      detail: row.detail,
    });

  // Organizations by area: every prefix of their home area, and exactly at a street.
  const orgsUnder = new Map<string, Org[]>();
  const orgsAt = new Map<string, Org[]>();
  for (const org of world.orgs) {
    for (const length of [4, 6, 9, 12]) {
      if (org.areaCode.length >= length) {
        const key = org.areaCode.slice(0, length);
        append(orgsUnder, key, org);
      }
    }
    append(orgsAt, org.areaCode, org);
  }
  /** Organizations registered in, or serving, the area: a community's own and its street's. */
  const poolOf = (area: string) =>
    area.length === 12 ? [...(orgsUnder.get(area) ?? []), ...(orgsAt.get(area.slice(0, 9)) ?? [])] : (orgsUnder.get(area) ?? []);
  const sample = <T,>(items: readonly T[], count: number): T[] => {
    const chosen = new Set<T>();
    const wanted = Math.min(count, items.length);
    while (chosen.size < wanted) {
      chosen.add(pick(items));
    }
    return [...chosen];
  };
  const yuan = (low: number, high: number) => between(low / 100, high / 100) * 10_000; // whole 100 元, in fen
  const childrenOf = (area: string) =>
    area.length === 9 ? world.communities.filter((code) => code.startsWith(area)) : world.streets.filter((code) => code.startsWith(area));
  const purchaserName = (area: string) =>
    area.length === 4
      ? "郑州市民政局"
      : area.length === 6
        ? `${world.areaName(area)}民政局`
        : area.length === 9
          ? `${world.areaName(area)}办事处`
          : `${world.areaName(area)}居民委员会`;
  const capRange = (area: string): [number, number] =>
    area.length === 12
      ? [50_000, 200_000]
      : area.length === 9
        ? [100_000, 500_000]
        : area.length === 6
          ? [200_000, 1_000_000]
          : [500_000, 2_000_000];
  const otherIncome = (org: Org) => {
    const source = pick(otherSources);
    const paid = end - random() * 1000 * day;
    const id = uuid();
    const createdBy = world.people.orgStaff(org);
    batch.ledger.push({
      id,
      areaCode: org.areaCode,
      orgId: org.id,
      source,
      amountFen: yuan(1_000, 200_000),
      paidOn: dateOf(paid),
      contractId: null,
      milestoneId: null,
      description: `${otherDescriptions[source]}（压测）`,
      createdBy: createdBy.id,
      createdAt: at(Math.min(end - hour, paid + between(1, 10) * day)),
    });
    const row = batch.ledger.at(-1) as (typeof batch.ledger)[number];
    audit({
      at: row.createdAt as Date,
      actor: createdBy,
      action: "projects.ledger_record",
      entityType: "funding_ledger",
      entityId: id,
      areaCode: org.areaCode,
      detail: { org: org.id, source, amount_fen: row.amountFen, paid_on: row.paidOn },
    });
  };

  let contractCount = 0;
  let guard = 0;
  while (contractCount < contractTarget && guard < contractTarget * 50) {
    guard += 1;
    // Purchaser and status.
    const levelRoll = random();
    const purchaserArea =
      world.city && levelRoll < 0.05
        ? world.city
        : levelRoll < 0.3 && world.districts.length > 0
          ? pick(world.districts)
          : levelRoll < 0.7
            ? pick(world.streets)
            : pick(world.communities);
    const pool = poolOf(purchaserArea);
    if (pool.length < 2) {
      continue;
    }
    const statusRoll = random();
    const status =
      statusRoll < 0.75
        ? "awarded"
        : statusRoll < 0.83
          ? "open"
          : statusRoll < 0.9
            ? "under_review"
            : statusRoll < 0.95
              ? "draft"
              : "cancelled";
    const modeRoll = random();
    const mode = modeRoll < 0.4 ? "venture" : modeRoll < 0.75 ? "directed" : "commissioned";
    const category = pick(categorySeeds);
    const second = random() < 0.3 ? pick(categorySeeds) : null;
    const needCategories = [...new Set([category.code, ...(second ? [second.code] : [])])];
    const [capLow, capHigh] = capRange(purchaserArea);
    const projectCapFen = yuan(capLow, capHigh);
    const winnersWanted = mode === "commissioned" ? 1 : between(1, 3);
    const totalBudgetFen = projectCapFen * (winnersWanted + between(0, 2));
    let awardedAt: number | null = null;
    let deadline: number;
    let publishedAt: number | null;
    if (status === "awarded") {
      awardedAt = end - between(5, 1000) * day - random() * day;
      deadline = awardedAt - between(10, 30) * day;
      publishedAt = deadline - between(20, 45) * day;
    } else if (status === "under_review") {
      deadline = end - between(1, 20) * day;
      publishedAt = deadline - between(20, 45) * day;
    } else if (status === "open") {
      deadline = end + between(3, 40) * day;
      publishedAt = end - between(1, 30) * day - random() * day;
    } else if (status === "draft") {
      deadline = end + between(20, 60) * day;
      publishedAt = null;
    } else {
      publishedAt = end - between(30, 400) * day;
      deadline = publishedAt + 30 * day;
    }
    deadline = msOf(dateOf(deadline)) + 17 * hour + 30 * 60_000; // 17:30 local
    const createdAt = (publishedAt ?? end - between(1, 20) * day) - between(1, 5) * day;
    const updatedAt =
      awardedAt ??
      (status === "under_review"
        ? deadline
        : status === "cancelled"
          ? (publishedAt as number) + between(1, 25) * day
          : (publishedAt ?? createdAt));
    const callId = uuid();
    const manager = world.people.manager(purchaserArea);
    const official = world.people.official(purchaserArea);
    const panel = [official, ...sample(world.people.evaluators, between(1, 3))];
    const weightsRoll = random();
    const evaluationWeights =
      weightsRoll < 0.7
        ? { purchaser: 40, beneficiaries: 30, third_party: 30 }
        : weightsRoll < 0.85
          ? { purchaser: 50, beneficiaries: 25, third_party: 25 }
          : { purchaser: 30, beneficiaries: 40, third_party: 30 };
    const children = childrenOf(purchaserArea);
    const targets = children.length > 0 && random() < 0.4 ? sample(children, between(1, 3)).sort() : [purchaserArea];
    const year = new Date((publishedAt ?? createdAt) + 8 * hour).getUTCFullYear();
    const title = `${year}年${world.areaName(purchaserArea)}${modeWords[mode]}：${pick(topics[category.code] ?? ["社区服务"])}`;
    batch.calls.push({
      id: callId,
      areaCode: purchaserArea,
      ocid: `${world.ocidPrefix}-${callId}`,
      purchaserName: purchaserName(purchaserArea),
      mode,
      title,
      description: `面向${world.areaName(purchaserArea)}居民开展${category.name}服务，由社会组织承接，按期完成服务指标并接受绩效评估（压测数据）。`,
      needCategories,
      targetAreaCodes: targets,
      totalBudgetFen,
      projectCapFen,
      minOrgGrade: mode === "commissioned" && random() < 0.6 ? pick(["2A", "3A", "3A", "4A"] as const) : null,
      eligibleOrgCategories: random() < 0.2 ? [pick(orgCategories)] : [],
      requireLocalPresence: random() < 0.85,
      requiredDocuments: documents.slice(0, between(2, 5)),
      submissionDeadline: at(deadline),
      evaluationWeights,
      status,
      publishedAt: publishedAt === null ? null : at(publishedAt),
      awardedAt: awardedAt === null ? null : at(awardedAt),
      createdBy: manager.id,
      version: status === "draft" ? 1 : status === "open" ? 2 : 3,
      createdAt: at(createdAt),
      updatedAt: at(updatedAt),
    });
    audit({
      at: at(createdAt),
      actor: manager,
      action: "calls.create",
      entityType: "call",
      entityId: callId,
      areaCode: purchaserArea,
      detail: { title, mode },
    });
    if (status !== "draft") {
      links.calls.push({ id: callId, areaCode: purchaserArea });
    }
    // Rubric: 3–5 criteria, weights multiples of 5 (at least 10) summing to 100.
    const names = pick(rubrics);
    const weights = names.map(() => 10);
    for (let left = 100 - weights.length * 10; left > 0; left -= 5) {
      const index = between(0, weights.length - 1);
      weights[index] = (weights[index] as number) + 5;
    }
    const criteria = names.map((name, position) => ({ id: uuid(), name, weight: weights[position] as number, position }));
    for (const criterion of criteria) {
      batch.criteria.push({
        id: criterion.id,
        areaCode: purchaserArea,
        callId,
        position: criterion.position,
        name: criterion.name,
        description: random() < 0.5 ? `${criterion.name}：按评分细则打分` : null,
        weight: criterion.weight,
      });
    }
    for (const reviewer of panel) {
      batch.reviewers.push({ areaCode: purchaserArea, callId, userId: reviewer.id, createdAt: at(createdAt) });
    }
    if (status === "draft" || status === "cancelled") {
      continue;
    }

    // Applications, declarations and scores.
    const applicants = sample(pool, status === "awarded" ? between(2, 6) : between(1, 5));
    type Applicant = {
      id: string;
      org: Org;
      title: string;
      requestedFen: number;
      final: number | null;
      kpis: Array<{ name: string; target: number; unit: string }>;
      withdrawn: boolean;
    };
    const entries: Applicant[] = [];
    const reviewed = status === "awarded" || status === "under_review";
    const declaredAt = Math.min(deadline + between(1, 5) * day, end - hour);
    for (const org of applicants) {
      const submitted = Math.min(deadline, end) - random() * Math.max(day, Math.min(deadline, end) - (publishedAt as number));
      const withdrawn = random() < 0.05 && status !== "awarded";
      const requestedFen = Math.floor((projectCapFen * (0.6 + random() * 0.4)) / 10_000) * 10_000;
      const beneficiaryCount = between(40, 800);
      const kpis = [
        { name: "服务人次", target: beneficiaryCount * between(5, 20), unit: "人次" },
        { name: "服务对象满意度", target: pick([85, 90, 95]), unit: "%" },
        ...(random() < 0.5 ? [{ name: "开展小组活动", target: between(6, 48), unit: "次" }] : []),
      ];
      const staffing = Math.round(requestedFen * 0.55);
      const activities = Math.round(requestedFen * 0.3);
      const applicationId = uuid();
      const topic = pick(topics[category.code] ?? ["社区服务"]);
      const applicationTitle = `${org.name.replace(/\d+号$/, "")}·${topic}`;
      const sheets: number[][] = [];
      if (reviewed && !withdrawn) {
        for (const reviewer of panel) {
          const conflicted = random() < 0.03;
          batch.declarations.push({
            areaCode: purchaserArea,
            applicationId,
            reviewerId: reviewer.id,
            conflicted,
            reason: conflicted ? "曾在该机构任职" : null,
            declaredAt: at(declaredAt),
          });
          const completeness = status === "awarded" ? 1 : random();
          if (conflicted || completeness < 0.2) {
            continue;
          }
          const base = between(55, 90);
          const scored = completeness < 0.4 ? criteria.slice(0, between(1, criteria.length - 1)) : criteria;
          const sheet: number[] = [];
          for (const criterion of scored) {
            const score = Math.min(100, base + between(-5, 10));
            sheet.push(score);
            batch.scores.push({
              areaCode: purchaserArea,
              applicationId,
              reviewerId: reviewer.id,
              criterionId: criterion.id,
              score,
              comment: random() < 0.2 ? "方案较完整，建议细化服务指标" : null,
              scoredAt: at(declaredAt + random() * hour),
            });
          }
          if (sheet.length === criteria.length) {
            sheets.push(sheet);
          }
        }
      }
      // As the award's SQL: round(avg(sum(score × weight) / 100), 2), here in integers so halves round up as numeric does.
      const points = sheets.reduce(
        (sum, sheet) => sum + criteria.reduce((total, criterion, index) => total + (sheet[index] ?? 0) * criterion.weight, 0),
        0,
      );
      const final = status === "awarded" && sheets.length > 0 ? Math.round(points / sheets.length) / 100 : null;
      entries.push({ id: applicationId, org, title: applicationTitle, requestedFen, final, kpis, withdrawn });
      batch.applications.push({
        id: applicationId,
        areaCode: purchaserArea,
        callId,
        orgId: org.id,
        title: applicationTitle,
        objectives: `${topic}：覆盖目标人群 ${beneficiaryCount} 人，按期完成服务指标（压测数据）`,
        activities: "需求评估、个案服务、小组活动、社区活动、志愿者培训",
        beneficiaries: `${world.areaName(targets[0] as string)}${category.name}服务对象`,
        beneficiaryCount,
        kpis,
        budgetLines: [
          { item: "人员费用", amount_fen: staffing },
          { item: "活动与物资", amount_fen: activities },
          { item: "管理与宣传", amount_fen: requestedFen - staffing - activities },
        ],
        requestedFen,
        status: withdrawn ? "withdrawn" : "submitted",
        submittedAt: at(submitted),
        withdrawnAt: withdrawn ? at(submitted + random() * Math.max(hour, Math.min(deadline, end) - submitted)) : null,
        decisionReason: null,
        decidedAt: null,
        finalScore: final,
        createdBy: world.people.orgStaff(org).id,
        version: withdrawn ? 2 : 1,
        createdAt: at(submitted),
        updatedAt: at(submitted),
      });
      audit({
        at: at(submitted),
        actor: world.people.orgStaff(org),
        action: "applications.submit",
        entityType: "application",
        entityId: applicationId,
        areaCode: purchaserArea,
        detail: { call: callId, org: org.id, requested_fen: requestedFen },
      });
    }
    if (status !== "awarded" || awardedAt === null) {
      continue;
    }
    const ranked = [...entries].filter((entry) => !entry.withdrawn).sort((a, b) => (b.final ?? -1) - (a.final ?? -1));
    const winners = new Set(ranked.slice(0, Math.min(winnersWanted, ranked.length - (ranked.length > 1 ? 1 : 0))).map((entry) => entry.id));
    const applicationRows = new Map(batch.applications.slice(-entries.length).map((row) => [row.id as string, row]));
    for (const entry of entries) {
      const row = applicationRows.get(entry.id);
      if (!row || entry.withdrawn) {
        continue;
      }
      const won = winners.has(entry.id);
      row.status = won ? "awarded" : "not_awarded";
      row.decisionReason = won ? "综合评分排名靠前，方案可行" : "综合评分未进入资助名单";
      row.decidedAt = at(awardedAt);
      row.version = 2;
      row.updatedAt = at(awardedAt);
    }

    // Contracts of the winners signed by now.
    for (const entry of ranked.filter((candidate) => winners.has(candidate.id))) {
      const signed = awardedAt + between(3, 15) * day + random() * 8 * hour;
      if (signed >= end || contractCount >= contractTarget) {
        continue;
      }
      contractCount += 1;
      const contractId = uuid();
      const amountFen = random() < 0.85 ? entry.requestedFen : Math.floor((entry.requestedFen * 0.9) / 10_000) * 10_000;
      const periodStart = dateOf(signed + day);
      const months = random() < 0.2 ? 6 : 12;
      const startMs = msOf(periodStart);
      const periodEnd = dateOf(startMs + (months === 12 ? 364 : 181) * day);
      const endMs = msOf(periodEnd);
      const ended = endMs + 30 * day < end;
      const statusRoll2 = random();
      let contractStatus: "active" | "closing" | "closed" | "terminated" = ended
        ? statusRoll2 < 0.85
          ? "closed"
          : statusRoll2 < 0.93
            ? "closing"
            : "terminated"
        : statusRoll2 < 0.02
          ? "terminated"
          : "active";
      const terminatedAt =
        contractStatus === "terminated" ? Math.min(end - day, startMs + (0.3 + random() * 0.6) * (Math.min(endMs, end) - startMs)) : null;
      const manager2 = world.people.manager(purchaserArea);
      const shares = pick(shareSets[between(2, 4)] as ReadonlyArray<readonly number[]>);
      const amounts = milestoneAmounts(amountFen, shares);
      let paid = 0;
      let lastAccepted = signed;
      let lastChange = signed;
      let contractVersion = 1;
      for (const [index, share] of shares.entries()) {
        const milestoneId = uuid();
        const due = index === shares.length - 1 ? endMs : msOf(dateOf(startMs + ((index + 1) / shares.length) * (endMs - startMs)));
        const title = index === 0 ? "项目启动与需求评估" : index === shares.length - 1 ? "结项总结与评估" : `阶段服务交付（第${index}期）`;
        let state: "pending" | "reported" | "accepted" | "returned" | "overdue" = "pending";
        if (contractStatus === "closed" || contractStatus === "closing") {
          state = "accepted";
        } else if (terminatedAt !== null) {
          state = due < terminatedAt - 20 * day ? "accepted" : "pending";
        } else if (due < end) {
          const roll = random();
          state = roll < 0.75 ? "accepted" : roll < 0.85 ? "reported" : roll < 0.9 ? "returned" : "overdue";
        } else if (due < end + 30 * day && random() < 0.1) {
          state = "reported";
        }
        const onTime = contractStatus === "closed" || contractStatus === "closing" || random() < 0.8;
        let reportedAt = due + (onTime ? -between(0, 10) : between(1, 20)) * day + random() * 8 * hour;
        reportedAt = Math.max(reportedAt, signed + hour);
        let acceptedAt = reportedAt + between(1, 10) * day;
        if (state === "accepted" && acceptedAt >= (terminatedAt ?? end)) {
          // Not decided yet: the report waits.
          if (reportedAt < (terminatedAt ?? end) - hour && terminatedAt === null && contractStatus === "active") {
            state = "reported";
          } else {
            reportedAt = Math.min(reportedAt, (terminatedAt ?? end) - 3 * day);
            acceptedAt = reportedAt + day;
          }
        }
        if ((state === "reported" || state === "returned") && reportedAt >= end) {
          reportedAt = end - day - random() * day;
        }
        const accepted = state === "accepted";
        const reportBase = { areaCode: purchaserArea, milestoneId, submittedBy: world.people.orgStaff(entry.org).id };
        const evidence = (reached: number) => ({
          referral_ids: [],
          service_record_ids: [],
          beneficiaries_reached: reached,
          attachment_ids: [],
        });
        let milestoneVersion = 1;
        if (accepted && random() < 0.1) {
          const first = reportedAt - between(5, 15) * day;
          batch.reports.push({
            ...reportBase,
            id: uuid(),
            summary: `${title}阶段报告（初稿）`,
            evidence: evidence(between(10, 200)),
            outcome: "returned",
            decisionReason: pick(returnReasons),
            decidedBy: manager2.id,
            decidedAt: at(first + 2 * day),
            submittedAt: at(first),
          });
          milestoneVersion += 2;
        }
        if (state !== "pending" && state !== "overdue") {
          batch.reports.push({
            ...reportBase,
            id: uuid(),
            summary: `${title}已完成，提交服务台账和阶段报告`,
            evidence: evidence(between(20, 400)),
            outcome: state === "reported" ? "pending" : state === "returned" ? "returned" : "accepted",
            decisionReason: state === "returned" ? pick(returnReasons) : state === "accepted" ? "材料齐全，同意验收" : null,
            decidedBy: state === "reported" ? null : manager2.id,
            decidedAt: state === "accepted" ? at(acceptedAt) : state === "returned" ? at(Math.min(end - hour, reportedAt + 2 * day)) : null,
            submittedAt: at(reportedAt),
          });
          milestoneVersion += state === "reported" ? 1 : 2;
        }
        const changed = accepted
          ? acceptedAt
          : state === "returned"
            ? Math.min(end - hour, reportedAt + 2 * day)
            : state === "reported"
              ? reportedAt
              : signed;
        batch.milestones.push({
          id: milestoneId,
          areaCode: purchaserArea,
          contractId,
          position: index + 1,
          title,
          deliverables: `${title}：服务台账、活动记录和阶段报告`,
          dueOn: dateOf(due),
          shareBp: share,
          amountFen: amounts[index] as number,
          status: state === "overdue" ? "pending" : state,
          reportedAt: state === "pending" || state === "overdue" ? null : at(reportedAt),
          acceptedAt: accepted ? at(acceptedAt) : null,
          version: milestoneVersion,
          createdAt: at(signed),
          updatedAt: at(changed),
        });
        lastChange = Math.max(lastChange, changed);
        if (accepted) {
          const milestoneAmount = amounts[index] as number;
          paid += milestoneAmount;
          contractVersion += 1;
          lastAccepted = Math.max(lastAccepted, acceptedAt);
          batch.ledger.push({
            id: uuid(),
            areaCode: purchaserArea,
            orgId: entry.org.id,
            source: "gov_purchase",
            amountFen: milestoneAmount,
            paidOn: dateOf(acceptedAt),
            contractId,
            milestoneId,
            description: `${entry.title} · ${title}`,
            createdBy: manager2.id,
            createdAt: at(acceptedAt),
          });
        }
      }
      // Closing: the evaluation opens when the purchaser closes (or terminates) the contract.
      let closedAt: number | null = null;
      let updated = lastChange;
      if (contractStatus !== "active") {
        const closingAt = terminatedAt ?? Math.min(end - 2 * day, Math.max(lastAccepted, endMs) + between(1, 20) * day);
        let completedAt: number | null = closingAt + between(5, 40) * day;
        if (completedAt >= end || (contractStatus === "closing" && random() < 0.9)) {
          completedAt = null;
        }
        if (contractStatus === "closed" && completedAt === null) {
          contractStatus = "closing";
        }
        if (contractStatus === "closing" && completedAt !== null) {
          contractStatus = "closed";
        }
        closedAt = contractStatus === "terminated" ? closingAt : contractStatus === "closed" ? completedAt : null;
        const ratings = random() < 0.85 ? between(3, 80) : 0;
        const beneficiaryScore = ratings > 0 ? satisfactionScore(3.4 + random() * 1.6) : null;
        const purchaserScore = completedAt !== null || random() < 0.5 ? between(600, 980) / 10 : null;
        const thirdPartyScore = completedAt !== null ? between(550, 980) / 10 : null;
        const total =
          completedAt !== null && purchaserScore !== null && thirdPartyScore !== null
            ? totalScore(evaluationWeights, {
                purchaser: purchaserScore,
                beneficiaries: ratings > 0 ? beneficiaryScore : null,
                thirdParty: thirdPartyScore,
              })
            : null;
        batch.evaluations.push({
          contractId,
          areaCode: purchaserArea,
          evaluatorId: pick(world.people.evaluators).id,
          purchaserScore,
          purchaserComment: purchaserScore === null ? null : "服务规范，台账完整",
          beneficiaryScore,
          beneficiaryRatings: ratings,
          thirdPartyScore,
          kpiResults:
            thirdPartyScore === null
              ? null
              : entry.kpis.map((kpi) => ({ ...kpi, achieved: Math.round(kpi.target * (0.7 + random() * 0.45)) })),
          thirdPartyComment: thirdPartyScore === null ? null : "目标基本达成，建议加强过程记录",
          weights: evaluationWeights,
          totalScore: total,
          grade: total === null ? null : gradeOf(total),
          completedAt: completedAt === null ? null : at(completedAt),
          version: 1 + (purchaserScore === null ? 0 : 1) + (thirdPartyScore === null ? 0 : 1),
          createdAt: at(closingAt),
          updatedAt: at(completedAt ?? closingAt + (purchaserScore === null ? 0 : day)),
        });
        contractVersion += contractStatus === "closed" ? 2 : 1;
        updated = Math.max(updated, closedAt ?? closingAt);
      }
      batch.contracts.push({
        id: contractId,
        areaCode: purchaserArea,
        callId,
        applicationId: entry.id,
        orgId: entry.org.id,
        title: entry.title,
        amountFen,
        paidFen: paid,
        periodStart,
        periodEnd,
        kpis: entry.kpis,
        status: contractStatus,
        signedAt: at(signed),
        closedAt: closedAt === null ? null : at(closedAt),
        createdBy: manager2.id,
        version: contractVersion,
        createdAt: at(signed),
        updatedAt: at(updated),
      });
      audit({
        at: at(signed),
        actor: manager2,
        action: "projects.contract_create",
        entityType: "project_contract",
        entityId: contractId,
        areaCode: purchaserArea,
        detail: { application: entry.id, org: entry.org.id, amount_fen: amountFen, milestones: amounts },
      });
      links.contracts.push({ id: contractId, areaCode: purchaserArea });
      // Other income of the organization: ≈ 1.5 rows per contract.
      for (let extra = random() < 0.5 ? 1 : 2; extra > 0; extra -= 1) {
        otherIncome(random() < 0.7 ? entry.org : pick(world.orgs));
      }
    }
  }
  return { batch, links };
}
