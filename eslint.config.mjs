// ESLint flat config: typescript-eslint "recommended" (syntax-only, no type
// information, so it stays fast) for everything, React hooks rules for the
// task pane, Microsoft's Office.js rules (eslint-plugin-office-addins) for the
// code that calls Office.js, and CommonJS/Node settings for the build scripts
// and configs.
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
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "off",
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
