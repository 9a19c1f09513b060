import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the leadership module's permissions. */
export const leadershipPermissions = definePermissions({
  // Officials at any level, community staff and department staff read the groups and plans of their
  // area, the levels above it and below it.
  "leadership.read": { roles: ["official", "community_staff", "department"] },
  // Officials set up groups and plans in their jurisdiction.
  "leadership.manage": { roles: ["official"] },
});
