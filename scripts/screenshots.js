#!/usr/bin/env node
"use strict";
// `npm run screenshots`: after the browser tests (which save their screenshots in
// test-artifacts/screenshots/), copies one image per task pane view to
// docs/images/<view>.png and one of the whole preview page to docs/images/preview.png,
// the images README.md and docs/preview.md show.

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const FROM = path.join(ROOT, "test-artifacts", "screenshots");
const TO = path.join(ROOT, "docs", "images");
const VIEWS = ["setup", "check", "scorecards", "cascade", "review", "settings"];

/** [target name, candidates in order of preference] */
const WANTED = [...VIEWS.map((v) => [`${v}.png`, [`view-${v}.png`, `check-${v}.png`]]), ["preview.png", ["view-check-page.png", "preview-start.png"]]];

fs.mkdirSync(TO, { recursive: true });
const missing = [];
for (const [target, candidates] of WANTED) {
  const found = candidates.map((c) => path.join(FROM, c)).find((f) => fs.existsSync(f));
  if (!found) {
    missing.push(`${target} (from ${candidates.join(" or ")})`);
    continue;
  }
  fs.copyFileSync(found, path.join(TO, target));
  console.log(`docs/images/${target} <- ${path.relative(ROOT, found)}`);
}
if (missing.length > 0) {
  console.error(`Missing screenshots, run the browser tests first (npm run e2e): ${missing.join(", ")}`);
  process.exit(1);
}
