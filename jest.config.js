// Jest runs the unit tests under test/ (not test/e2e) with ts-jest.
// ts-jest reads tsconfig.json (so JSX in src/taskpane compiles with "react-jsx");
// only the module settings are overridden, because Jest loads CommonJS.
/** @type {import("jest").Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  setupFiles: ["<rootDir>/test/support/fast-check-seed.js", "<rootDir>/test/support/office-client.ts"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          jsx: "react-jsx",
          module: "commonjs",
          moduleResolution: "node",
          esModuleInterop: true,
          isolatedModules: true,
        },
      },
    ],
  },
};
