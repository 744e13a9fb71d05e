// eslint.config.mjs enables Microsoft's Office.js rules (eslint-plugin-office-addins)
// for the code that calls Office.js: src/excel, src/taskpane, src/functions. One
// snippet with one mistake per rule is linted as if it were a file there.
import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

const MISTAKES = `export async function bad(context: Excel.RequestContext): Promise<void> {
  const range = context.workbook.worksheets.getItem("S").getRange("A1");
  range.load("values");
  console.log(range.values);
  const other = context.workbook.worksheets.getItem("T").getRange("B2");
  await context.sync();
  console.log(other.address);
  for (let i = 0; i < 2; i++) await context.sync();
  const a = context.workbook.getSelectedRange();
  a.load();
  const s = context.workbook.worksheets.getItem("U");
  s.load("tables");
  const n = context.workbook.worksheets.getItemOrNullObject("V");
  n.load("name");
  await context.sync();
  if (n === null) return;
  Office.initialize = () => {};
}
`;

const FILES = ["src/excel/x.ts", "src/taskpane/x.tsx", "src/functions/x.ts", "src/core/x.ts"];

/**
 * Office-addins findings ("line rule") per file name, from one ESLint process (the config is ESM).
 * The files do not exist, so no tsconfig types them: the type-aware rules are switched off for them
 * (the Office.js rules do not use type information).
 */
function lint(): Record<string, string[]> {
  const script = `
    import { ESLint } from "eslint";
    import tseslint from "typescript-eslint";
    const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });
    const out = {};
    for (const f of JSON.parse(process.argv[1])) {
      const [r] = await eslint.lintText(process.argv[2], { filePath: f });
      out[f] = r.messages.filter((m) => (m.ruleId || "").startsWith("office-addins/")).map((m) => m.line + " " + m.ruleId);
    }
    console.log(JSON.stringify(out));`;
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(FILES), MISTAKES], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(stdout) as Record<string, string[]>;
}

describe("eslint-plugin-office-addins in eslint.config.mjs", () => {
  let found: Record<string, string[]>;
  beforeAll(() => {
    found = lint();
  }, 120_000);

  it.each(FILES.slice(0, 3))("reports each Office.js mistake in %s", (file) => {
    expect(found[file]).toEqual([
      "4 office-addins/call-sync-before-read",
      "4 office-addins/call-sync-after-load",
      "7 office-addins/load-object-before-read",
      "8 office-addins/no-context-sync-in-loop",
      "10 office-addins/no-empty-load",
      "12 office-addins/no-navigational-load",
      "16 office-addins/test-for-null-using-isNullObject",
      "17 office-addins/no-office-initialize",
    ]);
  });

  it("leaves code that does not call Office.js (src/core) to the other rules", () => {
    expect(found["src/core/x.ts"]).toEqual([]);
  });
});
