import type { ModuleManifest } from "../../platform/module.js";
import { casesErrors } from "./errors.js";
import { casesPermissions } from "./permissions.js";
import { caseRoutes } from "./routes.js";
import { seedCases } from "./seed.js";
import { caseExport } from "./spreadsheets.js";

/**
 * Casework (个案): a social worker's confidential case files — intake assessment, plan with goals,
 * sessions, reviews, closing. Readable by the owning worker, their supervisor and the community
 * staff in charge; every read is audited. No import; the export is a summary of the list (resident
 * masked, never the file's narrative or notes).
 */
export const casesModule: ModuleManifest = {
  name: "cases",
  errors: casesErrors,
  permissions: casesPermissions,
  routes: caseRoutes,
  seedDemo: seedCases,
  exports: [caseExport],
};

export { caseIdOfReferral, readableCasesOfReferrals } from "./queries.js";
export { openCaseFromReferral, type HeldReferral } from "./service.js";
export { caseSessionMinutesUnder } from "./fragments.js";
