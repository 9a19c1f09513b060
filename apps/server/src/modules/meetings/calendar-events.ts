import type { AreaEventSource, UserEventSource } from "../../platform/module.js";
import { listAreaCalendarMeetings, listMyCalendarActionItems, listMyCalendarMeetings, type CalendarMeeting } from "./calendar.js";

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
export const areaMeetings: AreaEventSource = async (ctx, areaCode) => (await listAreaCalendarMeetings(ctx, areaCode)).map(meetingEvent);

/** Private feed: the meetings the user convenes or is invited to. */
export const myMeetings: UserEventSource = async (ctx) => (await listMyCalendarMeetings(ctx)).map(meetingEvent);

/** Private feed: due dates of the action items (督办事项) the user owns, as all-day events. */
export const myActionItems: UserEventSource = async (ctx) =>
  (await listMyCalendarActionItems(ctx)).map((item) => ({
    uid: `action-item-${item.id}-due@sanshe`,
    summary: `督办事项到期 / Action item due: ${item.expectedResult.slice(0, 60)}`,
    description: item.expectedResult,
    url: `/action-items/${item.id}`,
    date: item.dueOn,
    allDay: true as const,
  }));
