// One flat config; per-glob no-restricted-imports encode the layering of docs/CONVENTIONS.md.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

// Another module's files other than its index.ts (CONVENTIONS C1); tests may import its test/factories.ts.
const otherModuleInternals = {
  regex: "^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$|test/)",
  message: "Import another module through its index.ts (CONVENTIONS C1).",
};
// The same from a module's sub-folder (projects/calls/…): other modules are two levels up; siblings are fine.
const otherModuleInternalsFromSubfolder = {
  regex: "^\\.\\./\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$|test/)",
  message: "Import another module through its index.ts (CONVENTIONS C1).",
};
// Use cases, queries, policies and presenters never see HTTP (C3).
const noHttp = { group: ["fastify", "fastify-*", "@fastify/*"], message: "The domain knows nothing of HTTP (CONVENTIONS C3)." };
// Routes are transport only: no SQL, no tables (C2).
const noSql = {
  group: ["drizzle-orm", "drizzle-orm/*", "./schema*"],
  message: "Routes call use cases; SQL lives in queries.ts and service.ts (CONVENTIONS C2).",
};

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "data/**",
      "db/migrations/**",
      "docs/api/**",
      "bench/results/**",
      "e2e/results/**",
      "**/*.mjs",
      "**/*.cjs",
      "eslint.config.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/only-throw-error": "off",
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: "error",
      curly: "error",
      "no-console": "error",
    },
  },
  // Layering (flat config: the last block that sets a rule wins, so each file group gets all its patterns).
  {
    files: ["apps/server/src/modules/*/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [otherModuleInternals] }] },
  },
  {
    files: ["apps/server/src/modules/*/{service,queries,policy,present,seed}.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [otherModuleInternals, noHttp] }] },
  },
  {
    files: ["apps/server/src/modules/*/routes.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [otherModuleInternals, noSql] }] },
  },
  // A module split into sub-folders (projects/calls/, projects/contracts/, …) keeps the same layering:
  // everything but the routes is domain code.
  {
    files: ["apps/server/src/modules/*/*/*.ts"],
    ignores: ["**/*.test.ts", "**/*routes.ts", "apps/server/src/modules/*/test/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [otherModuleInternalsFromSubfolder, noHttp] }] },
  },
  {
    files: ["apps/server/src/modules/*/*/*routes.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [otherModuleInternalsFromSubfolder, { ...noSql, group: [...noSql.group, "../schema*"] }] },
      ],
    },
  },
  {
    // Platform plumbing is domain-free.
    files: ["apps/server/src/platform/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/modules/**"], message: "platform/ is domain-free; modules depend on it, not the reverse." }] },
      ],
    },
  },
  {
    // Generic UI compositions may not depend on feature modules (Twenty's rule).
    files: ["apps/web/src/ui/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["**/modules/**"], message: "ui/ may not import modules/." }] }] },
  },
  {
    // Test responses are parsed JSON (`any` by design); asserting on them is the point.
    files: ["**/*.test.ts", "e2e/**/*.ts", "apps/server/test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
    },
  },
  {
    files: ["e2e/**/*.ts", "bench/**/*.ts", "apps/server/src/main.ts", "scripts/**/*.ts"],
    rules: { "no-console": "off" },
  },
);
