import type { ModuleManifest } from "../../platform/module.js";
import { socialOrgRoutes } from "./routes.js";
import { seedSocialOrgs } from "./seed.js";

/** Social organizations (社会组织); the foundation keeps what memberships need. */
export const socialOrgsModule: ModuleManifest = {
  name: "social-orgs",
  routes: socialOrgRoutes,
  seedDemo: seedSocialOrgs,
};

export { getOrganizations, findOrganizationByName } from "./queries.js";
export { demoAgencyName } from "./seed.js";
