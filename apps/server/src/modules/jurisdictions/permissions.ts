import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the jurisdictions module's permissions (and at which levels, where it depends on the level). */
export const jurisdictionsPermissions = definePermissions({
  "areas.read": {
    roles: ["admin", "auditor", "official", "community_staff", "org_staff", "social_worker", "evaluator", "resident", "department"],
  },
});
