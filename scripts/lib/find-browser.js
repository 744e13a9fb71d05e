"use strict";
// The browser for the browser tests (test/e2e, npm run e2e): a Chromium or Chrome
// found on the machine, else the Chromium that arrives with `npm ci` inside the
// @sparticuz/chromium package (Linux x64), so that `npm ci && npm test` works on a
// fresh machine. In order:
//
//   E2E_BROWSER=bundled   the bundled Chromium, whatever else is installed
//   CHROMIUM_PATH=/path   that browser (it must exist)
//   the first of /usr/bin/chromium, chromium-browser, google-chrome … (then on PATH)
//   the bundled Chromium, unpacked once into the temporary folder
//
// E2E_BROWSER=system never falls back to the bundled one.

const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { pipeline } = require("stream/promises");

const BUNDLED_PACKAGE = "@sparticuz/chromium";

class BrowserError extends Error {}

/** Where each system keeps Chromium, Chrome or Edge, most likely first. */
const KNOWN_PATHS = {
  linux: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/usr/bin/microsoft-edge"],
  darwin: [
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
  ],
  win32: [],
};

/** Names to look for on PATH when no known path has a browser. */
const PATH_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge"];

/**
 * The places to look, in order, for a platform.
 * @param {NodeJS.Platform} platform
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
function systemCandidates(platform, env) {
  if (platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter((r) => r !== undefined && r !== "");
    return [
      ...roots.map((r) => path.win32.join(r, "Google", "Chrome", "Application", "chrome.exe")),
      ...roots.map((r) => path.win32.join(r, "Microsoft", "Edge", "Application", "msedge.exe")),
    ];
  }
  const known = KNOWN_PATHS[/** @type {"linux" | "darwin"} */ (platform)] ?? KNOWN_PATHS.linux;
  const dirs = (env.PATH ?? "").split(path.delimiter).filter((d) => d !== "");
  const onPath = dirs.flatMap((d) => PATH_NAMES.map((n) => path.posix.join(d, n)));
  return [...new Set([...known, ...onPath])];
}

/**
 * Whether the bundled Chromium can run here: Linux on x64, with the package installed.
 * @param {NodeJS.Platform} platform
 * @param {string} arch
 * @param {boolean} installed
 */
function bundledRunsHere(platform, arch, installed) {
  return installed && platform === "linux" && arch === "x64";
}

/**
 * Which browser to use (pure: the file system is asked through `isExecutable`).
 * @param {{
 *   env: Record<string, string | undefined>,
 *   platform: NodeJS.Platform,
 *   arch: string,
 *   isExecutable: (file: string) => boolean,
 *   bundledInstalled: boolean,
 * }} o
 * @returns {{ kind: "system", path: string, from: "CHROMIUM_PATH" | "found" } | { kind: "bundled", from: "E2E_BROWSER" | "fallback" }}
 */
function chooseBrowser(o) {
  const mode = (o.env.E2E_BROWSER ?? "").trim().toLowerCase();
  if (mode !== "" && mode !== "auto" && mode !== "bundled" && mode !== "system") {
    throw new BrowserError(`E2E_BROWSER must be "bundled", "system" or "auto", not "${o.env.E2E_BROWSER}".`);
  }
  const bundled = bundledRunsHere(o.platform, o.arch, o.bundledInstalled);
  if (mode === "bundled") {
    if (bundled) return { kind: "bundled", from: "E2E_BROWSER" };
    throw new BrowserError(
      o.bundledInstalled
        ? `E2E_BROWSER=bundled: the bundled Chromium (${BUNDLED_PACKAGE}) runs on Linux x64 only, not on ${o.platform} ${o.arch}.`
        : `E2E_BROWSER=bundled: ${BUNDLED_PACKAGE} is not installed; run npm ci.`,
    );
  }
  const chosen = o.env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen.trim() !== "") {
    if (o.isExecutable(chosen)) return { kind: "system", path: chosen, from: "CHROMIUM_PATH" };
    throw new BrowserError(`CHROMIUM_PATH is ${chosen}, but there is no browser there. Correct it, or unset it to use a browser found on this machine.`);
  }
  const candidates = systemCandidates(o.platform, o.env);
  const found = candidates.find((c) => o.isExecutable(c));
  if (found !== undefined) return { kind: "system", path: found, from: "found" };
  if (mode !== "system" && bundled) return { kind: "bundled", from: "fallback" };
  throw new BrowserError(
    `No browser for the browser tests: none of ${candidates.slice(0, KNOWN_PATHS.linux.length).join(", ")} (nor on PATH) is there` +
      (mode === "system"
        ? " (E2E_BROWSER=system: the bundled Chromium is not used)."
        : `, and the bundled Chromium (${BUNDLED_PACKAGE}) runs on Linux x64 only.`) +
      " Install Chromium or Chrome, or set CHROMIUM_PATH to one.",
  );
}

/** @param {string} file */
function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The folder of the installed @sparticuz/chromium package, or null. */
function bundledPackageDir() {
  try {
    // build/cjs/index.cjs → the package folder
    return path.resolve(path.dirname(require.resolve(BUNDLED_PACKAGE)), "..", "..");
  } catch {
    return null;
  }
}

/**
 * Unpacks the bundled Chromium once into `<tmp>/goal-scorecards-chromium-<version>`
 * (the browser, its fonts and graphics libraries, and the NSS libraries it links
 * against, which a machine without a browser may lack), and returns how to launch
 * it. Not the package's executablePath(): that unpacks into /tmp/chromium, shared by
 * every version and project, and reuses whatever is there. Unpacks into a fresh
 * folder and renames it into place, so that a half-unpacked browser is never used.
 * @param {{ tmp?: string }} [o]
 * @returns {Promise<{ executablePath: string, env: Record<string, string>, dir: string }>}
 */
async function prepareBundledChromium(o = {}) {
  const pkgDir = bundledPackageDir();
  if (pkgDir === null) throw new BrowserError(`${BUNDLED_PACKAGE} is not installed; run npm ci.`);
  const version = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")).version;
  const tmp = o.tmp ?? os.tmpdir();
  const dir = path.join(tmp, `goal-scorecards-chromium-${version}`);
  const ready = path.join(dir, "ready");
  if (!fs.existsSync(ready)) {
    const staging = fs.mkdtempSync(`${dir}.part-`);
    try {
      // What the package's executablePath() unpacks into /tmp (chromium, fonts/, the
      // swiftshader libraries beside the browser), here into this folder; plus the NSS
      // libraries that it unpacks only on Amazon Linux.
      const bin = path.join(pkgDir, "bin");
      await pipeline(
        fs.createReadStream(path.join(bin, "chromium.br")),
        zlib.createBrotliDecompress(),
        fs.createWriteStream(path.join(staging, "chromium"), { mode: 0o755 }),
      );
      await untarBrotli(path.join(bin, "swiftshader.tar.br"), staging, pkgDir);
      await untarBrotli(path.join(bin, "fonts.tar.br"), path.join(staging, "fonts"), pkgDir);
      await untarBrotli(path.join(bin, "al2023.tar.br"), path.join(staging, "al2023"), pkgDir);
      // The package's fonts.conf names /tmp/fonts; point it at this folder.
      fs.writeFileSync(
        path.join(staging, "fonts", "fonts.conf"),
        `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${path.join(dir, "fonts")}</dir>\n  <cachedir>${path.join(dir, "fonts-cache")}</cachedir>\n</fontconfig>\n`,
      );
      fs.writeFileSync(path.join(staging, "ready"), `${version}\n`);
      fs.renameSync(staging, dir);
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true });
      // Another run may have put its copy in place meanwhile.
      if (!fs.existsSync(ready)) throw err;
    }
  }
  const lib = path.join(dir, "al2023", "lib");
  const existing = process.env.LD_LIBRARY_PATH;
  return {
    executablePath: path.join(dir, "chromium"),
    env: { LD_LIBRARY_PATH: existing ? `${lib}:${existing}` : lib, FONTCONFIG_PATH: path.join(dir, "fonts") },
    dir,
  };
}

/**
 * Unpacks a .tar.br file into a folder, with the tar reader the package itself uses.
 * @param {string} file
 * @param {string} into
 * @param {string} pkgDir
 */
async function untarBrotli(file, into, pkgDir) {
  const tar = require(require.resolve("tar-fs", { paths: [pkgDir] }));
  await pipeline(fs.createReadStream(file), zlib.createBrotliDecompress(), tar.extract(into));
}

/**
 * The browser to launch: its path, extra environment, and a line saying which it is.
 * @param {Record<string, string | undefined>} [env]
 * @returns {Promise<{ executablePath: string, env: Record<string, string> | undefined, description: string }>}
 */
async function findBrowser(env = process.env) {
  const choice = chooseBrowser({ env, platform: process.platform, arch: process.arch, isExecutable, bundledInstalled: bundledPackageDir() !== null });
  if (choice.kind === "system") {
    return { executablePath: choice.path, env: undefined, description: `${choice.path}${choice.from === "CHROMIUM_PATH" ? " (CHROMIUM_PATH)" : ""}` };
  }
  const bundled = await prepareBundledChromium();
  return {
    executablePath: bundled.executablePath,
    env: bundled.env,
    description: `the bundled Chromium from ${BUNDLED_PACKAGE} (${choice.from === "E2E_BROWSER" ? "E2E_BROWSER=bundled" : "no browser found on this machine"}), in ${bundled.dir}`,
  };
}

module.exports = {
  BUNDLED_PACKAGE,
  BrowserError,
  KNOWN_PATHS,
  PATH_NAMES,
  systemCandidates,
  chooseBrowser,
  isExecutable,
  bundledPackageDir,
  prepareBundledChromium,
  findBrowser,
};
