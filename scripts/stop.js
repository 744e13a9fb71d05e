#!/usr/bin/env node
"use strict";
// `npm stop`: stops the dev server that `npm start` started (pid in .dev-server.pid).

const fs = require("fs");
const path = require("path");

const PID_FILE = path.resolve(__dirname, "..", ".dev-server.pid");
const PORT_FILE = path.resolve(__dirname, "..", ".dev-server.port");

function main() {
  if (!fs.existsSync(PID_FILE)) {
    console.log("No dev server started by `npm start` is running (no .dev-server.pid).");
    return 0;
  }
  const pid = Number(fs.readFileSync(PID_FILE, "utf8").trim());
  fs.rmSync(PID_FILE, { force: true });
  fs.rmSync(PORT_FILE, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) {
    console.error("The pid file was not valid; removed it.");
    return 1;
  }
  try {
    // npm start runs the server detached, in its own process group: end the group.
    process.kill(-pid, "SIGTERM");
  } catch {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      console.log(`The dev server (pid ${pid}) was not running.`);
      return 0;
    }
  }
  console.log(`Stopped the dev server (pid ${pid}).`);
  return 0;
}

process.exitCode = main();
