import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { formatProblems, readFunctionsNamespace, validateManifest } from "../../scripts/lib/manifest-checks";
import { encodePng, readPngSize } from "../../scripts/lib/png";
import { resolveProductionUrl, rewriteManifestUrls } from "../../scripts/lib/manifest-url";

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** Replaces exactly one occurrence (all when `all`), failing loudly if the text is absent. */
function edit(xml: string, from: string, to: string, all = false): string {
  expect(xml).toContain(from);
  return all ? xml.split(from).join(to) : xml.replace(from, to);
}

function problemsOf(xml: string, options = {}) {
  return validateManifest(xml, options);
}

function expectProblem(xml: string, check: string, message: RegExp, options = {}) {
  const problems = problemsOf(xml, options);
  expect(problems).toEqual(expect.arrayContaining([{ check, message: expect.stringMatching(message) }]));
  return problems;
}

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-test-"));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A fake dist/ folder with every file the manifest names. */
function makeDist(dir: string) {
  fs.mkdirSync(path.join(dir, "assets"), { recursive: true });
  for (const f of ["taskpane.html", "taskpane.js", "functions.js", "functions.json", "help.html", "manifest.xml"]) {
    fs.writeFileSync(path.join(dir, f), "x");
  }
  for (const size of [16, 32, 64, 80, 128]) {
    fs.copyFileSync(path.join(ROOT, "assets", `icon-${size}.png`), path.join(dir, "assets", `icon-${size}.png`));
  }
}

describe("the real manifest", () => {
  it("passes every offline check", () => {
    expect(formatProblems(problemsOf(MANIFEST))).toBe("");
  });

  it("matches FUNCTIONS_NAMESPACE in src/functions/namespace.ts", () => {
    expect(readFunctionsNamespace(ROOT)).toBe("GOAL");
  });

  it("passes against a dist folder holding the built files", () => {
    makeDist(tmp);
    expect(problemsOf(MANIFEST, { distDir: tmp })).toEqual([]);
  });

  it("passes after the production URL rewrite", () => {
    const prod = rewriteManifestUrls(MANIFEST, resolveProductionUrl("https://addins.contoso.com/goal/"));
    expect(prod).not.toContain("https://localhost:3000");
    expect(prod).toContain("<AppDomain>https://addins.contoso.com</AppDomain>");
    expect(prod).toContain('DefaultValue="https://addins.contoso.com/goal/taskpane.html"');
    makeDist(tmp);
    expect(problemsOf(prod, { distDir: tmp })).toEqual([]);
  });
});

describe("broken manifests are rejected", () => {
  it("xml: not well-formed", () => {
    const problems = expectProblem(edit(MANIFEST, "</Permissions>", ""), "xml", /not well-formed XML/);
    expect(problems).toHaveLength(1);
  });

  it("xml: unclosed tag", () => {
    expectProblem(edit(MANIFEST, '<Host Name="Workbook"/>', '<Host Name="Workbook">'), "xml", /not well-formed XML.*line \d+/);
  });

  it("xml: not a task pane add-in", () => {
    expectProblem(edit(MANIFEST, 'xsi:type="TaskPaneApp"', 'xsi:type="MailApp"'), "xml", /expected "TaskPaneApp"/);
  });

  it("id: not a GUID", () => {
    expectProblem(edit(MANIFEST, "<Id>6ba08810-3f61-4993-9385-3bd7336151ac</Id>", "<Id>goal-scorecards</Id>"), "id", /"goal-scorecards" is not a GUID/);
  });

  it("id: missing", () => {
    expectProblem(edit(MANIFEST, "<Id>6ba08810-3f61-4993-9385-3bd7336151ac</Id>", ""), "id", /<Id> is missing/);
  });

  it("resid: reference to an undefined resource", () => {
    expectProblem(
      edit(MANIFEST, '<Label resid="CommandsGroup.Label"/>', '<Label resid="CommandsGroup.Labl"/>'),
      "resid",
      /resid "CommandsGroup\.Labl" on <OfficeApp\/.*\/Group\/Label> is not defined/,
    );
  });

  it("resid: resource defined twice", () => {
    expectProblem(
      edit(MANIFEST, '<bt:String id="GetStarted.Title"', '<bt:String id="CommandsGroup.Label"'),
      "resid",
      /resource id "CommandsGroup\.Label" is defined more than once/,
    );
  });

  it("https: plain http URL", () => {
    expectProblem(
      edit(MANIFEST, "https://localhost:3000/functions.json", "http://localhost:3000/functions.json"),
      "https",
      /Functions\.Metadata\.Url.*"http:\/\/localhost:3000\/functions\.json" must use https/,
    );
  });

  it("https: not a URL", () => {
    expectProblem(edit(MANIFEST, "https://localhost:3000/help.html", "help.html"), "https", /SupportUrl: "help\.html" is not an absolute URL/);
  });

  it("origin: URL on another origin", () => {
    expectProblem(
      edit(MANIFEST, "https://localhost:3000/functions.js", "https://cdn.example.com/functions.js"),
      "origin",
      /Functions\.Script\.Url.*is not on the add-in origin https:\/\/localhost:3000/,
    );
  });

  it("origin: AppDomains lists another origin", () => {
    expectProblem(
      edit(MANIFEST, "<AppDomain>https://localhost:3000</AppDomain>", "<AppDomain>https://www.contoso.com</AppDomain>"),
      "origin",
      /AppDomains should list only the add-in origin https:\/\/localhost:3000, not "https:\/\/www\.contoso\.com"/,
    );
  });

  it("files: URL to a file the build does not produce", () => {
    expectProblem(
      edit(MANIFEST, "https://localhost:3000/functions.json", "https://localhost:3000/metadata.json"),
      "files",
      /points at metadata\.json, which the build does not produce/,
    );
  });

  it("files: missing asset", () => {
    expectProblem(
      edit(MANIFEST, "https://localhost:3000/assets/icon-128.png", "https://localhost:3000/assets/logo-128.png"),
      "files",
      /points at assets\/logo-128\.png, which does not exist in the repository/,
    );
  });

  it("files: file missing from the dist folder", () => {
    makeDist(tmp);
    fs.rmSync(path.join(tmp, "functions.json"));
    expectProblem(MANIFEST, "files", /points at functions\.json, which is not in /, { distDir: tmp });
  });

  it("icons: PNG of the wrong pixel size", () => {
    makeDist(tmp);
    fs.writeFileSync(path.join(tmp, "assets", "icon-16.png"), encodePng(20, 20, new Uint8Array(20 * 20 * 4)));
    const problems = expectProblem(MANIFEST, "icons", /assets\/icon-16\.png is 20x20 pixels, expected 16x16 \(its id says 16x16\)/, {
      distDir: tmp,
    });
    expect(formatProblems(problems)).toMatch(/expected 16x16 \(it is used as <bt:Image size="16">\)/);
  });

  it("icons: size attribute disagrees with the file", () => {
    expectProblem(
      edit(MANIFEST, '<bt:Image size="32" resid="Icon.32x32"/>', '<bt:Image size="40" resid="Icon.32x32"/>'),
      "icons",
      /icon-32\.png is 32x32 pixels, expected 40x40 \(it is used as <bt:Image size="40">\)/,
    );
  });

  it("icons: IconUrl must be 32x32", () => {
    expectProblem(
      edit(
        MANIFEST,
        '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
        '<IconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"/>',
      ),
      "icons",
      /IconUrl: assets\/icon-80\.png is 80x80 pixels, expected 32x32/,
    );
  });

  it("icons: not a PNG", () => {
    makeDist(tmp);
    fs.writeFileSync(path.join(tmp, "assets", "icon-64.png"), "<svg/>");
    expectProblem(MANIFEST, "icons", /assets\/icon-64\.png is not a PNG file/, { distDir: tmp });
  });

  it("namespace: longer than 32 characters", () => {
    const long = "GOAL".repeat(9);
    expectProblem(
      edit(MANIFEST, '<bt:String id="Functions.Namespace" DefaultValue="GOAL"/>', `<bt:String id="Functions.Namespace" DefaultValue="${long}"/>`),
      "namespace",
      /must be 1 to 32 characters \(it has 36\)/,
      { expectedNamespace: long },
    );
  });

  it("namespace: differs from FUNCTIONS_NAMESPACE", () => {
    expectProblem(
      edit(MANIFEST, '<bt:String id="Functions.Namespace" DefaultValue="GOAL"/>', '<bt:String id="Functions.Namespace" DefaultValue="GOALS"/>'),
      "namespace",
      /"GOALS" in the manifest differs from FUNCTIONS_NAMESPACE "GOAL"/,
    );
  });

  it("namespace: invalid characters", () => {
    expectProblem(
      edit(MANIFEST, '<bt:String id="Functions.Namespace" DefaultValue="GOAL"/>', '<bt:String id="Functions.Namespace" DefaultValue="GO AL"/>'),
      "namespace",
      /may contain only letters, digits and periods/,
      { expectedNamespace: "GO AL" },
    );
  });

  it("runtime: task pane not in the shared runtime", () => {
    expectProblem(
      edit(MANIFEST, '<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="short"/>'),
      "runtime",
      /lifetime="long"/,
    );
  });

  it("runtime: SharedRuntime requirement missing", () => {
    expectProblem(edit(MANIFEST, '<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), "runtime", /SharedRuntime/);
  });

  it("requirements: ExcelApi and CustomFunctionsRuntime must be declared", () => {
    expectProblem(edit(MANIFEST, '<Set Name="ExcelApi" MinVersion="1.13"/>', ""), "requirements", /must include <Set Name="ExcelApi"/);
    expectProblem(
      edit(MANIFEST, '<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>', ""),
      "requirements",
      /must include <Set Name="CustomFunctionsRuntime"/,
    );
  });

  it("requirements: MinVersion must be major.minor", () => {
    expectProblem(
      edit(MANIFEST, '<Set Name="ExcelApi" MinVersion="1.13"/>', '<Set Name="ExcelApi" MinVersion="1.13.0"/>'),
      "requirements",
      /ExcelApi"> needs MinVersion="major\.minor", got "1\.13\.0"/,
    );
    expectProblem(edit(MANIFEST, '<Set Name="ExcelApi" MinVersion="1.13"/>', '<Set Name="ExcelApi"/>'), "requirements", /got ""/);
  });

  it("requirements: a set listed twice", () => {
    expectProblem(
      edit(MANIFEST, '<Set Name="ExcelApi" MinVersion="1.13"/>', '<Set Name="ExcelApi" MinVersion="1.13"/><Set Name="ExcelApi" MinVersion="1.1"/>'),
      "requirements",
      /<Set Name="ExcelApi"> is listed twice/,
    );
  });

  it("runtime: functions page differs from the runtime", () => {
    const xml = edit(
      MANIFEST,
      '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
      '<Page>\n              <SourceLocation resid="Functions.Script.Url"/>',
    );
    expectProblem(xml, "runtime", /CustomFunctions <Page><SourceLocation resid> must be the runtime's "Taskpane\.Url"/);
  });
});

describe("png helpers", () => {
  it("round-trips the size through encodePng/readPngSize", () => {
    expect(readPngSize(encodePng(3, 5, new Uint8Array(3 * 5 * 4)))).toEqual({ width: 3, height: 5 });
    expect(readPngSize(Buffer.from("not a png at all, not at all"))).toBeNull();
  });
});

describe("production URL", () => {
  it("defaults to the example host and rejects http", () => {
    expect(resolveProductionUrl(undefined)).toBe("https://goal-scorecards.example.com");
    expect(resolveProductionUrl("https://a.example.org/x/")).toBe("https://a.example.org/x");
    expect(() => resolveProductionUrl("http://a.example.org")).toThrow(/must use https/);
    expect(() => resolveProductionUrl("a.example.org")).toThrow(/not an absolute URL/);
  });
});

describe("validate-manifest CLI", () => {
  const cli = path.join(ROOT, "scripts", "validate-manifest.js");

  it("exits 0 and says so for the real manifest", () => {
    const out = execFileSync(process.execPath, [cli, "manifest.xml"], { cwd: ROOT, encoding: "utf8" });
    expect(out).toContain("manifest.xml is valid (offline checks)");
  });

  it("exits 1 with the list of problems", () => {
    const bad = path.join(tmp, "manifest.xml");
    fs.writeFileSync(bad, edit(MANIFEST, "<Id>6ba08810-3f61-4993-9385-3bd7336151ac</Id>", "<Id>nope</Id>"));
    let status = 0;
    let stderr = "";
    try {
      execFileSync(process.execPath, [cli, bad], { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
    } catch (err) {
      const e = err as { status: number; stderr: string };
      status = e.status;
      stderr = e.stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/has 1 problem:\n {2}- \[id\] <Id> "nope" is not a GUID/);
  });
});
