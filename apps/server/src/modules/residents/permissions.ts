import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the residents module's permissions (and at which levels, where it depends on the level). */
export const residentsPermissions = definePermissions({
  "residents.read": {
    roles: ["official", "community_staff", "org_staff", "social_worker"],
    when: (m) => m.role !== "official" || m.areaCode.length >= 9,
  },
  "residents.unmask": { roles: ["official", "community_staff"], when: (m) => m.role !== "official" || m.areaCode.length === 9 },
  "residents.write": { roles: ["community_staff"] },
});
