// expect: no-table-reexport
// Rule 3: index.ts re-exports its module's tables to other modules.
export * from "./schema.js";
