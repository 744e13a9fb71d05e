"use strict";
// The dev server's port: which one the user asked for (`npm start -- --port 3001`,
// `npm start --port 3001`, `npm start 3001`, `PORT=3001 npm start`, or package.json's
// "config.dev_server_port"), whether it is free, and the plain words when it is not.
// Used by scripts/start.js and webpack.config.js (the manifest's and functions.json's
// development URLs follow the port).

const net = require("net");

const DEFAULT_PORT = 3000;

class PortError extends Error {}

/**
 * A port number from text, or a PortError that says what is wrong with it.
 * @param {string} text
 * @param {string} where what the text came from, for the message (e.g. "--port", "PORT")
 * @returns {number}
 */
function parsePort(text, where) {
  const t = String(text).trim();
  if (!/^\d+$/.test(t)) {
    throw new PortError(`${where} must be a port number such as 3001, not "${t}".`);
  }
  const port = Number(t);
  if (port < 1024 || port > 65535) {
    throw new PortError(`${where} must be a port number from 1024 to 65535, not ${t}.`);
  }
  return port;
}

/**
 * The port to serve on, and where the choice came from. In order: `--port N` or
 * `--port=N` (also `npm start --port N`, where npm keeps the flag and passes N on),
 * a bare number, the PORT variable, npm's package config (package.json
 * "config.dev_server_port"), then 3000.
 * @param {readonly string[]} args the script's arguments (process.argv.slice(2))
 * @param {Record<string, string | undefined>} env
 * @returns {{ port: number, from: "--port" | "argument" | "PORT" | "package.json" | "default" }}
 */
function choosePort(args, env) {
  /** @type {string | null} */
  let flag = null;
  /** @type {string | null} */
  let bare = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--port" || a === "-p") {
      if (i + 1 >= args.length) throw new PortError(`${a} needs a port number after it, e.g. npm start -- --port 3001`);
      flag = args[++i];
    } else if (a.startsWith("--port=")) {
      flag = a.slice("--port=".length);
    } else if (bare === null && (/^\d+$/.test(a) || env.npm_config_port === "true")) {
      bare = a; // after `npm start --port`, the argument is the port, whatever it is
    } else {
      throw new PortError(`Unknown option "${a}". To pick the port: npm start -- --port 3001 (or PORT=3001 npm start).`);
    }
  }
  if (flag !== null) return { port: parsePort(flag, "--port"), from: "--port" };
  // `npm start --port=3001` reaches the script as npm_config_port=3001;
  // `npm start --port 3001` as npm_config_port=true and the argument 3001.
  const npmFlag = env.npm_config_port;
  if (npmFlag !== undefined && npmFlag !== "" && npmFlag !== "true") return { port: parsePort(npmFlag, "--port"), from: "--port" };
  if (bare !== null) return { port: parsePort(bare, npmFlag === "true" ? "--port" : "The port"), from: npmFlag === "true" ? "--port" : "argument" };
  if (npmFlag === "true") throw new PortError("--port needs a port number after it, e.g. npm start -- --port 3001");
  if (env.PORT !== undefined && env.PORT.trim() !== "") return { port: parsePort(env.PORT, "PORT"), from: "PORT" };
  const configured = env.npm_package_config_dev_server_port;
  if (configured !== undefined && configured.trim() !== "") {
    return { port: parsePort(configured, 'package.json "config.dev_server_port"'), from: "package.json" };
  }
  return { port: DEFAULT_PORT, from: "default" };
}

/**
 * The port for webpack.config.js, which has no arguments of its own to read: the
 * PORT that scripts/start.js passes on (or the user sets for `npm run dev-server`),
 * else package.json's, else 3000.
 * @param {Record<string, string | undefined>} env
 * @returns {number}
 */
function configuredPort(env) {
  return choosePort([], { ...env, npm_config_port: undefined }).port;
}

/**
 * Whether nothing listens on the port, on any address: binds it for a moment.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function isPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", (/** @type {NodeJS.ErrnoException} */ err) => {
      if (err.code === "EADDRINUSE" || err.code === "EACCES") resolve(false);
      else reject(err);
    });
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * The first free port after `port` (up to 20 tries), or null.
 * @param {number} port
 * @param {(port: number) => Promise<boolean>} [free]
 * @returns {Promise<number | null>}
 */
async function nextFreePort(port, free = isPortFree) {
  for (let p = port + 1; p <= Math.min(65535, port + 20); p++) {
    if (await free(p)) return p;
  }
  return null;
}

/**
 * What to tell the user when the port is taken.
 * @param {number} port
 * @param {number | null} suggestion a free port, or null when none was found
 * @returns {string}
 */
function portInUseMessage(port, suggestion) {
  const other = suggestion ?? port + 1;
  return [
    `Port ${port} is already in use by another program, so the dev server cannot start there.`,
    "",
    `Either stop the program that uses port ${port} (another dev server? \`npm stop\` ends the one \`npm start\` started),`,
    `or start on another port${suggestion !== null ? ` (${suggestion} is free)` : ""}:`,
    "",
    `  npm start -- --port ${other}`,
    `  (or: PORT=${other} npm start)`,
    "",
    `The add-in's URLs then use port ${other}; \`npm start\` prints which manifest to sideload.`,
  ].join("\n");
}

/**
 * Whether a dev-server log shows that the port was taken (webpack-dev-server's EADDRINUSE).
 * @param {string} log
 * @returns {boolean}
 */
function logShowsPortInUse(log) {
  return /EADDRINUSE/.test(log);
}

module.exports = { DEFAULT_PORT, PortError, parsePort, choosePort, configuredPort, isPortFree, nextFreePort, portInUseMessage, logShowsPortInUse };
