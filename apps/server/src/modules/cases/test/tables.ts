/**
 * Tables of this module for the db tests of other modules, which set up or inspect rows directly.
 * Only test files may import a module's test/ folder (docs/decisions/0017-module-boundaries.md).
 */
export { cases, caseSessions } from "../schema.js";
