// expect: platform-is-domain-free
// Rule 4: platform/ imports a module (even through its index.ts).
import { listAlphas } from "../../modules/alpha/index.js";

export const widget = listAlphas;
