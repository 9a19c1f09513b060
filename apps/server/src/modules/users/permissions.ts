import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the users module's permissions (and at which levels, where it depends on the level). */
export const usersPermissions = definePermissions({
  "users.admin": { roles: ["admin"] },
});
