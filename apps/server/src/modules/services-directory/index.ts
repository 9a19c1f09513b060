import type { ModuleManifest } from "../../platform/module.js";
import { servicesDirectoryErrors } from "./errors.js";
import { servicesDirectoryPermissions } from "./permissions.js";
import { serviceDirectoryRoutes } from "./routes.js";
import { seedServices } from "./seed.js";
import { servicesExport } from "./exports.js";

/** Service directory (服务目录): standing services published by organizations, communities and commercial providers. */
export const servicesDirectoryModule: ModuleManifest = {
  name: "services-directory",
  errors: servicesDirectoryErrors,
  permissions: servicesDirectoryPermissions,
  routes: serviceDirectoryRoutes,
  seedDemo: seedServices,
  exports: [servicesExport],
};

export { findPublishedService, pagePublishedServices, providerNames } from "./queries.js";
export { presentPublicService } from "./present.js";
export type { ServiceRow } from "./schema.js";
