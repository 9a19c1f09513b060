import { definePermissions } from "../../platform/auth/permissions.js";

/**
 * Which roles hold the de-administration permissions, and at which levels. Departments apply; a
 * street or district decides (a city official reads but does not decide); a district or the city
 * keeps the catalogue and the departments; community staff work their queue and refuse.
 */
export const adminTasksPermissions = definePermissions({
  "admin_tasks.read": { roles: ["official", "community_staff", "department"] },
  "admin_tasks.apply": { roles: ["department"] },
  "admin_tasks.review": { roles: ["official"], when: (m) => m.areaCode.length === 6 || m.areaCode.length === 9 },
  "admin_tasks.queue": { roles: ["community_staff"] },
  "admin_tasks.catalog": { roles: ["official"], when: (m) => m.areaCode.length === 4 || m.areaCode.length === 6 },
  "workload.read": { roles: ["official", "community_staff"] },
});
