import type { ModuleManifest } from "../../platform/module.js";
import { communitiesErrors } from "./errors.js";
import { communitiesPermissions } from "./permissions.js";
import { communityRoutes } from "./routes.js";
import { seedCommunities } from "./seed.js";
import { communitiesExport, facilitiesImport } from "./spreadsheets.js";

/** Communities (社区): profiles, facilities (三室两栏一站) and grids (网格). */
export const communitiesModule: ModuleManifest = {
  name: "communities",
  errors: communitiesErrors,
  permissions: communitiesPermissions,
  routes: communityRoutes,
  seedDemo: seedCommunities,
  imports: [facilitiesImport],
  exports: [communitiesExport],
};

export {
  getGrid,
  getGridNames,
  getPublicFacilities,
  facilityComplianceUnder,
  listFacilitiesUnder,
  listGridsByCommunity,
  populationByUnit,
  requireCommunity,
  type PublicFacility,
} from "./queries.js";
