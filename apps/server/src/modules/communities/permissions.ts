import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the communities module's permissions (and at which levels, where it depends on the level). */
export const communitiesPermissions = definePermissions({
  "communities.read": { roles: ["official", "community_staff", "org_staff", "social_worker", "evaluator"] },
  "communities.write": { roles: ["official", "community_staff"] },
});
