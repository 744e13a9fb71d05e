// Jest reporter: after the run, prints the plain closing line
// "Unit tests: N passed, N failed" (and N skipped when any) and keeps it in
// test-artifacts/jest-summary.txt so .ci/run can repeat it as its last line.
// Under a platform profile (GOAL_PLATFORM, npm run test:platforms) the line is
// "Platform windows: N passed, N failed" in test-artifacts/platform-<name>.txt.
const fs = require("fs");
const path = require("path");

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line =
      `Unit tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed` + (skipped > 0 ? `, ${skipped} skipped` : "");
    const dir = path.join(__dirname, "..", "..", "test-artifacts");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "jest-summary.txt"), line + "\n");
    process.stdout.write(line + "\n");
  }
}

module.exports = SummaryReporter;
