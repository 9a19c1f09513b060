// expect: module-through-index
// Rule 1: a module imports another module's internals instead of its index.ts.
import { listAlphas } from "../alpha/service.js";

export const betas = listAlphas;
