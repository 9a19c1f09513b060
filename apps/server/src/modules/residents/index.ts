import type { ModuleManifest } from "../../platform/module.js";
import { residentsErrors } from "./errors.js";
import { residentsPermissions } from "./permissions.js";
import { residentRoutes } from "./routes.js";
import { residentAccountRoutes } from "./accounts-routes.js";
import { seedResidents } from "./seed.js";
import { residentExport, residentImport } from "./spreadsheets.js";

/**
 * Residents (居民) and households (户): the registry of people a community serves, with personal
 * information protection (encrypted ID number and phone, masking, audited unmask, sensitive groups).
 */
export const residentsModule: ModuleManifest = {
  name: "residents",
  errors: residentsErrors,
  permissions: residentsPermissions,
  routes: async (app) => {
    await app.register(residentRoutes);
    await app.register(residentAccountRoutes);
  },
  seedDemo: seedResidents,
  imports: [residentImport],
  exports: [residentExport],
};

export { getResidentFacts, getResidentNames, getResidentRow, residentIdsIn, residentIdsNamed } from "./queries.js";
export { accountOfResident, getOwnResidentLink, linkedResidentOf } from "./accounts-queries.js";
export { residentInAnyGroup, residentVisitContact, residentVisitContactUnmasked } from "./fragments.js";
