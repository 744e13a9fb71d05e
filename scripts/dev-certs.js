"use strict";
// Development HTTPS certificates for the webpack dev server.
//
// office-addin-dev-certs keeps them in ~/.office-addin-dev-certs
// (localhost.crt, localhost.key, ca.crt). We read those files directly rather
// than calling getHttpsServerOptions(), which refuses to answer when the CA is
// not trusted by the OS (installing it needs admin rights). When the files are
// missing we generate them (no install); when that fails, the caller falls
// back to plain http with a warning.

const fs = require("fs");
const os = require("os");
const path = require("path");
const { X509Certificate } = require("crypto");

const CERT_DIR = process.env.OFFICE_ADDIN_DEV_CERTS_DIR || path.join(os.homedir(), ".office-addin-dev-certs");
const FILES = { cert: "localhost.crt", key: "localhost.key", ca: "ca.crt" };

/** @param {string} dir */
function certPaths(dir = CERT_DIR) {
  return {
    cert: path.join(dir, FILES.cert),
    key: path.join(dir, FILES.key),
    ca: path.join(dir, FILES.ca),
  };
}

/**
 * Reads the certificate files, or returns null when any is missing.
 * @param {string} [dir]
 * @returns {{ cert: Buffer, key: Buffer, ca: Buffer, validTo: Date | null } | null}
 */
function readDevCerts(dir = CERT_DIR) {
  const p = certPaths(dir);
  if (![p.cert, p.key, p.ca].every((f) => fs.existsSync(f))) return null;
  const cert = fs.readFileSync(p.cert);
  let validTo;
  try {
    validTo = new Date(new X509Certificate(cert).validTo);
  } catch {
    validTo = null;
  }
  return { cert, key: fs.readFileSync(p.key), ca: fs.readFileSync(p.ca), validTo };
}

/** Generates the certificates with office-addin-dev-certs (without installing the CA). */
async function generateDevCerts(dir = CERT_DIR) {
  // Required lazily: only the dev server needs it, never the build or the tests.
  const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
  const p = certPaths(dir);
  await generateCertificates(p.ca, p.cert, p.key);
}

/**
 * Returns https options for webpack-dev-server, generating the certificates if
 * needed, or null (after printing why) when https is not possible.
 * @returns {Promise<{ cert: Buffer, key: Buffer, ca: Buffer } | null>}
 */
async function getDevHttpsOptions({ log = console } = {}) {
  let certs = readDevCerts();
  if (!certs) {
    log.info(`No development certificates in ${CERT_DIR}; generating them with office-addin-dev-certs...`);
    try {
      await generateDevCerts();
      certs = readDevCerts();
    } catch (err) {
      log.warn(`Could not generate development certificates: ${err instanceof Error ? err.message : err}`);
    }
  }
  if (!certs) return null;
  if (certs.validTo && certs.validTo.getTime() < Date.now()) {
    log.warn(`The development certificate in ${CERT_DIR} expired on ${certs.validTo.toISOString()}. ` + `Delete that folder and start again to get a new one.`);
  }
  log.info(
    `Using development certificates from ${CERT_DIR}. To make Office and browsers trust https://localhost, ` +
      `trust ${certPaths().ca} (e.g. \`npx office-addin-dev-certs install\` on Windows/Mac, which needs admin rights).`,
  );
  return { cert: certs.cert, key: certs.key, ca: certs.ca };
}

module.exports = { CERT_DIR, certPaths, readDevCerts, generateDevCerts, getDevHttpsOptions };
