import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the announcements module's permissions (and at which levels, where it depends on the level). */
export const announcementsPermissions = definePermissions({
  "announcements.publish": { roles: ["official", "community_staff"] },
});
