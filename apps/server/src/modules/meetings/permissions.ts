import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the meetings module's permissions (and at which levels, where it depends on the level). */
export const meetingsPermissions = definePermissions({
  // Department staff read the meetings whose action items they own (a street assigns items to departments).
  "meetings.read": { roles: ["official", "community_staff", "org_staff", "social_worker", "evaluator", "department"] },
  // Joint meetings are convened by a street (or a community), not by districts or the city.
  "meetings.convene": { roles: ["official", "community_staff"], when: (m) => m.role !== "official" || m.areaCode.length === 9 },
  "action_items.handle": { roles: ["community_staff", "org_staff", "social_worker", "department"] },
});
