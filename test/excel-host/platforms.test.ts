// Platform profiles (src/excel-host/platforms.ts): requirement sets per
// platform, Office's isSetSupported semantics, member support, and the
// ApiNotFound error as Microsoft's Excel client words it.
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import {
  API_NOT_FOUND,
  PLATFORMS,
  PLATFORM_IDS,
  PlatformId,
  apiNotFoundError,
  apiNotFoundMessage,
  compareVersions,
  isSetSupported,
  memberSupported,
  requirementsFor,
  supportedVersion,
} from "../../src/excel-host/platforms";

const CLIENT = path.resolve(__dirname, "..", "..", "node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");

describe("isSetSupported (Office's RequirementMatrix semantics)", () => {
  it("ignores the case of the set name", () => {
    expect(isSetSupported("web", "excelapi", "1.1")).toBe(true);
    expect(isSetSupported("web", "EXCELAPIONLINE", "1.1")).toBe(true);
    expect(supportedVersion("windows", "sharedruntime")).toBe("1.2");
  });

  it("compares versions as major then minor numbers, not as text or decimals", () => {
    expect(isSetSupported("excel2021", "ExcelApi", "1.9")).toBe(true);
    expect(isSetSupported("excel2021", "ExcelApi", "1.14")).toBe(true);
    expect(isSetSupported("excel2021", "ExcelApi", "1.15")).toBe(false);
    // "1.10" is version 1.10 for Office, greater than 1.9 (not the decimal 1.1).
    expect(isSetSupported("windows", "ExcelApi", "1.10")).toBe(true);
    expect(isSetSupported("excel2021", "ExcelApi", "2.0")).toBe(false);
    expect(isSetSupported("excel2021", "ExcelApi", "0.9")).toBe(true);
    // A number is turned into text first, as Office does: 1.1 is "1.1".
    expect(isSetSupported("excel2021", "ExcelApi", 1.1)).toBe(true);
    expect(isSetSupported("excel2021", "ExcelApi", 2)).toBe(false);
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.2", "1.2")).toBe(0);
  });

  it("accepts any version when minVersion is missing", () => {
    expect(isSetSupported("web", "ExcelApiOnline")).toBe(true);
    expect(isSetSupported("windows", "ExcelApiOnline")).toBe(false);
  });

  it("is false for unknown sets, malformed versions and a missing name", () => {
    expect(isSetSupported("web", "WordApi", "1.1")).toBe(false);
    expect(isSetSupported("web", "ExcelApi", "one.two")).toBe(false);
    expect(isSetSupported("web", "ExcelApi", "latest")).toBe(false);
    expect(isSetSupported("web", undefined as unknown as string)).toBe(false);
  });

  it("rejects an unknown profile", () => {
    expect(() => isSetSupported("ipad" as PlatformId, "ExcelApi")).toThrow(/unknown platform profile "ipad"/);
  });

  it("is the same function Office.context.requirements gets", () => {
    const req = requirementsFor("excel2021");
    expect(req.isSetSupported("CustomFunctionsRuntime", "1.3")).toBe(true);
    expect(req.isSetSupported("CustomFunctionsRuntime", "1.4")).toBe(false);
  });
});

describe("the four profiles", () => {
  const has = (p: PlatformId, set: string, v: string) => isSetSupported(p, set, v);

  it("web only has ExcelApiOnline; Windows and Mac only have ExcelApiDesktop", () => {
    expect(PLATFORM_IDS.filter((p) => has(p, "ExcelApiOnline", "1.1"))).toEqual(["web"]);
    expect(PLATFORM_IDS.filter((p) => has(p, "ExcelApiDesktop", "1.1"))).toEqual(["windows", "mac"]);
  });

  it("Microsoft 365 has ExcelApi 1.21; Office LTSC 2021 stops at 1.14", () => {
    expect(PLATFORM_IDS.map((p) => supportedVersion(p, "ExcelApi"))).toEqual(["1.21", "1.21", "1.21", "1.14"]);
  });

  it("custom functions and the shared runtime: 2021 has CustomFunctionsRuntime 1.3 and SharedRuntime 1.1", () => {
    expect(PLATFORM_IDS.map((p) => supportedVersion(p, "CustomFunctionsRuntime"))).toEqual(["1.5", "1.5", "1.5", "1.3"]);
    expect(PLATFORM_IDS.map((p) => supportedVersion(p, "SharedRuntime"))).toEqual(["1.2", "1.2", "1.2", "1.1"]);
  });

  it("the common sets follow Microsoft's tables", () => {
    expect(PLATFORM_IDS.filter((p) => has(p, "OpenBrowserWindowApi", "1.1"))).toEqual(["windows", "mac", "excel2021"]);
    expect(PLATFORM_IDS.filter((p) => has(p, "RibbonApi", "1.3"))).toEqual(["web", "windows", "mac"]);
    expect(PLATFORM_IDS.filter((p) => has(p, "RibbonApi", "1.2"))).toEqual(PLATFORM_IDS);
    expect(PLATFORM_IDS.filter((p) => has(p, "KeyboardShortcuts", "1.1"))).toEqual(["web", "windows", "mac"]);
    expect(PLATFORM_IDS.filter((p) => has(p, "DialogApi", "1.2"))).toEqual(PLATFORM_IDS);
    expect(PLATFORM_IDS.filter((p) => has(p, "IdentityAPI", "1.3"))).toEqual(PLATFORM_IDS);
    expect(PLATFORM_IDS.filter((p) => has(p, "ImageCoercion", "1.1"))).toEqual(["windows", "mac", "excel2021"]);
    expect(PLATFORM_IDS.filter((p) => has(p, "TextCoercion", "1.1"))).toEqual(["web", "windows", "excel2021"]);
  });

  it("every version is major.minor", () => {
    for (const p of PLATFORM_IDS) {
      for (const [set, v] of Object.entries(PLATFORMS[p].sets)) expect(`${set} ${v}`).toMatch(/^[A-Za-z]+ \d+\.\d+$/);
    }
  });
});

describe("memberSupported and ApiNotFound", () => {
  it("WorksheetProtection.checkPassword / isPasswordProtected: web only (ExcelApiOnline 1.1)", () => {
    expect(memberSupported("web", "WorksheetProtection", "checkPassword")).toEqual({ ok: true });
    for (const p of ["windows", "mac", "excel2021"] as const) {
      expect(memberSupported(p, "WorksheetProtection", "checkPassword")).toEqual({ ok: false, set: "ExcelApiOnline", version: "1.1" });
      expect(memberSupported(p, "WorksheetProtection", "isPasswordProtected")).toEqual({ ok: false, set: "ExcelApiOnline", version: "1.1" });
    }
  });

  it("a member newer than Office 2021's ExcelApi 1.14 fails there only", () => {
    expect(PLATFORM_IDS.map((p) => memberSupported(p, "Range", "getSpillingToRange").ok)).toEqual([true, true, true, true]);
    expect(PLATFORM_IDS.map((p) => memberSupported(p, "Range", "getDependents").ok)).toEqual([true, true, true, false]);
    expect(memberSupported("excel2021", "Range", "valuesAsJson")).toEqual({ ok: false, set: "ExcelApi", version: "1.16" });
  });

  it("a desktop-only member fails on the web", () => {
    expect(PLATFORM_IDS.map((p) => memberSupported(p, "Range", "showPrecedents").ok)).toEqual([false, true, true, false]);
  });

  it("accepts RichApi's PascalCase names", () => {
    expect(memberSupported("windows", "WorksheetProtection", "CheckPassword")).toEqual({ ok: false, set: "ExcelApiOnline", version: "1.1" });
    expect(memberSupported("excel2021", "Range", "ValuesAsJson").ok).toBe(false);
  });

  it("lets through members the table does not know or that name no set", () => {
    expect(memberSupported("excel2021", "Range", "notAMember")).toEqual({ ok: true });
    expect(memberSupported("excel2021", "NotAClass", "values")).toEqual({ ok: true });
    expect(memberSupported("excel2021", "Excel", "run")).toEqual({ ok: true });
  });

  it("builds Excel's ApiNotFound error with the client's camelCase name", () => {
    expect(apiNotFoundError("web", "WorksheetProtection", "CheckPassword")).toBeNull();
    expect(apiNotFoundError("mac", "WorksheetProtection", "CheckPassword")).toEqual({
      code: API_NOT_FOUND,
      httpStatusCode: 404,
      message:
        "The method or property WorksheetProtection.checkPassword is part of the ExcelApiOnline 1.1 requirement set, which is not available in your version of Excel.",
      debugInfo: { errorLocation: "WorksheetProtection.checkPassword" },
    });
  });

  it("words the message as the client's ApiNotFoundDetails resource string", () => {
    const client = fs.readFileSync(CLIENT, "utf8");
    const template = /ApiNotFoundDetails: '([^']*)'/.exec(client)?.[1];
    expect(template).toBeDefined();
    const expected = (template ?? "").replace("{0}", "Range.showPrecedents").replace("{1}", "ExcelApiDesktop 1.1").replace("{2}", "Excel");
    expect(apiNotFoundMessage("Range.showPrecedents", "ExcelApiDesktop", "1.1")).toBe(expected);
    expect(apiNotFoundMessage("Range.showPrecedents", "ExcelApiDesktop", "1.1", "Word")).toMatch(/your version of Word\.$/);
  });

  it("matches the error Microsoft's client raises, which the npm build leaves switched off", () => {
    // Load the real client in a VM context and give it the web profile's requirements.
    const sandbox: Record<string, unknown> = { console, setTimeout, clearTimeout, navigator: { userAgent: "node" } };
    sandbox.window = sandbox;
    sandbox.self = sandbox;
    const ctx = vm.createContext(sandbox);
    vm.runInContext(fs.readFileSync(CLIENT, "utf8"), ctx, { filename: "excel-web-16.00.debug.js" });
    // Office.context is a getter of the real Office object: put a stand-in window in front of it.
    ctx.window = { Office: { context: { requirements: requirementsFor("web") } } };
    const check = (): unknown =>
      vm.runInContext(`OfficeExtension.Utility.throwIfApiNotSupported("Range.showPrecedents", "ExcelApiDesktop", "1.1", "Excel")`, ctx);
    // The client sets Utility._doApiNotSupportedCheck = true but reads CommonUtility's (false):
    // it never throws ApiNotFound itself, so the responder has to.
    expect(check).not.toThrow();
    vm.runInContext("OfficeExtension.CommonUtility._doApiNotSupportedCheck = true", ctx);
    let thrown: { code?: string; httpStatusCode?: number; message?: string; debugInfo?: unknown } | undefined;
    try {
      check();
    } catch (e) {
      thrown = e as typeof thrown;
    }
    const ours = apiNotFoundError("web", "Range", "showPrecedents");
    expect(ours).not.toBeNull();
    expect({ code: thrown?.code, httpStatusCode: thrown?.httpStatusCode, message: thrown?.message }).toEqual({
      code: ours?.code,
      httpStatusCode: ours?.httpStatusCode,
      message: ours?.message,
    });
    expect(JSON.parse(JSON.stringify(thrown?.debugInfo))).toMatchObject(ours?.debugInfo ?? {});
  });
});
