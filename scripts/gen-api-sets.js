#!/usr/bin/env node
"use strict";
// Generates src/excel-host/api-sets.generated.ts: for every class and interface
// of the `Excel` namespace in @types/office-js, the requirement set of each
// member, read from its `[Api set: X Y]` doc line (a member without one takes
// its class's set). The platform profiles (src/excel-host/platforms.ts) use the
// table to fail members outside a profile as Excel does (ApiNotFound).
//
//   node scripts/gen-api-sets.js            writes the file
//   node scripts/gen-api-sets.js --check    exits 1 if the committed file is stale
//
// test/excel-host/api-sets.test.ts checks the committed file equals generate().

const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "..");
const TYPES_DIR = path.join(ROOT, "node_modules", "@types", "office-js");
const OUT = path.join(ROOT, "src", "excel-host", "api-sets.generated.ts");

/** The sets the table records; any other set named in the Excel namespace is an error. */
const SETS = ["ExcelApi", "ExcelApiOnline", "ExcelApiDesktop"];
/** Pseudo-class for functions declared directly in the namespace (`Excel.run`, `Excel.createWorkbook`). */
const NAMESPACE_CLASS = "Excel";

/**
 * The first `[Api set: Name X.Y …]` in a doc comment, or null. Lines such as
 * "ExcelApi 1.1 for get, 1.8 for set" give the first (lowest) version: what a
 * member needs to be usable at all. `parameterOnly` is true for a line with a
 * single version qualified by "for …" ("ExcelApi 1.7 for password" on
 * `WorksheetProtection.unprotect`): that version is for a parameter, and the
 * member itself exists since its class's set.
 * @param {string} comment
 * @returns {{ set: string, version: string, parameterOnly?: boolean } | null}
 */
function parseApiSet(comment) {
  const line = /\[Api set:([^\]]*)\]/.exec(comment);
  if (!line) return null;
  const m = /^\s*([A-Za-z]+)\s+(\d+\.\d+)/.exec(line[1]);
  if (!m) throw new Error(`unreadable requirement set line: ${line[0]}`);
  if (!SETS.includes(m[1])) throw new Error(`unexpected requirement set ${m[1]} in the Excel namespace: ${line[0]}`);
  const versions = line[1].match(/\d+\.\d+/g) || [];
  const parameterOnly = versions.length === 1 && /^\s*for\b/.test(line[1].slice(m[0].length));
  return parameterOnly ? { set: m[1], version: m[2], parameterOnly } : { set: m[1], version: m[2] };
}

/** -1, 0, 1 comparing "major.minor" versions numerically. */
function compareVersions(a, b) {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am - bm || an - bn;
}

/** Overloads can differ: keep the least demanding (ExcelApi first, then the lower version). */
function lesser(a, b) {
  if (!a) return b;
  if (!b) return a;
  if (a.set !== b.set) return SETS.indexOf(a.set) <= SETS.indexOf(b.set) ? a : b;
  return compareVersions(a.version, b.version) <= 0 ? a : b;
}

/** The doc comment right before a declaration: the last `/** … *\/` between the previous token and the node. */
function docComment(sf, node) {
  const before = sf.text.slice(node.pos, node.getStart(sf));
  const start = before.lastIndexOf("/**");
  return start < 0 ? "" : before.slice(start);
}

function memberName(member) {
  const n = member.name;
  if (!n) return null;
  if (ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isPrivateIdentifier(n)) return n.text;
  return null;
}

/**
 * Reads the Excel namespace of index.d.ts.
 * @param {string} text the .d.ts source
 * @returns {Map<string, { classSet: {set: string, version: string} | null, members: Map<string, {set: string, version: string} | null>, bases: string[] }>}
 */
function readExcelNamespace(text) {
  const sf = ts.createSourceFile("index.d.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** @type {Map<string, any>} */
  const classes = new Map();
  const entry = (name) => {
    if (!classes.has(name)) classes.set(name, { classSet: null, members: new Map(), bases: [] });
    return classes.get(name);
  };
  const add = (cls, name, apiSet) => {
    const had = cls.members.has(name);
    cls.members.set(name, had ? lesserOrNull(cls.members.get(name), apiSet) : apiSet);
  };
  // A member declared twice, once without a set (taking the class's): keep null only if both are null.
  const lesserOrNull = (a, b) => (a && b ? lesser(a, b) : a || b);

  for (const stmt of sf.statements) {
    if (!ts.isModuleDeclaration(stmt) || stmt.name.text !== "Excel" || !stmt.body || !ts.isModuleBlock(stmt.body)) continue;
    for (const decl of stmt.body.statements) {
      if (ts.isFunctionDeclaration(decl) && decl.name) {
        const cls = entry(NAMESPACE_CLASS);
        add(cls, decl.name.text, parseApiSet(docComment(sf, decl)));
        continue;
      }
      if (!ts.isClassDeclaration(decl) && !ts.isInterfaceDeclaration(decl)) continue;
      if (!decl.name) continue;
      const cls = entry(decl.name.text);
      cls.classSet = lesserOrNull(cls.classSet, parseApiSet(docComment(sf, decl)));
      for (const clause of decl.heritageClauses || []) {
        for (const t of clause.types) {
          // Only bases in the Excel namespace itself (OfficeExtension.ClientObject etc. are not Excel members).
          if (ts.isIdentifier(t.expression)) cls.bases.push(t.expression.text);
        }
      }
      for (const member of decl.members) {
        if (ts.isConstructorDeclaration(member) || ts.isIndexSignatureDeclaration(member)) continue;
        const name = memberName(member);
        if (name === null) continue;
        const own = parseApiSet(docComment(sf, member));
        add(cls, name, own && own.parameterOnly ? lesser(cls.classSet, { set: own.set, version: own.version }) : own);
      }
    }
  }
  return classes;
}

/** Members inherited from bases in the namespace (interfaces `extends CellPropertiesLoadOptions`), own members win. */
function flatten(classes) {
  const done = new Set();
  const visit = (name, stack) => {
    const cls = classes.get(name);
    if (!cls || done.has(name)) return;
    if (stack.includes(name)) throw new Error(`inheritance cycle: ${[...stack, name].join(" -> ")}`);
    for (const base of cls.bases) {
      visit(base, [...stack, name]);
      const b = classes.get(base);
      if (!b) continue;
      for (const [m, s] of b.members) {
        // An inherited member without its own set takes the set of the class that declares it.
        if (!cls.members.has(m)) cls.members.set(m, s || b.classSet);
      }
    }
    done.add(name);
  };
  for (const name of classes.keys()) visit(name, []);
}

const code = (s) => `${s.set} ${s.version}`;

/**
 * One string per class: "<class set>|<set> <version>:m1,m2|…|-:m3". The first
 * field is the class's own set ("" when it has none); "-" lists members
 * without a set of their own (they take the class's set). Groups and names are sorted.
 */
function encodeClass(cls) {
  const groups = new Map();
  for (const [m, s] of cls.members) {
    const key = s ? code(s) : "-";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(m);
  }
  const keys = [...groups.keys()].sort((a, b) => {
    if (a === "-" || b === "-") return a === "-" ? 1 : -1;
    const [as, av] = a.split(" ");
    const [bs, bv] = b.split(" ");
    return SETS.indexOf(as) - SETS.indexOf(bs) || compareVersions(av, bv);
  });
  const fields = [cls.classSet ? code(cls.classSet) : ""];
  for (const k of keys) fields.push(`${k}:${groups.get(k).sort().join(",")}`);
  return fields.join("|");
}

/** The generated TypeScript module, from the given index.d.ts text and @types version. */
function generate(text = fs.readFileSync(path.join(TYPES_DIR, "index.d.ts"), "utf8"), typesVersion = readTypesVersion()) {
  const classes = readExcelNamespace(text);
  flatten(classes);
  const names = [...classes.keys()].sort();
  const lines = [
    "// GENERATED by scripts/gen-api-sets.js from the `[Api set: …]` doc lines of",
    `// @types/office-js ${typesVersion}, namespace Excel. Do not edit: run \`node scripts/gen-api-sets.js\`.`,
    "// test/excel-host/api-sets.test.ts fails when this file differs from what the script generates.",
    "//",
    '// One string per class: "<class set>|<set> <version>:member,member|…|-:member". The first field',
    '// is the class\'s own set ("" if none); members under "-" have no set of their own and take the',
    `// class's. "${NAMESPACE_CLASS}" holds the functions of the namespace itself (Excel.run, …).`,
    "// Decoded by src/excel-host/platforms.ts (memberSet).",
    "",
    `export const API_SETS_TYPES_VERSION = ${JSON.stringify(typesVersion)};`,
    "",
    `export const API_SET_NAMES = ${JSON.stringify(SETS)} as const;`,
    "",
    "export const API_SET_TABLE: Readonly<Record<string, string>> = {",
    ...names.map((n) => `  ${/^[A-Za-z_$][\w$]*$/.test(n) ? n : JSON.stringify(n)}: ${JSON.stringify(encodeClass(classes.get(n)))},`),
    "};",
    "",
  ];
  return lines.join("\n");
}

function readTypesVersion() {
  return JSON.parse(fs.readFileSync(path.join(TYPES_DIR, "package.json"), "utf8")).version;
}

module.exports = { generate, parseApiSet, compareVersions, readExcelNamespace, encodeClass, OUT };

if (require.main === module) {
  const out = generate();
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, "utf8") : "";
    if (current !== out) {
      console.error(`${path.relative(ROOT, OUT)} is stale: run node scripts/gen-api-sets.js`);
      process.exit(1);
    }
    console.log(`${path.relative(ROOT, OUT)} is up to date`);
  } else {
    fs.writeFileSync(OUT, out);
    console.log(`wrote ${path.relative(ROOT, OUT)} (${out.length} characters)`);
  }
}
