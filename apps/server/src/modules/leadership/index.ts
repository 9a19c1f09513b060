import type { ModuleManifest } from "../../platform/module.js";
import { escalateTargetsJob } from "./escalation.js";
import { leadershipErrors } from "./errors.js";
import { leadershipPermissions } from "./permissions.js";
import { leadershipRoutes } from "./routes.js";
import { seedLeadership } from "./seed.js";

/**
 * Leadership of de-administration (社区减负工作领导小组): each level's leadership group with members,
 * the leader in charge and the lead department, the departments' responsibility lists, and the yearly
 * implementation plan whose targets are computed from live data or reported by their owners; overdue
 * targets are escalated once to the plan's officials and the level above.
 */
export const leadershipModule: ModuleManifest = {
  name: "leadership",
  errors: leadershipErrors,
  permissions: leadershipPermissions,
  routes: leadershipRoutes,
  seedDemo: seedLeadership,
  jobs: [escalateTargetsJob],
};

export { escalateOverdueTargets } from "./escalation.js";
