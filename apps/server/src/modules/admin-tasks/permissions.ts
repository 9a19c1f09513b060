import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the admin-tasks module's permissions (and at which levels, where it depends on the level). */
export const adminTasksPermissions = definePermissions({
  "admin_tasks.read": { roles: ["official", "community_staff", "department"] },
  // The catalogue is a district's (or a city's): only officials at those levels keep it.
  "admin_tasks.catalog": {
    roles: ["official"],
    when: (m) => m.role === "official" && (m.areaCode.length === 4 || m.areaCode.length === 6),
  },
  "workload.read": { roles: ["official", "community_staff"] },
});
