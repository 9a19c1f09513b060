import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the social-workers module's permissions (and at which levels, where it depends on the level). */
export const socialWorkersPermissions = definePermissions({
  "social_workers.read": { roles: ["official", "community_staff", "org_staff", "social_worker", "evaluator"] },
  "social_workers.write": { roles: ["official", "org_staff"], when: (m) => m.role !== "official" || m.areaCode.length <= 6 },
});
