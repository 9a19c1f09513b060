import type { ModuleManifest } from "../../platform/module.js";
import { projectIndicatorRoutes } from "./indicators-routes.js";
import { seedProjects } from "./seed.js";

/**
 * Projects (项目化运作): government purchase of services from call to closing — calls, applications,
 * review, contracts, milestones, the funding ledger, evaluation and each organization's credit record.
 */
export const projectsModule: ModuleManifest = {
  name: "projects",
  routes: async (app) => {
    await app.register(projectIndicatorRoutes);
  },
  seedDemo: seedProjects,
};

export {
  listOcdsReleaseHeads,
  getOcdsProcesses,
  type OcdsReleaseHead,
  type OcdsProcess,
  type OcdsOrganization,
  type OcdsStage,
} from "./ocds-queries.js";
