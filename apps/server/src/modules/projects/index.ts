import type { ModuleManifest } from "../../platform/module.js";
import { projectsErrors } from "./errors.js";
import { projectsPermissions } from "./permissions.js";
import { applicationRoutes } from "./applications/routes.js";
import { callRoutes } from "./calls/routes.js";
import { callPanelRoutes } from "./calls/panel-routes.js";
import { reviewRoutes } from "./review/routes.js";
import { contractAttachmentRoutes, contractRoutes } from "./contracts/routes.js";
import { evaluationRoutes } from "./evaluation/routes.js";
import { ledgerRoutes } from "./ledger/routes.js";
import { projectIndicatorRoutes } from "./indicators/routes.js";
import { seedProjects } from "./seed.js";
import { ledgerExport, ledgerImport } from "./ledger/spreadsheets.js";
import { contractExport } from "./contracts/spreadsheets.js";
import { callExport } from "./calls/spreadsheets.js";
import { applicationExport } from "./applications/spreadsheets.js";

/**
 * Projects (项目化运作): government purchase of services from call to closing — calls, applications,
 * review, contracts, milestones, the funding ledger, evaluation and each organization's credit record.
 */
export const projectsModule: ModuleManifest = {
  name: "projects",
  errors: projectsErrors,
  permissions: projectsPermissions,
  routes: async (app) => {
    await app.register(callPanelRoutes);
    await app.register(callRoutes);
    await app.register(applicationRoutes);
    await app.register(reviewRoutes);
    await app.register(contractRoutes);
    await app.register(contractAttachmentRoutes);
    await app.register(ledgerRoutes);
    await app.register(evaluationRoutes);
    await app.register(projectIndicatorRoutes);
  },
  seedDemo: seedProjects,
  imports: [ledgerImport],
  exports: [ledgerExport, contractExport, callExport, applicationExport],
};

export { getPublicCreditSummary } from "./evaluation/credit.js";
export { projectLinksNear } from "./calls/agenda-links.js";
export {
  listOcdsReleaseHeads,
  createReleaseHeadCache,
  getOcdsProcesses,
  type OcdsReleaseHead,
  type OcdsProcess,
  type OcdsOrganization,
  type OcdsStage,
} from "./ocds/queries.js";
export { creditTaskFunding, type TaskCredit } from "./ledger/credit.js";
export { countEvaluationsToGive, countMilestonesToAccept, countReviewsToScore } from "./home-counts.js";
