import type { ModuleManifest } from "../../platform/module.js";
import { catalogErrors } from "./catalog/errors.js";
import { catalogImport } from "./catalog/imports.js";
import { catalogRoutes } from "./catalog/routes.js";
import { seedCatalogDemo } from "./catalog/seed.js";
import { adminTasksErrors } from "./errors.js";
import { escalateAdmissionsJob, startTasksJob } from "./jobs.js";
import { adminTasksPermissions } from "./permissions.js";
import { adminTaskRoutes, communityQueueRoutes } from "./routes.js";
import { seedAdminTasks } from "./seed.js";
import { workloadErrors } from "./workload/errors.js";
import { workloadRoutes } from "./workload/routes.js";

/**
 * De-administration (社区减负): the community work catalogue (catalog/); departments apply to put
 * administrative tasks on communities; a street or district admits, rejects or returns them within
 * working days (准入), escalated when overdue; admitted tasks start as occurrences in each
 * community's queue with their funding credited to its ledger (费随事转); a street takes tasks back
 * (回收); communities log time and refuse demands never admitted; the workload picture (workload/).
 */
export const adminTasksModule: ModuleManifest = {
  name: "admin-tasks",
  errors: { ...adminTasksErrors, ...catalogErrors, ...workloadErrors },
  permissions: adminTasksPermissions,
  routes: async (app) => {
    await app.register(adminTaskRoutes);
    await app.register(communityQueueRoutes);
    await app.register(catalogRoutes);
    await app.register(workloadRoutes);
  },
  seedDemo: async (ctx, options) => {
    await seedCatalogDemo(ctx);
    await seedAdminTasks(ctx, options);
  },
  imports: [catalogImport],
  jobs: [escalateAdmissionsJob, startTasksJob],
};

export { getDepartments } from "./departments.js";
export { ensureDemoDepartments, demoDepartmentName } from "./demo-departments.js";
export { escalateOverdueAdmissions } from "./escalation.js";
export { startDueTasks } from "./start.js";
export { administrativeShareUnder } from "./workload/queries.js";
export { countAdminTaskTodos, countOpenQueue } from "./home-counts.js";
