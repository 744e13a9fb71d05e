#!/usr/bin/env node
"use strict";
// `npm start`: builds the add-in and serves it on https://localhost:3000 with
// the webpack dev server in the background (log: dev-server.log, pid:
// .dev-server.pid), waits until it answers, then prints how to sideload the
// manifest into Excel. `npm stop` stops the server.
//
// Another port: `npm start -- --port 3001` (also `npm start --port 3001`,
// `npm start 3001` or `PORT=3001 npm start`; scripts/lib/dev-port.js). The dev
// server's URLs follow it, and the manifest to sideload is then
// manifest.localhost-3001.xml (manifest.xml with its URLs on that port).

const { spawn } = require("child_process");
const fs = require("fs");
const http = require("http");
const https = require("https");
const path = require("path");

const { DEFAULT_PORT, PortError, choosePort, isPortFree, nextFreePort, portInUseMessage, logShowsPortInUse } = require("./lib/dev-port");
const { devUrl, rewriteManifestUrls } = require("./lib/manifest-url");

const ROOT = path.resolve(__dirname, "..");
const PID_FILE = path.join(ROOT, ".dev-server.pid");
/** The port the running dev server was started on (next to its pid). */
const PORT_FILE = path.join(ROOT, ".dev-server.port");
const LOG_FILE = path.join(ROOT, "dev-server.log");
const READY_TIMEOUT_MS = 180_000;
/** Set by main() from the arguments and the environment. */
let PORT = DEFAULT_PORT;

/** @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with the protocol that answers on the port ("https" or "http"), or null. */
function probe() {
  const tryOne = (/** @type {"https" | "http"} */ protocol) =>
    new Promise((resolve) => {
      const lib = protocol === "https" ? https : http;
      const req = lib.get({ host: "localhost", port: PORT, path: "/taskpane.html", rejectUnauthorized: false, timeout: 2000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200 ? protocol : null);
      });
      req.on("error", () => resolve(null));
      req.on("timeout", () => {
        req.destroy();
        resolve(null);
      });
    });
  return tryOne("https").then((p) => p ?? tryOne("http"));
}

/** The manifest to sideload for the port: manifest.xml on 3000, else a copy with the port's URLs. */
function manifestFor(port) {
  return path.join(ROOT, port === DEFAULT_PORT ? "manifest.xml" : `manifest.localhost-${port}.xml`);
}

function writeManifestFor(port) {
  if (port === DEFAULT_PORT) return;
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  fs.writeFileSync(manifestFor(port), rewriteManifestUrls(xml, devUrl(port)));
}

function printSideloadHelp(protocol) {
  const base = `${protocol}://localhost:${PORT}`;
  const manifest = manifestFor(PORT);
  const name = path.basename(manifest);
  const linux = process.platform === "linux";
  const trust = protocol === "https" ? "\n(Your browser may warn about the development certificate; trust ~/.office-addin-dev-certs/ca.crt or continue.)" : "";
  console.log(`
Preview (no Excel needed): ${base}/preview.html
  The real task pane beside a simulated workbook with sample goals (docs/preview.md).${trust}
${
  linux
    ? `
Excel does not run on Linux: the preview above is the way to try the add-in here.
(Excel on the web can still sideload it, below, once your browser trusts the certificate;
on Windows or a Mac, \`npm start\` serves it for Excel on the desktop.)
`
    : ""
}
Goal Scorecards is served on ${base}/taskpane.html for Excel.
${protocol === "http" ? "\nWARNING: plain http. Office only loads add-ins over https; see README (certificates).\n" : ""}
Sideload ${manifest} into Excel:${PORT === DEFAULT_PORT ? "" : `\n(manifest.xml with its URLs on port ${PORT}; manifest.xml itself stays on port ${DEFAULT_PORT}.)`}

  Excel on the web:  open a workbook, Home > Add-ins (or Insert > Add-ins) > More Add-ins >
                     Upload My Add-in, choose ${name}.
  Excel on Windows:  share a folder that holds ${name} (e.g. \\\\MACHINE\\addins), then in Excel
                     File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs,
                     add the share's URL, tick "Show in Menu", restart Excel and pick the add-in under
                     Home > Add-ins > More Add-ins > SHARED FOLDER.
  Excel on Mac:      copy ${name} to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
                     (create the folder if needed), restart Excel, then Home > Add-ins > My Add-ins.

Office must trust the development certificate: trust ~/.office-addin-dev-certs/ca.crt
(\`npx office-addin-dev-certs install\` on Windows/Mac does it; it needs admin rights).

The dev server log is ${path.relative(process.cwd(), LOG_FILE)}; stop the server with \`npm stop\`.`);
}

async function main() {
  let chosen;
  try {
    chosen = choosePort(process.argv.slice(2), process.env);
  } catch (err) {
    if (err instanceof PortError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  if (fs.existsSync(PID_FILE)) {
    const pid = Number(fs.readFileSync(PID_FILE, "utf8").trim());
    if (pid && isRunning(pid)) {
      const running = fs.existsSync(PORT_FILE) ? Number(fs.readFileSync(PORT_FILE, "utf8").trim()) || DEFAULT_PORT : DEFAULT_PORT;
      PORT = running;
      console.log(`The dev server is already running (pid ${pid}, port ${running}).`);
      if (chosen.from !== "default" && chosen.port !== running) {
        console.log(`To serve on port ${chosen.port} instead, run \`npm stop\` first.`);
      }
      printSideloadHelp((await probe()) ?? "https");
      return 0;
    }
    fs.rmSync(PID_FILE, { force: true });
    fs.rmSync(PORT_FILE, { force: true });
  }
  PORT = chosen.port;
  if (!(await isPortFree(PORT))) {
    console.error(portInUseMessage(PORT, await nextFreePort(PORT)));
    return 1;
  }
  writeManifestFor(PORT);

  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const log = fs.openSync(LOG_FILE, "w");
  console.log(`Building and starting the dev server on port ${PORT} (log: ${path.relative(process.cwd(), LOG_FILE)})...`);
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: ROOT,
    detached: true, // its own process group, so `npm stop` can end it and its children
    stdio: ["ignore", log, log],
    // webpack.config.js reads the port from PORT (scripts/lib/dev-port.js).
    env: { ...process.env, PORT: String(PORT) },
  });
  fs.writeFileSync(PID_FILE, `${child.pid}\n`);
  fs.writeFileSync(PORT_FILE, `${PORT}\n`);
  let exited = null;
  child.on("exit", (code, signal) => {
    exited = signal ?? code;
  });
  child.unref();

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited !== null) {
      fs.rmSync(PID_FILE, { force: true });
      fs.rmSync(PORT_FILE, { force: true });
      const text = fs.readFileSync(LOG_FILE, "utf8");
      if (logShowsPortInUse(text)) {
        // Taken between the check and the start.
        console.error(portInUseMessage(PORT, await nextFreePort(PORT)));
        return 1;
      }
      console.error(`The dev server stopped (${exited}). Last lines of the log:\n`);
      console.error(text.split("\n").slice(-30).join("\n"));
      return 1;
    }
    const protocol = await probe();
    if (protocol) {
      printSideloadHelp(protocol);
      return 0;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.error(`The dev server did not answer within ${READY_TIMEOUT_MS / 1000} s; see ${LOG_FILE}. Run \`npm stop\` to end it.`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
