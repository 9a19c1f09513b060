import type { ModuleManifest } from "../../platform/module.js";

/**
 * Projects (项目化运作): government purchase of services from call to closing — calls, applications,
 * review, contracts, milestones, the funding ledger, evaluation and each organization's credit record.
 */
export const projectsModule: ModuleManifest = {
  name: "projects",
  routes: async () => {},
};
