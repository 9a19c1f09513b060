import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the cases module's permissions (and at which levels, where it depends on the level). */
export const casesPermissions = definePermissions({
  "cases.read": { roles: ["community_staff", "social_worker"] },
  "cases.write": { roles: ["social_worker"] },
});
