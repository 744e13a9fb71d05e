// Jest runs the browser tests in test/e2e (npm run e2e): playwright-core drives
// Chromium against the production build of the preview (dist/preview.html, served
// by scripts/preview-server.js). One worker: the steps of the journey share a page.
/** @type {import("jest").Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["<rootDir>/test/e2e/**/*.e2e.ts"],
  moduleFileExtensions: ["ts", "js", "json"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", target: "ES2020", esModuleInterop: true, isolatedModules: true } }],
  },
  maxWorkers: 1,
  testTimeout: 120_000,
  reporters: ["default", "<rootDir>/scripts/e2e-reporter.js"],
};
