import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the needs module's permissions (and at which levels, where it depends on the level). */
export const needsPermissions = definePermissions({
  "needs.read": { roles: ["official", "community_staff"] },
  "needs.dashboard": { roles: ["official", "community_staff", "evaluator"] },
  // Routing rules are set by street, district and city officials for their jurisdiction.
  "routing.manage": { roles: ["official"], when: (m) => m.role === "official" },
  "needs.write": { roles: ["community_staff"] },
  "referrals.handle": { roles: ["community_staff", "org_staff", "social_worker"] },
  "needs.report": { roles: ["resident"] },
});
