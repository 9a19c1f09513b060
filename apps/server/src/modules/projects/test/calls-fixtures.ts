import type { CallCreate } from "@sanshe/contracts";
import { as, createTestApp, signIn, type TestApp } from "../../../../test/test-app.js";
import { buildUser } from "../../users/test/factories.js";

/** A test app whose clock the test moves (sessions last long enough to cross a deadline). */
export async function projectsTestApp(): Promise<{ t: TestApp; clock: { now: Date } }> {
  const clock = { now: new Date("2026-06-01T02:00:00Z") };
  const t = await createTestApp({ SANSHE_SESSION_IDLE_MINUTES: "1000000", SANSHE_SESSION_MAX_HOURS: "100000" }, { now: () => clock.now });
  return { t, clock };
}

export type Client = ReturnType<typeof as> & { id: string };

export async function client(t: TestApp, grants: Parameters<typeof buildUser>[1]): Promise<Client> {
  const user = await buildUser(t.ctx, grants);
  return Object.assign(as(t.app, await signIn(t.app, user.login)), { id: user.id });
}

/** A valid call draft for the street 410105007 targeting 丰乐社区, deadline ten days after `now`. */
export function callDraft(now: Date, overrides: Partial<CallCreate> = {}): CallCreate {
  return {
    area_code: "410105007",
    purchaser_name: "南阳新村街道办事处",
    mode: "commissioned",
    title: "丰乐社区居家养老服务项目",
    description: "为辖区高龄、独居老人提供上门探访与助餐服务。",
    need_categories: ["elderly_care"],
    target_area_codes: ["410105007002"],
    total_budget_fen: 30_000_000,
    project_cap_fen: 20_000_000,
    min_org_grade: null,
    eligible_org_categories: [],
    require_local_presence: true,
    required_documents: ["plan", "budget"],
    submission_deadline: new Date(now.getTime() + 10 * 86_400_000).toISOString(),
    criteria: [
      { name: "需求契合度", weight: 40 },
      { name: "执行能力", weight: 35 },
      { name: "预算合理性", weight: 25 },
    ],
    reviewer_ids: [],
    evaluation_weights: { purchaser: 40, beneficiaries: 30, third_party: 30 },
    ...overrides,
  };
}

export const applicationBody = (overrides: Record<string, unknown> = {}) => ({
  title: "银龄守护计划",
  objectives: "每周上门探访 60 位独居老人",
  activities: "探访、助餐、健康讲座",
  beneficiaries: "丰乐社区 80 岁以上独居老人",
  beneficiary_count: 60,
  kpis: [{ name: "探访人次", target: 2400, unit: "人次" }],
  budget_lines: [
    { item: "人员费用", amount_fen: 8_000_000 },
    { item: "活动物资", amount_fen: 2_000_000 },
  ],
  requested_fen: 10_000_000,
  ...overrides,
});

export const pdf = (size = 1000) => Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(size, 0x20)]);
