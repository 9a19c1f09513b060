import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the services-directory module's permissions (and at which levels, where it depends on the level). */
export const servicesDirectoryPermissions = definePermissions({
  "services.write": { roles: ["community_staff", "org_staff"] },
});
