import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import reactRefresh from "eslint-plugin-react-refresh";
import globals from "globals";
import tseslint from "typescript-eslint";

// Imports flow shared (components, lib) → features → app, never backwards (style.md rule 20).
// Code outside a folder reaches into it through the `@/` alias, so the alias is what we police;
// relative imports may only stay inside the current folder tree.
const noParentImports = {
  group: ["../*"],
  message: "Import across folders with the @/ alias so the layering rules can see it.",
};
/** @param {string[]} forbidden the folders under src/ this layer must not import from */
const layer = (forbidden) =>
  forbidden.map((folder) => ({
    group: [`@/${folder}`, `@/${folder}/*`],
    message: `This layer may not import from src/${folder}/ (shared → features → app).`,
  }));

export default tseslint.config(
  // src/client/ is generated (openapi-typescript); npm run api:check keeps it current.
  { ignores: ["dist/", "node_modules/", "src/client/"] },
  js.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended, reactRefresh.configs.vite],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["src/components/**", "src/lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [noParentImports, ...layer(["features", "app", "testing"])] },
      ],
    },
  },
  {
    files: ["src/features/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [noParentImports, ...layer(["app", "testing"])] },
      ],
    },
  },
  {
    // Tests may use the shared test helpers; the layering still holds for everything else.
    files: ["src/components/**/*.test.tsx", "src/lib/**/*.test.ts", "src/features/**/*.test.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noParentImports, ...layer(["app"])] }],
    },
  },
  {
    files: ["scripts/**/*.mjs", "*.config.{js,ts}"],
    languageOptions: { globals: globals.node },
  },
  {
    // Served as a classic script beside swagger-ui-bundle.js, whose globals it uses.
    files: ["public/swagger-ui/*.js"],
    languageOptions: {
      sourceType: "script",
      globals: {
        ...globals.browser,
        SwaggerUIBundle: "readonly",
        SwaggerUIStandalonePreset: "readonly",
      },
    },
  },
  prettier,
);
