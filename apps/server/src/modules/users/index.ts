import type { ModuleManifest } from "../../platform/module.js";
import { createUserCommand } from "./cli.js";
import { usersErrors } from "./errors.js";
import { usersPermissions } from "./permissions.js";
import { userRoutes } from "./routes.js";
import { seedDemoUsers } from "./seed.js";

/** Accounts, sign-in sessions and memberships (role + area scope + organization). */
export const usersModule: ModuleManifest = {
  name: "users",
  errors: usersErrors,
  permissions: usersPermissions,
  routes: userRoutes,
  seedDemo: seedDemoUsers,
  commands: [createUserCommand],
};

export { createUserAsSystem } from "./service.js";
export { demoAccounts } from "./seed.js";
