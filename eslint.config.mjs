// ESLint flat config: typescript-eslint "recommended" for everything, plus its
// type-aware "recommendedTypeChecked" rules (floating and misused promises,
// unsafe `any`, needless assertions, exhaustive switches …) for the TypeScript
// files, React hooks rules for the task pane, Microsoft's Office.js rules
// (eslint-plugin-office-addins) for the code that calls Office.js, and
// CommonJS/Node settings for the build scripts and configs. Formatting is
// Prettier's job (npm run format); none of the rules enabled here is stylistic.
//
// Type information comes from the project service: each .ts/.tsx file is typed
// by its nearest tsconfig.json (the root one covers src, test, scripts and
// bench; test/e2e has its own). The JavaScript files are linted without types.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

export default tseslint.config(
  {
    ignores: ["dist/**", "dist-bench/**", "coverage/**", "node_modules/**", "test-artifacts/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "off",
    },
  },
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ["**/*.{ts,tsx}"] })),
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A switch without a default must name every case; one with a default is exhaustive.
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      // Off: Office.js event handlers and the tests' fakes of async services must return
      // promises, so an async function without await is often the point, not a slip.
      // Forgotten awaits are caught by no-floating-promises and no-misused-promises.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Browser code: the task pane and the custom functions run in Office's webview.
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: {
      globals: { ...globals.browser, Office: "readonly", Excel: "readonly", CustomFunctions: "readonly" },
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    // Office.js usage: Microsoft's rules (the plugin's own "recommended" config also
    // pulls in Prettier, so only its rules are enabled here).
    files: ["src/excel/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["test/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      // jest's asymmetric matchers (expect.stringMatching, expect.any …) are typed `any`.
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
  {
    // The benchmark runs in Node (bench/generate.ts stays free of Node imports).
    files: ["bench/**/*.ts"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Build scripts and tool configs are plain CommonJS run by Node.
    files: ["scripts/**/*.js", "*.js", ".ci/**/*.js", "test/support/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
);
