/**
 * Joint meetings (联席会议) for the benchmark world (issue 7), shaped as
 * apps/server/src/modules/meetings/service.ts writes them, from the loader's seeded PRNG.
 *
 * Meetings start over 12 months (from 11 months before the as-of date to one month after), 30% in
 * streets (convened by the street's official) and 70% in communities (by the community's staff, one
 * in five by the street's official). Future ones are drafts (20%), scheduled (75%) or cancelled; past
 * ones minuted (70%, minutes and summary, 70% of summaries published), held (25%) or cancelled (5%),
 * and a few of the last three days still scheduled. 3–8 invitees (community staff and officials with
 * their accounts, organizations of the area, resident representatives, departments) answer and sign
 * in as the status implies; 1–4 agenda items (need categories, free items, calls and projects of the
 * area above or below it, referrals of the area). Held meetings resolve on ≈ 60% of their items, with
 * 0–3 action items each, owned by a community's staff or an organization's staff: open, overdue
 * (escalated, as the sweep would have done), done, returned or closed, with their history.
 *
 * Audit: one `meetings.create` row per meeting, as the needs loader writes one per need.
 */
import type { auditLog } from "../apps/server/src/platform/audit/schema.js";
import { categorySeeds } from "../apps/server/src/modules/needs/categories.js";
import type {
  actionItemEscalations,
  actionItems,
  actionItemUpdates,
  meetingAgendaItems,
  meetingInvitees,
  meetingResolutions,
  meetings,
} from "../apps/server/src/modules/meetings/schema.js";
import type { Random } from "./data-needs.mjs";
import { append, type Org, type ProjectLinks, type World } from "./data-projects.mjs";

export type MeetingBatch = {
  meetings: Array<typeof meetings.$inferInsert>;
  invitees: Array<typeof meetingInvitees.$inferInsert>;
  agenda: Array<typeof meetingAgendaItems.$inferInsert>;
  resolutions: Array<typeof meetingResolutions.$inferInsert>;
  actionItems: Array<typeof actionItems.$inferInsert>;
  updates: Array<typeof actionItemUpdates.$inferInsert>;
  escalations: Array<typeof actionItemEscalations.$inferInsert>;
  audits: Array<typeof auditLog.$inferInsert>;
};

export const emptyMeetingBatch = (): MeetingBatch => ({
  meetings: [],
  invitees: [],
  agenda: [],
  resolutions: [],
  actionItems: [],
  updates: [],
  escalations: [],
  audits: [],
});

const hour = 3_600_000;
const day = 24 * hour;
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const freeItems = [
  "楼道堆物整治",
  "社区活动室开放时间",
  "老旧小区加装电梯意见征集",
  "停车秩序管理",
  "冬季困难家庭走访安排",
  "社区志愿服务积分兑换",
];
const expected = [
  "整改方案和时间表",
  "入户走访台账（首批 30 户）",
  "居民意见汇总报告",
  "活动方案和志愿者排班表",
  "现场清理完毕并拍照存档",
  "服务对象名单核实",
  "公示材料张贴并留存照片",
];
const progressTexts = ["已完成约一半，正在推进", "已召开协调会，明确分工", "已入户走访 12 户", "材料初稿已完成"];
const returnTexts = ["材料缺少照片佐证，请补充后再报", "台账与实际不符，请核实", "尚未覆盖全部楼栋"];

/** Generates `target` meetings with everything that hangs off them. */
export function generateMeetings(
  rng: Random,
  asOf: Date,
  world: World,
  links: ProjectLinks,
  extras: { referralsOf: (community: string) => readonly string[]; facilitiesOf: (area: string) => readonly string[] },
  target: number,
): MeetingBatch {
  const { random, between, pick, uuid } = rng;
  const end = asOf.getTime();
  const at = (ms: number) => new Date(Math.round(ms));
  const dateOf = (ms: number) => new Date(ms + 8 * hour).toISOString().slice(0, 10);
  const msOf = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
  const batch = emptyMeetingBatch();
  const token = () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let value = "";
    for (let index = 0; index < 24; index += 1) {
      value += pick<string>(alphabet);
    }
    return value;
  };

  const orgsUnder = new Map<string, Org[]>();
  for (const org of world.orgs) {
    for (const length of [9, 12]) {
      if (org.areaCode.length >= length) {
        const key = org.areaCode.slice(0, length);
        append(orgsUnder, key, org);
      }
    }
  }
  const orgsOf = (area: string) => {
    const own = orgsUnder.get(area) ?? [];
    return area.length === 12 ? [...own, ...(orgsUnder.get(area.slice(0, 9)) ?? []).filter((org) => org.areaCode.length === 9)] : own;
  };
  const communitiesOf = new Map<string, string[]>();
  for (const code of world.communities) {
    communitiesOf.set(code.slice(0, 9), [...(communitiesOf.get(code.slice(0, 9)) ?? []), code]);
  }
  // Calls and contracts of the meeting's area, above it or below it (AGENDA_LINK_OUTSIDE).
  const near = (items: ProjectLinks["calls"]) => {
    const under = new Map<string, string[]>();
    const exact = new Map<string, string[]>();
    for (const item of items) {
      append(exact, item.areaCode, item.id);
      for (const length of [9, 12]) {
        if (item.areaCode.length >= length) {
          under.set(item.areaCode.slice(0, length), [...(under.get(item.areaCode.slice(0, length)) ?? []), item.id]);
        }
      }
    }
    const cache = new Map<string, string[]>();
    return (area: string): string[] => {
      let found = cache.get(area);
      if (!found) {
        found = [...(under.get(area) ?? [])];
        for (const length of [4, 6, 9]) {
          if (length < area.length) {
            found.push(...(exact.get(area.slice(0, length)) ?? []));
          }
        }
        cache.set(area, found);
      }
      return found;
    };
  };
  const callsNear = near(links.calls);
  const contractsNear = near(links.contracts);

  for (let count = 0; count < target; count += 1) {
    const streetMeeting = random() < 0.3;
    const community = pick(world.communities);
    const areaCode = streetMeeting ? community.slice(0, 9) : community;
    const street = areaCode.slice(0, 9);
    const convener = streetMeeting || random() < 0.2 ? world.people.official(street) : world.people.manager(community);
    const meetingDay = dateOf(end - 330 * day + random() * 365 * day);
    const startsAt = msOf(meetingDay) + (random() < 0.6 ? 9 * hour : 14.5 * hour);
    const endsAt = startsAt + pick([1.5, 2, 2, 2.5]) * hour;
    const future = startsAt > end;
    const roll = random();
    const status = future
      ? roll < 0.2
        ? "draft"
        : roll < 0.95
          ? "scheduled"
          : "cancelled"
      : startsAt > end - 3 * day && roll < 0.3
        ? "scheduled"
        : roll < 0.05
          ? "cancelled"
          : roll < 0.3
            ? "held"
            : "minuted";
    const held = status === "held" || status === "minuted";
    const createdAt = Math.min(end - hour, startsAt - between(5, 20) * day - random() * day);
    const minutedAt = Math.min(end - hour, endsAt + between(1, 3) * day);
    const updatedAt =
      status === "minuted"
        ? minutedAt
        : status === "held"
          ? Math.min(end - hour, endsAt)
          : status === "cancelled"
            ? Math.min(end - hour, createdAt + between(1, 4) * day)
            : status === "scheduled"
              ? createdAt + hour
              : createdAt;
    const id = uuid();
    const month = Number(meetingDay.slice(5, 7));
    const title = streetMeeting
      ? `${world.areaName(areaCode)}三社联动联席会议（${month}月）`
      : `${world.areaName(areaCode)}${random() < 0.5 ? "议事协商会" : "联席会议"}（${month}月）`;
    const facilities = extras.facilitiesOf(areaCode);
    const facility = facilities.length > 0 && random() < 0.7 ? pick(facilities) : null;
    const published = status === "minuted" && random() < 0.7;
    batch.meetings.push({
      id,
      areaCode,
      title,
      startsAt: at(startsAt),
      endsAt: at(endsAt),
      placeKind: facility ? "facility" : "online",
      facilityId: facility,
      onlineUrl: facility ? null : `https://meeting.example.org/${areaCode}-${count}`,
      convenerId: convener.id,
      status,
      minutesHtml:
        status === "minuted"
          ? `<h3>会议纪要</h3><p>${world.areaName(areaCode)}召集社区、社会组织和居民代表，研究辖区居民需求和服务项目推进情况。</p><ol><li>明确各方分工。</li><li>下次会议前报告进展。</li></ol>`
          : null,
      summary: status === "minuted" ? "会议研究了辖区重点需求，形成决议并明确督办事项和办结时限。" : null,
      summaryPublishedAt: published ? at(minutedAt) : null,
      signInToken: token(),
      version: status === "draft" ? 1 : status === "scheduled" ? 2 : status === "held" || status === "cancelled" ? 3 : published ? 5 : 4,
      createdAt: at(createdAt),
      updatedAt: at(updatedAt),
    });
    batch.audits.push({
      at: at(createdAt),
      actorId: convener.id,
      actorLogin: convener.login,
      action: "meetings.create",
      entityType: "meeting",
      entityId: id,
      areaCode,
      ip: null,
      requestId: null,
      outcome: "success",
      detail: { title, invitees: 0, scheduled: status !== "draft" },
    });

    // Invitees.
    type Invitee = {
      kind: "staff" | "organization" | "resident_rep" | "department";
      userId: string | null;
      organizationId: string | null;
      name: string;
    };
    const invitees: Invitee[] = [];
    if (streetMeeting) {
      for (const code of new Set(Array.from({ length: between(1, 3) }, () => pick(communitiesOf.get(street) ?? [community])))) {
        const staff = world.people.manager(code);
        invitees.push({ kind: "staff", userId: staff.id, organizationId: null, name: `${world.areaName(code)}居委会` });
      }
    } else {
      const other = convener.id === world.people.manager(community).id ? world.people.official(street) : world.people.manager(community);
      invitees.push({
        kind: "staff",
        userId: other.id,
        organizationId: null,
        name: other.id === world.people.official(street).id ? `${world.areaName(street)}` : `${world.areaName(community)}居委会`,
      });
    }
    const orgs = orgsOf(areaCode);
    const invitedOrgs = new Set<Org>();
    for (let extra = between(1, 3); extra > 0 && orgs.length > 0; extra -= 1) {
      invitedOrgs.add(pick(orgs));
    }
    for (const org of invitedOrgs) {
      invitees.push({ kind: "organization", userId: null, organizationId: org.id, name: org.name });
    }
    for (let extra = between(1, 2); extra > 0; extra -= 1) {
      invitees.push({ kind: "resident_rep", userId: null, organizationId: null, name: `居民代表${pick<string>(surnames)}某` });
    }
    if (random() < 0.5) {
      invitees.push({
        kind: "department",
        userId: null,
        organizationId: null,
        name: pick([`${world.areaName(street)}城管中队`, "辖区派出所", "区民政局", "区卫健委"]),
      });
    }
    for (const invitee of invitees) {
      const answerRoll = random();
      const response =
        status === "draft"
          ? "pending"
          : held
            ? answerRoll < 0.85
              ? "attend"
              : answerRoll < 0.93
                ? "delegate"
                : "decline"
            : answerRoll < 0.4
              ? "pending"
              : answerRoll < 0.85
                ? "attend"
                : answerRoll < 0.93
                  ? "delegate"
                  : "decline";
      const signed = held && (response === "attend" || response === "delegate") && random() < 0.9;
      batch.invitees.push({
        id: uuid(),
        areaCode,
        meetingId: id,
        ...invitee,
        response,
        delegateName: response === "delegate" ? `${pick<string>(surnames)}助理` : null,
        respondedAt: response === "pending" ? null : at(Math.min(end - hour, createdAt + between(1, 4) * day)),
        signedInAt: signed ? at(startsAt - random() * 20 * 60_000) : null,
        signedInBy: signed ? (random() < 0.5 ? convener.id : invitee.userId) : null,
      });
    }

    // Agenda, resolutions and action items.
    const agendaCount = between(1, 4);
    for (let position = 0; position < agendaCount; position += 1) {
      const kindRoll = random();
      const category = pick(categorySeeds);
      const referralPool = extras.referralsOf(areaCode.length === 12 ? areaCode : pick(communitiesOf.get(street) ?? [community]));
      const callPool = callsNear(areaCode);
      const contractPool = contractsNear(areaCode);
      const kind =
        kindRoll < 0.35
          ? "need_category"
          : kindRoll < 0.55 && referralPool.length > 0
            ? "referral"
            : kindRoll < 0.65 && callPool.length > 0
              ? "call"
              : kindRoll < 0.75 && contractPool.length > 0
                ? "project"
                : "free";
      const agendaId = uuid();
      const itemTitle =
        kind === "need_category"
          ? `${category.name}需求研判`
          : kind === "referral"
            ? "逾期转介个案协调"
            : kind === "call"
              ? "项目征集方案讨论"
              : kind === "project"
                ? "购买服务项目进展汇报"
                : pick(freeItems);
      batch.agenda.push({
        id: agendaId,
        areaCode,
        meetingId: id,
        position,
        kind,
        title: itemTitle,
        needCategory: kind === "need_category" ? category.code : null,
        referralId: kind === "referral" ? pick(referralPool) : null,
        linkId: kind === "call" ? pick(callPool) : kind === "project" ? pick(contractPool) : null,
      });
      if (!held || random() >= 0.6) {
        continue;
      }
      const resolutionId = uuid();
      const resolvedAt = Math.min(end - hour, endsAt - 10 * 60_000);
      batch.resolutions.push({
        id: resolutionId,
        areaCode,
        meetingId: id,
        agendaItemId: agendaId,
        text: `关于「${itemTitle}」：明确责任单位，限期办结并报告进展。`,
        createdAt: at(resolvedAt),
      });
      for (let n = between(0, 3); n > 0; n -= 1) {
        const byCommunity = random() < 0.5 || orgs.length === 0;
        const ownerCommunity = areaCode.length === 12 ? areaCode : pick(communitiesOf.get(street) ?? [community]);
        const ownerOrg = byCommunity ? null : pick(orgs);
        const owner = ownerOrg ? world.people.orgStaff(ownerOrg) : world.people.manager(ownerCommunity);
        const dueMs = msOf(dateOf(endsAt + between(7, 60) * day));
        const dueText = dateOf(dueMs);
        const stateRoll = random();
        let state: "open" | "overdue" | "done" | "returned" | "closed" =
          dueMs < end
            ? stateRoll < 0.55
              ? "closed"
              : stateRoll < 0.65
                ? "done"
                : stateRoll < 0.9
                  ? "overdue"
                  : "returned"
            : stateRoll < 0.6
              ? "open"
              : stateRoll < 0.85
                ? "done"
                : stateRoll < 0.95
                  ? "closed"
                  : "returned";
        const window = Math.min(end, dueMs + 5 * day) - resolvedAt;
        if (window < 2 * hour && state !== "overdue") {
          state = "open";
        }
        const doneAt = resolvedAt + (0.2 + random() * 0.7) * Math.max(0, window);
        let closedAt = doneAt + random() * 5 * day;
        if (state === "closed" && closedAt >= end) {
          closedAt = doneAt + (end - doneAt) / 2;
        }
        const itemId = uuid();
        const status = state === "closed" ? "closed" : state === "done" ? "done" : "open";
        const returnedReason = state === "returned" ? pick(returnTexts) : null;
        const updates: Array<{ kind: "progress" | "done" | "accepted" | "returned"; text: string; author: string; at: number }> = [];
        if (random() < 0.5 || state === "overdue") {
          updates.push({ kind: "progress", text: pick(progressTexts), author: owner.id, at: resolvedAt + (doneAt - resolvedAt) / 2 });
        }
        if (state !== "open" && state !== "overdue") {
          updates.push({ kind: "done", text: "", author: owner.id, at: doneAt });
        }
        if (state === "returned") {
          updates.push({
            kind: "returned",
            text: returnedReason as string,
            author: convener.id,
            at: doneAt + (Math.min(end, doneAt + 2 * day) - doneAt) / 2,
          });
        }
        if (state === "closed") {
          updates.push({ kind: "accepted", text: "", author: convener.id, at: closedAt });
        }
        const lastUpdate = updates.at(-1)?.at ?? resolvedAt;
        batch.actionItems.push({
          id: itemId,
          areaCode,
          meetingId: id,
          resolutionId,
          ownerKind: ownerOrg ? "organization" : "community",
          ownerOrganizationId: ownerOrg?.id ?? null,
          ownerCommunityCode: ownerOrg ? null : ownerCommunity,
          ownerUserId: owner.id,
          dueOn: dueText,
          expectedResult: pick(expected),
          status,
          returnedReason,
          doneAt: status === "open" ? null : at(doneAt),
          closedAt: status === "closed" ? at(closedAt) : null,
          version: 1 + updates.filter((update) => update.kind !== "progress").length,
          createdAt: at(resolvedAt),
          updatedAt: at(lastUpdate),
        });
        for (const update of updates) {
          batch.updates.push({
            id: uuid(),
            areaCode,
            actionItemId: itemId,
            kind: update.kind,
            text: update.text,
            referralId: null,
            serviceRecordId: null,
            authorId: update.author,
            createdAt: at(update.at),
          });
        }
        if (status === "open" && dueMs < msOf(dateOf(end))) {
          batch.escalations.push({
            id: uuid(),
            areaCode,
            actionItemId: itemId,
            dueOn: dueText,
            escalatedAt: at(Math.min(end - 60_000, dueMs + day + 8 * hour)),
            recipients: 1,
          });
        }
      }
    }
    const last = batch.audits.at(-1);
    if (last) {
      last.detail = { title, invitees: invitees.length, scheduled: status !== "draft" };
    }
  }
  return batch;
}
