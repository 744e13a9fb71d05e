#!/usr/bin/env node
// npm run test:platforms: the adapter, review-cycle and task-pane suites (test/excel,
// test/excel-host, test/taskpane) under each platform profile: Microsoft's client build
// of that platform and its requirement sets (src/excel-host/platforms.ts). One line per
// profile at the end; exits 1 if any profile failed. `--only windows,mac` picks profiles.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ALL = ["web", "windows", "mac", "excel2021"];
const SUITES = ["test/excel", "test/excel-host", "test/taskpane"];
const onlyArg = process.argv.find((a) => a.startsWith("--only="));
const platforms = onlyArg ? onlyArg.slice("--only=".length).split(",").filter(Boolean) : ALL;
for (const p of platforms) {
  if (!ALL.includes(p)) {
    console.error(`Unknown platform '${p}': expected ${ALL.join(", ")}`);
    process.exit(2);
  }
}

const root = path.resolve(__dirname, "..");
const jest = require.resolve("jest/bin/jest");
const lines = [];
let failed = false;
for (const p of platforms) {
  console.log(`\n=== ${p}: ${SUITES.join(" ")} ===`);
  const out = path.join(root, "test-artifacts", `platform-${p}.txt`);
  fs.rmSync(out, { force: true });
  const r = spawnSync(process.execPath, [jest, "--silent", ...SUITES], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, GOAL_PLATFORM: p, GOAL_PLATFORM_RUN: p },
  });
  const line = fs.existsSync(out) ? fs.readFileSync(out, "utf8").trim() : `Platform ${p}: did not finish (exit ${r.status})`;
  lines.push(line);
  if (r.status !== 0) failed = true;
}
console.log("");
for (const l of lines) console.log(l);
process.exit(failed ? 1 : 0);
