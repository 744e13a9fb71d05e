"use strict";
// Offline checks of the add-in's XML manifest. Microsoft's validator
// (office-addin-manifest validate) needs a web service; these checks catch the
// mistakes we can find locally. Each problem names the check that found it.
// Used by scripts/validate-manifest.js and by test/manifest/validate.test.ts.

const fs = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");
const { readPngSize } = require("./png");
const { builtFiles, ASSETS_DIR } = require("./build-outputs");

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const NAMESPACE_FILE = path.join("src", "functions", "namespace.ts");
const MAX_NAMESPACE_LENGTH = 32;
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * @typedef {{ name: string, attrs: Record<string, string>, children: XmlElement[], text: string, parent: XmlElement | null }} XmlElement
 * @typedef {{ check: string, message: string }} Problem
 * @typedef {{ kind: string, value: string }} Resource
 * @typedef {{
 *   root: XmlElement,
 *   resources: Map<string, Resource>,
 *   duplicateIds: string[],
 * }} Manifest
 * @typedef {{
 *   rootDir?: string,
 *   distDir?: string,
 *   expectedNamespace?: string,
 * }} CheckOptions
 */

/** @param {string} check @param {string} message @returns {Problem} */
function problem(check, message) {
  return { check, message };
}

/** Local part of a qualified XML name: "bt:Image" -> "Image". @param {string} name */
function localName(name) {
  const i = name.indexOf(":");
  return i === -1 ? name : name.slice(i + 1);
}

/** @param {unknown[]} nodes @param {XmlElement | null} parent @returns {XmlElement[]} */
function toElements(nodes, parent) {
  /** @type {XmlElement[]} */
  const out = [];
  for (const node of nodes) {
    const record = /** @type {Record<string, unknown>} */ (node);
    const name = Object.keys(record).find((k) => k !== ":@");
    if (!name || name === "#text" || name === "#comment" || name.startsWith("?")) continue;
    const attrs = /** @type {Record<string, string>} */ (record[":@"] || {});
    /** @type {XmlElement} */
    const el = { name, attrs, children: [], text: "", parent };
    const kids = /** @type {unknown[]} */ (record[name] || []);
    el.text = kids
      .map((k) => /** @type {Record<string, unknown>} */ (k)["#text"])
      .filter((t) => t !== undefined)
      .join("")
      .trim();
    el.children = toElements(kids, el);
    out.push(el);
  }
  return out;
}

/** Depth-first list of the element and all its descendants. @param {XmlElement} el @returns {XmlElement[]} */
function descendants(el) {
  const out = [el];
  for (const child of el.children) out.push(...descendants(child));
  return out;
}

/** @param {XmlElement} el @param {string} name local name @returns {XmlElement[]} */
function findAll(el, name) {
  return descendants(el).filter((e) => localName(e.name) === name);
}

/** @param {XmlElement} el @param {string} name @returns {XmlElement | undefined} */
function child(el, name) {
  return el.children.find((c) => localName(c.name) === name);
}

/** Path of local names from the root, for messages. @param {XmlElement} el */
function where(el) {
  const names = [];
  for (let e = /** @type {XmlElement | null} */ (el); e; e = e.parent) names.unshift(localName(e.name));
  return names.join("/");
}

/**
 * Checks that the text is well-formed XML with an <OfficeApp xsi:type="TaskPaneApp"> root.
 * @param {string} xml
 * @returns {Problem[]}
 */
function checkWellFormed(xml) {
  const result = XMLValidator.validate(xml);
  if (result !== true) {
    const { msg, line, col } = result.err;
    return [problem("xml", `manifest is not well-formed XML: ${msg} (line ${line}, column ${col})`)];
  }
  return [];
}

/**
 * Parses a well-formed manifest into elements and its resource table.
 * @param {string} xml
 * @returns {Manifest}
 */
function parseManifest(xml) {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const roots = toElements(parser.parse(xml), null);
  const root = roots.find((e) => localName(e.name) === "OfficeApp") || roots[0];
  if (!root) throw new Error("manifest has no root element");
  /** @type {Map<string, Resource>} */
  const resources = new Map();
  const duplicateIds = [];
  const resourcesEl = findAll(root, "Resources")[0];
  if (resourcesEl) {
    for (const group of resourcesEl.children) {
      const kind = localName(group.name); // Images, Urls, ShortStrings, LongStrings
      for (const item of group.children) {
        const id = item.attrs.id;
        if (id === undefined) continue;
        if (resources.has(id)) duplicateIds.push(id);
        resources.set(id, { kind, value: item.attrs.DefaultValue ?? "" });
      }
    }
  }
  return { root, resources, duplicateIds };
}

/** @param {Manifest} m @returns {Problem[]} */
function checkRoot(m) {
  const problems = [];
  if (localName(m.root.name) !== "OfficeApp") {
    problems.push(problem("xml", `root element is <${m.root.name}>, expected <OfficeApp>`));
  } else if (m.root.attrs["xsi:type"] !== "TaskPaneApp") {
    problems.push(problem("xml", `<OfficeApp> has xsi:type="${m.root.attrs["xsi:type"] ?? ""}", expected "TaskPaneApp"`));
  }
  return problems;
}

/** @param {Manifest} m @returns {Problem[]} */
function checkId(m) {
  const idEl = child(m.root, "Id");
  if (!idEl) return [problem("id", "<Id> is missing")];
  if (!GUID_RE.test(idEl.text)) return [problem("id", `<Id> "${idEl.text}" is not a GUID`)];
  return [];
}

/** @param {Manifest} m @returns {Problem[]} */
function checkResids(m) {
  const problems = m.duplicateIds.map((id) => problem("resid", `resource id "${id}" is defined more than once`));
  for (const el of descendants(m.root)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    if (!m.resources.has(resid)) {
      problems.push(
        problem("resid", `resid "${resid}" on <${where(el)}> is not defined in <Resources> (bt:Urls, bt:ShortStrings, bt:LongStrings or bt:Images)`),
      );
    }
  }
  return problems;
}

/**
 * Every URL the manifest gives, with where it comes from.
 * @param {Manifest} m
 * @returns {{ where: string, url: string, kind: "page" | "image" | "url" | "appDomain", expectedSize?: number }[]}
 */
function collectUrls(m) {
  /** @type {ReturnType<typeof collectUrls>} */
  const urls = [];
  const defaults = child(m.root, "DefaultSettings");
  const source = defaults && child(defaults, "SourceLocation");
  if (source) urls.push({ where: "DefaultSettings/SourceLocation", url: source.attrs.DefaultValue ?? "", kind: "page" });
  const icon = child(m.root, "IconUrl");
  if (icon) urls.push({ where: "IconUrl", url: icon.attrs.DefaultValue ?? "", kind: "image", expectedSize: 32 });
  const hiRes = child(m.root, "HighResolutionIconUrl");
  if (hiRes) {
    urls.push({ where: "HighResolutionIconUrl", url: hiRes.attrs.DefaultValue ?? "", kind: "image", expectedSize: 64 });
  }
  const support = child(m.root, "SupportUrl");
  if (support) urls.push({ where: "SupportUrl", url: support.attrs.DefaultValue ?? "", kind: "url" });
  for (const domain of findAll(m.root, "AppDomain")) urls.push({ where: "AppDomains/AppDomain", url: domain.text, kind: "appDomain" });
  for (const [id, res] of m.resources) {
    if (res.kind === "Urls") urls.push({ where: `bt:Url id="${id}"`, url: res.value, kind: "url" });
    if (res.kind === "Images") urls.push({ where: `bt:Image id="${id}"`, url: res.value, kind: "image" });
  }
  return urls;
}

/** The add-in's base URL: the folder of DefaultSettings/SourceLocation. @param {Manifest} m */
function baseUrl(m) {
  const page = collectUrls(m).find((u) => u.kind === "page");
  if (!page) return null;
  try {
    return new URL(".", page.url);
  } catch {
    return null;
  }
}

/** @param {string} s */
function tryUrl(s) {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

/** @param {Manifest} m @returns {Problem[]} */
function checkHttps(m) {
  const problems = [];
  for (const u of collectUrls(m)) {
    const url = tryUrl(u.url);
    if (!url) problems.push(problem("https", `${u.where}: "${u.url}" is not an absolute URL`));
    else if (url.protocol !== "https:") problems.push(problem("https", `${u.where}: "${u.url}" must use https`));
  }
  return problems;
}

/** @param {Manifest} m @returns {Problem[]} */
function checkOrigin(m) {
  const base = baseUrl(m);
  if (!base) return [problem("origin", "DefaultSettings/SourceLocation is missing or not a URL, so the add-in origin is unknown")];
  const origin = base.origin;
  const problems = [];
  for (const u of collectUrls(m)) {
    const url = tryUrl(u.url);
    if (!url) continue; // reported by the https check
    if (u.kind === "appDomain") {
      if (u.url.replace(/\/+$/, "") !== origin) {
        problems.push(problem("origin", `AppDomains should list only the add-in origin ${origin}, not "${u.url}"`));
      }
    } else if (url.origin !== origin) {
      problems.push(problem("origin", `${u.where}: "${u.url}" is not on the add-in origin ${origin}`));
    }
  }
  return problems;
}

/**
 * Path of a URL relative to the add-in's base URL, or null when it is outside it.
 * @param {URL} base @param {URL} url
 */
function relativeToBase(base, url) {
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  return decodeURIComponent(url.pathname.slice(base.pathname.length));
}

/**
 * Each add-in URL must name a file the build produces: a file in distDir when
 * given, otherwise one of webpack's outputs (scripts/lib/build-outputs.js) or a
 * file in the source assets/ folder.
 * @param {Manifest} m @param {CheckOptions} [options] @returns {Problem[]}
 */
function checkFiles(m, options = {}) {
  const rootDir = options.rootDir ?? REPO_ROOT;
  const base = baseUrl(m);
  if (!base) return []; // reported by the origin check
  const known = new Set(builtFiles());
  const problems = [];
  for (const u of collectUrls(m)) {
    if (u.kind === "appDomain") continue;
    const url = tryUrl(u.url);
    if (!url || url.origin !== base.origin) continue; // reported by https/origin
    const rel = relativeToBase(base, url);
    if (rel === null || rel === "") {
      problems.push(problem("files", `${u.where}: "${u.url}" is not a file under the add-in base URL ${base.href}`));
      continue;
    }
    if (options.distDir) {
      const file = path.join(options.distDir, rel);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
        problems.push(problem("files", `${u.where}: "${u.url}" points at ${rel}, which is not in ${options.distDir}`));
      }
    } else if (rel.startsWith(`${ASSETS_DIR}/`)) {
      if (!fs.existsSync(path.join(rootDir, rel))) {
        problems.push(problem("files", `${u.where}: "${u.url}" points at ${rel}, which does not exist in the repository`));
      }
    } else if (!known.has(rel)) {
      problems.push(problem("files", `${u.where}: "${u.url}" points at ${rel}, which the build does not produce (it produces ${[...known].join(", ")})`));
    }
  }
  return problems;
}

/**
 * Icons must be PNG files of the size the manifest states: the size attribute
 * of the <bt:Image size="..."> uses, a "16x16" in the resource id, an
 * "icon-16.png" file name, 32 for IconUrl and 64 for HighResolutionIconUrl.
 * @param {Manifest} m @param {CheckOptions} [options] @returns {Problem[]}
 */
function checkIcons(m, options = {}) {
  const rootDir = options.rootDir ?? REPO_ROOT;
  const base = baseUrl(m);
  if (!base) return [];
  /** @type {Map<string, Set<number>>} resource id -> sizes used */
  const usedSizes = new Map();
  for (const el of findAll(m.root, "Image")) {
    if (el.attrs.resid === undefined || el.attrs.size === undefined) continue;
    const sizes = usedSizes.get(el.attrs.resid) ?? new Set();
    sizes.add(Number(el.attrs.size));
    usedSizes.set(el.attrs.resid, sizes);
  }
  const problems = [];
  for (const u of collectUrls(m)) {
    if (u.kind !== "image") continue;
    const url = tryUrl(u.url);
    if (!url) continue;
    const rel = relativeToBase(base, url);
    if (!rel) continue; // reported by origin/files
    /** @type {{ size: number, why: string }[]} */
    const expected = [];
    if (u.expectedSize) expected.push({ size: u.expectedSize, why: `${u.where} icons are ${u.expectedSize}x${u.expectedSize}` });
    const idMatch = /id="([^"]*)"/.exec(u.where);
    const id = idMatch ? idMatch[1] : null;
    const fromId = id ? /(\d+)x(\d+)/.exec(id) : null;
    if (fromId) expected.push({ size: Number(fromId[1]), why: `its id says ${fromId[1]}x${fromId[2]}` });
    for (const size of (id && usedSizes.get(id)) || []) expected.push({ size, why: `it is used as <bt:Image size="${size}">` });
    const fromName = /-(\d+)\.png$/i.exec(rel);
    if (fromName) expected.push({ size: Number(fromName[1]), why: `its file name says ${fromName[1]}` });

    const file = path.join(options.distDir ?? rootDir, rel);
    if (!fs.existsSync(file)) continue; // reported by the files check
    const size = readPngSize(fs.readFileSync(file));
    if (!size) {
      problems.push(problem("icons", `${u.where}: ${rel} is not a PNG file`));
      continue;
    }
    for (const e of expected) {
      if (size.width !== e.size || size.height !== e.size) {
        problems.push(problem("icons", `${u.where}: ${rel} is ${size.width}x${size.height} pixels, expected ${e.size}x${e.size} (${e.why})`));
      }
    }
  }
  return problems;
}

/**
 * Reads FUNCTIONS_NAMESPACE from src/functions/namespace.ts.
 * @param {string} [rootDir]
 * @returns {string | null}
 */
function readFunctionsNamespace(rootDir = REPO_ROOT) {
  const file = path.join(rootDir, NAMESPACE_FILE);
  if (!fs.existsSync(file)) return null;
  const match = /export\s+const\s+FUNCTIONS_NAMESPACE\s*=\s*["']([^"']*)["']/.exec(fs.readFileSync(file, "utf8"));
  return match ? match[1] : null;
}

/** @param {Manifest} m @param {CheckOptions} [options] @returns {Problem[]} */
function checkNamespace(m, options = {}) {
  const ext = findAll(m.root, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
  if (!ext) return [problem("namespace", 'no <ExtensionPoint xsi:type="CustomFunctions">, so no functions namespace')];
  const nsEl = child(ext, "Namespace");
  if (!nsEl || nsEl.attrs.resid === undefined) return [problem("namespace", "the CustomFunctions extension point has no <Namespace resid=...>")];
  const res = m.resources.get(nsEl.attrs.resid);
  if (!res) return []; // reported by the resid check
  const ns = res.value;
  const problems = [];
  if (ns.length === 0 || ns.length > MAX_NAMESPACE_LENGTH) {
    problems.push(problem("namespace", `functions namespace "${ns}" must be 1 to ${MAX_NAMESPACE_LENGTH} characters (it has ${ns.length})`));
  }
  if (!/^[A-Za-z0-9.]*$/.test(ns)) {
    problems.push(problem("namespace", `functions namespace "${ns}" may contain only letters, digits and periods`));
  }
  const expected = options.expectedNamespace ?? readFunctionsNamespace(options.rootDir);
  if (expected === null) {
    problems.push(problem("namespace", `cannot read FUNCTIONS_NAMESPACE from ${NAMESPACE_FILE}`));
  } else if (ns !== expected) {
    problems.push(problem("namespace", `functions namespace "${ns}" in the manifest differs from FUNCTIONS_NAMESPACE "${expected}" (${NAMESPACE_FILE})`));
  }
  return problems;
}

/**
 * The custom functions and the task pane must share one runtime: the
 * Runtime's resid is also the CustomFunctions page, the FunctionFile and the
 * ShowTaskpane action's page; lifetime is long; SharedRuntime 1.1 is required.
 * @param {Manifest} m @returns {Problem[]}
 */
function checkSharedRuntime(m) {
  const problems = [];
  const runtime = findAll(m.root, "Runtime")[0];
  if (!runtime) return [problem("runtime", 'no <Runtimes><Runtime resid=... lifetime="long"/></Runtimes>: the shared runtime is not declared')];
  const resid = runtime.attrs.resid;
  if (runtime.attrs.lifetime !== "long") {
    problems.push(problem("runtime", `<Runtime resid="${resid}"> must have lifetime="long"`));
  }
  const sets = findAll(m.root, "Set").filter((s) => s.attrs.Name === "SharedRuntime");
  if (sets.length === 0) problems.push(problem("runtime", '<Requirements> must include <Set Name="SharedRuntime" MinVersion="1.1"/>'));
  const ext = findAll(m.root, "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
  const page = ext && child(ext, "Page");
  const pageSource = page && child(page, "SourceLocation");
  if (!pageSource || pageSource.attrs.resid !== resid) {
    problems.push(problem("runtime", `the CustomFunctions <Page><SourceLocation resid> must be the runtime's "${resid}"`));
  }
  for (const ff of findAll(m.root, "FunctionFile")) {
    if (ff.attrs.resid !== resid) problems.push(problem("runtime", `<FunctionFile resid="${ff.attrs.resid}"> must be the runtime's "${resid}"`));
  }
  for (const action of findAll(m.root, "Action").filter((a) => a.attrs["xsi:type"] === "ShowTaskpane")) {
    const src = child(action, "SourceLocation");
    if (!src || src.attrs.resid !== resid) {
      problems.push(problem("runtime", `the ShowTaskpane action's <SourceLocation resid> must be the runtime's "${resid}"`));
    }
  }
  return problems;
}

/** Requirement sets the add-in cannot run without (see docs/manifest.md, "Requirements"); SharedRuntime is the runtime check's. */
const REQUIRED_SETS = ["ExcelApi", "CustomFunctionsRuntime"];

/**
 * `<Requirements><Sets>`: ExcelApi and CustomFunctionsRuntime declared, no set
 * named twice, every MinVersion "major.minor". (Which ExcelApi version the
 * code needs is checked by test/excel-host/api-usage.test.ts.)
 * @param {Manifest} m @returns {Problem[]}
 */
function checkRequirements(m) {
  const problems = [];
  const requirements = m.root.children.find((c) => c.name === "Requirements");
  const sets = requirements ? findAll(requirements, "Set") : [];
  const seen = new Set();
  for (const s of sets) {
    const name = s.attrs.Name;
    if (seen.has(name)) problems.push(problem("requirements", `<Set Name="${name}"> is listed twice`));
    seen.add(name);
    if (!/^\d+\.\d+$/.test(s.attrs.MinVersion || "")) {
      problems.push(problem("requirements", `<Set Name="${name}"> needs MinVersion="major.minor", got "${s.attrs.MinVersion || ""}"`));
    }
  }
  for (const name of REQUIRED_SETS) {
    if (!seen.has(name)) problems.push(problem("requirements", `<Requirements><Sets> must include <Set Name="${name}" MinVersion="..."/>`));
  }
  return problems;
}

/**
 * Runs every check. Stops after the XML check when the text is not well-formed.
 * @param {string} xml
 * @param {CheckOptions} [options]
 * @returns {Problem[]}
 */
function validateManifest(xml, options = {}) {
  const xmlProblems = checkWellFormed(xml);
  if (xmlProblems.length > 0) return xmlProblems;
  const m = parseManifest(xml);
  const rootProblems = checkRoot(m);
  if (rootProblems.length > 0) return rootProblems;
  return [
    ...checkId(m),
    ...checkResids(m),
    ...checkHttps(m),
    ...checkOrigin(m),
    ...checkFiles(m, options),
    ...checkIcons(m, options),
    ...checkNamespace(m, options),
    ...checkSharedRuntime(m),
    ...checkRequirements(m),
  ];
}

/** @param {Problem[]} problems */
function formatProblems(problems) {
  return problems.map((p) => `  - [${p.check}] ${p.message}`).join("\n");
}

module.exports = {
  REPO_ROOT,
  MAX_NAMESPACE_LENGTH,
  parseManifest,
  validateManifest,
  formatProblems,
  readFunctionsNamespace,
  checkWellFormed,
  checkRoot,
  checkId,
  checkResids,
  checkHttps,
  checkOrigin,
  checkFiles,
  checkIcons,
  checkNamespace,
  checkSharedRuntime,
  checkRequirements,
};
