import type { ModuleManifest } from "../../platform/module.js";
import { catalogErrors } from "./catalog/errors.js";
import { catalogImport } from "./catalog/imports.js";
import { catalogRoutes } from "./catalog/routes.js";
import { seedCatalogDemo } from "./catalog/seed.js";
import { adminTasksPermissions } from "./permissions.js";
import { workloadErrors } from "./workload/errors.js";
import { workloadRoutes } from "./workload/routes.js";

/**
 * De-administration (社区减负): the community work catalogue, departments' administrative tasks and
 * their admission (准入), the communities' queues, and the workload picture.
 * (This manifest holds the catalogue and the workload; the rest of the module is merged in.)
 */
export const adminTasksModule: ModuleManifest = {
  name: "admin-tasks",
  errors: { ...catalogErrors, ...workloadErrors },
  permissions: adminTasksPermissions,
  routes: async (app) => {
    await app.register(catalogRoutes);
    await app.register(workloadRoutes);
  },
  seedDemo: async (ctx) => {
    await seedCatalogDemo(ctx);
  },
  imports: [catalogImport],
};
