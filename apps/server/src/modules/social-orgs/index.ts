import type { ModuleManifest } from "../../platform/module.js";
import { socialOrgsErrors } from "./errors.js";
import { socialOrgsPermissions } from "./permissions.js";
import { socialOrgExport, socialOrgImport } from "./imports.js";
import { socialOrgRoutes } from "./routes.js";
import { seedSocialOrgs } from "./seed.js";

/** Social organizations (社会组织) and social-work agencies (社工机构): registry, scope, public profiles. */
export const socialOrgsModule: ModuleManifest = {
  name: "social-orgs",
  errors: socialOrgsErrors,
  permissions: socialOrgsPermissions,
  routes: socialOrgRoutes,
  seedDemo: seedSocialOrgs,
  imports: [socialOrgImport],
  exports: [socialOrgExport],
};

export {
  getOrganizations,
  organizationNameOf,
  findOrganizationByName,
  getPublicSocialOrg,
  pagePublicSocialOrgs,
  socialOrgReadableBy,
} from "./queries.js";
export { demoAgencyName } from "./seed.js";
// Other modules check eligibility and presence in SQL against the registry through these fragments;
// the registry's tables stay inside the module.
export {
  organizationName,
  organizationUsccOf,
  organizationIdsUnder,
  someOrganizationNear,
  isOrganizationReadable,
  isOrganizationActive,
  checkOrganizationEligibility,
  listOrganizationsAmong,
  organizationsPresentUnder,
  organizationByUscc,
  type EligibilityRules,
} from "./fragments.js";
