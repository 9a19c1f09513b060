import type { ModuleManifest } from "../../platform/module.js";
import { socialWorkersErrors } from "./errors.js";
import { socialWorkersPermissions } from "./permissions.js";
import { loadConfig } from "../../platform/config.js";
import { socialWorkerRoutes } from "./routes.js";
import { seedSocialWorkers } from "./seed.js";
import { socialWorkerExportSpec, socialWorkerImportSpec } from "./imports.js";

/** Social workers (社工): registry, training hours against the yearly requirement, and the workforce view. */
export const socialWorkersModule: ModuleManifest = {
  name: "social-workers",
  errors: socialWorkersErrors,
  permissions: socialWorkersPermissions,
  routes: socialWorkerRoutes(),
  seedDemo: seedSocialWorkers,
  imports: [socialWorkerImportSpec()],
  exports: [socialWorkerExportSpec(() => ({ trainingHoursPerYear: loadConfig().trainingHoursPerYear }))],
};

export type { PopulationSource } from "./queries.js";
export {
  countCertifiedWorkersUnder,
  findWorkerOfUser,
  getWorkerNames,
  getWorkersInScope,
  workerIdsOfUser,
  workerNameOf,
  workersSupervisedBy,
} from "./queries.js";
