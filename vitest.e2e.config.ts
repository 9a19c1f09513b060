import { defineConfig } from "vitest/config";

// Browser tests: one real server (PGlite in a temporary directory, demo world loaded) driven by
// Debian's Chromium through playwright-core. Requires the built web console (npm run build).
export default defineConfig({
  test: {
    name: "e2e",
    include: ["e2e/**/*.spec.ts"],
    globalSetup: ["e2e/fixtures/server.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
