// expect: tables-stay-in-module
// Rule 3: a module imports another module's schema.ts (its tables).
import { alphas } from "../alpha/schema.js";

export const joined = alphas;
