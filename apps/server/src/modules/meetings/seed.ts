import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { withTx, type Ctx } from "../../platform/ctx.js";
import type { SeedOptions } from "../../platform/module.js";
import { users } from "../../platform/auth/index.js";
import { listFacilitiesUnder } from "../communities/index.js";
import { notify } from "../notifications/index.js";
import { demoAgencyName, findOrganizationByName } from "../social-orgs/index.js";
import { escalateOverdueActionItems } from "./action-items/escalation.js";
import { actionItems, actionItemUpdates, meetingAgendaItems, meetingInvitees, meetingResolutions, meetings } from "./schema.js";
import { todayIn } from "./action-items/policy.js";

const street = "410105007";
const community = "410105007002";

/** The local date `days` from today (negative: in the past). */
function dayFrom(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function at(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+08:00`);
}

type Item = {
  owner: "org" | "worker" | "community";
  due: number;
  expected: string;
  state: "open" | "overdue" | "done" | "returned" | "closed";
  progress?: string;
};

type DemoMeeting = {
  convener: "demo-street" | "demo-community";
  area: string;
  title: string;
  day: number;
  status: "draft" | "scheduled" | "held" | "minuted";
  minutes?: string;
  summary?: string;
  agenda: Array<{ kind: "need_category" | "free"; title: string; category?: string; resolution?: string; items?: Item[] }>;
};

const demoMeetings: DemoMeeting[] = [
  {
    convener: "demo-street",
    area: street,
    title: "南阳新村街道三社联动联席会议（第三季度）",
    day: -45,
    status: "minuted",
    minutes:
      "<h3>会议纪要</h3><p>街道召集社区、社工机构和居民代表，研究高龄独居老人助餐和楼道堆物整治。</p><ol><li>助餐点扩展到丰乐社区北区。</li><li>楼道堆物每月联合清理一次。</li></ol>",
    summary: "会议决定：一、丰乐社区北区增设老年助餐点；二、每月开展一次楼道堆物联合清理；三、社工机构为独居老人建立探访台账。",
    agenda: [
      {
        kind: "need_category",
        title: "高龄独居老人助餐需求",
        category: "elderly_care",
        resolution: "在丰乐社区北区增设老年助餐点，社工机构负责探访台账。",
        items: [
          { owner: "org", due: -30, expected: "助餐点选址方案和供餐协议", state: "closed" },
          { owner: "worker", due: 10, expected: "独居老人探访台账（首批 30 户）", state: "done", progress: "已完成 30 户入户探访并建档。" },
          { owner: "org", due: 15, expected: "助餐点志愿者排班表", state: "returned", progress: "排班表初稿已提交。" },
        ],
      },
      {
        kind: "free",
        title: "楼道堆物整治",
        resolution: "每月第一个周六开展楼道堆物联合清理。",
        items: [
          { owner: "community", due: -20, expected: "北区 12 栋楼道清理完毕并拍照存档", state: "overdue", progress: "已清理 5 栋。" },
          { owner: "worker", due: 20, expected: "清理活动居民动员（海报和微信群通知）", state: "open" },
        ],
      },
    ],
  },
  {
    convener: "demo-community",
    area: community,
    title: "丰乐社区议事协商会",
    day: -20,
    status: "held",
    agenda: [
      {
        kind: "free",
        title: "社区活动室开放时间",
        resolution: "活动室周末开放至晚上八点。",
        items: [{ owner: "community", due: -5, expected: "新开放时间公示并执行", state: "closed" }],
      },
    ],
  },
  {
    convener: "demo-street",
    area: street,
    title: "南阳新村街道三社联动联席会议（第四季度）",
    day: 5,
    status: "scheduled",
    agenda: [
      { kind: "need_category", title: "助餐服务推进情况", category: "elderly_care" },
      { kind: "free", title: "冬季困难家庭走访安排" },
    ],
  },
  {
    convener: "demo-community",
    area: community,
    title: "丰乐社区联席会议（筹备中）",
    day: 12,
    status: "draft",
    agenda: [{ kind: "free", title: "社区公益坊项目申报" }],
  },
];

/**
 * Demo joint meetings of 南阳新村街道 and 丰乐社区: two held (with minutes, resolutions, a published
 * summary and action items open, overdue, done, returned and closed), one scheduled with invitations
 * and answers, one draft. The overdue item is escalated by the sweep at the end. Idempotent.
 */
export async function seedMeetings(ctx: Ctx, options: SeedOptions): Promise<void> {
  const accounts = await ctx.db
    .select({ id: users.id, login: users.login, name: users.displayName })
    .from(users)
    .where(inArray(users.login, ["demo-street", "demo-community", "demo-org", "demo-worker"]));
  const id = (login: string) => accounts.find((a) => a.login === login)?.id;
  const agency = await findOrganizationByName(ctx, demoAgencyName);
  const [streetId, communityId, orgId, workerId] = [id("demo-street"), id("demo-community"), id("demo-org"), id("demo-worker")];
  if (!streetId || !communityId || !orgId || !workerId || !agency) {
    options.log("meetings: demo accounts or agency missing, demo meetings skipped");
    return;
  }
  const existing = await ctx.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.convenerId, streetId), eq(meetings.areaCode, street)))
    .limit(1);
  if (existing.length > 0) {
    return;
  }
  const today = todayIn(ctx);
  const facility = (await listFacilitiesUnder(ctx, community))[0];
  const conveners = { "demo-street": streetId, "demo-community": communityId };
  const owners = {
    org: { kind: "organization" as const, org: agency.id, code: null, user: orgId },
    worker: { kind: "organization" as const, org: agency.id, code: null, user: workerId },
    community: { kind: "community" as const, org: null, code: community, user: communityId },
  };
  await withTx(ctx, async (tx) => {
    for (const demo of demoMeetings) {
      const day = dayFrom(today, demo.day);
      const convenerId = conveners[demo.convener];
      const [meeting] = await tx.db
        .insert(meetings)
        .values({
          areaCode: demo.area,
          title: demo.title,
          startsAt: at(day, "09:30"),
          endsAt: at(day, "11:30"),
          placeKind: facility ? "facility" : "online",
          facilityId: facility?.id ?? null,
          onlineUrl: facility ? null : "https://meeting.example.org/sanshe-demo",
          convenerId,
          status: demo.status,
          minutesHtml: demo.minutes ?? null,
          summary: demo.summary ?? null,
          summaryPublishedAt: demo.summary ? at(dayFrom(day, 2), "10:00") : null,
          signInToken: randomBytes(18).toString("base64url"),
          createdAt: at(dayFrom(day, -7), "09:00"),
          updatedAt: at(dayFrom(day, 2), "10:00"),
        })
        .returning();
      if (!meeting) {
        continue;
      }
      const held = demo.status === "held" || demo.status === "minuted";
      const answered = demo.status !== "draft";
      const invitees = [
        {
          kind: "staff" as const,
          userId: demo.convener === "demo-street" ? communityId : null,
          organizationId: null,
          name: "丰乐社区居委会（演示）",
        },
        { kind: "organization" as const, userId: null, organizationId: agency.id, name: agency.name },
        { kind: "social_worker" as const, userId: workerId, organizationId: null, name: "丰乐社区社工（演示）" },
        { kind: "resident_rep" as const, userId: null, organizationId: null, name: "居民代表（演示）" },
        { kind: "department" as const, userId: null, organizationId: null, name: "金水区民政局" },
      ].filter((invitee) => invitee.kind !== "staff" || invitee.userId);
      await tx.db.insert(meetingInvitees).values(
        invitees.map((invitee, n) => ({
          ...invitee,
          areaCode: demo.area,
          meetingId: meeting.id,
          response: !answered
            ? ("pending" as const)
            : held
              ? ("attend" as const)
              : n === 0
                ? ("attend" as const)
                : n === 2
                  ? ("delegate" as const)
                  : ("pending" as const),
          delegateName: answered && !held && n === 2 ? "社工助理小李" : null,
          respondedAt: answered && (held || n === 0 || n === 2) ? at(dayFrom(day, -3), "15:00") : null,
          signedInAt: held ? at(day, "09:20") : null,
          signedInBy: held ? convenerId : null,
        })),
      );
      if (demo.status === "scheduled") {
        await notify(tx, {
          recipients: [communityId, orgId, workerId],
          areaCode: demo.area,
          kind: "meeting_invitation",
          title: `联席会议邀请：${demo.title}`,
          body: `邀请您参加联席会议「${demo.title}」，请在平台上回复是否参加。`,
          link: `/meetings/${meeting.id}`,
        });
      }
      for (const [position, agenda] of demo.agenda.entries()) {
        const [item] = await tx.db
          .insert(meetingAgendaItems)
          .values({
            areaCode: demo.area,
            meetingId: meeting.id,
            position,
            kind: agenda.kind,
            title: agenda.title,
            needCategory: agenda.category ?? null,
          })
          .returning({ id: meetingAgendaItems.id });
        if (!item || !agenda.resolution) {
          continue;
        }
        const [resolution] = await tx.db
          .insert(meetingResolutions)
          .values({
            areaCode: demo.area,
            meetingId: meeting.id,
            agendaItemId: item.id,
            text: agenda.resolution,
            createdAt: at(day, "11:00"),
          })
          .returning({ id: meetingResolutions.id });
        if (!resolution) {
          continue;
        }
        for (const demoItem of agenda.items ?? []) {
          await seedActionItem(
            tx,
            { areaCode: demo.area, meetingId: meeting.id, resolutionId: resolution.id, day, today, convenerId },
            demoItem,
            owners[demoItem.owner],
          );
        }
      }
      await tx.audit.record("meetings.create", {
        entityType: "meeting",
        entityId: meeting.id,
        areaCode: demo.area,
        detail: { seed: "demo", status: demo.status },
      });
    }
  });
  const escalation = await escalateOverdueActionItems(ctx);
  options.log(`meetings: ${demoMeetings.length} demo joint meetings created; ${escalation.escalated} overdue action items escalated`);
}

async function seedActionItem(
  tx: Ctx,
  meeting: { areaCode: string; meetingId: string; resolutionId: string; day: string; today: string; convenerId: string },
  demo: Item,
  owner: { kind: "organization" | "community"; org: string | null; code: string | null; user: string },
): Promise<void> {
  const dueOn = dayFrom(meeting.today, demo.due);
  const doneDay = demo.state === "closed" ? dayFrom(dueOn, demo.owner === "org" ? 2 : 0) : dayFrom(meeting.today, -1);
  const status = demo.state === "closed" ? "closed" : demo.state === "done" ? "done" : "open";
  const [row] = await tx.db
    .insert(actionItems)
    .values({
      areaCode: meeting.areaCode,
      meetingId: meeting.meetingId,
      resolutionId: meeting.resolutionId,
      ownerKind: owner.kind,
      ownerOrganizationId: owner.org,
      ownerCommunityCode: owner.code,
      ownerUserId: owner.user,
      dueOn,
      expectedResult: demo.expected,
      status,
      returnedReason: demo.state === "returned" ? "排班表缺少周末时段，请补充后再报。" : null,
      doneAt: status === "open" ? null : at(doneDay, "16:00"),
      closedAt: status === "closed" ? at(doneDay, "17:00") : null,
      createdAt: at(meeting.day, "11:00"),
      updatedAt: at(doneDay, "17:00"),
    })
    .returning({ id: actionItems.id });
  if (!row) {
    return;
  }
  const updates: Array<typeof actionItemUpdates.$inferInsert> = [];
  const base = { areaCode: meeting.areaCode, actionItemId: row.id };
  if (demo.progress) {
    updates.push({ ...base, kind: "progress", text: demo.progress, authorId: owner.user, createdAt: at(dayFrom(doneDay, -3), "10:00") });
  }
  if (demo.state === "done" || demo.state === "closed" || demo.state === "returned") {
    updates.push({
      ...base,
      kind: "done",
      text: "",
      authorId: owner.user,
      createdAt: at(demo.state === "returned" ? dayFrom(doneDay, -1) : doneDay, "16:00"),
    });
  }
  if (demo.state === "returned") {
    updates.push({
      ...base,
      kind: "returned",
      text: "排班表缺少周末时段，请补充后再报。",
      authorId: meeting.convenerId,
      createdAt: at(doneDay, "09:00"),
    });
  }
  if (demo.state === "closed") {
    updates.push({ ...base, kind: "accepted", text: "", authorId: meeting.convenerId, createdAt: at(doneDay, "17:00") });
  }
  if (updates.length > 0) {
    await tx.db.insert(actionItemUpdates).values(updates);
  }
}
