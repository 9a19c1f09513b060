import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the imports module's permissions (and at which levels, where it depends on the level). */
export const importsPermissions = definePermissions({
  "imports.run": { roles: ["admin", "official", "community_staff", "org_staff"] },
});
