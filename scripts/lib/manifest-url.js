"use strict";
// Rewrites the development URL in manifest.xml to the production URL
// (environment variable ADDIN_URL) when webpack copies the manifest to dist/,
// or to another development port (`npm start -- --port 3001`).

const DEV_URL = "https://localhost:3000";

/**
 * The development URL on a port: https://localhost:PORT.
 * @param {number} port
 * @returns {string}
 */
function devUrl(port) {
  return `https://localhost:${port}`;
}
const DEFAULT_PROD_URL = "https://goal-scorecards.example.com";

/**
 * Normalises ADDIN_URL: must be an absolute https URL without query or hash.
 * Returns the URL without a trailing slash, e.g. "https://host/addin".
 * @param {string | undefined} value
 * @returns {string}
 */
function resolveProductionUrl(value) {
  const raw = value && value.trim() !== "" ? value.trim() : DEFAULT_PROD_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL "${raw}" is not an absolute URL`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_URL "${raw}" must use https (Office only loads add-ins over https)`);
  }
  if (url.search || url.hash) {
    throw new Error(`ADDIN_URL "${raw}" must not have a query string or fragment`);
  }
  return (url.origin + url.pathname).replace(/\/+$/, "");
}

/**
 * Replaces every https://localhost:3000 in the manifest with the production URL.
 * <AppDomain> entries get only the production origin (an app domain has no path).
 * @param {string} xml
 * @param {string} productionUrl as returned by resolveProductionUrl
 * @returns {string}
 */
function rewriteManifestUrls(xml, productionUrl) {
  const origin = new URL(productionUrl).origin;
  return xml
    .replace(/(<AppDomain>\s*)https:\/\/localhost:3000\/?(\s*<\/AppDomain>)/g, `$1${origin}$2`)
    .split(DEV_URL)
    .join(productionUrl);
}

module.exports = { DEV_URL, devUrl, DEFAULT_PROD_URL, resolveProductionUrl, rewriteManifestUrls };
