// expect: routes-no-sql
// Rule 2: a *-routes.ts file imports its module's schema.ts.
import { alphas } from "./schema.js";

export const table = alphas;
