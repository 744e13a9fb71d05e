/**
 * Every file of the public corpus (test/fixtures/corpus/public: other projects' test
 * files) is read or refused in one line naming the file; CSV variants; and a property:
 * random bytes and random changes to a valid package never throw anything but a
 * FileError out of the reader.
 */
import { promises as fs } from "fs";
import * as path from "path";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { FileError } from "../../src/cli/errors";
import { readWorkbook } from "../../src/cli/read";
import { parseCsv } from "../../src/cli/csv";
import { goal, run, runJson, tmpDir, utc, writeFixture } from "./helpers";
import { goalRecords } from "../../src/core/tables";

const PUBLIC = path.join(__dirname, "../fixtures/corpus/public");

function expectOneLine(err: string, file: string): void {
  expect(err.split("\n")).toHaveLength(2);
  expect(err.startsWith(`goal-scorecards: ${file}: `)).toBe(true);
  expect(err).not.toMatch(/\bat .*:\d+:\d+|Error:|Cannot (read|set|create) propert|undefined|sheetNo|richText/);
}

describe("the public corpus", () => {
  let names: string[] = [];
  beforeAll(async () => {
    names = (await fs.readdir(PUBLIC)).sort();
  });

  test("every file is read (exit 0 or 1) or refused in one line naming it (exit 2)", async () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    const outcomes: Record<string, string> = {};
    for (const name of names) {
      const r = await run(["validate", name, "--as-of", "2026-07-01"], { cwd: PUBLIC });
      if (r.code === 2) {
        expect(r.out).toBe("");
        expectOneLine(r.err, name);
        outcomes[name] = r.err.slice(`goal-scorecards: ${name}: `.length).trim();
      } else {
        expect([0, 1]).toContain(r.code);
        outcomes[name] = "read";
      }
    }
    // The files that need a step from the user say which.
    expect(outcomes["calamine_date.xlsb"]).toBe("is a binary workbook (.xlsb); save it as an Excel Workbook (.xlsx)");
    expect(outcomes["calamine_pass_protected.xlsx"]).toBe("is password-protected (encrypted); save an unprotected copy");
    for (const name of [
      "calamine_table_with_absolute_paths.xlsx",
      "calamine_richtext-namespaced.xlsx",
      "calamine_minimal_package.xlsx",
      "calamine_nonstandard-xml-ns-prefix.xlsx",
    ])
      expect([name, outcomes[name]]).toEqual([name, expect.stringMatching(/^has no goals/)]);
    expect(outcomes["calamine_inlineStr_with_value.xlsx"]).toBe("read");
  });
});

describe("other formats", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir();
    await fs.copyFile(path.join(__dirname, "../fixtures/corpus/writers/lo_E_plain.ods"), path.join(dir, "goals.ods"));
    await fs.copyFile(path.join(__dirname, "../fixtures/corpus/writers/lo_E_plain.xls"), path.join(dir, "goals.xls"));
  });

  test(".ods and .xls are refused with the format's name and how to save as .xlsx", async () => {
    const ods = await run(["score", "goals.ods"], { cwd: dir });
    expect(ods.code).toBe(2);
    expect(ods.err).toBe(
      "goal-scorecards: goals.ods: is an OpenDocument spreadsheet (.ods), not .xlsx; in LibreOffice choose File > Save As > Excel 2007-365 (.xlsx), or in Excel save it as Excel Workbook (.xlsx)\n",
    );
    const xls = await run(["score", "goals.xls"], { cwd: dir });
    expect(xls.code).toBe(2);
    expect(xls.err).toBe(
      "goal-scorecards: goals.xls: is an Excel 97-2003 workbook (.xls) or another old Office file, not .xlsx; open it in Excel (or LibreOffice) and save it as Excel Workbook (.xlsx)\n",
    );
  });

  const HEADER = ["ID", "Title", "Owner", "Weight", "Target", "Due", "Comment"];
  const ROW = ["G-1", "Grow the business in Europe", "Zoë Müller", "45%", "200", "2026-12-31", 'said "yes; fine", then left'];

  test.each([
    ["comma, BOM, CRLF", "\ufeff", ",", "\r\n"],
    ["semicolon (European Excel), LF", "", ";", "\n"],
  ])("CSV: %s", async (_label, bom, sep, eol) => {
    const quote = (v: string) => (v.includes(sep) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v);
    const text = `${bom}${HEADER.join(sep)}${eol}${ROW.map(quote).join(sep)}${eol}`;
    await fs.writeFile(path.join(dir, "goals.csv"), text);
    const wb = await readWorkbook("goals.csv", dir);
    const v = goalRecords(wb.input)[0].values;
    expect([v.id, v.title, v.owner, v.weight, v.target, v.due, v.comment]).toEqual([
      "G-1",
      "Grow the business in Europe",
      "Zoë Müller",
      "45%",
      200,
      "2026-12-31",
      'said "yes; fine", then left',
    ]);
    const { json } = await runJson<{ goals: { id: string; owner: string }[] }>(["score", "goals.csv", "--as-of", "2026-07-01"], { cwd: dir });
    expect(json.goals).toEqual([expect.objectContaining({ id: "G-1", owner: "Zoë Müller" })]);
  });

  test("CSV: a formula-like field stays text; numbers with leading zeros stay text; a quoted field keeps its line break", () => {
    const csv = parseCsv(strToU8('ID,Title\n007,=HYPERLINK("x")\n"G-2","two\nlines"\n-1.5e3,'));
    expect(csv.rows).toEqual([
      ["ID", "Title"],
      ["007", '=HYPERLINK("x")'],
      ["G-2", "two\nlines"],
      [-1500, null],
    ]);
  });

  test("CSV that is not UTF-8 is refused with what to do", async () => {
    await fs.writeFile(path.join(dir, "latin1.csv"), Buffer.from("ID,Title\nG-1,Caf\xe9 growth\n", "latin1"));
    const r = await run(["score", "latin1.csv"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe("goal-scorecards: latin1.csv: is not UTF-8 text; save it as CSV UTF-8 (Comma delimited) or as an Excel Workbook (.xlsx)\n");
  });
});

describe("property: the reader never throws anything but a FileError", () => {
  let dir: string;
  let valid: Buffer;
  let parts: Record<string, Uint8Array>;
  beforeAll(async () => {
    dir = await tmpDir();
    await writeFixture(path.join(dir, "valid.xlsx"), { goals: [goal("G-1"), goal("G-2")], checkIns: [{ goalId: "G-1", date: utc("2026-03-31"), value: 45 }] });
    valid = await fs.readFile(path.join(dir, "valid.xlsx"));
    parts = unzipSync(new Uint8Array(valid));
  });

  async function outcome(bytes: Uint8Array, name: string): Promise<string> {
    await fs.writeFile(path.join(dir, name), bytes);
    try {
      const wb = await readWorkbook(name, dir);
      return `read ${goalRecords(wb.input).length}`;
    } catch (e) {
      if (e instanceof FileError) {
        expect(e.file).toBe(name);
        expect(e.reason).not.toMatch(/\n|Cannot (read|set|create) propert/);
        return "refused";
      }
      throw e;
    }
  }

  test("random bytes, and random bytes after a zip signature", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2000 }), fc.boolean(), async (bytes, zipHead) => {
        const b = zipHead ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        expect(await outcome(b, "random.xlsx")).toMatch(/^(read \d+|refused)$/);
      }),
      { numRuns: 60 },
    );
  });

  test("random byte changes to a valid package", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), async (edits) => {
        const b = new Uint8Array(valid);
        for (const [at, v] of edits) b[at % b.length] = v;
        expect(await outcome(b, "flipped.xlsx")).toMatch(/^(read \d+|refused)$/);
      }),
      { numRuns: 60 },
    );
  });

  test("random changes to the XML of a valid package (re-zipped, so the zip itself is sound)", async () => {
    const names = Object.keys(parts).filter((n) => /\.(xml|rels)$/.test(n));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.oneof(
          fc.string({ maxLength: 20 }),
          fc.constantFrom(
            "<",
            ">",
            "</c>",
            '"',
            "&",
            '<c r="XFD1048577">',
            'ref="A1:ZZZ9"',
            'r="0"',
            "<v>x</v>",
            'headerRowCount="0"',
            'date1904="1"',
            't="s"',
            "<v>999999</v>",
          ),
        ),
        async (name, at, drop, insert) => {
          const text = strFromU8(parts[name]);
          const i = at % (text.length + 1);
          const changed = { ...parts, [name]: strToU8(text.slice(0, i) + insert + text.slice(i + drop)) };
          expect(await outcome(zipSync(changed), "edited.xlsx")).toMatch(/^(read \d+|refused)$/);
        },
      ),
      { numRuns: 150 },
    );
  });
});
