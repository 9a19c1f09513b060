import type { ModuleManifest } from "../../platform/module.js";
import { needsErrors } from "./errors.js";
import { needsPermissions } from "./permissions.js";
import { needItemRoutes, needListRoutes } from "./routes.js";
import { attachmentRoutes } from "./attachments/routes.js";
import { dashboardRoutes } from "./dashboard/routes.js";
import { escalateNeedsJob } from "./escalation/jobs.js";
import { referralDeadlines } from "./referrals/calendar-events.js";
import { referralRoutes } from "./referrals/routes.js";
import { routingRoutes } from "./routing/routes.js";
import { seedNeeds } from "./seed.js";
import { needExport } from "./spreadsheets.js";
import { referralExport } from "./referrals/spreadsheets.js";

/** Needs (需求), routing rules (分层分派) and referrals (转介联办) closed by the resident's confirmation. */
export const needsModule: ModuleManifest = {
  name: "needs",
  errors: needsErrors,
  permissions: needsPermissions,
  // In this order, the order of docs/api/openapi.json's paths.
  routes: async (app) => {
    await app.register(needListRoutes);
    await app.register(dashboardRoutes);
    await app.register(needItemRoutes);
    await app.register(routingRoutes);
    await app.register(referralRoutes);
    await app.register(attachmentRoutes);
  },
  seedDemo: seedNeeds,
  jobs: [escalateNeedsJob],
  calendar: { user: [referralDeadlines] },
  exports: [needExport, referralExport],
};

export { seedNeedCategories } from "./categories.js";
export { escalateOverdue, type EscalationResult } from "./escalation/service.js";
export { createNeedFromChannel, type ChannelNeedInput } from "./service.js";
export {
  organizationEvidence,
  organizationRatings,
  organizationRatingSummary,
  organizationReferralsBetween,
  type EvidenceReferralRow,
  type OrganizationRatings,
} from "./project-evidence.js";
export { countNeedsForCall, unmetNeedsSummary, type NeedCounts } from "./project-counts.js";
export { countOpenNeedsByCategory, listChannelNeeds, listCategories, type ChannelNeedFilter } from "./queries.js";
export type { ChannelNeed } from "./present.js";
export { referralAreasIn, serviceRecordAreasIn, listOpenReferralDeadlines, type ReferralDeadline } from "./referrals/queries.js";
export { serviceMinutesUnder } from "./fragments.js";
export { countNeedTodos, countReferralTodos, type NeedTodoCounts, type ReferralTodoCounts } from "./home-counts.js";
export { createDashboardCache, getNeedsDashboard, type DashboardCache } from "./dashboard/queries.js";
