import type { ModuleManifest } from "../../platform/module.js";
import { escalateActionItemsJob } from "./jobs.js";
import { areaMeetings, myActionItems, myMeetings } from "./calendar-events.js";
import { meetingsErrors } from "./errors.js";
import { meetingsPermissions } from "./permissions.js";
import { meetingRoutes, publicMeetingSummaryRoutes } from "./routes.js";
import { actionItemRoutes } from "./action-items/routes.js";
import { seedMeetings } from "./seed.js";
import { actionItemExport, meetingExport } from "./spreadsheets.js";

/**
 * Joint meetings (联席会议): convened by a street or community with staff, organizations, social
 * workers, residents' representatives and departments; resolutions (决议) yield action items (督办事项)
 * followed to the convener's acceptance, escalated when overdue; summaries published to residents.
 */
export const meetingsModule: ModuleManifest = {
  name: "meetings",
  errors: meetingsErrors,
  permissions: meetingsPermissions,
  routes: async (app) => {
    await app.register(meetingRoutes);
    await app.register(actionItemRoutes);
    await app.register(publicMeetingSummaryRoutes);
  },
  seedDemo: seedMeetings,
  exports: [meetingExport, actionItemExport],
  jobs: [escalateActionItemsJob],
  calendar: { area: [areaMeetings], user: [myMeetings, myActionItems] },
};

export { escalateOverdueActionItems, type ActionItemEscalationResult } from "./action-items/escalation.js";
export {
  listAreaCalendarMeetings,
  listMyCalendarActionItems,
  listMyCalendarMeetings,
  type CalendarActionItem,
  type CalendarMeeting,
} from "./calendar.js";
export { countActionItemTodos, countUnansweredInvitations, type ActionItemTodoCounts } from "./home-counts.js";
