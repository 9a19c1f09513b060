import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the social-orgs module's permissions (and at which levels, where it depends on the level). */
export const socialOrgsPermissions = definePermissions({
  "social_orgs.read": { roles: ["official", "community_staff", "org_staff", "social_worker", "evaluator"] },
  "social_orgs.write": { roles: ["official", "org_staff"], when: (m) => m.role !== "official" || m.areaCode.length <= 6 },
});
