import type { ModuleManifest } from "../../platform/module.js";
import { adminTasksErrors } from "./errors.js";
import { escalateAdmissionsJob, startTasksJob } from "./jobs.js";
import { adminTasksPermissions } from "./permissions.js";
import { adminTaskRoutes, communityQueueRoutes } from "./routes.js";
import { seedAdminTasks } from "./seed.js";

/**
 * De-administration (社区减负): departments apply to put administrative tasks on communities; a street
 * or district admits, rejects or returns them within working days (准入), escalated when overdue;
 * admitted tasks start as occurrences in each community's queue with their funding credited to its
 * ledger (费随事转); a street takes tasks back (回收); communities log time and refuse demands never
 * admitted.
 */
export const adminTasksModule: ModuleManifest = {
  name: "admin-tasks",
  errors: adminTasksErrors,
  permissions: adminTasksPermissions,
  routes: async (app) => {
    await app.register(adminTaskRoutes);
    await app.register(communityQueueRoutes);
  },
  seedDemo: seedAdminTasks,
  jobs: [escalateAdmissionsJob, startTasksJob],
};

export { getDepartments } from "./departments.js";
export { ensureDemoDepartments, demoDepartmentName } from "./demo-departments.js";
export { escalateOverdueAdmissions } from "./escalation.js";
export { startDueTasks } from "./start.js";
