#!/usr/bin/env node
// The goal-scorecards command line (docs/cli.md). The code is TypeScript in src/cli,
// compiled by `npm run build` into dist/cli; this shim only loads it.
/* global require, process, __dirname */
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const path = require("path");
const entry = path.join(__dirname, "..", "dist", "cli", "cli", "index.js");
let cli;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cli = require(entry);
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes(entry)) {
    process.stderr.write("goal-scorecards: the command line is not built yet; run npm run build\n");
    process.exit(2);
  }
  throw e;
}
cli.runCli(process.argv.slice(2));
