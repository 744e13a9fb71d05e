// Jest reporter for the browser tests: prints the closing line
// "E2E: N passed, N failed" (then steps not run because an earlier journey step
// failed, and skipped tests, when any) and keeps it in test-artifacts/e2e-summary.txt.
const fs = require("fs");
const path = require("path");

const NOT_RUN = "NOT RUN:";

class E2eReporter {
  onRunComplete(_contexts, results) {
    let notRun = 0;
    for (const file of results.testResults) {
      for (const t of file.testResults) {
        if (t.status === "failed" && t.failureMessages.some((m) => m.includes(NOT_RUN))) notRun++;
      }
    }
    const failed = results.numFailedTests - notRun;
    const skipped = results.numPendingTests + results.numTodoTests;
    // Test files that could not start (no browser, no build) count as failures too.
    const broken = results.numRuntimeErrorTestSuites;
    let line = `E2E: ${results.numPassedTests} passed, ${failed + broken} failed`;
    if (notRun > 0) line += `, ${notRun} not run (an earlier step failed)`;
    if (skipped > 0) line += `, ${skipped} skipped`;
    line += ` in ${((Date.now() - results.startTime) / 1000).toFixed(1)} s`;
    const dir = path.join(__dirname, "..", "test-artifacts");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "e2e-summary.txt"), line + "\n");
    process.stdout.write(line + "\n");
  }
}

E2eReporter.NOT_RUN = NOT_RUN;
module.exports = E2eReporter;
