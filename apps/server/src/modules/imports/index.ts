import type { ModuleManifest } from "../../platform/module.js";
import { importRoutes } from "./routes.js";

/** Spreadsheet imports of the registries: validation report, all-or-valid-only, progress, resume. */
export const importsModule: ModuleManifest = {
  name: "imports",
  routes: importRoutes,
};

export { createImportJob, getImportJob, runImport, startImport, purgeExpiredImports } from "./service.js";
export { presentImportJob } from "./present.js";
