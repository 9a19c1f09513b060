import type { ModuleManifest } from "../../platform/module.js";
import { apiClientsPermissions } from "./permissions.js";
import { apiClientRoutes } from "./routes.js";
import { seedApiClients } from "./seed.js";

/** API clients (开放接口客户端): keys for external systems calling the Open311 API, scoped to an area. */
export const apiClientsModule: ModuleManifest = {
  name: "api-clients",
  permissions: apiClientsPermissions,
  routes: apiClientRoutes,
  seedDemo: seedApiClients,
};

export { authenticateApiClient, type ApiClientIdentity } from "./service.js";
export { demoOpen311Key } from "./seed.js";
