// expect: no-platform-auth-schema
// Rule 4: a module imports platform/auth/schema.ts instead of platform/auth/index.ts.
import { users } from "../../platform/auth/schema.js";

export const accounts = users;
