// expect: module-through-index
// Rule 1: open/<x>/ imports a module's internals instead of its index.ts.
import { listAlphas } from "../../modules/alpha/service.js";

export const feed = listAlphas;
