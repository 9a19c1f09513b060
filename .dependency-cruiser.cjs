// Module boundaries of Sanshe (docs/decisions/0017-module-boundaries.md, CONVENTIONS C1–C3).
// Every file is classified by folder and role with path regexes; a rule names what may NOT be imported
// (deny lists over "everything outside your own module"). `(?:lint-fixtures/)?` lets the deliberately wrong
// files under lint-fixtures/ (same layout as the repo) be judged exactly like real files: see
// scripts/lint-fixtures.mjs (`npm run lint:fixtures`).
const ROOT = "^(?:lint-fixtures/)?";
const SERVER = `${ROOT}apps/server/src/`;
const WEB = `${ROOT}apps/web/src/`;
const MODULES = `${SERVER}modules/`;
/** Test files and test helpers (`*.test.ts`, anything in a `test/` folder, the quality/ suites). */
const TEST = ["\\.test\\.tsx?$", "/test/", `${SERVER}quality/`];
/** Route files: routes.ts, *-routes.ts, anything in a routes/ folder, at any depth. */
const ROUTE = ["/routes\\.ts$", "-routes\\.ts$", "/routes/"];
/** A module's entry points for other modules: its root index.ts and (tests only) its test/ helpers. */
const MODULE_ENTRY = `${MODULES}[^/]+/index\\.ts$`;
/** Files directly in modules/ (registry.ts) belong to no module. */
const MODULES_WIRING = `${MODULES}[^/]+\\.ts$`;
const MODULE_TEST_HELPERS = `${MODULES}[^/]+/test/`;
const HTTP = "^node_modules/(?:fastify|fastify-[^/]+|@fastify/[^/]+)/";
const SQL = "^node_modules/drizzle-orm/";

// Table re-exports still allowed (jurisdictions' `areas`: communities, needs and announcements join it);
// replacing them with query fragments (jurisdictions/fragments.ts) is the remaining step.
const TABLE_REEXPORTS_LEFT = [`${MODULES}jurisdictions/index\\.ts$`];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // Rule 1: another module (or open/, platform/, app.ts…) imports a module through its index.ts only.
    {
      name: "module-through-index",
      comment: "Import another server module through its index.ts (tests: also its test/ helpers). CONVENTIONS C1.",
      severity: "error",
      from: { path: `${MODULES}([^/]+)/` },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, MODULE_ENTRY, MODULE_TEST_HELPERS, MODULES_WIRING] },
    },
    {
      name: "module-through-index",
      comment: "Outside modules/ (open/, platform/, app.ts, quality/…) a module is reached through its index.ts only.",
      severity: "error",
      from: { path: SERVER, pathNot: [`${MODULES}[^/]+/`] },
      to: { path: MODULES, pathNot: [MODULE_ENTRY, MODULE_TEST_HELPERS, MODULES_WIRING] },
    },
    {
      name: "test-helpers-in-tests-only",
      comment: "A module's test/ helpers are imported by test files only.",
      severity: "error",
      from: { path: SERVER, pathNot: TEST },
      to: { path: `${SERVER}.*/test/` },
    },
    // Rule 2: roles by file name, deny by default.
    {
      name: "routes-no-sql",
      comment: "Route files are transport only: no drizzle-orm, no schema.ts (CONVENTIONS C2).",
      severity: "error",
      from: { path: `${MODULES}.*(?:/routes\\.ts$|-routes\\.ts$|/routes/)`, pathNot: TEST },
      to: { path: [SQL, "/schema\\.ts$"] },
    },
    {
      name: "domain-no-http",
      comment: "Everything in a module but its routes, index.ts and tests knows nothing of HTTP (CONVENTIONS C3).",
      severity: "error",
      from: { path: `${MODULES}[^/]+/`, pathNot: [...TEST, ...ROUTE, `${MODULES}[^/]+/index\\.ts$`] },
      to: { path: HTTP },
    },
    // Rule 3: a module's tables do not leave it (drizzle.config.ts finds the schema files by glob).
    {
      name: "tables-stay-in-module",
      comment: "A module's schema.ts is imported only by files of that module.",
      severity: "error",
      from: { path: `${MODULES}([^/]+)/` },
      to: { path: `${MODULES}.*/schema\\.ts$`, pathNot: `${MODULES}$1/` },
    },
    {
      name: "tables-stay-in-module",
      comment: "A module's schema.ts is imported only by files of that module.",
      severity: "error",
      from: { path: SERVER, pathNot: [`${MODULES}[^/]+/`] },
      to: { path: `${MODULES}.*/schema\\.ts$` },
    },
    {
      name: "no-table-reexport",
      comment: "index.ts may not re-export its tables (`export * from`/`export { t } from` a schema.ts); type-only re-exports are fine.",
      severity: "error",
      from: { path: `${MODULES}[^/]+/index\\.ts$`, pathNot: TABLE_REEXPORTS_LEFT },
      to: { path: "/schema\\.ts$", dependencyTypes: ["export"], dependencyTypesNot: ["type-only"] },
    },
    // Rule 4: platform/ is domain-free; platform/auth's tables are reached through platform/auth/index.ts.
    {
      name: "platform-is-domain-free",
      comment: "platform/ never imports modules/ or open/ (its db tests build data with module test helpers).",
      severity: "error",
      from: { path: `${SERVER}platform/`, pathNot: TEST },
      to: { path: `${SERVER}(?:modules|open)/` },
    },
    {
      name: "no-platform-auth-schema",
      comment: "Modules use platform/auth/index.ts, not platform/auth/schema.ts.",
      severity: "error",
      from: { path: MODULES },
      to: { path: `${SERVER}platform/auth/schema\\.ts$` },
    },
    // Rule 5: no cycles in the server or the console.
    {
      name: "no-cycle",
      comment: "No import cycles (type-only imports included).",
      severity: "error",
      from: { path: [SERVER, WEB] },
      to: { circular: true },
    },
    // Rule 6: the console.
    {
      name: "console-ui-is-generic",
      comment: "apps/web/src/ui may not import modules/ or app/.",
      severity: "error",
      from: { path: `${WEB}ui/` },
      to: { path: `${WEB}(?:modules|app)/` },
    },
    {
      name: "console-module-through-index",
      comment: "A console module imports another console module through its index.ts.",
      severity: "error",
      from: { path: `${WEB}modules/([^/]+)/` },
      to: { path: `${WEB}modules/`, pathNot: [`${WEB}modules/$1/`, `${WEB}modules/[^/]+/index\\.tsx?$`] },
    },
    {
      name: "console-app-uses-module-index",
      comment: "app/ imports console modules through their index.ts.",
      severity: "error",
      from: { path: `${WEB}app/` },
      to: { path: `${WEB}modules/`, pathNot: `${WEB}modules/[^/]+/index\\.tsx?$` },
    },
    {
      name: "not-to-unresolvable",
      comment: "Every relative import resolves (a typo would hide a dependency from the rules above).",
      severity: "error",
      from: {},
      to: { couldNotResolve: true, dependencyTypesNot: ["core"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
