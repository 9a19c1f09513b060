import { inArray } from "drizzle-orm";
import type { AnnouncementCreate } from "@sanshe/contracts";
import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import { loadActor } from "../../platform/auth/actor.js";
import { users } from "../../platform/auth/index.js";
import { demoAgencyName, findOrganizationByName } from "../social-orgs/index.js";
import { openAnnouncement, publishAnnouncement } from "./service.js";
import { announcements } from "./schema.js";

type DemoAnnouncement = {
  by: string;
  input: (context: { agencyId: string | null; now: Date }) => AnnouncementCreate;
  readBy: string[];
};

const day = 24 * 60 * 60 * 1000;

const demo: DemoAnnouncement[] = [
  {
    by: "demo-district",
    input: ({ now }) => ({
      area_code: "410105",
      title: "金水区关于做好冬季困难群众走访慰问工作的通知（演示）",
      body_html:
        "<p>各街道、社区：</p><p>请于<strong>12月20日前</strong>完成辖区内困难群众、独居老人的走访慰问，并在平台登记服务记录。</p>",
      audience: { roles: [], organization_ids: [] },
      pinned: true,
      expires_at: new Date(now.getTime() + 60 * day).toISOString(),
    }),
    readBy: ["demo-street"],
  },
  {
    by: "demo-street",
    input: ({ agencyId }) => ({
      area_code: "410105007",
      title: "南阳新村街道联席会议材料报送提醒（演示）",
      body_html: "<p>请各社区和服务机构在联席会议前两天报送议题材料：</p><ul><li>需求清单</li><li>项目进展</li></ul>",
      audience: { roles: ["community_staff"], organization_ids: agencyId ? [agencyId] : [] },
      pinned: false,
      expires_at: null,
    }),
    readBy: ["demo-community"],
  },
  {
    by: "demo-street",
    input: ({ now }) => ({
      area_code: "410105007",
      title: "国庆假期值班安排（演示，已过期）",
      body_html: "<p>假期值班表见附件，已结束。</p>",
      audience: { roles: [], organization_ids: [] },
      pinned: true,
      expires_at: new Date(now.getTime() - 30 * day).toISOString(),
    }),
    readBy: [],
  },
  {
    by: "demo-community",
    input: () => ({
      area_code: "410105007002",
      title: "丰乐社区本周六开展义诊活动（演示）",
      body_html: "<p>本周六上午 9:00—11:30 在社区党群服务中心开展义诊，欢迎居民参加。</p>",
      // For residents too: an audience without roles reaches staff only.
      audience: { roles: ["resident", "community_staff", "social_worker"], organization_ids: [] },
      pinned: false,
      expires_at: null,
    }),
    readBy: ["demo-worker"],
  },
];

/** A few announcements from 金水区, 南阳新村街道 and 丰乐社区 (pinned, expired, with and without audience), some read; once. */
export async function seedAnnouncements(ctx: Ctx): Promise<void> {
  const [existing] = await ctx.db.select({ id: announcements.id }).from(announcements).limit(1);
  if (existing) {
    return;
  }
  const logins = [...new Set(demo.flatMap((item) => [item.by, ...item.readBy]))];
  const accounts = await ctx.db.select({ id: users.id, login: users.login }).from(users).where(inArray(users.login, logins));
  const actors = new Map<string, ActorCtx>();
  for (const account of accounts) {
    const actor = await loadActor(ctx.db, account.id);
    if (actor) {
      actors.set(account.login, { ...ctx, actor });
    }
  }
  const agency = await findOrganizationByName(ctx, demoAgencyName);
  for (const item of demo) {
    const publisher = actors.get(item.by);
    if (!publisher) {
      continue;
    }
    const published = await publishAnnouncement(publisher, item.input({ agencyId: agency?.id ?? null, now: ctx.now() }));
    for (const login of item.readBy) {
      const reader = actors.get(login);
      if (reader) {
        await openAnnouncement(reader, published.id);
      }
    }
  }
}
