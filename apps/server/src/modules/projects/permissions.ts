import { definePermissions } from "../../platform/auth/permissions.js";

/** Which roles hold the projects module's permissions (and at which levels, where it depends on the level). */
export const projectsPermissions = definePermissions({
  "projects.read": { roles: ["official", "community_staff", "org_staff", "evaluator"] },
  "calls.manage": { roles: ["official", "community_staff"] },
  "projects.review": { roles: ["official", "evaluator"] },
  "projects.apply": { roles: ["org_staff"] },
  "projects.evaluate": { roles: ["evaluator"] },
  // The funding ledger: community staff record their community's money in and out, organizations' staff their organization's.
  "ledger.record": { roles: ["community_staff", "org_staff"] },
});
