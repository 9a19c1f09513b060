import { defineConfig } from "vitest/config";

// Unit tests (*.test.ts) need no I/O (web: the console's pure logic, in node, no browser); db tests (*.db.test.ts) run on a per-file database cloned from a
// migrated template: PGlite by default, PostgreSQL when DATABASE_URL is set. Browser tests live in
// vitest.e2e.config.ts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["apps/server/src/**/*.test.ts", "packages/contracts/src/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "web",
          sequence: { groupOrder: 0 },
          environment: "node",
          include: ["apps/web/src/**/*.test.ts"],
          exclude: ["**/node_modules/**"],
        },
      },
      {
        test: {
          name: "db",
          sequence: { groupOrder: 1 },
          include: ["apps/server/src/**/*.db.test.ts"],
          globalSetup: ["apps/server/test/global-setup.ts"],
          setupFiles: ["apps/server/test/assemble-modules.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
          maxWorkers: 2,
        },
      },
    ],
  },
});
