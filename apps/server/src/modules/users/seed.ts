import type { DemoLogin, MembershipCreate, Role } from "@sanshe/contracts";
import { eq } from "drizzle-orm";
import type { Ctx } from "../../platform/ctx.js";
import type { SeedOptions } from "../../platform/module.js";
import { users } from "../../platform/auth/index.js";
import { demoAgencyName, findOrganizationByName } from "../social-orgs/index.js";
import { demoDepartmentName, ensureDemoDepartments } from "../admin-tasks/index.js";
import { createUserAsSystem } from "./service.js";

type DemoAccount = {
  login: DemoLogin;
  displayName: string;
  who: string;
  /** organization: of the demo agency; department: of the demo department (金水区民政局). */
  grants: Array<{ role: Role; area_code: string; organization?: true; department?: true }>;
};

/** A demo account holding one role in one area (of the demo agency when `organization`). */
const demoAccount = (
  login: DemoLogin,
  displayName: string,
  who: string,
  role: Role,
  areaCode: string,
  organization?: true,
): DemoAccount => ({
  login,
  displayName,
  who,
  grants: [{ role, area_code: areaCode, ...(organization ? { organization } : {}) }],
});

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
  demoAccount("demo-district", "金水区民政局（演示）", "金水区 official", "official", "410105"),
  demoAccount("demo-district-erqi", "二七区民政局（演示）", "二七区 official", "official", "410103"),
  demoAccount("demo-street", "南阳新村街道办事处（演示）", "南阳新村街道 official", "official", "410105007"),
  demoAccount("demo-community", "丰乐社区居委会（演示）", "丰乐社区 staff", "community_staff", "410105007002"),
  demoAccount(
    "demo-org",
    "社工服务中心工作人员（演示）",
    "staff of the demo social-work agency serving 金水区",
    "org_staff",
    "410105",
    true,
  ),
  demoAccount(
    "demo-worker",
    "丰乐社区社工（演示）",
    "social worker of that agency, serving 丰乐社区",
    "social_worker",
    "410105007002",
    true,
  ),
  demoAccount("demo-evaluator", "第三方评估员（演示）", "third-party evaluator", "evaluator", "4101"),
  demoAccount("demo-resident", "丰乐社区居民（演示）", "resident of 丰乐社区", "resident", "410105007002"),
  demoAccount("demo-auditor", "安全审计员（演示）", "security auditor (reads the audit log)", "auditor", "4101"),
  {
    login: "demo-department",
    displayName: "金水区民政局工作人员（演示）",
    who: "staff of 金水区民政局, a government department applying to put tasks on communities",
    grants: [{ role: "department", area_code: "410105", department: true }],
  },
];

/** Creates the demo accounts that do not exist yet, all with the demo password. */
export async function seedDemoUsers(ctx: Ctx, options: SeedOptions): Promise<void> {
  const agency = await findOrganizationByName(ctx, demoAgencyName);
  const department = (await ensureDemoDepartments(ctx)).get(demoDepartmentName) ?? null;
  let created = 0;
  for (const account of demoAccounts) {
    const existing = await ctx.db.select({ id: users.id }).from(users).where(eq(users.login, account.login));
    if (existing.length > 0) {
      continue;
    }
    const memberships: MembershipCreate[] = account.grants.map((grant) => ({
      role: grant.role,
      area_code: grant.area_code,
      organization_id: grant.department ? department : grant.organization ? (agency?.id ?? null) : null,
    }));
    await createUserAsSystem(ctx, { login: account.login, display_name: account.displayName, password: options.demoPassword, memberships });
    created += 1;
  }
  if (created > 0) {
    options.log(`users: ${created} demo accounts created`);
  }
}
