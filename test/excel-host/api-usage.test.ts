// Which Excel JavaScript API members the add-in uses, and which requirement
// sets they need: every member access (and every property named in a
// `load(...)` string) in src/excel, src/taskpane, src/functions and src/runtime
// whose declaration is in the `Excel` namespace of @types/office-js, mapped to
// its set by the generated table. Members used without a guard must fit the
// manifest's `ExcelApi` minimum; members outside it, or outside ExcelApi
// (ExcelApiOnline, ExcelApiDesktop), must be in GUARDED below, with the guard.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { compareVersions, memberSet } from "../../src/excel-host/platforms";

const ROOT = path.resolve(__dirname, "..", "..");
const SCANNED = ["src/excel", "src/taskpane", "src/functions", "src/runtime"];

/**
 * Members the add-in may use beyond the manifest's ExcelApi minimum because
 * the code guards them (isSetSupported, feature detection, or a catch that
 * degrades). Key "Class.member", value: the guard.
 */
const GUARDED: Readonly<Record<string, string>> = {
  // ExcelApi 1.12: the Scorecards chart follows the GOAL.SCORECARD spill only where
  // isSetSupported("ExcelApi", "1.12") (spillApiSupported in src/excel/scorecards.ts).
  "Range.getSpillingToRangeOrNullObject": 'isSetSupported("ExcelApi", "1.12")',
};

interface Use {
  className: string;
  member: string;
  where: string;
}

interface Uses {
  excel: Use[];
  /** CustomFunctions members used ("CustomFunctions.Error") → CustomFunctionsRuntime version. */
  customFunctions: Map<string, string>;
}

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
    }
  };
  for (const d of SCANNED) walk(path.join(ROOT, d));
  return out.sort();
}

/** The namespaces declaring a node, innermost first (`Excel`, `Interfaces`+`Excel`, `OfficeExtension`, …). */
function namespacesOf(node: ts.Node): string[] {
  const modules: string[] = [];
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) if (ts.isModuleDeclaration(n)) modules.push(n.name.text);
  return modules;
}

/** The Excel class (or "Excel" for a namespace function) that declares this node, or null when it is not Excel's. */
function excelOwner(decl: ts.Declaration): string | null {
  if (ts.isEnumMember(decl)) return null; // enum values are plain strings on the wire
  const owner = decl.parent;
  let className: string;
  if (ts.isFunctionDeclaration(decl)) className = "Excel";
  else if (owner && (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) && owner.name) className = owner.name.text;
  else return null;
  // Exactly `declare namespace Excel` (not Excel.Interfaces, not OfficeExtension).
  const modules = namespacesOf(decl);
  return modules.length === 1 && modules[0] === "Excel" ? className : null;
}

/** `[Api set: CustomFunctionsRuntime X.Y]` of a declaration in the CustomFunctions namespace (or of its class), or null. */
function customFunctionsSet(decl: ts.Declaration): string | null {
  const modules = namespacesOf(decl);
  if (modules.length !== 1 || modules[0] !== "CustomFunctions") return null;
  for (let n: ts.Node | undefined = decl; n && !ts.isModuleBlock(n); n = n.parent) {
    const sf = n.getSourceFile();
    const m = /\[Api set: CustomFunctionsRuntime (\d+\.\d+)\]/.exec(sf.text.slice(n.pos, n.getStart(sf)));
    if (m) return m[1];
  }
  return null;
}

function collectUses(files: string[]): Uses {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2020,
    lib: ["lib.es2020.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    types: ["office-js", "custom-functions-runtime"],
    typeRoots: [path.join(ROOT, "node_modules", "@types")],
  });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  const customFunctionsUses = new Map<string, string>();
  const record = (symbol: ts.Symbol | undefined, at: ts.Node, sf: ts.SourceFile) => {
    if (!symbol) return;
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    for (const decl of target.declarations ?? []) {
      const cf = customFunctionsSet(decl);
      if (cf !== null) customFunctionsUses.set(`CustomFunctions.${target.name}`, cf);
      const className = excelOwner(decl);
      if (className === null) continue;
      const { line } = sf.getLineAndCharacterOfPosition(at.getStart(sf));
      uses.push({ className, member: target.name, where: `${path.relative(ROOT, sf.fileName)}:${line + 1}` });
      return;
    }
  };
  /** Properties named in load("a, b/c, items/d"): walk each path from the receiver's type. */
  const recordLoadPaths = (receiver: ts.Expression, text: string, at: ts.Node, sf: ts.SourceFile) => {
    for (const raw of text.split(",")) {
      let type: ts.Type | undefined = checker.getTypeAtLocation(receiver);
      for (const seg of raw.trim().split("/").filter(Boolean)) {
        if (!type) break;
        const prop = checker.getPropertyOfType(checker.getNonNullableType(type), seg);
        if (!prop) break;
        record(prop, at, sf);
        type = checker.getTypeOfSymbolAtLocation(prop, at);
        // items/x: the element type of the collection's items array
        if (seg === "items") type = checker.getIndexTypeOfType(type, ts.IndexKind.Number) ?? type;
      }
    }
  };
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) record(checker.getSymbolAtLocation(node.name), node.name, sf);
      // Type positions too (CustomFunctions.Error as a type): a qualified name's right-hand side.
      if (ts.isQualifiedName(node)) record(checker.getSymbolAtLocation(node.right), node.right, sf);
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "load") {
        const method = checker.getSymbolAtLocation(node.expression.name);
        if (method?.declarations?.some((d) => excelOwner(d) !== null)) {
          for (const arg of node.arguments) {
            const strings: string[] = [];
            if (ts.isStringLiteralLike(arg)) strings.push(arg.text);
            else if (ts.isArrayLiteralExpression(arg)) {
              for (const e of arg.elements) if (ts.isStringLiteralLike(e)) strings.push(e.text);
            } else if (ts.isObjectLiteralExpression(arg)) {
              for (const p of arg.properties) {
                if (!ts.isPropertyAssignment(p)) continue;
                const key = p.name.getText(sf);
                if ((key === "select" || key === "expand") && ts.isStringLiteralLike(p.initializer)) strings.push(p.initializer.text);
                else if (key !== "select" && key !== "expand" && key !== "top" && key !== "skip") strings.push(key);
              }
            }
            for (const s of strings) recordLoadPaths(node.expression.expression, s, arg, sf);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { excel: uses, customFunctions: customFunctionsUses };
}

function manifestMinVersion(setName: string): string | undefined {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const m = new RegExp(`<Set\\s+Name="${setName}"\\s+MinVersion="([^"]+)"\\s*/>`).exec(xml);
  return m?.[1];
}

type ByKey = Map<string, { set: string; version: string; where: string[] }>;

/** Uses grouped by "Class.member", with their sets; members without a set (Excel.run, RequestContext.workbook) left out. */
function bySet(uses: Use[]): ByKey {
  const byKey: ByKey = new Map();
  for (const u of uses) {
    const key = `${u.className}.${u.member}`;
    const s = memberSet(u.className, u.member);
    if (!s) continue;
    const entry = byKey.get(key) ?? { set: s.set, version: s.version, where: [] };
    entry.where.push(u.where);
    byKey.set(key, entry);
  }
  return byKey;
}

let byKey: ByKey;
let customFunctionsUses: Map<string, string>;
beforeAll(() => {
  const uses = collectUses(sourceFiles());
  byKey = bySet(uses.excel);
  customFunctionsUses = uses.customFunctions;
}, 120_000);

describe("the scanner", () => {
  it("finds accesses, type references and every form of load() argument, and ignores enums", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "api-usage-"));
    const file = path.join(dir, "sample.ts");
    fs.writeFileSync(
      file,
      `export async function sample(context: Excel.RequestContext): Promise<CustomFunctions.Error | null> {
  const ws = context.workbook.worksheets.getItem("S");
  ws.getRange("A1").load(["valuesAsJson"]);
  ws.getRange("A2").load({ select: "numberFormatCategories", expand: "format" });
  ws.load({ tabColor: true });
  ws.protection.load("isPaused");
  ws.tables.load("items/legacyId");
  ws.visibility = Excel.SheetVisibility.hidden;
  await context.sync();
  return null;
}
`,
    );
    try {
      const uses = collectUses([file]);
      const found = bySet(uses.excel);
      const sets = Object.fromEntries([...found].map(([k, s]) => [k, `${s.set} ${s.version}`]));
      expect(sets).toMatchObject({
        "Worksheet.getRange": "ExcelApi 1.1",
        "Range.valuesAsJson": "ExcelApi 1.16", // load([...])
        "Range.numberFormatCategories": "ExcelApi 1.12", // load({ select })
        "Range.format": "ExcelApi 1.1", // load({ expand })
        "Worksheet.tabColor": "ExcelApi 1.7", // load({ key: true })
        "WorksheetProtection.isPaused": "ExcelApiOnline 1.1", // load("...")
        "TableCollection.items": "ExcelApi 1.1", // items/…
        "Table.legacyId": "ExcelApi 1.8",
      });
      expect(Object.keys(sets).some((k) => k.startsWith("SheetVisibility."))).toBe(false);
      expect(uses.customFunctions.get("CustomFunctions.Error")).toBe("1.2");
      expect(found.get("Range.valuesAsJson")?.where).toEqual([`${path.relative(ROOT, file)}:3`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("Excel API members the add-in uses", () => {
  it("finds the members the adapter is known to use, with their sets", () => {
    expect(byKey.get("Worksheet.getRange")).toMatchObject({ set: "ExcelApi", version: "1.1" });
    expect(byKey.get("Table.resize")).toMatchObject({ set: "ExcelApi", version: "1.13" });
    // Named only in a load("protected,options") string.
    expect(byKey.get("WorksheetProtection.options")?.where.some((w) => w.startsWith("src/excel/review-protection.ts"))).toBe(true);
    // items/name: the path goes through the collection's items to Worksheet.name.
    expect(byKey.has("WorksheetCollection.items")).toBe(true);
    expect(byKey.size).toBeGreaterThan(40);
  });

  it("needs no ExcelApi version above the manifest's minimum, but for guarded members", () => {
    const declared = manifestMinVersion("ExcelApi");
    expect(declared).toBeDefined();
    const unguarded = [...byKey].filter(([key, s]) => s.set === "ExcelApi" && !(key in GUARDED));
    const needed = unguarded.reduce((max, [, s]) => (compareVersions(s.version, max) > 0 ? s.version : max), "1.1");
    const above = unguarded.filter(([, s]) => compareVersions(s.version, declared ?? "0") > 0).map(([k, s]) => `${k} (ExcelApi ${s.version}) at ${s.where[0]}`);
    expect(above).toEqual([]);
    // The manifest asks for exactly what the code needs: no higher (that would lock out Excel versions for nothing).
    expect(declared).toBe(needed);
  });

  it("uses members of other sets (ExcelApiOnline, ExcelApiDesktop) only when GUARDED says how", () => {
    const outside = [...byKey].filter(([, s]) => s.set !== "ExcelApi").map(([k, s]) => `${k} (${s.set} ${s.version})`);
    const unlisted = outside.filter((k) => !(k.split(" ")[0] in GUARDED));
    expect(unlisted).toEqual([]);
  });

  it("lists in GUARDED only members the code still uses, each with its guard", () => {
    const stale = Object.keys(GUARDED).filter((k) => !byKey.has(k));
    expect(stale).toEqual([]);
    for (const guard of Object.values(GUARDED)) expect(guard).toMatch(/\S/);
  });

  it("declares the CustomFunctionsRuntime the functions need, and SharedRuntime 1.1", () => {
    // GOAL.* results are CustomFunctions.Error objects (CustomFunctionsRuntime 1.2, "adds the
    // CustomFunctions.Error object") with the codes #VALUE! and #N/A; the functions use no
    // Invocation features (addresses 1.1/1.3, value preview 1.5) and no streaming.
    expect(customFunctionsUses.get("CustomFunctions.Error")).toBe("1.2");
    const needed = [...customFunctionsUses.values()].reduce((max, v) => (compareVersions(v, max) > 0 ? v : max), "1.1");
    expect(manifestMinVersion("CustomFunctionsRuntime")).toBe(needed);
    // The task pane and the functions share one runtime.
    expect(manifestMinVersion("SharedRuntime")).toBe("1.1");
  });
});
