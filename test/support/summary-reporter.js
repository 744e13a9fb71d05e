// Jest reporter: after the run, prints the plain closing line
// "Unit tests: N passed, N failed" (and N skipped when any) and keeps it in
// test-artifacts/jest-summary.txt so .ci/run can repeat it as its last line.
// Under a platform run (GOAL_PLATFORM_RUN, set by npm run test:platforms) the line is
// "Platform windows: N passed, N failed", kept in test-artifacts/platform-<name>.txt.
const fs = require("fs");
const path = require("path");

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const platform = process.env.GOAL_PLATFORM_RUN;
    const label = platform ? `Platform ${platform}` : "Unit tests";
    const line = `${label}: ${results.numPassedTests} passed, ${results.numFailedTests} failed` + (skipped > 0 ? `, ${skipped} skipped` : "");
    const dir = path.join(__dirname, "..", "..", "test-artifacts");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, platform ? `platform-${platform}.txt` : "jest-summary.txt"), line + "\n");
    process.stdout.write(line + "\n");
  }
}

module.exports = SummaryReporter;
