/**
 * docs/engine.md is the map of src/core; this test keeps it true. Its rule table must have
 * one row per rule code, naming the file that holds the code's messages (RULE_FILES) and a
 * test file with a `describe` for the code; its file table must list every src/core file;
 * the names it cites must exist. And no rule is defined outside src/core/rules/.
 */
import * as fs from "fs";
import * as path from "path";
import { RULE_CODES, RuleCode } from "../../../src/core/findings";
import { MESSAGES, RULE_FILES } from "../../../src/core/rules/index";

const ROOT = path.join(__dirname, "..", "..", "..");
const CORE = path.join(ROOT, "src", "core");
const DOC = fs.readFileSync(path.join(ROOT, "docs", "engine.md"), "utf8");
const read = (repoPath: string): string => fs.readFileSync(path.join(ROOT, repoPath), "utf8");
const exists = (repoPath: string): boolean => fs.existsSync(path.join(ROOT, repoPath));

/** Every .ts file under src/core, relative to it (`rules/data.ts`). */
const CORE_FILES = (fs.readdirSync(CORE, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).map((f) => f.split(path.sep).join("/"));

/** The text of the `## heading` section of docs/engine.md (up to the next `## `). */
function section(heading: string): string {
  const start = DOC.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/engine.md has no section "## ${heading}"`);
  const end = DOC.indexOf("\n## ", start + 4);
  return DOC.slice(start, end < 0 ? undefined : end);
}

/** The rows of the first table in a section, each as its cells (header and rule line left out). */
function tableRows(text: string): string[][] {
  const lines = text.split("\n").filter((l) => l.startsWith("|"));
  return lines.slice(2).map((l) =>
    l
      .slice(1, -1)
      .split("|")
      .map((c) => c.trim()),
  );
}

/** The names in backticks of a table cell or text: `a`, `b` → ["a", "b"]. */
const quoted = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

interface RuleRow {
  label: string;
  file: string;
  functions: string[];
  tests: string;
}

const RULE_ROWS: RuleRow[] = tableRows(section("Where each rule lives")).map(([label, , file, functions, tests]) => ({
  label,
  file: quoted(file)[0] ?? file,
  functions: quoted(functions ?? ""),
  tests: quoted(tests ?? "")[0] ?? tests,
}));

/** The rows that are not rule codes, with their file and the `describe` their tests have. */
const OTHER_ROWS: Record<string, { file: string; describe: string }> = {
  blocking: { file: "src/core/rules/blocking.ts", describe: "blocking" },
  "status 1–8": { file: "src/core/rules/status.ts", describe: "Status" },
  escalation: { file: "src/core/rules/escalation.ts", describe: "Escalation" },
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A top-level `describe("<name>…` whose name starts with `prefix` followed by a space or the end of the name. */
const hasDescribe = (text: string, prefix: string): boolean => new RegExp(`^describe\\("${escape(prefix)}[ "]`, "m").test(text);
/** `function name`, `class name`, `const name` … declared in the text. */
const declares = (text: string, name: string): boolean => new RegExp(`\\b(function|class|const|let|interface|type)\\s+${escape(name)}\\b`).test(text);

/** The keys of every `*_MESSAGES = { … } as const` table in a file's text. */
function messageKeys(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(/export const \w+_MESSAGES = \{\n([\s\S]*?)\n\} as const/g)) {
    for (const k of m[1].matchAll(/^ {2}([A-Z]\d):/gm)) keys.push(k[1]);
  }
  return keys;
}

const CODE = RULE_CODES.join("|");
/** A finding or a scoring problem made with a literal rule code (the code in group 1, 2 or 3). */
const MAKES_RULE = new RegExp(`code: "(${CODE})"|invalidOutcome\\("(${CODE})"|\\bfinding\\([^;]*?"(${CODE})"`, "g");

describe("docs/engine.md: where each rule lives", () => {
  test("the table has one row per rule code and the blocking, status and escalation rows, no other", () => {
    const labels = RULE_ROWS.map((r) => r.label);
    for (const code of RULE_CODES) expect({ code, rows: labels.filter((l) => l === code).length }).toEqual({ code, rows: 1 });
    expect(labels.filter((l) => !(RULE_CODES as readonly string[]).includes(l)).sort()).toEqual(Object.keys(OTHER_ROWS).sort());
  });

  test.each([...RULE_CODES])("%s: its file is RULE_FILES' and holds its messages; its functions and tests exist", (code: RuleCode) => {
    const row = RULE_ROWS.find((r) => r.label === code) as RuleRow;
    expect(row.file).toBe(`src/core/rules/${RULE_FILES[code]}`);
    expect(exists(row.file)).toBe(true);
    const text = read(row.file);
    expect(messageKeys(text)).toContain(code);
    expect(MESSAGES[code]).toBeDefined();
    expect(row.functions.length).toBeGreaterThan(0);
    for (const f of row.functions) expect({ file: row.file, declares: f, found: declares(text, f) }).toEqual({ file: row.file, declares: f, found: true });
    expect(row.tests).toMatch(/^test\/.+\.test\.ts$/);
    expect(exists(row.tests)).toBe(true);
    expect({ tests: row.tests, describe: code, found: hasDescribe(read(row.tests), code) }).toEqual({ tests: row.tests, describe: code, found: true });
  });

  test.each(Object.keys(OTHER_ROWS))("%s: its file, functions and tests", (label) => {
    const row = RULE_ROWS.find((r) => r.label === label) as RuleRow;
    const want = OTHER_ROWS[label];
    expect(row.file).toBe(want.file);
    const text = read(row.file);
    for (const f of row.functions) expect({ declares: f, found: declares(text, f) }).toEqual({ declares: f, found: true });
    expect(exists(row.tests)).toBe(true);
    expect(hasDescribe(read(row.tests), want.describe)).toBe(true);
  });

  test("RULE_FILES names a file of src/core/rules for every code, and each file's messages are its codes", () => {
    for (const code of RULE_CODES) expect(CORE_FILES).toContain(`rules/${RULE_FILES[code]}`);
    for (const file of new Set(Object.values(RULE_FILES))) {
      const codes = RULE_CODES.filter((c) => RULE_FILES[c] === file);
      expect(messageKeys(read(`src/core/rules/${file}`)).sort()).toEqual([...codes].sort());
    }
  });
});

describe("the status rules", () => {
  test("status.ts has the eight numbered rules of scoring.md, in order, and no ninth", () => {
    const text = read("src/core/rules/status.ts");
    let at = 0;
    for (let k = 1; k <= 8; k++) {
      const next = text.indexOf(`// ${k}. `, at);
      expect({ rule: k, found: next > at }).toEqual({ rule: k, found: true });
      at = next;
    }
    expect(text).not.toMatch(/\/\/ (9|\d\d)\. /);
  });

  test("status.test.ts has a case named after each of the eight rules", () => {
    const text = read("test/core/rules/status.test.ts");
    for (let k = 1; k <= 8; k++) expect({ rule: k, found: text.includes(`test("${k}. `) }).toEqual({ rule: k, found: true });
  });
});

describe("no rule is defined outside src/core/rules", () => {
  const outside = CORE_FILES.filter((f) => !f.startsWith("rules/"));
  const made = (files: readonly string[]): number =>
    files.reduce((k, f) => k + [...fs.readFileSync(path.join(CORE, f), "utf8").matchAll(MAKES_RULE)].length, 0);

  test("the checks below see the findings and problems the code makes (scoring.ts outside rules/, the families inside)", () => {
    expect(made(["scoring.ts"])).toBeGreaterThanOrEqual(5);
    expect(made(CORE_FILES.filter((f) => f.startsWith("rules/")))).toBeGreaterThan(30);
  });

  test.each(outside)("%s declares no message table, and takes the message of each rule it reports from rules/", (file) => {
    const text = fs.readFileSync(path.join(CORE, file), "utf8");
    expect(text).not.toMatch(/\b(const|let|var)\s+\w*MESSAGES\w*\s*=/);
    for (const line of text.split("\n")) {
      if (line.trim().startsWith("*") || line.trim().startsWith("//")) continue;
      if ([...line.matchAll(MAKES_RULE)].length > 0)
        expect({ file, line: line.trim(), fromRules: /\b[A-Z]+_MESSAGES\./.test(line) }).toEqual({ file, line: line.trim(), fromRules: true });
    }
  });

  test("inside rules/, each finding with a literal code is made in that code's file", () => {
    for (const file of CORE_FILES.filter((f) => f.startsWith("rules/"))) {
      const text = fs.readFileSync(path.join(CORE, file), "utf8");
      for (const m of text.matchAll(MAKES_RULE)) {
        const code = (m[1] ?? m[2] ?? m[3]) as RuleCode;
        expect({ code, in: file }).toEqual({ code, in: `rules/${RULE_FILES[code]}` });
      }
    }
  });

  test("the check finds what it looks for", () => {
    // A rule made with a literal code and its message written in place, outside rules/, is caught.
    const stray = 'return { code: "M1", field: "target", message: "Target is blank" };';
    expect([...stray.matchAll(MAKES_RULE)]).toHaveLength(1);
    expect(/\b[A-Z]+_MESSAGES\./.test(stray)).toBe(false);
    expect([...'sink.add(goal.index, finding(goal, "S3", "warn", "title", SPECIFIC_MESSAGES.S3(a, b, c)));'.matchAll(MAKES_RULE)].map((m) => m[3])).toEqual([
      "S3",
    ]);
    expect(messageKeys('export const X_MESSAGES = {\n  T1: () => "x",\n  T2: {\n    a: 1,\n  },\n} as const;')).toEqual(["T1", "T2"]);
  });
});

describe("docs/engine.md: files and names", () => {
  test("the file table lists every file of src/core, once, and no other", () => {
    const listed = tableRows(section("Files")).map((r) => quoted(r[0])[0] ?? r[0]);
    expect([...listed].sort()).toEqual([...CORE_FILES].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  test("every .ts file the page names exists (in src/core, or from the repository's root)", () => {
    const named = new Set([...DOC.matchAll(/[\w./-]+\.ts\b/g)].map((m) => m[0]));
    expect(named.size).toBeGreaterThan(10);
    for (const f of named) expect({ file: f, exists: CORE_FILES.includes(f) || exists(f) }).toEqual({ file: f, exists: true });
  });

  test("every name in backticks of the files, data-flow and performance sections is in src/core", () => {
    const source = CORE_FILES.map((f) => fs.readFileSync(path.join(CORE, f), "utf8")).join("\n");
    const text = section("Files") + section("How data flows") + section("Performance rules");
    const names = quoted(text).filter((q) => /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(q) && !q.endsWith(".ts"));
    expect(names.length).toBeGreaterThan(40);
    for (const q of names)
      for (const part of q.split("."))
        expect({ name: part, inSource: new RegExp(`\\b${escape(part)}\\b`).test(source) }).toEqual({ name: part, inSource: true });
  });
});
