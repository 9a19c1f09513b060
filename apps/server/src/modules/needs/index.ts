import type { ModuleManifest } from "../../platform/module.js";
import { escalateNeedsJob } from "./jobs.js";
import { referralDeadlines } from "./calendar-events.js";
import { needsErrors } from "./errors.js";
import { needsPermissions } from "./permissions.js";
import { needRoutes } from "./routes.js";
import { attachmentRoutes } from "./attachment-routes.js";
import { seedNeeds } from "./seed.js";

/** Needs (需求), routing rules (分层分派) and referrals (转介联办) closed by the resident's confirmation. */
export const needsModule: ModuleManifest = {
  name: "needs",
  errors: needsErrors,
  permissions: needsPermissions,
  routes: async (app) => {
    await app.register(needRoutes);
    await app.register(attachmentRoutes);
  },
  seedDemo: seedNeeds,
  jobs: [escalateNeedsJob],
  calendar: { user: [referralDeadlines] },
};

export { seedNeedCategories } from "./categories.js";
export { escalateOverdue, type EscalationResult } from "./escalation.js";
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
export {
  countOpenNeedsByCategory,
  listChannelNeeds,
  listCategories,
  referralAreasIn,
  serviceRecordAreasIn,
  type ChannelNeed,
  type ChannelNeedFilter,
  listOpenReferralDeadlines,
  type ReferralDeadline,
} from "./queries.js";
