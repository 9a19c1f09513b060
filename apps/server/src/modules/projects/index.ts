import type { ModuleManifest } from "../../platform/module.js";
import { applicationRoutes } from "./applications-routes.js";
import { callRoutes } from "./calls-routes.js";
import { reviewRoutes } from "./review-routes.js";

/**
 * Projects (项目化运作): government purchase of services from call to closing — calls, applications,
 * review, contracts, milestones, the funding ledger, evaluation and each organization's credit record.
 */
export const projectsModule: ModuleManifest = {
  name: "projects",
  routes: async (app) => {
    await app.register(callRoutes);
    await app.register(applicationRoutes);
    await app.register(reviewRoutes);
  },
};

export { getPublicCreditSummary } from "./credit.js";
