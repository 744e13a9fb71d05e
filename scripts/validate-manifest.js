#!/usr/bin/env node
"use strict";
// Offline validation of an Office add-in XML manifest.
//
//   node scripts/validate-manifest.js [--dist DIR] [--if-present] [MANIFEST]
//
// MANIFEST defaults to manifest.xml. With --dist, URLs must point at files in
// DIR (use it for the built dist/manifest.xml); without it, at files webpack
// will produce. --if-present exits 0 when MANIFEST does not exist.
// Exit code: 0 when valid, 1 with a list of problems, 2 on bad usage.

const fs = require("fs");
const path = require("path");
const { validateManifest, formatProblems } = require("./lib/manifest-checks");

function usage(message) {
  if (message) console.error(message);
  console.error("usage: node scripts/validate-manifest.js [--dist DIR] [--if-present] [MANIFEST]");
  process.exit(2);
}

function main(argv) {
  let manifest = null;
  let distDir;
  let ifPresent = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--dist") {
      distDir = argv[++i];
      if (!distDir) usage("--dist needs a folder");
    } else if (arg === "--if-present") {
      ifPresent = true;
    } else if (arg === "-h" || arg === "--help") {
      usage();
    } else if (arg.startsWith("-")) {
      usage(`unknown option ${arg}`);
    } else if (manifest === null) {
      manifest = arg;
    } else {
      usage("only one manifest at a time");
    }
  }
  manifest = manifest ?? "manifest.xml";
  const shown = path.relative(process.cwd(), path.resolve(manifest)) || manifest;

  if (!fs.existsSync(manifest)) {
    if (ifPresent) {
      console.log(`${shown} not found; skipped (run \`npm run build\` to make it)`);
      return 0;
    }
    console.error(`${shown} not found`);
    return 1;
  }
  const problems = validateManifest(fs.readFileSync(manifest, "utf8"), {
    distDir: distDir ? path.resolve(distDir) : undefined,
  });
  if (problems.length > 0) {
    console.error(`${shown} has ${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
    console.error(formatProblems(problems));
    return 1;
  }
  console.log(`${shown} is valid (offline checks)`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
