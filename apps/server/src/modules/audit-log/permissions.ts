import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the audit-log module's permissions (and at which levels, where it depends on the level). */
export const auditLogPermissions = definePermissions({
  "audit.read": { roles: ["auditor"] },
});
