import type { ModuleManifest } from "../../platform/module.js";
import { userRoutes } from "./routes.js";
import { seedDemoUsers } from "./seed.js";

/** Accounts, sign-in sessions and memberships (role + area scope + organization). */
export const usersModule: ModuleManifest = {
  name: "users",
  routes: userRoutes,
  seedDemo: seedDemoUsers,
};

export { createUserAsSystem } from "./service.js";
export { demoAccounts } from "./seed.js";
