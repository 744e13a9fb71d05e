// The generated member → requirement set table (scripts/gen-api-sets.js →
// src/excel-host/api-sets.generated.ts): up to date, right on known members,
// and in line with the checks Microsoft's own Excel client makes.
import * as fs from "fs";
import * as path from "path";
import { OUT, generate, parseApiSet, readExcelNamespace, encodeClass } from "../../scripts/gen-api-sets";
import { API_SET_TABLE, API_SETS_TYPES_VERSION } from "../../src/excel-host/api-sets.generated";
import { classSet, isKnownMember, memberSet, tableClasses } from "../../src/excel-host/platforms";

const ROOT = path.resolve(__dirname, "..", "..");

describe("api-sets.generated.ts", () => {
  it("is what scripts/gen-api-sets.js generates from the installed @types/office-js", () => {
    const committed = fs.readFileSync(OUT, "utf8");
    const fresh = generate();
    // On failure: run `node scripts/gen-api-sets.js` and commit the result.
    expect(committed === fresh).toBe(true);
    const typesVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/@types/office-js/package.json"), "utf8")) as { version: string }).version;
    expect(API_SETS_TYPES_VERSION).toBe(typesVersion);
  });

  it.each([
    ["WorksheetProtection", "checkPassword", "ExcelApiOnline", "1.1"],
    ["WorksheetProtection", "isPasswordProtected", "ExcelApiOnline", "1.1"],
    ["WorksheetProtection", "protect", "ExcelApi", "1.2"],
    // "[Api set: ExcelApi 1.7 for password]": the method itself is the class's 1.2.
    ["WorksheetProtection", "unprotect", "ExcelApi", "1.2"],
    ["Worksheet", "onChanged", "ExcelApi", "1.7"],
    ["Worksheet", "getRange", "ExcelApi", "1.1"],
    ["Range", "getSpillingToRange", "ExcelApi", "1.12"],
    ["Range", "values", "ExcelApi", "1.1"],
    ["Table", "onChanged", "ExcelApi", "1.7"],
    ["Table", "resize", "ExcelApi", "1.13"],
    ["WorksheetChangedEventArgs", "triggerSource", "ExcelApi", "1.14"],
    // "ExcelApi 1.1 for get, 1.8 for set" / "1.1 for reading visibility; 1.2 for setting it": the lower one.
    ["Application", "calculationMode", "ExcelApi", "1.1"],
    ["Worksheet", "visibility", "ExcelApi", "1.1"],
    ["Workbook", "name", "ExcelApi", "1.7"],
    // Namespace functions sit under the pseudo-class "Excel".
    ["Excel", "createWorkbook", "ExcelApi", "1.8"],
  ])("%s.%s is in %s %s", (cls, member, set, version) => {
    expect(memberSet(cls, member)).toMatchObject({ className: cls, member, set, version });
  });

  it("takes the class's set for members without an [Api set] line of their own", () => {
    expect(memberSet("Table", "load")).toEqual({ className: "Table", member: "load", set: "ExcelApi", version: "1.1", fromClass: true });
    expect(memberSet("Table", "onChanged")?.fromClass).toBe(false);
    expect(classSet("WorksheetProtection")).toEqual({ set: "ExcelApi", version: "1.2" });
    // Neither member nor class names a set.
    expect(isKnownMember("Excel", "run")).toBe(true);
    expect(memberSet("Excel", "run")).toBeUndefined();
  });

  it("finds RichApi's PascalCase names and tells unknown members apart", () => {
    expect(memberSet("Worksheet", "GetRange")).toMatchObject({ member: "getRange", set: "ExcelApi", version: "1.1" });
    expect(memberSet("Range", "Values")).toMatchObject({ member: "values" });
    expect(memberSet("Functions", "DAverage")).toMatchObject({ member: "daverage" });
    expect(memberSet("Range", "noSuchMember")).toBeUndefined();
    expect(isKnownMember("Range", "noSuchMember")).toBe(false);
    expect(memberSet("NoSuchClass", "values")).toBeUndefined();
    expect(memberSet("constructor", "name")).toBeUndefined();
  });

  it("has no class with two members that differ only in case (the PascalCase lookup relies on it)", () => {
    const clashes: string[] = [];
    for (const cls of tableClasses()) {
      const names = API_SET_TABLE[cls]
        .split("|")
        .slice(1)
        .flatMap((g) => g.slice(g.indexOf(":") + 1).split(","));
      const lower = new Set(names.map((n) => n.toLowerCase()));
      if (lower.size !== names.length) clashes.push(cls);
    }
    expect(clashes).toEqual([]);
    expect(tableClasses().length).toBeGreaterThan(300);
  });

  it("matches the ApiNotFound checks in Microsoft's Excel client, but for known lags of the npm client", () => {
    // The client (@microsoft/office-js on npm) carries its own metadata: each
    // member outside ExcelApi 1.1 calls _throwIfApiNotSupported("Class.member", set, version).
    const client = fs.readFileSync(path.join(ROOT, "node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js"), "utf8");
    const excel = client.slice(client.indexOf('var _hostName = "Excel"'));
    const re = /_throwIfApiNotSupported\("(\w+)\.(\w+)", (_defaultApiSetName|"\w+"), "([\d.]+)", _hostName\)/g;
    const differ: string[] = [];
    let compared = 0;
    for (const m of excel.matchAll(re)) {
      const [, cls, member, setArg, version] = m;
      const entry = memberSet(cls, member);
      if (member.startsWith("_") || !entry) continue; // internal RichApi methods; members newer or older than @types
      compared++;
      const set = setArg === "_defaultApiSetName" ? "ExcelApi" : (JSON.parse(setArg) as string);
      if (entry.set !== set || entry.version !== version) differ.push(`${cls}.${member} client ${set} ${version}, types ${entry.set} ${entry.version}`);
    }
    expect(compared).toBeGreaterThan(400);
    expect([...new Set(differ)].sort()).toEqual([
      "Binding.onDataChanged client ExcelApi 1.3, types ExcelApi 1.2",
      "Binding.onSelectionChanged client ExcelApi 1.3, types ExcelApi 1.2",
      "Range.getColumnsAfter client ExcelApi 1.3, types ExcelApi 1.2",
      "Range.getColumnsBefore client ExcelApi 1.3, types ExcelApi 1.2",
      "Range.getResizedRange client ExcelApi 1.3, types ExcelApi 1.2",
      "Range.getRowsAbove client ExcelApi 1.3, types ExcelApi 1.2",
      "Range.getRowsBelow client ExcelApi 1.3, types ExcelApi 1.2",
      "Workbook.onSelectionChanged client ExcelApi 1.3, types ExcelApi 1.2",
      // Promoted from ExcelApiOnline to ExcelApi 1.17 after this client was built.
      "Worksheet.onNameChanged client ExcelApiOnline 1.1, types ExcelApi 1.17",
      "Worksheet.onVisibilityChanged client ExcelApiOnline 1.1, types ExcelApi 1.17",
      "WorksheetChangedEventArgs.getRange client ExcelApi 1.9, types ExcelApi 1.8",
      "WorksheetChangedEventArgs.getRangeOrNullObject client ExcelApi 1.9, types ExcelApi 1.8",
      "WorksheetCollection.onMoved client ExcelApiOnline 1.1, types ExcelApi 1.17",
      "WorksheetCollection.onNameChanged client ExcelApiOnline 1.1, types ExcelApi 1.17",
      "WorksheetCollection.onVisibilityChanged client ExcelApiOnline 1.1, types ExcelApi 1.17",
    ]);
  });
});

describe("gen-api-sets.js parsing", () => {
  it("reads the first set and version of an [Api set] line", () => {
    expect(parseApiSet("/** x\n * [Api set: ExcelApi 1.12]\n */")).toEqual({ set: "ExcelApi", version: "1.12" });
    expect(parseApiSet("[Api set: ExcelApi 1.1 for get, 1.8 for set]")).toEqual({ set: "ExcelApi", version: "1.1" });
    expect(parseApiSet("[Api set: ExcelApi 1.7 for password]")).toEqual({ set: "ExcelApi", version: "1.7", parameterOnly: true });
    expect(parseApiSet("/** no set here */")).toBeNull();
  });

  it("rejects a set outside the Excel sets and an unreadable line", () => {
    expect(() => parseApiSet("[Api set: WordApi 1.3]")).toThrow(/unexpected requirement set WordApi/);
    expect(() => parseApiSet("[Api set: ExcelApi BETA (PREVIEW ONLY)]")).toThrow(/unreadable requirement set line/);
  });

  const SOURCE = `
declare namespace Excel {
    /** [Api set: ExcelApi 1.2] */
    class Thing extends OfficeExtension.ClientObject {
        context: RequestContext;
        /** [Api set: ExcelApi 1.9] */
        go(a: string): void;
        /** [Api set: ExcelApi 1.4] */
        go(a: number): void;
        /** [Api set: ExcelApiOnline 1.1] */
        readonly secret: boolean;
        /** [Api set: ExcelApi 1.7 for password] */
        lock(password?: string): void;
    }
    /** [Api set: ExcelApi 1.3] */
    interface Base { /** [Api set: ExcelApi 1.5] */ a: number; b: number; }
    interface Derived extends Base { /** [Api set: ExcelApi 1.6] */ c: number; }
    namespace Interfaces { interface ThingData { /** [Api set: ExcelApi 1.20] */ x: number; } }
}
declare namespace Word { /** [Api set: WordApi 1.1] */ class Doc { y: number; } }`;

  it("keeps the least demanding overload, the class set for bare members, and skips other namespaces", () => {
    const classes = readExcelNamespace(SOURCE);
    expect([...classes.keys()].sort()).toEqual(["Base", "Derived", "Thing"]);
    expect(encodeClass(classes.get("Thing"))).toBe("ExcelApi 1.2|ExcelApi 1.2:lock|ExcelApi 1.4:go|ExcelApiOnline 1.1:secret|-:context");
  });

  it("reports an inheritance cycle", () => {
    const cyclic = `declare namespace Excel { interface A extends B { a: number; } interface B extends A { b: number; } }`;
    expect(() => generate(cyclic, "0.0.0")).toThrow(/inheritance cycle/);
  });

  it("copies members inherited from a base in the namespace, each with its declaring class's set", () => {
    const out = generate(SOURCE, "9.9.9");
    expect(out).toContain('export const API_SETS_TYPES_VERSION = "9.9.9";');
    expect(out).toContain('  Derived: "|ExcelApi 1.3:b|ExcelApi 1.5:a|ExcelApi 1.6:c",');
    expect(out).toContain('  Base: "ExcelApi 1.3|ExcelApi 1.5:a|-:b",');
  });
});
