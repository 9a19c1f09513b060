// One flat config. Module boundaries and layering (CONVENTIONS C1–C3) are checked by dependency-cruiser
// (.dependency-cruiser.cjs, `npm run lint:boundaries`, part of `npm run lint`): docs/decisions/0017-module-boundaries.md.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
      // Deliberately wrong files proving the boundary rules bite (`npm run lint:fixtures`).
      "lint-fixtures/**",
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
