import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the api-clients module's permissions (and at which levels, where it depends on the level). */
export const apiClientsPermissions = definePermissions({
  "api_clients.manage": { roles: ["admin"] },
});
