import type { ModuleManifest } from "../../platform/module.js";
import { purgeImportsJob } from "./jobs.js";
import { importCommand } from "./cli.js";
import { importsErrors } from "./errors.js";
import { importsPermissions } from "./permissions.js";
import { importRoutes } from "./routes.js";

/** Spreadsheet imports of the registries: validation report, all-or-valid-only, progress, resume. */
export const importsModule: ModuleManifest = {
  name: "imports",
  errors: importsErrors,
  permissions: importsPermissions,
  routes: importRoutes,
  jobs: [purgeImportsJob],
  commands: [importCommand],
};

export { createImportJob, getImportJob, runImport, startImport, purgeExpiredImports } from "./service.js";
export { presentImportJob } from "./present.js";
export { countFailedImports } from "./home-counts.js";
