import type { ActorCtx, Ctx } from "../../platform/ctx.js";
import type { CalendarEvent } from "../../platform/ical/index.js";
import { listOpenReferralDeadlines } from "../needs/index.js";
import { listAreaCalendarMeetings, listMyCalendarActionItems, listMyCalendarMeetings, type CalendarMeeting } from "../meetings/index.js";

/**
 * Where calendar events come from. A source is a function returning events; a feed concatenates its
 * sources' events. To add one, write the function (usually calling another module's index.ts) and
 * append it to `areaSources` (public, per area: no personal data) or `userSources` (private feed).
 */
export type AreaEventSource = (ctx: Ctx, areaCode: string) => Promise<CalendarEvent[]>;
export type UserEventSource = (ctx: ActorCtx) => Promise<CalendarEvent[]>;

/** Private feed: respond-by of pending and resolve-by of accepted referrals the user handles. */
const referralDeadlines: UserEventSource = async (ctx) => {
  const deadlines = await listOpenReferralDeadlines(ctx);
  return deadlines.map((deadline) => {
    const respond = deadline.status === "pending";
    const at = respond ? deadline.respondBy : deadline.resolveBy;
    return {
      uid: `referral-${deadline.referralId}-${respond ? "respond" : "resolve"}@sanshe`,
      summary: respond
        ? `转介待回复截止：${deadline.categoryName} / Referral response due: ${deadline.categoryNameEn}`
        : `转介办结截止：${deadline.categoryName} / Referral resolution due: ${deadline.categoryNameEn}`,
      description: respond ? "请在截止前接收或退回该转介。" : "请在截止前完成服务并提交办结。",
      url: `/referrals/${deadline.referralId}`,
      start: at,
      end: new Date(at.getTime() + 30 * 60 * 1000),
    };
  });
};

function meetingEvent(meeting: CalendarMeeting) {
  return {
    uid: `meeting-${meeting.id}@sanshe`,
    summary: `联席会议：${meeting.title}`,
    description: "三社联动联席会议 / Joint meeting",
    location: meeting.place || null,
    url: `/meetings/${meeting.id}`,
    start: meeting.startsAt,
    end: meeting.endsAt,
  };
}

/** Public feed: joint meetings of the area (scheduled, held or minuted; no invitees, no minutes). */
const areaMeetings: AreaEventSource = async (ctx, areaCode) => (await listAreaCalendarMeetings(ctx, areaCode)).map(meetingEvent);

/** Private feed: the meetings the user convenes or is invited to. */
const myMeetings: UserEventSource = async (ctx) => (await listMyCalendarMeetings(ctx)).map(meetingEvent);

/** Private feed: due dates of the action items (督办事项) the user owns, as all-day events. */
const myActionItems: UserEventSource = async (ctx) =>
  (await listMyCalendarActionItems(ctx)).map((item) => ({
    uid: `action-item-${item.id}-due@sanshe`,
    summary: `督办事项到期 / Action item due: ${item.expectedResult.slice(0, 60)}`,
    description: item.expectedResult,
    url: `/action-items/${item.id}`,
    date: item.dueOn,
    allDay: true as const,
  }));

export const areaSources: readonly AreaEventSource[] = [areaMeetings];

export const userSources: readonly UserEventSource[] = [referralDeadlines, myMeetings, myActionItems];
