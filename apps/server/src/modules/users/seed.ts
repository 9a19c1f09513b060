import type { MembershipCreate, Role } from "@sanshe/contracts";
import { eq } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import type { SeedOptions } from "../../platform/module.js";
import { users } from "../../platform/auth/index.js";
import { demoAgencyName, findOrganizationByName } from "../social-orgs/index.js";
import { createUserAsSystem } from "./service.js";

type DemoAccount = {
  login: string;
  displayName: string;
  who: string;
  grants: Array<{ role: Role; area_code: string; organization?: true }>;
};

/** The demo accounts of the README, one per role, in real Zhengzhou jurisdictions. */
export const demoAccounts: DemoAccount[] = [
  {
    login: "demo-city",
    displayName: "郑州市民政局（演示）",
    who: "city official and platform administrator",
    grants: [
      { role: "official", area_code: "4101" },
      { role: "admin", area_code: "4101" },
    ],
  },
  {
    login: "demo-district",
    displayName: "金水区民政局（演示）",
    who: "金水区 official",
    grants: [{ role: "official", area_code: "410105" }],
  },
  {
    login: "demo-district-erqi",
    displayName: "二七区民政局（演示）",
    who: "二七区 official",
    grants: [{ role: "official", area_code: "410103" }],
  },
  {
    login: "demo-street",
    displayName: "南阳新村街道办事处（演示）",
    who: "南阳新村街道 official",
    grants: [{ role: "official", area_code: "410105007" }],
  },
  {
    login: "demo-community",
    displayName: "丰乐社区居委会（演示）",
    who: "丰乐社区 staff",
    grants: [{ role: "community_staff", area_code: "410105007002" }],
  },
  {
    login: "demo-org",
    displayName: "社工服务中心工作人员（演示）",
    who: "staff of the demo social-work agency serving 金水区",
    grants: [{ role: "org_staff", area_code: "410105", organization: true }],
  },
  {
    login: "demo-worker",
    displayName: "丰乐社区社工（演示）",
    who: "social worker of that agency, serving 丰乐社区",
    grants: [{ role: "social_worker", area_code: "410105007002", organization: true }],
  },
  {
    login: "demo-evaluator",
    displayName: "第三方评估员（演示）",
    who: "third-party evaluator",
    grants: [{ role: "evaluator", area_code: "4101" }],
  },
  {
    login: "demo-resident",
    displayName: "丰乐社区居民（演示）",
    who: "resident of 丰乐社区",
    grants: [{ role: "resident", area_code: "410105007002" }],
  },
  {
    login: "demo-auditor",
    displayName: "安全审计员（演示）",
    who: "security auditor (reads the audit log)",
    grants: [{ role: "auditor", area_code: "4101" }],
  },
];

/** Creates the demo accounts that do not exist yet, all with the demo password. */
export async function seedDemoUsers(ctx: Ctx, options: SeedOptions): Promise<void> {
  const agency = await findOrganizationByName(ctx, demoAgencyName);
  let created = 0;
  for (const account of demoAccounts) {
    const existing = await ctx.db.select({ id: users.id }).from(users).where(eq(users.login, account.login));
    if (existing.length > 0) {
      continue;
    }
    const memberships: MembershipCreate[] = account.grants.map((grant) => ({
      role: grant.role,
      area_code: grant.area_code,
      organization_id: grant.organization ? (agency?.id ?? null) : null,
    }));
    await createUserAsSystem(ctx, { login: account.login, display_name: account.displayName, password: options.demoPassword, memberships });
    created += 1;
  }
  if (created > 0) {
    options.log(`users: ${created} demo accounts created`);
  }
}
